import { describe, expect, it } from 'vitest';
import * as T from '@theta/tensor';
import { franke, frankeFunction } from './franke.js';

/** Mean and (population) standard deviation of a list. */
const moments = (values: readonly number[]): [number, number] => {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return [mean, Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length)];
};

describe('frankeFunction', () => {
  it('matches values computed to 30 digits (mpmath)', () => {
    const known: readonly [number, number, number][] = [
      [0, 0, 0.766420591284923132160950661068],
      [0.5, 0.5, 0.325762089280684132584734487261],
      [1, 1, 0.0358695923861044859907377343444],
      [0.2, 0.7, 0.314358889191801171837457711153],
      [0.25, 0.25, 1.16528332297466161930796550295],
    ];
    for (const [x, y, f] of known) expect(frankeFunction(x, y)).toBeCloseTo(f, 14);
  });
});

describe('franke', () => {
  it('draws inputs in [0, 1]² with targets f(x, y) + σε, ε standard normal', () => {
    const sigma = 0.1;
    const data = franke(T.key(1), { n: 20000, noise: sigma });
    expect(data.X.shape).toEqual([20000, 2]);
    expect(data.y.shape).toEqual([20000, 1]);
    const x = T.toArray(data.X);
    expect(x.every((v) => v >= 0 && v < 1)).toBe(true);
    const [mx, sx] = moments(x);
    expect(mx).toBeCloseTo(0.5, 2); // uniform: mean 1/2, sd 1/√12
    expect(sx).toBeCloseTo(Math.sqrt(1 / 12), 2);
    const residual = T.toArray(data.y).map((z, i) => (z - frankeFunction(x[2 * i] as number, x[2 * i + 1] as number)) / sigma);
    const [m, s] = moments(residual);
    // For 20,000 standard normals: mean within 4/√n ≈ 0.028, sd within a few percent.
    expect(Math.abs(m)).toBeLessThan(0.03);
    expect(Math.abs(s - 1)).toBeLessThan(0.03);
    const tail = residual.filter((r) => Math.abs(r) > 1.96).length / residual.length;
    expect(Math.abs(tail - 0.05)).toBeLessThan(0.01);
  });

  it('gives the bare function without noise, and the same inputs whatever σ', () => {
    const clean = franke(T.key(2), { n: 50 });
    const noisy = franke(T.key(2), { n: 50, noise: 0.5 });
    expect(T.toArray(noisy.X)).toEqual(T.toArray(clean.X));
    const x = T.toArray(clean.X);
    expect(T.toArray(clean.y)).toEqual(Array.from({ length: 50 }, (_, i) => frankeFunction(x[2 * i] as number, x[2 * i + 1] as number)));
    expect(T.toArray(noisy.y)).not.toEqual(T.toArray(clean.y));
  });

  it('is deterministic in the key, and different keys give different data', () => {
    expect(T.toArray(franke(T.key(3), { n: 20, noise: 0.1 }).y)).toEqual(T.toArray(franke(T.key(3), { n: 20, noise: 0.1 }).y));
    expect(T.toArray(franke(T.key(4), { n: 20 }).X)).not.toEqual(T.toArray(franke(T.key(3), { n: 20 }).X));
  });

  it('puts grid inputs on a regular lattice, ends included', () => {
    const data = franke(T.key(0), { n: 9, sampling: 'grid' });
    expect(T.toNested(data.X)).toEqual([[0, 0], [0, 0.5], [0, 1], [0.5, 0], [0.5, 0.5], [0.5, 1], [1, 0], [1, 0.5], [1, 1]]);
    expect(T.toArray(data.y)[4]).toBe(frankeFunction(0.5, 0.5));
    expect(() => franke(T.key(0), { n: 10, sampling: 'grid' })).toThrow(/perfect square/);
  });

  it('stores float32 inputs and computes the targets from them', () => {
    const data = franke(T.key(5), { n: 10, dtype: 'float32' });
    expect([data.X.dtype, data.y.dtype]).toEqual(['float32', 'float32']);
    const x = T.toArray(data.X);
    T.toArray(data.y).forEach((z, i) => expect(z).toBe(Math.fround(frankeFunction(x[2 * i] as number, x[2 * i + 1] as number))));
  });

  it('rejects bad keys and options', () => {
    expect(() => franke({ _tag: 'Key', words: [1.5, 0] } as never)).toThrow(T.DomainError);
    expect(() => franke(T.key(0), { n: 0 })).toThrow(T.DomainError);
    expect(() => franke(T.key(0), { n: 2.5 })).toThrow(T.DomainError);
    expect(() => franke(T.key(0), { noise: -0.1 })).toThrow(T.DomainError);
    expect(() => franke(T.key(0), { noise: Number.NaN })).toThrow(T.DomainError);
    expect(() => franke(T.key(0), { sampling: 'sobol' as never })).toThrow(T.DomainError);
    expect(() => franke(T.key(0), { dtype: 'int8' as never })).toThrow(T.DTypeError);
  });
});
