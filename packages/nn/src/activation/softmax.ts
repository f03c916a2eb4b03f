/**
 * softmax as an output activation: a^L_j = e^{z_j} / Σ_k e^{z_k} row by row. Its σ′ is a
 * Jacobian, so the δ-equations use the vector–Jacobian product instead of a ⊙.
 *
 * @module
 */
import * as R from '@theta/reverse';
import * as T from '@theta/tensor';
import { differentiable } from './elementwise.js';
import type { Activation } from './types.js';

/**
 * $\sigma(z)_j = e^{z_j - m} / \sum_k e^{z_k - m}$ along the last axis (m the row maximum, so
 * `softmax([1000, 0])` is `[1, 0]`). Its derivative is the Jacobian
 * $\partial a_j / \partial z_k = a_j(\delta_{jk} - a_k)$, and the δ-equations need only
 * $\delta = a \odot (g - \sum_k a_k g_k)$. Allowed as the output activation only.
 *
 * @since 0.1.0
 * @category Activations
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as N from '@theta/nn';
 * console.log(T.toNested(N.softmax.apply(T.tensor([[1000, 0]])))); // [[1, 0]]
 * ```
 */
export const softmax: Activation = Object.freeze({
  name: 'softmax' as const,
  elementwise: false,
  apply: differentiable((z) => R.softmax(z)),
  derivative: (z: T.Tensor) => {
    const a = T.softmax(z);
    const k = a.shape[a.shape.length - 1] ?? 1;
    const column = T.expandDims(a, -1);
    return T.sub(T.mul(column, T.eye(k, k, { dtype: a.dtype })), T.mul(column, T.expandDims(a, -2)));
  },
  delta: (_z: T.Tensor, a: T.Tensor, g: T.Tensor) => T.mul(a, T.sub(g, T.sum(T.mul(a, g), { axis: -1, keepDims: true }))),
});
