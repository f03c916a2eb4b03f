// evaluate against naive loops; metric resolution; targetsFor.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as T from '@theta/tensor';
import * as N from '@theta/nn';
import * as Tr from '@theta/train';
import { callWithoutMutation } from '@theta/testing';

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

describe('evaluate', () => {
  const net = N.mlp({ sizes: [2, 1], activations: ['identity'] });
  const theta = [{ W: T.tensor([[1, -2]]), b: T.tensor([0.5]) }];
  const X = T.tensor([[1, 1], [0, 2], [3, 0]]);       // a = x₁ − 2x₂ + ½ = −0.5, −3.5, 3.5
  const t = T.tensor([[0], [-3], [4]]);

  it('loss is the cost per sample plus λ‖W‖², for either reduction', () => {
    const squares = (0.5 ** 2 + 0.5 ** 2 + 0.5 ** 2) / 3;
    const penalty = 0.1 * (1 + 4);
    for (const cost of [N.mse(), N.mse({ reduction: 'mean' })]) {
      const e = Tr.evaluate(net, theta, X, t, { cost, penalty: 0.1, metrics: ['mse', 'r2'] });
      expect(e.loss).toBeCloseTo(squares + penalty, 14);
      expect(e.metrics['mse']).toBeCloseTo(squares, 14);
    }
  });

  it('binary cross-entropy through a sigmoid output is finite where a naive log would give ∞', () => {
    const classifier = N.mlp({ sizes: [1, 1], activations: ['sigmoid'] });
    const property = fc.property(fc.array(fc.tuple(fc.double({ min: -8, max: 8, noNaN: true }), fc.boolean()), { minLength: 1, maxLength: 6 }), fc.double({ min: -3, max: 3, noNaN: true }), (rows, w) => {
      const x = T.tensor(rows.map(([v]) => [v]));
      const y = T.tensor(rows.map(([, c]) => [c ? 1 : 0]));
      const th = [{ W: T.tensor([[w]]), b: T.tensor([0.1]) }];
      const naive = rows.reduce((s, [v, c]) => { const a = sigmoid(w * v + 0.1); return s - (c ? Math.log(a) : Math.log(1 - a)); }, 0) / rows.length;
      const e = Tr.evaluate(classifier, th, x, y, { cost: N.binaryCrossEntropy(), metrics: ['accuracy'] });
      const hits = rows.filter(([v, c]) => (sigmoid(w * v + 0.1) > 0.5) === c).length;
      return Math.abs(e.loss - naive) <= 1e-9 * Math.max(1, naive) && e.metrics['accuracy'] === hits / rows.length;
    });
    fc.assert(property, { seed: 11, numRuns: 100 });
    const saturated = Tr.evaluate(classifier, [{ W: T.tensor([[100]]), b: T.tensor([0]) }], T.tensor([[5]]), T.tensor([[0]]), { cost: N.binaryCrossEntropy() });
    expect(saturated.loss).toBeCloseTo(500, 9); // −ln(1 − σ(500)) = 500 + ln(1 + e^−500)
  });

  it('categorical cross-entropy: labels and one-hot rows give the same loss, equal to the naive sum', () => {
    const classifier = N.mlp({ sizes: [2, 3], activations: ['softmax'] });
    const th = [{ W: T.tensor([[1, 0], [0, 1], [-1, 1]]), b: T.tensor([0, 0.5, -0.5]) }];
    const labels = T.tensor([1, 2, 0]);
    const z = [[1, 1.5, -0.5], [0, 2.5, 1.5], [3, 0.5, -3.5]];
    const naive = z.reduce((s, row, n) => s - (row[[1, 2, 0][n]!]! - Math.log(row.reduce((a, v) => a + Math.exp(v), 0))), 0) / 3;
    const a = Tr.evaluate(classifier, th, X, labels, { cost: N.categoricalCrossEntropy(), metrics: ['accuracy'] });
    const b = Tr.evaluate(classifier, th, X, Tr.targetsFor(labels, 3), { cost: N.categoricalCrossEntropy(), metrics: ['accuracy'] });
    expect(a.loss).toBeCloseTo(naive, 12);
    expect(b.loss).toBeCloseTo(naive, 12);
    expect(a.metrics['accuracy']).toBeCloseTo(2 / 3, 15); // argmax of the rows: 1, 1, 0
  });

  it('computes custom metrics by name and by function, and mutates nothing', () => {
    function worst(targets: T.Tensor, output: T.Tensor): number {
      return T.item(T.max(T.abs(T.sub(targets, output))));
    }
    const e = callWithoutMutation(Tr.evaluate, [net, theta, X, t, { cost: N.mse(), metrics: [worst, { name: 'count', compute: (tt: T.Tensor) => tt.shape[0] }] }]);
    expect(e.metrics).toEqual({ worst: 0.5, count: 3 });
  });

  it('rejects a missing cost', () => {
    expect(() => Tr.evaluate(net, theta, X, t, {} as never)).toThrow(expect.objectContaining({ _tag: 'DomainError', parameter: 'cost' }));
  });
});

describe('metrics helpers', () => {
  it('defaultMetrics suits the cost', () => {
    expect(Tr.defaultMetrics(N.mse())).toEqual(['mse', 'r2']);
    expect(Tr.defaultMetrics(N.binaryCrossEntropy())).toEqual(['accuracy']);
    expect(Tr.defaultMetrics(N.categoricalCrossEntropy())).toEqual(['accuracy']);
  });

  it('accuracy reads a one-node logit output with threshold 0', () => {
    const logits = N.mlp({ sizes: [1, 1], activations: ['identity'] });
    const th = [{ W: T.tensor([[1]]), b: T.tensor([0]) }];
    const e = Tr.evaluate(logits, th, T.tensor([[-0.2], [0.2], [0.7]]), T.tensor([[0], [1], [0]]), { cost: N.binaryCrossEntropy({ fromLogits: true }), metrics: ['accuracy'] });
    expect(e.metrics['accuracy']).toBeCloseTo(2 / 3, 15);
  });
});

describe('targetsFor', () => {
  it('makes columns, one-hot rows, or passes through', () => {
    expect(T.toNested(Tr.targetsFor(T.tensor([0, 1, 1]), 1))).toEqual([[0], [1], [1]]);
    expect(T.toNested(Tr.targetsFor(T.tensor([2, 0]), 3))).toEqual([[0, 0, 1], [1, 0, 0]]);
    const y = T.tensor([[1, 2]]);
    expect(Tr.targetsFor(y, 2)).toBe(y);
    expect(Tr.targetsFor(T.tensor([0, 1], { dtype: 'float32' }), 2).dtype).toBe('float32');
  });

  it('rejects shapes that do not fit', () => {
    expect(() => Tr.targetsFor(T.zeros([2, 3]), 2)).toThrow(expect.objectContaining({ _tag: 'ShapeError', argument: 'y' }));
    expect(() => Tr.targetsFor(T.tensor([0, 3]), 3)).toThrow(expect.objectContaining({ _tag: 'DomainError' }));
    expect(() => Tr.targetsFor(T.zeros([2]), 0)).toThrow(expect.objectContaining({ _tag: 'DomainError', parameter: 'outputs' }));
  });
});
