import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as T from '../index.js';
import { ravel, seeded, shapeArb, unravel } from '../test-support/reference.js';

const permArb = shapeArb(0, 4, 4).chain((shape) =>
  fc.tuple(fc.constant(shape), fc.shuffledSubarray(shape.map((_, i) => i), { minLength: shape.length, maxLength: shape.length }), fc.integer()),
);

describe('layout, indexing and joining', () => {
  it('transpose moves every element to its permuted index, and the inverse permutation round-trips', () => {
    fc.assert(
      fc.property(permArb, ([shape, perm, seed]) => {
        const x = seeded(shape, seed);
        const y = T.transpose(x, perm);
        expect(y.shape).toEqual(perm.map((p) => shape[p]));
        for (let i = 0; i < x.data.length; i++) {
          const index = unravel(i, shape);
          expect(y.data[ravel(perm.map((p) => index[p] as number), y.shape)]).toBe(x.data[i]);
        }
        const inverse = perm.map((_, i) => perm.indexOf(i));
        expect(T.toArray(T.transpose(y, inverse))).toEqual(T.toArray(x));
      }),
      { numRuns: 100, seed: 29 },
    );
    expect(T.toNested(T.transpose(T.tensor([[1, 2, 3]])))).toEqual([[1], [2], [3]]);
    expect(() => T.transpose(T.zeros([2, 2]), [0, 0])).toThrow(T.ShapeError);
  });

  it('the tiled 2-D transpose is right across tile edges', () => {
    const x = seeded([70, 33], 3);
    const y = T.transpose(x);
    for (let i = 0; i < 70; i++) for (let j = 0; j < 33; j++) expect(y.data[j * 70 + i]).toBe(x.data[i * 33 + j]);
  });

  it('reshape keeps the row-major order, infers −1 and round-trips', () => {
    fc.assert(
      fc.property(shapeArb(1, 4, 4), fc.integer(), (shape, seed) => {
        const x = seeded(shape, seed);
        const flat = T.reshape(x, [-1]);
        expect(flat.shape).toEqual([x.data.length]);
        expect(T.toArray(T.reshape(flat, shape))).toEqual(T.toArray(x));
      }),
      { numRuns: 50, seed: 31 },
    );
    expect(() => T.reshape(T.zeros([6]), [4, -1])).toThrow(/6 elements/);
    expect(() => T.reshape(T.zeros([6]), [-1, -1])).toThrow(T.ShapeError);
  });

  it('broadcastTo and sumTo are adjoint: ⟨broadcast(u), v⟩ = ⟨u, sumTo(v)⟩', () => {
    const u = seeded([1, 3], 1);
    const v = seeded([4, 2, 3], 2);
    const lhs = T.item(T.sum(T.mul(T.broadcastTo(u, [4, 2, 3]), v)));
    const rhs = T.item(T.sum(T.mul(u, T.sumTo(v, [1, 3]))));
    expect(lhs).toBeCloseTo(rhs, 12);
    expect(T.sumTo(v, [2, 1]).shape).toEqual([2, 1]);
    expect(() => T.sumTo(v, [5])).toThrow(T.ShapeError);
    expect(() => T.broadcastTo(u, [3])).toThrow(T.ShapeError);
  });

  it('slice copies the requested box; out-of-range boxes are ShapeErrors', () => {
    const x = T.reshape(T.arange(24), [2, 3, 4]);
    const s = T.slice(x, [1, 1, 2], [1, 2, -1]);
    expect(T.toNested(s)).toEqual([[[18, 19], [22, 23]]]);
    expect(T.toNested(T.slice(x, [0, 2]))).toEqual([[[8, 9, 10, 11]], [[20, 21, 22, 23]]]);
    expect(() => T.slice(x, [0, 0, 3], [1, 1, 2])).toThrow(T.ShapeError);
  });

  it('gather picks rows (with repeats) or entries along any axis; bad indices are DomainErrors', () => {
    const x = T.tensor([[1, 2, 3], [4, 5, 6]]);
    expect(T.toNested(T.gather(x, [1, 1, 0]))).toEqual([[4, 5, 6], [4, 5, 6], [1, 2, 3]]);
    expect(T.toNested(T.gather(x, T.tensor([2, 0]), 1))).toEqual([[3, 1], [6, 4]]);
    expect(() => T.gather(x, [2])).toThrow(T.DomainError);
    expect(() => T.gather(x, [0.5])).toThrow(/integer/);
  });

  it('concat and stack join along existing and new axes', () => {
    const a = T.tensor([[1, 2]]);
    const b = T.tensor([[3, 4], [5, 6]]);
    expect(T.toNested(T.concat([a, b]))).toEqual([[1, 2], [3, 4], [5, 6]]);
    expect(T.toNested(T.concat([T.tensor([[1], [2]]), T.tensor([[3], [4]])], 1))).toEqual([[1, 3], [2, 4]]);
    expect(T.toNested(T.stack([T.tensor([1, 2]), T.tensor([3, 4])], 1))).toEqual([[1, 3], [2, 4]]);
    expect(() => T.concat([a, T.zeros([1, 3])])).toThrow(T.ShapeError);
    expect(() => T.stack([])).toThrow(T.ShapeError);
    expect(T.expandDims(T.zeros([2, 3]), -1).shape).toEqual([2, 3, 1]);
  });
});
