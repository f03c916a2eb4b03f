import { describe, expect, it } from 'vitest';
import * as T from '@theta/tensor';
import { runge, runge2d, runge2dFunction, rungeFunction } from './runge.js';

describe('rungeFunction and runge2dFunction', () => {
  it('match 1/(1 + 25x²) and 1/(1 + 25(x² + y²)) at known points', () => {
    expect(rungeFunction(0)).toBe(1);
    expect(rungeFunction(1)).toBe(1 / 26);
    expect(rungeFunction(-1)).toBe(1 / 26);
    expect(rungeFunction(0.5)).toBeCloseTo(4 / 29, 15);
    expect(runge2dFunction(0, 0)).toBe(1);
    expect(runge2dFunction(1, 1)).toBe(1 / 51);
    expect(runge2dFunction(0.6, 0.8)).toBeCloseTo(1 / 26, 15); // x² + y² = 1
    expect(runge2dFunction(0.3, -0.4)).toBe(runge2dFunction(-0.5, 0)); // radially symmetric
  });
});

describe('runge', () => {
  it('draws x in [−1, 1] with targets f(x) + σε', () => {
    const sigma = 0.05;
    const data = runge(T.key(0), { n: 10000, noise: sigma });
    expect(data.X.shape).toEqual([10000, 1]);
    const x = T.toArray(data.X);
    expect(x.every((v) => v >= -1 && v < 1)).toBe(true);
    const residual = T.toArray(data.y).map((y, i) => (y - rungeFunction(x[i] as number)) / sigma);
    const mean = residual.reduce((a, b) => a + b, 0) / residual.length;
    const sd = Math.sqrt(residual.reduce((a, b) => a + (b - mean) ** 2, 0) / residual.length);
    expect(Math.abs(mean)).toBeLessThan(0.04);
    expect(Math.abs(sd - 1)).toBeLessThan(0.04);
  });

  it('gives equally spaced points with the grid', () => {
    const data = runge(T.key(0), { n: 11, sampling: 'grid' });
    const x = T.toArray(data.X);
    x.forEach((v, i) => expect(v).toBeCloseTo(-1 + i / 5, 15));
    expect([x[0], x[10]]).toEqual([-1, 1]);
    expect(T.toArray(data.y)).toEqual(x.map(rungeFunction));
    expect(T.toArray(runge(T.key(0), { n: 1, sampling: 'grid' }).X)).toEqual([-1]);
  });
});

describe('runge2d', () => {
  it('draws (x, y) in [−1, 1]² with targets f(x, y), deterministically', () => {
    const data = runge2d(T.key(9), { n: 200 });
    expect(data.X.shape).toEqual([200, 2]);
    const x = T.toArray(data.X);
    expect(x.every((v) => v >= -1 && v < 1)).toBe(true);
    expect(T.toArray(data.y)).toEqual(Array.from({ length: 200 }, (_, i) => runge2dFunction(x[2 * i] as number, x[2 * i + 1] as number)));
    expect(T.toArray(runge2d(T.key(9), { n: 200 }).X)).toEqual(x);
    expect(T.toArray(runge2d(T.key(0), { n: 9, sampling: 'grid' }).y)[4]).toBe(1);
  });
});
