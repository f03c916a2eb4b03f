import { describe, expect, it } from 'vitest';
import * as T from '@theta/tensor';
import { callWithoutMutation } from '@theta/testing';
import * as N from '../index.js';

const bits = (theta: N.Theta): string[] => T.Tree.leaves(theta).map((x) => Array.from(new Uint8Array(x.data.buffer, x.data.byteOffset, x.data.byteLength)).join(','));

const stats = (x: T.Tensor): { mean: number; std: number; maxAbs: number } => {
  const v = T.toArray(x);
  const mean = v.reduce((s, a) => s + a, 0) / v.length;
  const std = Math.sqrt(v.reduce((s, a) => s + (a - mean) ** 2, 0) / v.length);
  return { mean, std, maxAbs: Math.max(...v.map(Math.abs)) };
};

describe('weight initialisers', () => {
  it('the bounds of every named scheme', () => {
    expect(N.weightDistribution('glorotUniform', 3, 5)).toEqual({ distribution: 'uniform', limit: Math.sqrt(6 / 8) });
    expect(N.weightDistribution('glorotNormal', 3, 5)).toEqual({ distribution: 'normal', std: Math.sqrt(2 / 8) });
    expect(N.weightDistribution('heUniform', 3, 5)).toEqual({ distribution: 'uniform', limit: Math.sqrt(2) });
    expect(N.weightDistribution('heNormal', 8, 5)).toEqual({ distribution: 'normal', std: 0.5 });
    expect(N.weightDistribution('lecunUniform', 3, 5)).toEqual({ distribution: 'uniform', limit: 1 });
    expect(N.weightDistribution('lecunNormal', 4, 5)).toEqual({ distribution: 'normal', std: 0.5 });
    expect(N.weightDistribution({ name: 'normal', std: 0.1 }, 3, 5)).toEqual({ distribution: 'normal', std: 0.1 });
    expect(N.weightDistribution({ name: 'uniform', limit: 0.2 }, 3, 5)).toEqual({ distribution: 'uniform', limit: 0.2 });
  });

  it('draws stay inside U(−a, a) and N(0, σ²) has the stated spread', () => {
    for (const scheme of ['glorotUniform', 'heUniform', 'lecunUniform'] as const) {
      const W = N.initWeights(T.key(1), [200, 50], scheme);
      const { limit } = N.weightDistribution(scheme, 50, 200) as { limit: number };
      const s = stats(W);
      expect(s.maxAbs).toBeLessThan(limit);
      expect(s.maxAbs).toBeGreaterThan(0.99 * limit);
      expect(Math.abs(s.std - limit / Math.sqrt(3))).toBeLessThan(0.03 * limit);
    }
    for (const scheme of ['glorotNormal', 'heNormal', 'lecunNormal'] as const) {
      const W = N.initWeights(T.key(2), [200, 50], scheme);
      const { std } = N.weightDistribution(scheme, 50, 200) as { std: number };
      const s = stats(W);
      expect(Math.abs(s.mean)).toBeLessThan(0.05 * std);
      expect(Math.abs(s.std - std)).toBeLessThan(0.03 * std);
    }
  });

  it('rejects unknown schemes and bounds ≤ 0', () => {
    expect(() => N.weightDistribution('xavier' as N.InitializerName, 1, 1)).toThrow(T.DomainError);
    expect(() => N.weightDistribution({ name: 'normal', std: 0 }, 1, 1)).toThrow(T.DomainError);
    expect(() => N.weightDistribution({ name: 'uniform', limit: -1 }, 1, 1)).toThrow(T.DomainError);
  });
});

describe('mlp.init', () => {
  const net = N.mlp({ sizes: [4, 6, 3, 2], activations: { hidden: 'relu', output: 'identity' } });

  it('the same key gives bit-identical Θ; another key does not', () => {
    for (const weights of ['glorotUniform', 'heNormal', { name: 'normal', std: 0.3 }] as const) {
      expect(bits(net.init(T.key(7), { weights }))).toEqual(bits(net.init(T.key(7), { weights })));
      expect(bits(net.init(T.key(7), { weights }))).not.toEqual(bits(net.init(T.key(8), { weights })));
    }
    expect(bits(net.init(T.key(0), { dtype: 'float32' }))).toEqual(bits(net.init(T.key(0), { dtype: 'float32' })));
  });

  it('fits the architecture, gives each layer its own key, and sets the biases', () => {
    const theta = net.init(T.key(0), { bias: 0.5, dtype: 'float32' });
    expect(theta.map(({ W, b }) => [W.shape, b.shape])).toEqual([[[6, 4], [6]], [[3, 6], [3]], [[2, 3], [2]]]);
    expect(theta.every(({ W, b }) => W.dtype === 'float32' && b.dtype === 'float32')).toBe(true);
    expect(T.Tree.leaves(theta.map((l) => l.b)).flatMap(T.toArray).every((v) => v === 0.5)).toBe(true);
    const [k1] = T.split(T.key(0), 3);
    expect(T.toArray(theta[0]!.W)).toEqual(T.toArray(N.initWeights(k1!, [6, 4], 'glorotUniform', 'float32')));
    expect(T.toArray(net.init(T.key(0)).map((l) => l.b)[1]!)).toEqual([0, 0, 0]);
    expect(net.apply(theta, T.zeros([1, 4], { dtype: 'float32' })).shape).toEqual([1, 2]);
  });

  it('rejects a bias that is not finite and leaves the key as it was', () => {
    expect(() => net.init(T.key(0), { bias: Number.NaN })).toThrow(T.DomainError);
    callWithoutMutation(net.init, [T.key(3)]);
  });
});
