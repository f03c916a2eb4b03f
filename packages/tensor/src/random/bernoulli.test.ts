import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { callWithoutMutation } from '@theta/testing';
import { DomainError, DTypeError, ShapeError } from '../core/errors.js';
import { bernoulli } from './bernoulli.js';
import { key } from './key.js';
import { uniform } from './uniform.js';

describe('bernoulli', () => {
  it('element i is 1 exactly when the float64 uniform i is below p', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 3000 }), (seed, p, n) => {
        const mask = bernoulli(key(seed), p, [n]).data;
        const u = uniform(key(seed), [n]).data;
        expect(Array.from(mask)).toEqual(Array.from(u, (v) => (v < p ? 1 : 0)));
      }),
      { seed: 41, numRuns: 50 },
    );
  });

  it('hits the rate p over 1e5 draws; p = 0 and p = 1 are exact', () => {
    const n = 1e5;
    for (const p of [0.3, 0.5, 0.999]) {
      const mask = bernoulli(key(9), p, [n]).data;
      let ones = 0;
      for (const m of mask) ones += m;
      expect(Math.abs(ones / n - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / n));
    }
    expect(bernoulli(key(1), 0, [1000]).data.every((m) => m === 0)).toBe(true);
    expect(bernoulli(key(1), 1, [1000]).data.every((m) => m === 1)).toBe(true);
  });

  it('honours shape and dtype, is deterministic, and never mutates its inputs', () => {
    const k = key(2);
    const x = callWithoutMutation(bernoulli, [k, 0.5, [4, 5], { dtype: 'float32' }]);
    expect(x.shape).toEqual([4, 5]);
    expect(x.data).toBeInstanceOf(Float32Array);
    expect(Array.from(bernoulli(k, 0.5, [4, 5]).data)).toEqual(Array.from(x.data));
    expect(bernoulli(k, 0.5).shape).toEqual([]);
    expect(Object.isFrozen(x)).toBe(true);
  });

  it('rejects p outside [0, 1], bad shapes and dtypes', () => {
    for (const p of [-0.1, 1.0000001, Number.NaN, Infinity, '0.5', undefined]) {
      try {
        bernoulli(key(0), p as number, [2]);
        expect.unreachable();
      } catch (e) {
        expect(DomainError.is(e)).toBe(true);
        expect(e).toMatchObject({ op: 'bernoulli', parameter: 'p', expected: 'a probability in [0, 1]' });
      }
    }
    expect(() => bernoulli(key(0), 0.5, [2.5])).toThrow(ShapeError);
    expect(() => bernoulli(key(0), 0.5, [2], { dtype: 'bool' as 'float32' })).toThrow(DTypeError);
  });
});
