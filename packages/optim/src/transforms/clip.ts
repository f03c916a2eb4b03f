/**
 * Elementwise clipping of updates to [−δ, δ].
 *
 * @module
 */
import * as T from '@theta/tensor';
import * as V from '../internal/validate.js';
import { emptyState, type EmptyState, type GradientTransformation } from '../transform.js';

const op = 'clip';

/**
 * Clips every element of every leaf to [−δ, δ] independently (this changes the step's
 * direction; `clipByGlobalNorm` does not). NaN stays NaN.
 *
 * $$u_i = \min(\max(g_i, -\delta), \delta)$$
 *
 * @param maxDelta - δ > 0 (Infinity never clips).
 * @since 0.1.0
 * @category Transforms
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as O from '@theta/optim';
 * const clipping = O.clip(1);
 * const grads = { w: T.tensor([-3, 0.5, 2]) };
 * const [u] = clipping.update(grads, clipping.init(grads), grads);
 * console.log(T.toArray(u.w)); // [-1, 0.5, 1]
 * ```
 */
export function clip(maxDelta: number): GradientTransformation<EmptyState> {
  const delta = V.positiveOrInfinity(op, 'maxDelta', maxDelta);
  return {
    init: () => emptyState,
    update: (grads, state, _theta) => [T.Tree.map(grads, (g) => T.minimum(T.maximum(g, -delta), delta)), state],
  };
}
