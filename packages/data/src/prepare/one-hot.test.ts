import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as T from '@theta/tensor';
import { callWithoutMutation } from '@theta/testing';
import { oneHot } from './one-hot.js';

describe('oneHot', () => {
  it('has one 1 per row, in the column of the label, and argmax recovers the labels', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }).chain((c) => fc.tuple(fc.constant(c), fc.array(fc.integer({ min: 0, max: c - 1 }), { maxLength: 30 }))), ([classes, labels]) => {
        const Y = oneHot(labels, classes);
        expect(Y.shape).toEqual([labels.length, classes]);
        const rows = T.toNested(Y) as number[][];
        rows.forEach((row, n) => {
          expect(row.filter((v) => v === 1)).toHaveLength(1);
          expect(row.filter((v) => v === 0)).toHaveLength(classes - 1);
          expect(row[labels[n] as number]).toBe(1);
        });
      }),
      { seed: 3, numRuns: 100 },
    );
  });

  it("takes a tensor's dtype unless told otherwise, and leaves it unchanged", () => {
    const labels = T.tensor([1, 0], { dtype: 'float32' });
    expect(callWithoutMutation(oneHot, [labels, 2]).dtype).toBe('float32');
    expect(oneHot(labels, 2, { dtype: 'float64' }).dtype).toBe('float64');
    expect(oneHot([1], 2).dtype).toBe('float64');
  });

  it('rejects labels outside [0, C), fractional labels, bad class counts and shapes', () => {
    expect(() => oneHot([0, 3], 3)).toThrow(/labels\[1\]/);
    expect(() => oneHot([0.5], 3)).toThrow(T.DomainError);
    expect(() => oneHot([-1], 3)).toThrow(T.DomainError);
    expect(() => oneHot([0], 0)).toThrow(T.DomainError);
    expect(() => oneHot(T.zeros([2, 1]), 2)).toThrow(T.ShapeError);
  });
});
