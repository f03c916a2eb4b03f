/**
 * The δ-equations of the notes' back-propagation box, batched and without a graph.
 *
 * @module
 */
import * as T from '@theta/tensor';
import { oneHot } from '../cost/one-hot.js';
import type { Cost } from '../cost/types.js';
import type { Mlp } from '../mlp/mlp.js';
import type { Theta } from '../mlp/theta.js';
import { noPenalty, type Penalty } from '../penalty/penalty.js';
import { outputDelta } from './output-delta.js';

/**
 * What {@link backprop} returns for one batch.
 *
 * @since 0.1.0
 * @category Back propagation
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as N from '@theta/nn';
 * const net = N.mlp({ sizes: [1, 1], activations: ['identity'] });
 * const result: N.BackpropResult = N.backprop(net, N.mse())([{ W: T.tensor([[1]]), b: T.tensor([0]) }], T.tensor([[1]]), T.tensor([[3]]));
 * console.log(result.loss, T.toNested(result.grads[0]!.W)); // 4 [[-4]]
 * ```
 */
export interface BackpropResult {
  /** $C(\Theta)$ = the cost of the batch + the penalty. */
  readonly loss: number;
  /** $\partial C / \partial W^l$ and $\partial C / \partial b^l$: a tree shaped like Θ. */
  readonly grads: Theta;
  /** $\delta^l = \partial C / \partial z^l$ per layer (entry `l − 1` is layer l), each $[N, n_l]$. */
  readonly deltas: readonly T.Tensor[];
}

/** Class labels [N] for categorical cross-entropy become one-hot rows; shapes must match. */
function targetsFor(cost: Cost, targets: unknown, output: T.Tensor): T.Tensor {
  if (!T.isTensor(targets)) throw new T.DTypeError({ op: 'backprop', argument: 'targets', expected: 'a Tensor', actual: typeof targets });
  const t = cost.name === 'categoricalCrossEntropy' && targets.shape.length === 1 ? oneHot(targets, output.shape[1] as number, { dtype: output.dtype }) : targets;
  if (t.shape.length !== 2 || t.shape[0] !== output.shape[0] || t.shape[1] !== output.shape[1]) {
    throw new T.ShapeError({ op: 'backprop', argument: 'targets (t)', expected: output.shape, actual: targets.shape });
  }
  return t;
}

/**
 * The notes' back-propagation algorithm for a network, a cost and a penalty (none by default):
 * returns `(Θ, X, t) → { loss, grads, deltas }` for a batch X $[N, n_0]$ and targets t
 * $[N, n_L]$ (class labels $[N]$ for categorical cross-entropy). With $Z^l$, $A^l$ from the
 * forward pass ($A^0 = X$), rows being examples:
 *
 * 1. $\delta^L = \sigma'(Z^L) \odot \partial C / \partial A^L$ — or, for sigmoid + binary or
 *    softmax + categorical cross-entropy, the simplified $\delta^L = s(A^L - t)$;
 * 2. for l = L − 1, …, 1: $\delta^l = (\delta^{l+1} W^{l+1}) \odot \sigma'(Z^l)$, the notes'
 *    $\delta^l_j = \sum_k \delta^{l+1}_k w^{l+1}_{kj} \sigma'(z^l_j)$;
 * 3. $\partial C / \partial W^l = (\delta^l)^\top A^{l-1} + \partial R / \partial W^l$, i.e.
 *    $\sum_n \delta^l_{nj} a^{l-1}_{nk}$, and $\partial C / \partial b^l = \sum_n \delta^l_{n} (+ \partial R / \partial b^l)$.
 *
 * Whole batches at once — two matrix products and one elementwise product per layer, no graph.
 * Agrees with reverse mode ({@link reverseGrad}) to rounding. `loss` and `deltas` carry the
 * cost's scaling: with `reduction: 'mean'` every δ is divided by N.
 *
 * @since 0.1.0
 * @category Back propagation
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as N from '@theta/nn';
 * const net = N.mlp({ sizes: [2, 3, 1], activations: ['sigmoid', 'identity'] });
 * const theta = net.init(T.key(0));
 * const step = N.backprop(net, N.mse({ reduction: 'mean' }), N.l2(1e-3));
 * const { loss, grads, deltas } = step(theta, T.tensor([[0, 1], [1, 0]]), T.tensor([[1], [0]]));
 * console.log(loss > 0, grads[0]!.W.shape, deltas.map((d) => d.shape)); // true [3, 2] [[2, 3], [2, 1]]
 * ```
 */
export function backprop(net: Mlp, cost: Cost, penalty: Penalty = noPenalty): (theta: Theta, X: T.Tensor, targets: T.Tensor) => BackpropResult {
  const L = net.sizes.length - 1;
  const sigma = net.activations;
  return (theta: Theta, X: T.Tensor, targets: T.Tensor): BackpropResult => {
    const layers = net.forward(theta, X);
    const { z: zL, a: aL } = layers[L - 1]!;
    const t = targetsFor(cost, targets, aL);
    const out = outputDelta(sigma[L - 1]!, cost, zL, aL, t);
    const deltas = new Array<T.Tensor>(L);
    const grads = new Array<{ readonly W: T.Tensor; readonly b: T.Tensor }>(L);
    let delta = out.delta;
    for (let l = L - 1; l >= 0; l--) {
      deltas[l] = delta;
      const previous = l === 0 ? X : layers[l - 1]!.a;
      // ∂C/∂W^l = (δ^l)ᵀ A^{l−1}, summed over the batch by the product; ∂C/∂b^l = Σ_n δ^l.
      grads[l] = { W: T.matmul(delta, previous, { transposeA: true }), b: T.sum(delta, { axis: 0 }) };
      if (l > 0) {
        const below = layers[l - 1]!;
        // δ^{l−1} = (δ^l W^l) ⊙ σ′(z^{l−1}): row n of δ^l W^l is Σ_k δ_k w_kj.
        delta = sigma[l - 1]!.delta(below.z, below.a, T.matmul(delta, theta[l]!.W));
      }
    }
    let loss = T.item(out.loss);
    if (penalty.lambda !== 0) {
      loss += T.item(penalty.value(theta));
      const extra = penalty.gradient(theta);
      for (let l = 0; l < L; l++) {
        const g = grads[l]!;
        const r = extra[l]!;
        grads[l] = { W: T.add(g.W, r.W), b: penalty.includeBiases ? T.add(g.b, r.b) : g.b };
      }
    }
    return Object.freeze({
      loss,
      grads: Object.freeze(grads.map((g) => Object.freeze(g))),
      deltas: Object.freeze(deltas),
    });
  };
}
