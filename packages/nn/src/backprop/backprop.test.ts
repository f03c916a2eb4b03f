import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as T from '@theta/tensor';
import { callWithoutMutation, centralGradient, isClose } from '@theta/testing';
import * as N from '../index.js';
import { kinked, problem, targetRows } from '../../test/problems.js';
import { costPlain, flattenLayers, forwardPlain, penaltyPlain, unflattenLayers, type PlainLayer } from '../../test/reference.js';

const toTheta = (layers: readonly PlainLayer[], dtype: T.DType = 'float64'): N.Theta =>
  layers.map(({ W, b }) => ({ W: T.tensor(W, { dtype }), b: T.tensor(b, { dtype }) }));
const fromTheta = (theta: N.Theta): PlainLayer[] => theta.map(({ W, b }) => ({ W: T.toNested(W) as number[][], b: T.toArray(b) }));
const sigma = (z: number): number => 1 / (1 + Math.exp(-z));

describe('backprop: the notes’ small networks by hand', () => {
  it('one hidden node: x → σ(w1 x + b1) → w2 a1 + b2, C = (t − a2)² + λ(w1² + w2²)', () => {
    const [w1, b1, w2, b2, x, t, lambda] = [0.7, -0.2, 1.3, 0.4, 0.9, 2, 0.01];
    const z1 = w1 * x + b1;
    const a1 = sigma(z1);
    const a2 = w2 * a1 + b2;
    const delta2 = -2 * (t - a2); // σ′ = 1 for the identity output
    const delta1 = delta2 * w2 * a1 * (1 - a1);
    const net = N.mlp({ sizes: [1, 1, 1], activations: ['sigmoid', 'identity'] });
    const theta = [{ W: T.tensor([[w1]]), b: T.tensor([b1]) }, { W: T.tensor([[w2]]), b: T.tensor([b2]) }];
    const { loss, grads, deltas } = N.backprop(net, N.mse(), N.l2(lambda))(theta, T.tensor([[x]]), T.tensor([[t]]));
    expect(loss).toBeCloseTo((t - a2) ** 2 + lambda * (w1 ** 2 + w2 ** 2), 14);
    expect(T.item(grads[1]!.W)).toBeCloseTo(delta2 * a1 + 2 * lambda * w2, 14);
    expect(T.item(grads[1]!.b)).toBeCloseTo(delta2, 14);
    expect(T.item(grads[0]!.W)).toBeCloseTo(delta1 * x + 2 * lambda * w1, 14);
    expect(T.item(grads[0]!.b)).toBeCloseTo(delta1, 14);
    expect(T.item(deltas[1]!)).toBeCloseTo(delta2, 14);
    expect(T.item(deltas[0]!)).toBeCloseTo(delta1, 14);
  });

  it('the 2-2-1 sigmoid net with 9 parameters, on the four XOR inputs', () => {
    const W1 = [[0.5, -0.4], [0.3, 0.8]];
    const b1 = [0.1, -0.2];
    const W2 = [[1.2, -0.7]];
    const b2 = [0.05];
    const X = [[0, 0], [0, 1], [1, 0], [1, 1]];
    const t = [0, 1, 1, 0];
    // Every one of the 9 partial derivatives, summed over the examples, from the δ-equations by hand.
    const g = { W1: [[0, 0], [0, 0]], b1: [0, 0], W2: [0, 0], b2: 0 };
    let loss = 0;
    X.forEach(([x1, x2], n) => {
      const h = [0, 1].map((j) => sigma(W1[j]![0]! * x1! + W1[j]![1]! * x2! + b1[j]!));
      const y = sigma(W2[0]![0]! * h[0]! + W2[0]![1]! * h[1]! + b2[0]!);
      loss += (t[n]! - y) ** 2;
      const dOut = 2 * (y - t[n]!) * y * (1 - y);
      g.b2 += dOut;
      [0, 1].forEach((j) => {
        g.W2[j]! += dOut * h[j]!;
        const dHidden = dOut * W2[0]![j]! * h[j]! * (1 - h[j]!);
        g.b1[j]! += dHidden;
        g.W1[j]![0]! += dHidden * x1!;
        g.W1[j]![1]! += dHidden * x2!;
      });
    });
    const net = N.mlp({ sizes: [2, 2, 1], activations: ['sigmoid', 'sigmoid'] });
    const theta = toTheta([{ W: W1, b: b1 }, { W: W2, b: b2 }]);
    expect(T.Tree.leaves(theta).reduce((n, x) => n + x.data.length, 0)).toBe(9);
    const result = N.backprop(net, N.mse())(theta, T.tensor(X), T.tensor(t.map((v) => [v])));
    expect(result.loss).toBeCloseTo(loss, 14);
    const close = (a: T.Tensor, b: number[]) => T.toArray(a).forEach((v, i) => expect(v).toBeCloseTo(b[i]!, 14));
    close(result.grads[0]!.W, g.W1.flat());
    close(result.grads[0]!.b, g.b1);
    close(result.grads[1]!.W, g.W2);
    close(result.grads[1]!.b, [g.b2]);
    expect(result.deltas.map((d) => d.shape)).toEqual([[4, 2], [4, 1]]);
  });
});

describe('backprop and reverse mode against central finite differences', () => {
  it('random architectures, every activation, every cost, λ ∈ {0, 1e-3}', () => {
    fc.assert(
      fc.property(problem(6), ({ sizes, activations, cost, penalty, layers, X, targets }) => {
        const net = N.mlp({ sizes, activations });
        // Central differences are exact only away from the kinks of relu, leakyRelu and elu at 0.
        const zs = net.forward(toTheta(layers), T.tensor(X)).flatMap(({ z }, l) => (kinked(activations[l]!) ? T.toArray(z) : []));
        fc.pre(zs.every((z) => Math.abs(z) > 1e-3));
        const t = targetRows(targets, sizes[sizes.length - 1]!);
        const scale = cost.reduction === 'sum' ? 1 : 1 / X.length;
        const reference = (flat: readonly number[]): number => {
          const ls = unflattenLayers(flat, sizes);
          const kind = penalty.name === 'l1' ? 'l1' : 'l2';
          return costPlain(cost.name, cost.fromLogits, t, forwardPlain(ls, activations, X), scale) + penaltyPlain(kind, penalty.lambda, ls);
        };
        const flat = flattenLayers(layers);
        const result = N.backprop(net, cost, penalty)(toTheta(layers), T.tensor(X), T.tensor(targets));
        expect(isClose(result.loss, reference(flat), 1e-11, 1e-12)).toBe(true);
        const grads = flattenLayers(fromTheta(result.grads));
        const reverse = N.reverseGrad(net, cost, penalty)(toTheta(layers), T.tensor(X), T.tensor(targets));
        expect(isClose(reverse.loss, reference(flat), 1e-11, 1e-12)).toBe(true);
        const byReverse = flattenLayers(fromTheta(reverse.grads));
        centralGradient(reference, flat).forEach((fd, i) => {
          expect(isClose(grads[i]!, fd, 1e-5, 1e-6)).toBe(true);
          expect(isClose(byReverse[i]!, fd, 1e-5, 1e-6)).toBe(true);
        });
      }),
      { seed: 42, numRuns: 80 },
    );
  });
});

describe('backprop details', () => {
  const net = N.mlp({ sizes: [3, 4, 2], activations: ['tanh', 'sigmoid'] });
  const layers = [
    { W: [[0.2, -0.1, 0.4], [0.5, 0.3, -0.2], [-0.6, 0.1, 0.2], [0.3, 0.3, 0.3]], b: [0.1, 0, -0.1, 0.2] },
    { W: [[1, -1, 0.5, 0.2], [-0.3, 0.8, 0.1, -0.5]], b: [0, 0.1] },
  ];
  const X = T.tensor([[1, 2, 3], [-1, 0.5, 2]]);
  const t = T.tensor([[1, 0], [0, 1]]);

  it('the simplified δ^L for sigmoid + cross-entropy equals σ′(z^L) ⊙ ∂C/∂a^L', () => {
    const cost = N.binaryCrossEntropy({ reduction: 'mean' });
    const { deltas } = N.backprop(net, cost)(toTheta(layers), X, t);
    const last = net.forward(toTheta(layers), X)[1]!;
    const generic = T.mul(N.sigmoid.derivative(last.z), cost.gradient(t, last.a));
    T.toArray(deltas[1]!).forEach((v, i) => expect(v).toBeCloseTo(T.toArray(generic)[i]!, 14));
  });

  it('the simplified δ^L for softmax + categorical cross-entropy equals Jᵀ ∂C/∂a^L', () => {
    const softmaxNet = N.mlp({ sizes: [3, 4, 2], activations: ['tanh', 'softmax'] });
    const cost = N.categoricalCrossEntropy();
    const { deltas } = N.backprop(softmaxNet, cost)(toTheta(layers), X, t);
    const last = softmaxNet.forward(toTheta(layers), X)[1]!;
    const generic = N.softmax.delta(last.z, last.a, cost.gradient(t, last.a));
    T.toArray(deltas[1]!).forEach((v, i) => expect(v).toBeCloseTo(T.toArray(generic)[i]!, 14));
  });

  it('a saturated sigmoid + cross-entropy still gives a finite loss (from the logits)', () => {
    const big = [{ W: [[400, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0]], b: [0, 0, 0, 0] }, { W: [[800, 0, 0, 0], [-800, 0, 0, 0]], b: [0, 0] }];
    const { loss, grads } = N.backprop(net, N.binaryCrossEntropy())(toTheta(big), T.tensor([[1, 0, 0]]), T.tensor([[0, 1]]));
    // z^L = [800, −800] (tanh(400) = 1) against t = [0, 1]: softplus(800) − 0 + softplus(−800) + 800 = 1600.
    expect(loss).toBe(1600);
    expect(T.Tree.findNonFinite(grads)).toBeUndefined();
  });

  it('with one example, δ^l is ∂C/∂b^l', () => {
    const one = T.tensor([[1, 2, 3]]);
    const { grads, deltas } = N.backprop(net, N.mse(), N.l2(0.5))(toTheta(layers), one, T.tensor([[1, 0]]));
    deltas.forEach((d, l) => expect(T.toArray(d)).toEqual(T.toArray(grads[l]!.b)));
  });

  it('float32 gives float32 gradients close to float64', () => {
    const step = N.backprop(net, N.mse({ reduction: 'mean' }), N.l2(1e-3));
    const g64 = step(toTheta(layers), X, t);
    const g32 = step(toTheta(layers, 'float32'), T.astype(X, 'float32'), T.astype(t, 'float32'));
    expect(g32.grads[0]!.W.dtype).toBe('float32');
    expect(T.Tree.allClose(g32.grads, g64.grads, { rtol: 1e-5, atol: 1e-6 })).toBe(true);
    expect(isClose(g32.loss, g64.loss, 1e-5)).toBe(true);
  });

  it('rejects targets of the wrong shape, and takes class labels for categorical cross-entropy', () => {
    const step = N.backprop(net, N.mse());
    expect(() => step(toTheta(layers), X, T.zeros([2, 3]))).toThrow(T.ShapeError);
    expect(() => step(toTheta(layers), X, T.zeros([2]))).toThrow(T.ShapeError);
    const ce = N.backprop(N.mlp({ sizes: [3, 4, 2], activations: ['tanh', 'softmax'] }), N.categoricalCrossEntropy());
    expect(ce(toTheta(layers), X, T.tensor([0, 1])).loss).toBe(ce(toTheta(layers), X, t).loss);
  });

  it('never mutates Θ, X or the targets', () => {
    callWithoutMutation(N.backprop(net, N.binaryCrossEntropy(), N.l1(0.1)), [toTheta(layers), X, t]);
  });
});
