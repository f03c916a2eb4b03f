import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as T from '@theta/tensor';
import { callWithoutMutation, centralGradient, isClose } from '@theta/testing';
import * as N from '../index.js';
import { costPlain } from '../../test/reference.js';

type Case = { readonly cost: N.Cost; readonly outputs: 'any' | 'probability' | 'distribution'; readonly targets: 'real' | 'unit' | 'distribution' };

const cases: readonly Case[] = (['sum', 'mean'] as const).flatMap((reduction) => [
  { cost: N.mse({ reduction }), outputs: 'any', targets: 'real' },
  { cost: N.binaryCrossEntropy({ reduction }), outputs: 'probability', targets: 'unit' },
  { cost: N.binaryCrossEntropy({ reduction, fromLogits: true }), outputs: 'any', targets: 'unit' },
  { cost: N.categoricalCrossEntropy({ reduction }), outputs: 'distribution', targets: 'distribution' },
  { cost: N.categoricalCrossEntropy({ reduction, fromLogits: true }), outputs: 'any', targets: 'distribution' },
]);

const rowsOf = (flat: readonly number[], cols: number): number[][] =>
  Array.from({ length: flat.length / cols }, (_, r) => flat.slice(r * cols, (r + 1) * cols));

/** A batch shaped [N, K] with values in the range each cost needs. */
const batch = (kind: 'any' | 'real' | 'probability' | 'unit' | 'distribution', N: number, K: number) =>
  fc.array(fc.double({ min: kind === 'any' || kind === 'real' ? -3 : 0.05, max: kind === 'any' || kind === 'real' ? 3 : 0.95, noNaN: true }), { minLength: N * K, maxLength: N * K })
    .map((flat) => {
      const rows = rowsOf(flat, K);
      return kind === 'distribution' ? rows.map((r) => r.map((v) => v / r.reduce((p, q) => p + q, 0))) : rows;
    });

const sample = fc.record({ N: fc.integer({ min: 1, max: 4 }), K: fc.integer({ min: 2, max: 4 }) });

describe('costs', () => {
  for (const { cost, outputs, targets } of cases) {
    const label = `${cost.name}${cost.fromLogits ? ' (logits)' : ''}, ${cost.reduction}`;
    it(`${label}: value matches the loop reference and ∂C/∂a matches central differences`, () => {
      fc.assert(
        fc.property(sample.chain(({ N, K }) => fc.tuple(batch(targets, N, K), batch(outputs, N, K))), ([t, a]) => {
          const scale = cost.reduction === 'sum' ? 1 : 1 / t.length;
          const K = (t[0] as number[]).length;
          const value = T.item(cost.value(T.tensor(t), T.tensor(a)));
          expect(isClose(value, costPlain(cost.name, cost.fromLogits, t, a, scale), 1e-12, 1e-12)).toBe(true);
          const gradient = T.toArray(cost.gradient(T.tensor(t), T.tensor(a)));
          const fd = centralGradient((flat) => costPlain(cost.name, cost.fromLogits, t, rowsOf(flat, K), scale), a.flat(), 1e-6);
          fd.forEach((g, i) => expect(isClose(gradient[i] as number, g, 1e-6, 1e-8)).toBe(true));
        }),
        { seed: 3, numRuns: 40 },
      );
    });
  }

  it('mse is the notes’ ‖t − a‖² summed, or averaged over the batch — no ½', () => {
    const t = T.tensor([[1, 2], [3, 4]]);
    const a = T.tensor([[0, 0], [0, 0]]);
    expect(T.item(N.mse().value(t, a))).toBe(30);
    expect(T.item(N.mse({ reduction: 'mean' }).value(t, a))).toBe(15);
    expect(T.toNested(N.mse().gradient(t, a))).toEqual([[-2, -4], [-6, -8]]);
  });

  it('CE([1e8, 1e8], class 1) = ln 2, from labels or one-hot rows', () => {
    const ce = N.categoricalCrossEntropy({ fromLogits: true });
    const z = T.tensor([[1e8, 1e8]]);
    expect(T.item(ce.value(T.tensor([1]), z))).toBe(Math.LN2);
    expect(T.item(ce.value(T.tensor([[0, 1]]), z))).toBe(Math.LN2);
    expect(T.toNested(ce.gradient(T.tensor([1]), z))).toEqual([[0.5, -0.5]]);
  });

  it('binary cross-entropy from logits is finite at ±800', () => {
    const bce = N.binaryCrossEntropy({ fromLogits: true });
    const z = T.tensor([[800], [-800]]);
    expect(T.item(bce.value(T.tensor([[0], [1]]), z))).toBe(1600);
    expect(T.item(bce.value(T.tensor([[1], [0]]), z))).toBe(0);
    expect(T.toNested(bce.gradient(T.tensor([[0], [1]]), z))).toEqual([[1], [-1]]);
  });

  it('from probabilities, 0 ln 0 = 0: confident right answers cost nothing', () => {
    const bce = N.binaryCrossEntropy();
    expect(T.item(bce.value(T.tensor([[1], [0]]), T.tensor([[1], [0]])))).toBe(0);
    expect(T.toNested(bce.gradient(T.tensor([[1], [0]]), T.tensor([[1], [0]])))).toEqual([[-1], [1]]);
    const cce = N.categoricalCrossEntropy();
    expect(T.item(cce.value(T.tensor([[0, 1]]), T.tensor([[0, 1]])))).toBe(0);
  });

  it('rejects mismatched shapes and dtypes, and unknown reductions', () => {
    expect(() => N.mse().value(T.zeros([2, 1]), T.zeros([2, 2]))).toThrow(T.ShapeError);
    expect(() => N.mse().gradient(T.zeros([2, 1]), T.zeros([2, 1], { dtype: 'float32' }))).toThrow(T.DTypeError);
    expect(() => N.mse({ reduction: 'avg' as N.Reduction })).toThrow(T.DomainError);
    expect(() => N.categoricalCrossEntropy().value(T.tensor([3]), T.tensor([[0.5, 0.5]]))).toThrow(T.DomainError);
  });

  it('never mutates its inputs', () => {
    const t = T.tensor([[0, 1]]);
    const a = T.tensor([[0.3, 0.7]]);
    for (const { cost } of cases) {
      callWithoutMutation(cost.value, [t, a]);
      callWithoutMutation(cost.gradient, [t, a]);
    }
  });
});

describe('oneHot', () => {
  it('places a 1 at each label', () => {
    expect(T.toNested(N.oneHot([1, 0, 2], 3))).toEqual([[0, 1, 0], [1, 0, 0], [0, 0, 1]]);
    expect(N.oneHot(T.tensor([0]), 2, { dtype: 'float32' }).dtype).toBe('float32');
  });
  it('rejects labels that are not classes', () => {
    expect(() => N.oneHot([2], 2)).toThrow(T.DomainError);
    expect(() => N.oneHot([0.5], 2)).toThrow(T.DomainError);
    expect(() => N.oneHot([0], 0)).toThrow(T.DomainError);
    expect(() => N.oneHot(T.zeros([1, 1]), 2)).toThrow(T.ShapeError);
  });
});
