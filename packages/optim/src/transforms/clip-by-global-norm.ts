/**
 * Clipping by the global norm: rescale the whole update when ‖g‖ exceeds a threshold.
 *
 * @module
 */
import * as T from '@theta/tensor';
import * as V from '../internal/validate.js';
import { clipScale } from '../numerics.js';
import { emptyState, type EmptyState, type GradientTransformation } from '../transform.js';

const op = 'clipByGlobalNorm';

/**
 * Rescales all leaves together so that their joint Euclidean norm is at most `maxNorm`
 * (Pascanu et al. 2013), keeping the direction of the step:
 *
 * $$u = g \cdot \min\!\left(1, \frac{c}{\lVert g \rVert_2}\right), \qquad \lVert g \rVert_2 = \sqrt{\textstyle\sum_\text{leaves} \sum_i g_i^2}$$
 *
 * The norm is `T.Tree.globalNorm`'s, scaled so it neither overflows nor underflows. A NaN norm
 * gives NaN updates (so training notices); an infinite one zeroes the finite entries and
 * turns the infinite ones into NaN.
 *
 * @param maxNorm - c > 0 (Infinity never clips).
 * @since 0.1.0
 * @category Transforms
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as O from '@theta/optim';
 * const clipping = O.clipByGlobalNorm(1);
 * const grads = { W: T.tensor([3]), b: T.tensor([4]) }; // ‖g‖ = 5
 * const [u] = clipping.update(grads, clipping.init(grads), grads);
 * console.log(T.toArray(u.W), T.toArray(u.b)); // ≈ [0.6] [0.8]
 * ```
 */
export function clipByGlobalNorm(maxNorm: number): GradientTransformation<EmptyState> {
  const threshold = V.positiveOrInfinity(op, 'maxNorm', maxNorm);
  return {
    init: () => emptyState,
    update: (grads, state, _theta) => {
      const scale = clipScale(T.Tree.globalNorm(grads), threshold);
      return [scale === 1 ? grads : T.Tree.map(grads, (g) => T.mul(g, scale)), state];
    },
  };
}
