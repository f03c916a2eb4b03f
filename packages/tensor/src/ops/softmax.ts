/**
 * softmax and logSoftmax along an axis, shifted by the maximum so they never overflow:
 * `softmax([1000, 0]) = [1, 0]`.
 *
 * @module
 */
import { expectTensor } from '../core/operand.js';
import type { Tensor } from '../core/tensor.js';
import { div, sub } from './binary.js';
import { max, sum } from './reduce.js';
import { exp, log } from './unary-math.js';

/**
 * $\operatorname{softmax}(x)_i = e^{x_i - m} / \sum_j e^{x_j - m}$ with m the maximum along `axis`
 * (the last axis by default), so each slice along `axis` sums to 1.
 *
 * @since 0.1.0
 * @category Reductions
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.toArray(T.softmax(T.tensor([1000, 0])))); // [1, 0]
 * ```
 */
export function softmax(x: Tensor, axis = -1): Tensor {
  const t = expectTensor('softmax', 'x', x);
  const e = exp(sub(t, max(t, { axis, keepDims: true })));
  return div(e, sum(e, { axis, keepDims: true }));
}

/**
 * $\log \operatorname{softmax}(x) = (x - m) - \log \sum_j e^{x_j - m}$ with m the maximum along
 * `axis` (last by default): the stable way to get log-probabilities from logits.
 *
 * @since 0.1.0
 * @category Reductions
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.toArray(T.logSoftmax(T.tensor([1e8, 1e8])))); // [-0.6931471805599453, -0.6931471805599453]
 * ```
 */
export function logSoftmax(x: Tensor, axis = -1): Tensor {
  const t = expectTensor('logSoftmax', 'x', x);
  // Shift first, then subtract the log-normaliser of the shifted values: x − m is exact
  // where x − logsumexp(x) would lose the small part of the normaliser (x = [1e8, 1e8]).
  const shifted = sub(t, max(t, { axis, keepDims: true }));
  return sub(shifted, log(sum(exp(shifted), { axis, keepDims: true })));
}
