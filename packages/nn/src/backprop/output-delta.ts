/**
 * The first δ-equation, δ^L = σ′(z^L) ⊙ ∂C/∂a^L, and the simplified forms for
 * sigmoid + binary and softmax + categorical cross-entropy.
 *
 * @module
 */
import * as T from '@theta/tensor';
import type { Activation } from '../activation/types.js';
import { batchScale, type Cost } from '../cost/types.js';
import { softmaxCrossEntropy } from './softmax-cross-entropy.js';

/**
 * True when the output activation and the cost cancel to $\delta^L = s(a^L - t)$: sigmoid with
 * binary cross-entropy from probabilities, or softmax with categorical cross-entropy.
 */
export const cancels = (output: Activation, cost: Cost): boolean =>
  !cost.fromLogits &&
  ((output.name === 'sigmoid' && cost.name === 'binaryCrossEntropy') ||
    (output.name === 'softmax' && cost.name === 'categoricalCrossEntropy'));

/**
 * The cost of the batch and $\delta^L = \partial C / \partial z^L$.
 *
 * In the simplified case the value is computed from the logits $z^L$ (softplus or
 * log-softmax), so it stays finite where $\ln a^L$ would underflow to −∞.
 */
export function outputDelta(output: Activation, cost: Cost, z: T.Tensor, a: T.Tensor, t: T.Tensor): { readonly loss: T.Tensor; readonly delta: T.Tensor } {
  if (!cancels(output, cost)) {
    // δ^L_j = σ′(z^L_j) ∂C/∂a^L_j (a vector–Jacobian product for softmax).
    return { loss: cost.value(t, a), delta: output.delta(z, a, cost.gradient(t, a)) };
  }
  const s = batchScale(cost.reduction, a);
  if (output.name === 'sigmoid') {
    const loss = T.mul(T.sum(T.sub(T.softplus(z), T.mul(t, z))), s);
    return { loss, delta: T.mul(T.sub(a, t), s) };
  }
  const fused = softmaxCrossEntropy(z, a, t, s);
  if (fused !== undefined) return fused;
  const loss = T.mul(T.sub(0, T.sum(T.mul(t, T.logSoftmax(z)))), s);
  // Σ_k t_k is 1 for one-hot rows; kept so that unnormalised targets stay exact.
  const delta = T.mul(T.sub(T.mul(a, T.sum(t, { axis: -1, keepDims: true })), t), s);
  return { loss, delta };
}
