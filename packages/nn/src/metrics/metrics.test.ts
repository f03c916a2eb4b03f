import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as T from '@theta/tensor';
import * as N from '../index.js';

describe('regression metrics', () => {
  it('mse averages over every element', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true })), { minLength: 2, maxLength: 12 }), (pairs) => {
        const t = pairs.map((p) => p[0]);
        const p = pairs.map((q) => q[1]);
        let s = 0;
        for (let i = 0; i < t.length; i++) s += ((t[i] as number) - (p[i] as number)) ** 2;
        expect(N.metrics.mse(T.tensor(t), T.tensor(p))).toBeCloseTo(s / t.length, 12);
      }),
      { seed: 1, numRuns: 50 },
    );
    expect(N.metrics.mse(T.tensor([[1, 2], [3, 4]]), T.tensor([[1, 2], [3, 0]]))).toBe(4);
  });

  it('r2 by hand, column-averaged, and finite for constant targets', () => {
    // ȳ = 2; SS_tot = 2; SS_res = 0.25 + 0 + 0.25 → 1 − 0.5/2 = 0.75.
    expect(N.metrics.r2(T.tensor([1, 2, 3]), T.tensor([1.5, 2, 2.5]))).toBe(0.75);
    expect(N.metrics.r2(T.tensor([[1, 5], [2, 5], [3, 5]]), T.tensor([[1.5, 5], [2, 5], [2.5, 5]]))).toBe((0.75 + 1) / 2);
    expect(N.metrics.r2(T.tensor([5, 5]), T.tensor([5, 4]))).toBe(0);
    expect(N.metrics.r2(T.tensor([1, 2, 3]), T.tensor([3, 2, 1]))).toBe(-3);
    expect(() => N.metrics.r2(T.tensor([1, 2]), T.tensor([1, 2, 3]))).toThrow(T.ShapeError);
  });
});

describe('classification metrics', () => {
  it('accuracy: binary threshold, argmax, labels', () => {
    expect(N.metrics.accuracy(T.tensor([[1], [0], [1], [0]]), T.tensor([[0.9], [0.2], [0.4], [0.6]]))).toBe(0.5);
    expect(N.metrics.accuracy(T.tensor([1, 0]), T.tensor([[0.51], [0.5]]))).toBe(1);
    expect(N.metrics.accuracy(T.tensor([1, 0]), T.tensor([[3], [-2]]), { threshold: 0 })).toBe(1);
    expect(N.metrics.accuracy(T.tensor([[0, 1, 0], [1, 0, 0]]), T.tensor([[0.1, 0.8, 0.1], [0.2, 0.7, 0.1]]))).toBe(0.5);
    expect(N.metrics.accuracy(T.tensor([2, 2]), T.tensor([2, 1]))).toBe(0.5);
    expect(() => N.metrics.accuracy(T.tensor([0, 1]), T.tensor([[0.4]]))).toThrow(T.ShapeError);
  });

  it('the confusion matrix counts against a naive loop', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 30 }), (pairs) => {
        const truth = pairs.map((p) => p[0]);
        const predicted = pairs.map((p) => p[1]);
        const expected = Array.from({ length: 4 }, (_, i) => Array.from({ length: 4 }, (_, j) => pairs.filter(([a, b]) => a === i && b === j).length));
        const scores = T.tensor(predicted.map((c) => [0, 1, 2, 3].map((k) => (k === c ? 0.9 : 0.03))));
        expect(T.toNested(N.metrics.confusionMatrix(T.tensor(truth), scores, { classes: 4 }))).toEqual(expected);
        expect(T.toNested(N.metrics.confusionMatrix(T.tensor(truth), T.tensor(predicted), { classes: 4 }))).toEqual(expected);
        const diagonal = expected.reduce((s, row, i) => s + (row[i] as number), 0);
        expect(N.metrics.accuracy(T.tensor(truth), scores)).toBe(diagonal / pairs.length);
      }),
      { seed: 2, numRuns: 50 },
    );
  });

  it('rejects labels beyond the given class count', () => {
    expect(() => N.metrics.confusionMatrix(T.tensor([3]), T.tensor([0]), { classes: 2 })).toThrow(T.DomainError);
  });
});
