import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as T from '../index.js';
import { broadcastPairArb, broadcastRead, seeded, unravel } from '../test-support/reference.js';

const reference: Record<string, (a: number, b: number) => number> = {
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  pow: (a, b) => Math.pow(a, b),
  maximum: (a, b) => Math.max(a, b),
  minimum: (a, b) => Math.min(a, b),
  equal: (a, b) => (a === b ? 1 : 0),
  notEqual: (a, b) => (a !== b ? 1 : 0),
  less: (a, b) => (a < b ? 1 : 0),
  lessEqual: (a, b) => (a <= b ? 1 : 0),
  greater: (a, b) => (a > b ? 1 : 0),
  greaterEqual: (a, b) => (a >= b ? 1 : 0),
};
const ops = T as unknown as Record<string, (a: T.TensorLike, b: T.TensorLike) => T.Tensor>;

describe('binary ops with broadcasting', () => {
  for (const [name, f] of Object.entries(reference)) {
    it(`${name} agrees with an explicit loop over the broadcast index`, () => {
      fc.assert(
        fc.property(broadcastPairArb, fc.integer(), fc.constantFrom<T.DType>('float64', 'float32'), ([sa, sb], seed, dtype) => {
          const a = seeded(sa, seed, dtype);
          // Equal values in some cells so the comparisons see ties.
          const b = seed % 3 === 0 && sa.join() === sb.join() ? a : seeded(sb, seed + 1, dtype);
          const out = ops[name]!(a, b);
          const rank = Math.max(sa.length, sb.length);
          const shape = Array.from({ length: rank }, (_, i) => Math.max(sa[sa.length - rank + i] ?? 1, sb[sb.length - rank + i] ?? 1));
          expect(out.shape).toEqual(shape);
          expect(out.dtype).toBe(dtype);
          const round = dtype === 'float32' ? Math.fround : (v: number) => v;
          for (let i = 0; i < out.data.length; i++) {
            const index = unravel(i, shape);
            const want = round(f(broadcastRead(a, index), broadcastRead(b, index)));
            expect(Object.is(out.data[i], want) || out.data[i] === want).toBe(true);
          }
        }),
        { numRuns: 60, seed: 7 },
      );
    });
  }

  it('accepts plain numbers on either side, taking the tensor dtype', () => {
    const x = T.tensor([1, 2], { dtype: 'float32' });
    expect(T.sub(10, x).dtype).toBe('float32');
    expect(T.toArray(T.sub(10, x))).toEqual([9, 8]);
    expect(T.toArray(T.div(x, 4))).toEqual([0.25, 0.5]);
    expect(T.item(T.add(1, 2))).toBe(3);
  });

  it('rejects incompatible shapes with a ShapeError naming op and both shapes', () => {
    try {
      T.add(T.zeros([2, 3]), T.zeros([4]));
      expect.unreachable();
    } catch (e) {
      expect(T.ShapeError.is(e)).toBe(true);
      const err = e as T.ShapeError;
      expect(err.op).toBe('add');
      expect(err.message).toContain('[2, 3]');
      expect(err.message).toContain('[4]');
    }
  });

  it('rejects mixed dtypes and non-tensors with a DTypeError', () => {
    expect(() => T.mul(T.ones([1]), T.ones([1], { dtype: 'float32' }))).toThrow(/expected dtype float64/);
    expect(() => T.add([1, 2] as unknown as T.Tensor, 1)).toThrow(T.DTypeError);
    expect(() => T.add([1, 2] as unknown as T.Tensor, 1)).toThrow(/use T.tensor/);
  });

  it('maximum and minimum propagate NaN, as NumPy', () => {
    expect(T.toArray(T.maximum(T.tensor([NaN, 1]), T.tensor([0, NaN])))).toEqual([NaN, NaN]);
    expect(T.toArray(T.minimum(T.tensor([NaN, 1]), 0))).toEqual([NaN, 0]);
  });

  it('where picks per element with broadcasting and never reads the other branch', () => {
    const x = T.tensor([[-1, 2], [3, -4]]);
    const out = T.where(T.greater(x, 0), T.log(T.maximum(x, 1e-300)), T.tensor([7, 8]));
    expect(T.toNested(out)).toEqual([[7, Math.log(2)], [Math.log(3), 8]]);
    expect(() => T.where(T.ones([2]), T.zeros([3]), 0)).toThrow(T.ShapeError);
  });
});
