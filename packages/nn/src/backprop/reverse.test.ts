import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as R from '@theta/reverse';
import * as T from '@theta/tensor';
import { callWithoutMutation } from '@theta/testing';
import * as N from '../index.js';
import { problem } from '../../test/problems.js';

const toTheta = (layers: readonly { W: number[][]; b: number[] }[]): N.Theta => layers.map(({ W, b }) => ({ W: T.tensor(W), b: T.tensor(b) }));

/** |a − b| ≤ 1e-10 · max(|a|, |b|), with 1e-13 of slack for entries that cancel to ≈ 0. */
const agree = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-10 * Math.max(Math.abs(a), Math.abs(b)) + 1e-13;

describe('δ-equations and reverse mode give the same gradients', () => {
  it('random architectures (1–4 layers, widths 1–16), every activation, every cost, λ ∈ {0, 1e-3}, float64', () => {
    fc.assert(
      fc.property(problem(16), ({ sizes, activations, cost, penalty, layers, X, targets }) => {
        const net = N.mlp({ sizes, activations });
        const args = [toTheta(layers), T.tensor(X), T.tensor(targets)] as const;
        const byDeltas = N.backprop(net, cost, penalty)(...args);
        const byReverse = N.reverseGrad(net, cost, penalty)(...args);
        expect(agree(byDeltas.loss, byReverse.loss)).toBe(true);
        const a = T.Tree.leaves(byDeltas.grads);
        const b = T.Tree.leaves(byReverse.grads);
        expect(b.map((x) => x.shape)).toEqual(a.map((x) => x.shape));
        a.forEach((x, i) => {
          const y = T.toArray(b[i]!);
          T.toArray(x).forEach((v, j) => expect(agree(v, y[j]!), `leaf ${i}[${j}]: ${v} vs ${y[j]}`).toBe(true));
        });
      }),
      { seed: 7, numRuns: 100 },
    );
  });

  it('also in float32, to float32 rounding', () => {
    const net = N.mlp({ sizes: [4, 8, 3], activations: ['gelu', 'softmax'] });
    const theta = net.init(T.key(3), { dtype: 'float32' });
    const X = T.uniform(T.key(4), [5, 4], { min: -1, max: 1, dtype: 'float32' });
    const t = T.tensor([0, 2, 1, 1, 0], { dtype: 'float32' });
    const cost = N.categoricalCrossEntropy({ reduction: 'mean' });
    const byDeltas = N.backprop(net, cost, N.l2(1e-3))(theta, X, t);
    const byReverse = N.reverseGrad(net, cost, N.l2(1e-3))(theta, X, t);
    expect(byReverse.grads[0]!.W.dtype).toBe('float32');
    expect(T.Tree.allClose(byDeltas.grads, byReverse.grads, { rtol: 1e-4, atol: 1e-6 })).toBe(true);
  });
});

describe('objective', () => {
  it('is the cost of net.apply plus the penalty, and equals backprop’s loss', () => {
    const net = N.mlp({ sizes: [2, 3, 1], activations: ['tanh', 'sigmoid'] });
    const theta = net.init(T.key(1), { weights: 'heNormal', bias: 0.1 });
    const X = T.tensor([[0.5, -1], [2, 0.25]]);
    const t = T.tensor([[1], [0]]);
    const cost = N.binaryCrossEntropy();
    const C = N.objective(net, cost, N.l2(0.01));
    const direct = T.item(cost.value(t, net.apply(theta, X))) + T.item(N.l2(0.01).value(theta));
    expect(T.item(C(theta, X, t))).toBeCloseTo(direct, 14);
    expect(N.backprop(net, cost, N.l2(0.01))(theta, X, t).loss).toBeCloseTo(direct, 14);
  });

  it('works under R.grad directly, and net.apply checks shapes of traced Θ too', () => {
    const net = N.mlp({ sizes: [2, 2], activations: ['identity'] });
    const X = T.tensor([[1, 2]]);
    const theta = [{ W: T.tensor([[1, 0], [0, 1]]), b: T.tensor([0, 0]) }];
    const grads = R.grad((th: N.Theta) => R.sum(net.apply(th, X)))(theta);
    expect(T.toNested(grads[0]!.W)).toEqual([[1, 2], [1, 2]]);
    expect(() => R.grad((th: N.Theta) => R.sum(net.apply(th, X)))([{ W: T.zeros([2, 3]), b: T.zeros([2]) }])).toThrow(T.ShapeError);
  });

  it('never mutates Θ, X or the targets', () => {
    const net = N.mlp({ sizes: [2, 2, 2], activations: ['relu', 'softmax'] });
    callWithoutMutation(N.reverseGrad(net, N.categoricalCrossEntropy(), N.l1(0.1)), [net.init(T.key(0)), T.tensor([[1, 2]]), T.tensor([[0, 1]])]);
  });
});
