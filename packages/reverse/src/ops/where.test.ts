// NaN-safety: the branch `where` does not take never leaks NaN into the adjoint.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as T from '@theta/tensor';
import * as R from '../index.js';

const safeLog = (x: R.Value): R.Value => R.where(R.greater(x, 0), R.log(x), 0);

describe('where', () => {
  it('where(x > 0, log(x), 0) has gradient 0 at x = 0, not NaN, on both paths', () => {
    expect(R.grad(safeLog)(0)).toBe(0);
    expect(T.toArray(R.grad((x: R.Value) => R.sum(safeLog(x)))(T.tensor([0, 2, -1])))).toEqual([0, 0.5, 0]);
    expect(R.grad(R.grad(safeLog))(0)).toBe(0); // and its second derivative
    expect(T.toArray(R.grad((x: R.Value) => R.sum(R.grad((y: R.Value) => R.sum(safeLog(y)))(x)))(T.tensor([0, 2])))).toEqual([0, -0.25]);
  });

  it('other infinite derivatives in the branch not taken stay out too', () => {
    const f = (x: R.Value) => R.where(R.greater(x, 0), R.sqrt(x), R.mul(x, 3));
    expect(T.toArray(R.grad((x: R.Value) => R.sum(f(x)))(T.tensor([0, -2, 4])))).toEqual([3, 3, 0.25]);
    const g = (x: R.Value) => R.where(R.notEqual(x, 0), R.div(R.sin(x), x), 1); // sinc
    expect(R.grad(g)(0)).toBe(0);
    expect(T.toArray(R.grad((x: R.Value) => R.sum(g(x)))(T.tensor([0, 1])))[0]).toBe(0);
  });

  it('routes the cotangent by the condition, with broadcasting', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }), (bits) => {
        const cond = T.fromArray(bits.map(Number), [2, 3]);
        const [ga, gb] = R.grad((a: R.Value, b: R.Value) => R.sum(R.where(cond, a, b)), { argnums: [0, 1] })(T.ones([2, 3]), T.ones([3]));
        expect(T.toArray(ga)).toEqual(bits.map((c) => (c ? 1 : 0)));
        expect(T.toArray(gb)).toEqual([0, 1, 2].map((j) => (bits[j] ? 0 : 1) + (bits[j + 3] ? 0 : 1)));
      }),
      { seed: 51, numRuns: 30 },
    );
  });

  it('comparisons and sign are constants', () => {
    expect(R.grad((x: R.Value) => R.add(R.greater(x, 0), R.sign(x)))(2)).toBe(0);
    expect(R.isTraced(R.trace((x: R.Value) => R.less(x, 1))(0).output)).toBe(false);
  });
});
