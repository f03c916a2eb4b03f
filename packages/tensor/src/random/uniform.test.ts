import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { callWithoutMutation } from '@theta/testing';
import { DomainError, DTypeError, ShapeError } from '../core/errors.js';
import { key, keyFromWords, type Key } from './key.js';
import { split } from './split.js';
import { threefry2x32 } from './threefry.js';
import { uniform } from './uniform.js';

/** The 53-bit uniform of block i, from the block function and BigInt shifts. */
const reference64 = (k: Key, i: number): number => {
  const [w0, w1] = threefry2x32(k, [Math.floor(i / 2 ** 32), i % 2 ** 32]);
  return Number(((BigInt(w0) << 32n) | BigInt(w1)) >> 11n) / 2 ** 53;
};

/** The 24-bit uniform of word i of the stream. */
const reference32 = (k: Key, i: number): number => {
  const pair = threefry2x32(k, [0, Math.floor(i / 2)]);
  return Math.floor((pair[i % 2] as number) / 2 ** 8) / 2 ** 24;
};

const bytes = (data: ArrayBufferView): number[] => Array.from(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));

/** Kolmogorov–Smirnov distance between a sample and a continuous CDF. */
const ksDistance = (sample: ArrayLike<number>, cdf: (x: number) => number): number => {
  const sorted = Float64Array.from(sample).sort();
  let d = 0;
  sorted.forEach((x, i) => {
    const f = cdf(x);
    d = Math.max(d, (i + 1) / sorted.length - f, f - i / sorted.length);
  });
  return d;
};

/** KS critical distance at significance 10⁻⁶: √(−ln(α/2)/2) / √n. */
const ksBound = (n: number): number => Math.sqrt(-Math.log(1e-6 / 2) / 2) / Math.sqrt(n);

describe('uniform', () => {
  it('has the documented test vector', () => {
    expect(Array.from(uniform(key(0), [3]).data)).toEqual([0.41845711171638655, 0.21629545460551136, 0.9653214611189975]);
    expect(Array.from(uniform(key(0), [2], { dtype: 'float32' }).data)).toEqual([0.4184570908546448, 0.6004990339279175]);
  });

  it('float64 element i is the top 53 bits of Threefry block i, across chunk boundaries', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 1, max: 5000 }), (a, b, n) => {
        const k = keyFromWords(a, b);
        const u = uniform(k, [n]).data;
        for (const i of [0, 1, 2047, 2048, 2049, 4095, 4096, n - 1, Math.floor(n / 3)]) {
          if (i < n) expect(u[i]).toBe(reference64(k, i));
        }
      }),
      { seed: 21, numRuns: 40 },
    );
  });

  it('float32 element i is the top 24 bits of word i of the stream, across chunk boundaries', () => {
    const k = key(31);
    const u = uniform(k, [9001], { dtype: 'float32' }).data;
    expect(u).toBeInstanceOf(Float32Array);
    for (const i of [0, 1, 2, 3, 4095, 4096, 4097, 8191, 8192, 9000]) expect(u[i]).toBe(reference32(k, i));
    expect(u.filter((v) => !Number.isInteger(v * 2 ** 24)).length).toBe(0);
  });

  it('maps [0, 1) onto [min, max): element i is min + u·(max − min)', () => {
    const k = key(4);
    const u = uniform(k, [100]).data;
    const x = uniform(k, [100], { min: -3, max: 5 }).data;
    u.forEach((ui, i) => expect(x[i]).toBe(-3 + ui * 8));
  });

  it('is deterministic to the bit, and a longer or reshaped draw only extends or arranges it', () => {
    const k = key(8);
    for (const dtype of ['float64', 'float32'] as const) {
      const a = uniform(k, [3001], { dtype });
      expect(bytes(uniform(k, [3001], { dtype }).data)).toEqual(bytes(a.data));
      expect(Array.from(uniform(k, [5001], { dtype }).data.subarray(0, 3001))).toEqual(Array.from(a.data));
      const grid = uniform(k, [3, 1000], { dtype });
      expect(grid.shape).toEqual([3, 1000]);
      expect(Array.from(grid.data)).toEqual(Array.from(a.data.subarray(0, 3000)));
    }
    expect(uniform(k).shape).toEqual([]);
    expect(uniform(k).data[0]).toBe(uniform(k, [1]).data[0]);
    expect(uniform(k, [0, 4]).data.length).toBe(0);
  });

  it('different keys give different streams', () => {
    const keys = [key(0), key(1), ...split(key(0), 3), key(-1)];
    const firsts = keys.map((k) => Array.from(uniform(k, [4]).data).join(','));
    expect(new Set(firsts).size).toBe(keys.length);
    const a = uniform(key(0), [1000]).data;
    const b = uniform(key(1), [1000]).data;
    expect(a.filter((v, i) => v === b[i]).length).toBe(0);
  });

  it('has mean 1/2, variance 1/12 and a uniform distribution over 1e5 draws', () => {
    const n = 1e5;
    for (const dtype of ['float64', 'float32'] as const) {
      const u = uniform(key(2024), [n], { dtype }).data;
      let sum = 0;
      for (const v of u) sum += v;
      const mean = sum / n;
      let ss = 0;
      for (const v of u) ss += (v - mean) ** 2;
      const variance = ss / (n - 1);
      // Standard errors of the mean and of the sample variance (μ₄ = 1/80 for U(0, 1)).
      expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
      expect(Math.abs(variance - 1 / 12)).toBeLessThan(5 * Math.sqrt((1 / 80 - 1 / 144) / n));
      expect(ksDistance(u, (x) => Math.min(1, Math.max(0, x)))).toBeLessThan(ksBound(n));
    }
    const shifted = uniform(key(5), [n], { min: 10, max: 14 }).data;
    let sum = 0;
    for (const v of shifted) sum += v;
    expect(Math.abs(sum / n - 12)).toBeLessThan(5 * Math.sqrt(16 / 12 / n));
  });

  it('keeps every value in [min, max), in both dtypes', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 1e-12, max: 1e6, noNaN: true }),
        fc.constantFrom('float64' as const, 'float32' as const),
        (min, width, dtype) => {
          const max = min + width;
          fc.pre(max > min);
          let values: Float64Array | Float32Array;
          try {
            values = uniform(key(3), [500], { min, max, dtype }).data;
          } catch (e) {
            // Only a float32 interval that holds no float32 may be refused.
            expect(dtype === 'float32' && DomainError.is(e)).toBe(true);
            return;
          }
          expect(values.filter((v) => !(v >= min && v < max)).length).toBe(0);
        },
      ),
      { seed: 22, numRuns: 200 },
    );
  });

  it('moves draws that round onto max to the largest float below it', () => {
    // Between 1e16 and the next float64 (1e16 + 2), min + u·2 rounds up to max for u ≥ 1/2.
    const x = uniform(key(0), [1000], { min: 1e16, max: 1e16 + 2 }).data;
    expect(x.every((v) => v === 1e16)).toBe(true);
    const y = uniform(key(0), [1000], { min: 1, max: 1 + 2 ** -23, dtype: 'float32' }).data;
    expect(y.every((v) => v === 1)).toBe(true);
    // fround(0.7) < 0.7: float32 draws start at the next float32 up.
    const z = uniform(key(0), [1000], { min: 0.7, max: 0.7000002, dtype: 'float32' }).data;
    expect(z.every((v) => v >= 0.7 && v < 0.7000002)).toBe(true);
    expect(new Set(z).size).toBeGreaterThan(1);
  });

  it('never mutates its inputs and returns a frozen tensor with its own shape', () => {
    const k = key(1);
    const shape = [2, 3];
    const options = { min: -1, max: 1 };
    const x = callWithoutMutation(uniform, [k, shape, options]);
    expect(Object.isFrozen(x)).toBe(true);
    expect(x.shape).toEqual([2, 3]);
    expect(x.shape).not.toBe(shape);
  });

  it('rejects bad bounds, shapes, dtypes and keys with typed errors', () => {
    const bounds: Array<{ min?: number; max?: number; parameter: string }> = [
      { min: 1, max: 1, parameter: 'max' },
      { min: 2, max: 1, parameter: 'max' },
      { min: Number.NaN, parameter: 'min' },
      { max: Infinity, parameter: 'max' },
      { min: -Infinity, parameter: 'min' },
      { min: -1e308, max: 1e308, parameter: 'max' },
    ];
    for (const { parameter, ...options } of bounds) {
      try {
        uniform(key(0), [2], options);
        expect.unreachable();
      } catch (e) {
        expect(DomainError.is(e)).toBe(true);
        expect(e).toMatchObject({ op: 'uniform', parameter });
      }
    }
    // No float32 lies in [1 + 1e-10, 1 + 2e-10).
    expect(() => uniform(key(0), [2], { min: 1 + 1e-10, max: 1 + 2e-10, dtype: 'float32' })).toThrow(/float32/);
    expect(uniform(key(0), [2], { min: 1 + 1e-10, max: 1 + 2e-10 }).data.length).toBe(2);
    for (const shape of [[-1], [1.5], [Number.NaN], 'x', [2, '3']]) {
      expect(() => uniform(key(0), shape as number[])).toThrow(ShapeError);
    }
    expect(() => uniform(key(0), [2], { dtype: 'int32' as 'float32' })).toThrow(DTypeError);
    expect(() => uniform({ words: [0, 0] } as never, [2])).toThrow(DomainError);
  });
});
