import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as T from '../index.js';
import { seeded } from '../test-support/reference.js';

/** C = op(A)·op(B) by the triple loop, from plain nested reads. */
function naive(a: T.Tensor, b: T.Tensor, ta: boolean, tb: boolean): number[][] {
  const A = T.toNested(ta ? T.transpose(a) : a) as number[][];
  const B = T.toNested(tb ? T.transpose(b) : b) as number[][];
  return A.map((row) => (B[0] ?? []).map((_, j) => row.reduce((s, v, p) => s + v * (B[p]![j] as number), 0)));
}

describe('matmul op', () => {
  it('batched matmul broadcasts leading axes and multiplies each pair of matrices', () => {
    fc.assert(
      fc.property(
        fc.record({ m: fc.integer({ min: 1, max: 5 }), k: fc.integer({ min: 1, max: 5 }), n: fc.integer({ min: 1, max: 5 }), batchA: fc.constantFrom([2, 3], [3], [1, 3], []), ta: fc.boolean(), tb: fc.boolean(), seed: fc.integer() }),
        ({ m, k, n, batchA, ta, tb, seed }) => {
          const a = seeded([...batchA, ...(ta ? [k, m] : [m, k])], seed);
          const b = seeded([3, ...(tb ? [n, k] : [k, n])], seed + 1);
          const c = T.matmul(a, b, { transposeA: ta, transposeB: tb });
          const batch = batchA.length === 2 ? batchA : [3];
          expect(c.shape).toEqual([...batch, m, n]);
          const count = batch.reduce((x, y) => x * y, 1);
          for (let t = 0; t < count; t++) {
            const ai = batchA.length === 0 ? 0 : t;
            const am = T.reshape(T.slice(T.reshape(a, [-1, ...a.shape.slice(-2)]), [ai], [1]), a.shape.slice(-2));
            const bm = T.reshape(T.slice(b, [t % 3], [1]), b.shape.slice(-2));
            const want = naive(am, bm, ta, tb);
            const got = T.toNested(T.reshape(T.slice(T.reshape(c, [-1, m, n]), [t], [1]), [m, n])) as number[][];
            got.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(want[i]![j]!, 12)));
          }
        },
      ),
      { numRuns: 40, seed: 37 },
    );
  });

  it('names both shapes when the inner dimensions disagree', () => {
    expect(() => T.matmul(T.zeros([2, 3]), T.zeros([2, 3]))).toThrow(/3 rows in b.*\[2, 3\].*got \[2, 3\]/);
    expect(() => T.matmul(T.zeros([3]), T.zeros([3, 1]))).toThrow(/use dot/);
    expect(() => T.matmul(T.zeros([1, 1]), T.zeros([1, 1], { dtype: 'float32' }))).toThrow(T.DTypeError);
  });

  it('dot and outer agree with their definitions', () => {
    expect(T.item(T.dot(T.tensor([1, 2]), T.tensor([3, 4])))).toBe(11);
    expect(T.toArray(T.dot(T.tensor([[1, 2], [3, 4]]), T.tensor([1, 1])))).toEqual([3, 7]);
    expect(T.toNested(T.outer(T.tensor([1, 2]), T.tensor([1, 0, -1])))).toEqual([[1, 0, -1], [2, 0, -2]]);
    expect(() => T.dot(T.zeros([2]), T.zeros([3]))).toThrow(T.ShapeError);
  });
});
