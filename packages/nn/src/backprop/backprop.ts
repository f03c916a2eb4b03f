/**
 * The δ-equations of the notes' back-propagation box, batched and without a graph.
 *
 * @module
 */
import * as T from '@theta/tensor';
import { oneHot } from '../cost/one-hot.js';
import type { Cost } from '../cost/types.js';
import { denseOptionsOf } from '../mlp/fused.js';
import type { Mlp } from '../mlp/mlp.js';
import type { Theta } from '../mlp/theta.js';
import { fusedPenalty as fusedKey, type FusedPenalty } from '../penalty/fused.js';
import { noPenalty, type Penalty } from '../penalty/penalty.js';
import { cancels, outputDelta } from './output-delta.js';

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

/** The one-pass penalty of l2/l1, absent for a penalty built by hand. */
const penaltyPassOf = (penalty: Penalty): FusedPenalty | undefined => (penalty as { readonly [fusedKey]?: FusedPenalty })[fusedKey];

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
 * Whole batches at once, no graph: per layer one fused `T.denseBackward` call — one pass that
 * forms $\delta^l$ (multiplying by $\sigma'(z^l)$) and sums $\partial C / \partial b^l$, and the two
 * matrix products $(\delta^l)^\top A^{l-1}$ and $\delta^l W^l$.
 * Agrees with reverse mode ({@link reverseGrad}) to rounding. `loss` and `deltas` carry the
 * cost's scaling: with `reduction: 'mean'` every δ is divided by N. Each call runs in one
 * resident scope (`T.resident`): the backward pass reads X, Θ, Z and A where the forward pass
 * left them in WebAssembly memory.
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
  // σ′ of each hidden layer inside the fused kernel where it can be (undefined: gelu, custom σ).
  const fused = sigma.map(denseOptionsOf);
  // One resident scope per call (T.resident): the backward pass reads X, Θ and the forward
  // pass's Z and A where the forward pass left them in WebAssembly memory.
  return (theta: Theta, X: T.Tensor, targets: T.Tensor): BackpropResult => T.resident(() => backpropOnce(theta, X, targets));
  function backpropOnce(theta: Theta, X: T.Tensor, targets: T.Tensor): BackpropResult {
    const layers = net.forward(theta, X);
    const { z: zL, a: aL } = layers[L - 1]!;
    const t = targetsFor(cost, targets, aL);
    // Equation 1: δ^L = σ′(z^L) ⊙ ∂C/∂a^L. When the fused kernel knows σ^L, g = ∂C/∂a^L goes in
    // and the kernel multiplies by σ′(z^L) in its first pass; otherwise (softmax, gelu, or the
    // simplified s(a^L − t) of the cancelling pairs) δ^L is formed here and goes in as g.
    const fuseOutput = fused[L - 1] !== undefined && !cancels(sigma[L - 1]!, cost);
    const out = fuseOutput ? { loss: cost.value(t, aL), delta: cost.gradient(t, aL) } : outputDelta(sigma[L - 1]!, cost, zL, aL, t);
    const deltas = new Array<T.Tensor>(L);
    const grads = new Array<{ readonly W: T.Tensor; readonly b: T.Tensor }>(L);
    // g is what layer l receives from above: ∂C/∂a^L or δ^L at the output, then δ^{l+1} W^{l+1}.
    let g = out.delta;
    for (let l = L - 1; l >= 0; l--) {
      const { z, a } = layers[l]!;
      const previous = l === 0 ? X : layers[l - 1]!.a;
      // Equation 2's σ′ factor: δ^l = (δ^{l+1} W^{l+1}) ⊙ σ′(z^l). The fused kernel forms it in
      // the same pass as ∂C/∂b^l; an activation it does not know (gelu) forms δ^l itself first.
      const options = l === L - 1 ? (fuseOutput ? fused[l] : undefined) : fused[l];
      const upstream = l === L - 1 || options !== undefined ? g : sigma[l]!.delta(z, a, g);
      // One fused call per layer, the δ-equations of layer l:
      //   δ^l = g ⊙ σ′(z^l)          — in the pass that also sums ∂C/∂b^l (identity: g is δ^l)
      //   ∂C/∂W^l = (δ^l)ᵀ A^{l−1}   — Σ_n δ^l_{nj} a^{l−1}_{nk}, the batch summed by the product
      //   ∂C/∂b^l = Σ_n δ^l_n
      //   δ^l W^l                    — row n is Σ_j δ^l_{nj} w^l_{jk}, the next g (not needed at l = 1)
      const r = T.denseBackward(upstream, previous, theta[l]!.W, { ...options, z, a, propagate: l > 0 });
      deltas[l] = r.delta;
      grads[l] = { W: r.dW, b: r.db };
      if (r.dInput !== undefined) g = r.dInput;
    }
    let loss = T.item(out.loss);
    const fusedPenalty = penaltyPassOf(penalty);
    if (penalty.lambda !== 0 && fusedPenalty !== undefined) {
      const penalised = fusedPenalty(theta, grads);
      loss += penalised.value;
      return result(loss, penalised.grads, deltas);
    }
    if (penalty.lambda !== 0) {
      loss += T.item(penalty.value(theta));
      const extra = penalty.gradient(theta);
      for (let l = 0; l < L; l++) {
        const g = grads[l]!;
        const r = extra[l]!;
        grads[l] = { W: T.add(g.W, r.W), b: penalty.includeBiases ? T.add(g.b, r.b) : g.b };
      }
    }
    return result(loss, grads, deltas);
  }
}

/** The frozen result record. */
const result = (loss: number, grads: Theta, deltas: readonly T.Tensor[]): BackpropResult =>
  Object.freeze({
    loss,
    grads: Object.freeze(grads.map((g) => Object.freeze(g))),
    deltas: Object.freeze(deltas),
  });
