import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { callWithoutMutation, isClose } from '@theta/testing';
import { DomainError, DTypeError, ShapeError } from '../core/errors.js';
import { key, keyFromWords } from './key.js';
import { normal } from './normal.js';
import { uniform } from './uniform.js';

/** Standard normal CDF via Abramowitz & Stegun 7.1.26 (|error| < 1.5·10⁻⁷). */
const phi = (x: number): number => {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-z * z);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
};

const ksDistance = (sample: ArrayLike<number>, cdf: (x: number) => number): number => {
  const sorted = Float64Array.from(sample).sort();
  let d = 0;
  sorted.forEach((x, i) => {
    const f = cdf(x);
    d = Math.max(d, (i + 1) / sorted.length - f, f - i / sorted.length);
  });
  return d;
};

describe('normal', () => {
  it('is Box–Muller on the float64 uniforms of consecutive block pairs', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 1, max: 4500 }), (a, b, n) => {
        const k = keyFromWords(a, b);
        const z = normal(k, [n]).data;
        const u = uniform(k, [n + 1]).data;
        for (const i of [0, 1, 2, 3, 2046, 2047, 2048, 2049, n - 2, n - 1]) {
          if (i < 0 || i >= n) continue;
          const j = i - (i % 2);
          const r = Math.sqrt(-2 * Math.log(1 - (u[j] as number)));
          const theta = 2 * Math.PI * (u[j + 1] as number);
          const expected = i % 2 === 0 ? r * Math.cos(theta) : r * Math.sin(theta);
          expect(isClose(z[i] as number, expected, 1e-12, 1e-13)).toBe(true);
        }
      }),
      { seed: 31, numRuns: 40 },
    );
  });

  it('scales and shifts exactly, and float32 draws are the float64 draws rounded', () => {
    const k = key(6);
    const z = normal(k, [999]).data;
    const x = normal(k, [999], { mean: 3, std: 2 }).data;
    const f = normal(k, [999], { mean: 3, std: 2, dtype: 'float32' }).data;
    expect(f).toBeInstanceOf(Float32Array);
    z.forEach((zi, i) => {
      expect(x[i]).toBe(3 + 2 * zi);
      expect(f[i]).toBe(Math.fround(3 + 2 * zi));
    });
    expect(Array.from(normal(k, [5], { mean: -1, std: 0 }).data)).toEqual([-1, -1, -1, -1, -1]);
  });

  it('is deterministic to the bit; odd lengths are prefixes of even ones; shape only arranges', () => {
    const k = key(12);
    const a = normal(k, [4097]).data;
    expect(Array.from(normal(k, [4097]).data)).toEqual(Array.from(a));
    expect(Array.from(normal(k, [4098]).data.subarray(0, 4097))).toEqual(Array.from(a));
    expect(Array.from(normal(k, [3, 1365]).data)).toEqual(Array.from(a.subarray(0, 4095)));
    expect(normal(k).shape).toEqual([]);
    expect(normal(key(13), [4]).data).not.toEqual(normal(k, [4]).data);
  });

  it('has mean 0, variance 1, uncorrelated pairs and a normal distribution over 1e5 draws', () => {
    const n = 1e5;
    const z = normal(key(2024), [n]).data;
    let sum = 0;
    for (const v of z) sum += v;
    const mean = sum / n;
    let ss = 0;
    let pairs = 0;
    let tails = 0;
    for (let i = 0; i < n; i++) {
      const v = z[i] as number;
      ss += (v - mean) ** 2;
      if (i % 2 === 0) pairs += v * (z[i + 1] as number);
      if (Math.abs(v) > 2) tails++;
    }
    const variance = ss / (n - 1);
    expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(variance - 1)).toBeLessThan(5 * Math.sqrt(2 / (n - 1)));
    // cos θ and sin θ of one pair are uncorrelated: E[z₂ⱼ z₂ⱼ₊₁] = 0 with variance 1 per pair.
    expect(Math.abs(pairs / (n / 2))).toBeLessThan(5 / Math.sqrt(n / 2));
    const pTail = 2 * (1 - phi(2));
    expect(Math.abs(tails / n - pTail)).toBeLessThan(5 * Math.sqrt((pTail * (1 - pTail)) / n));
    expect(ksDistance(z, phi)).toBeLessThan(Math.sqrt(-Math.log(1e-6 / 2) / 2) / Math.sqrt(n));
    expect(z.every(Number.isFinite)).toBe(true);
  });

  it('never mutates its inputs', () => {
    const x = callWithoutMutation(normal, [key(1), [3, 2], { mean: 1, std: 0.5 }]);
    expect(Object.isFrozen(x)).toBe(true);
    expect(x.shape).toEqual([3, 2]);
  });

  it('rejects bad parameters with typed errors naming them', () => {
    const bad: Array<[{ mean?: number; std?: number }, string]> = [
      [{ std: -1 }, 'std'],
      [{ std: Number.NaN }, 'std'],
      [{ std: Infinity }, 'std'],
      [{ mean: Infinity }, 'mean'],
      [{ mean: Number.NaN }, 'mean'],
    ];
    for (const [options, parameter] of bad) {
      try {
        normal(key(0), [2], options);
        expect.unreachable();
      } catch (e) {
        expect(DomainError.is(e)).toBe(true);
        expect(e).toMatchObject({ op: 'normal', parameter });
      }
    }
    expect(() => normal(key(0), [-2])).toThrow(ShapeError);
    expect(() => normal(key(0), [2], { dtype: 'float16' as 'float32' })).toThrow(DTypeError);
    expect(() => normal('key' as never, [2])).toThrow(DomainError);
  });
});
