import { describe, expect, it } from 'vitest';
import * as T from '@theta/tensor';
import type { Dataset } from '../dataset.js';
import { circle } from './circle.js';
import { gaussians } from './gaussians.js';
import { multiGaussian, multiGaussianFunction } from './multi-gaussian.js';
import { plane } from './plane.js';
import { spiral } from './spiral.js';
import { xor } from './xor.js';

const points = (data: Dataset): [number, number][] => (T.toNested(data.X) as number[][]).map(([a = NaN, b = NaN]) => [a, b]);
const labels = (data: Dataset): number[] => T.toArray(data.y);

describe('the playground sets share their shape, defaults and determinism', () => {
  const all = { circle, xor, gaussians, spiral, plane, multiGaussian } as const;
  for (const [name, generate] of Object.entries(all)) {
    it(name, () => {
      const data = generate(T.key(0));
      expect(data.X.shape).toEqual([500, 2]);
      expect(data.featureNames).toEqual(['x1', 'x2']);
      expect(data.y.shape).toEqual(data.kind === 'classification' ? [500] : [500, 1]);
      if (data.kind === 'classification') expect(labels(data).every((v) => v === 0 || v === 1)).toBe(true);
      const again = generate(T.key(0), { n: 500 });
      expect(T.toArray(again.X)).toEqual(T.toArray(data.X));
      expect(T.toArray(again.y)).toEqual(T.toArray(data.y));
      expect(T.toArray(generate(T.key(1)).X)).not.toEqual(T.toArray(data.X));
      expect(generate(T.key(0), { n: 3, dtype: 'float32' }).X.dtype).toBe('float32');
      expect(() => generate(T.key(0), { n: 0 })).toThrow(T.DomainError);
      expect(() => generate(T.key(0), { noise: -1 })).toThrow(T.DomainError);
    });
  }
});

describe('circle', () => {
  it('puts class 1 inside radius 2.5 and class 0 in the ring 3.5–5, half each, in mixed order', () => {
    const data = circle(T.key(2), { n: 401 });
    const y = labels(data);
    points(data).forEach(([a, b], i) => {
      const r = Math.hypot(a, b);
      if (y[i] === 1) expect(r).toBeLessThan(2.5 + 1e-12);
      else expect(r >= 3.5 - 1e-12 && r <= 5 + 1e-12).toBe(true);
    });
    expect(y.filter((v) => v === 1)).toHaveLength(201);
    expect(y.slice(0, 50).some((v) => v === 0) && y.slice(0, 50).some((v) => v === 1)).toBe(true);
  });

  it('noise flips labels near the boundary but keeps the points', () => {
    const clean = circle(T.key(3), { n: 400 });
    const noisy = circle(T.key(3), { n: 400, noise: 0.3 });
    expect(T.toArray(noisy.X)).toEqual(T.toArray(clean.X));
    const flips = labels(noisy).filter((v, i) => v !== labels(clean)[i]).length;
    expect(flips).toBeGreaterThan(10);
    expect(flips).toBeLessThan(200);
  });
});

describe('xor', () => {
  it('labels by the sign of x1·x2 and keeps 0.3 clear of the axes', () => {
    const data = xor(T.key(4), { n: 400 });
    const y = labels(data);
    points(data).forEach(([a, b], i) => {
      expect(Math.abs(a) >= 0.3 && Math.abs(b) >= 0.3 && Math.abs(a) <= 5.3 && Math.abs(b) <= 5.3).toBe(true);
      expect(y[i]).toBe(a * b >= 0 ? 1 : 0);
    });
    const ones = y.filter((v) => v === 1).length;
    expect(ones > 150 && ones < 250).toBe(true);
  });
});

describe('gaussians', () => {
  it('centres the classes on (2, 2) and (−2, −2) with variance 0.5 + 7·noise', () => {
    for (const noise of [0, 0.5]) {
      const data = gaussians(T.key(5), { n: 4000, noise });
      const y = labels(data);
      for (const [label, centre] of [[1, 2], [0, -2]] as const) {
        const values = points(data).filter((_, i) => y[i] === label).flat();
        expect(values.length).toBe(4000);
        const mean = values.reduce((a, b) => a + b, 0) / values.length;
        const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
        expect(Math.abs(mean - centre)).toBeLessThan(0.12);
        // The sample variance of 4000 draws is within 4·√(2/4000) ≈ 9% of the true one.
        expect(Math.abs(variance / (0.5 + 7 * noise) - 1)).toBeLessThan(0.09);
      }
    }
  });
});

describe('spiral', () => {
  it('places point j of m at radius 5j/m and angle 3.5πj/m (+π for class 0) without noise', () => {
    const data = spiral(T.key(6), { n: 200 });
    const y = labels(data);
    const byClass = [0, 1].map((label) => points(data).filter((_, i) => y[i] === label));
    byClass.forEach((pts, label) => {
      expect(pts).toHaveLength(100);
      const expected = Array.from({ length: 100 }, (_, j) => {
        const t = 1.75 * (j / 100) * 2 * Math.PI + (label === 1 ? 0 : Math.PI);
        return [(j / 100) * 5 * Math.sin(t), (j / 100) * 5 * Math.cos(t)] as const;
      });
      const key = ([a, b]: readonly [number, number]): string => `${a.toFixed(9)},${b.toFixed(9)}`;
      expect(new Set(pts.map(key))).toEqual(new Set(expected.map(key)));
    });
  });

  it('moves each coordinate by at most the noise level', () => {
    const clean = points(spiral(T.key(7), { n: 100 }));
    const noisy = points(spiral(T.key(7), { n: 100, noise: 0.2 }));
    // Same key, same order: the points differ only by the noise.
    noisy.forEach(([a, b], i) => {
      expect(Math.abs(a - (clean[i]?.[0] as number))).toBeLessThan(0.2);
      expect(Math.abs(b - (clean[i]?.[1] as number))).toBeLessThan(0.2);
    });
  });
});

describe('plane and multiGaussian', () => {
  it('plane: target (x1 + x2)/10 without noise, noisy targets still near it', () => {
    const clean = plane(T.key(8), { n: 300 });
    const y = labels(clean);
    points(clean).forEach(([a, b], i) => expect(y[i]).toBeCloseTo((a + b) / 10, 14));
    const noisy = labels(plane(T.key(8), { n: 300, noise: 0.1 }));
    noisy.forEach((v, i) => expect(Math.abs(v - (y[i] as number))).toBeLessThanOrEqual(0.12 + 1e-12));
    expect(noisy).not.toEqual(y);
  });

  it('multiGaussianFunction: ±1 at the centres, 0 far away, the larger bump wins', () => {
    const centres = [[-4, 2.5, 1], [0, 2.5, -1], [4, 2.5, 1], [-4, -2.5, -1], [0, -2.5, 1], [4, -2.5, -1]] as const;
    for (const [x, y, sign] of centres) expect(multiGaussianFunction(x, y)).toBe(sign);
    expect(multiGaussianFunction(0, 0)).toBe(0); // 2.5 from the nearest centres: beyond the bumps' reach of 2
    expect(multiGaussianFunction(-4, 3.5)).toBe(0.5);
    expect(multiGaussianFunction(-2.5, 2.5)).toBe(0.25); // 1.5 from (−4, 2.5)+ beats 2.5 from (0, 2.5)−
    const data = multiGaussian(T.key(9), { n: 300 });
    const y = labels(data);
    points(data).forEach(([a, b], i) => expect(y[i]).toBe(multiGaussianFunction(a, b)));
  });
});
