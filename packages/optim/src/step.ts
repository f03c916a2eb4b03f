/**
 * One training step's worth of optimiser: update and apply together.
 *
 * @module
 */
import type * as T from '@theta/tensor';
import { applyUpdates } from './apply-updates.js';
import { steppedOf } from './internal/fusion.js';
import type { GradientTransformation } from './transform.js';

/**
 * Updates and applies in one call: `[applyUpdates(Θ, updates), next state]` where
 * `[updates, next state] = optimiser.update(grads, state, Θ)` — the same values bit for bit,
 * in fewer passes over memory. For the built-in optimisers the last scaling, the learning rate
 * and the addition to Θ run as one loop per leaf, with no updates tree in between: use it in
 * training loops, and `update` where the updates themselves are wanted (to inspect, log or
 * transform them). Θ, the gradients and the state are left unchanged.
 *
 * $$[\Theta_t, S_t] = [\Theta_{t-1} + u_t, S_t] \quad\text{where}\quad [u_t, S_t] = \mathrm{update}(g_t, S_{t-1}, \Theta_{t-1})$$
 *
 * @since 0.1.0
 * @category Optimisers
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as O from '@theta/optim';
 * const optimiser = O.adam(0.1, { beta1: 0.8, beta2: 0.9 });
 * let theta = { x: T.tensor([2, 4]) };           // f = Σ x², ∂f/∂x = 2x
 * let state = optimiser.init(theta);
 * for (let t = 0; t < 2; t++) [theta, state] = O.step(optimiser, { x: T.mul(theta.x, 2) }, state, theta);
 * console.log(T.toArray(theta.x)); // ≈ [1.800182955834871, 3.8000820674404254]
 * ```
 */
export function step<P extends T.TensorTree, S extends T.TensorTree>(
  optimiser: GradientTransformation<S>,
  grads: T.TensorTree,
  state: S,
  theta: P,
): readonly [P, S] {
  const fused = steppedOf<S>(optimiser);
  if (fused !== undefined) return fused(grads, state, theta);
  const [updates, next] = optimiser.update(grads, state, theta);
  return [applyUpdates(theta, updates), next];
}
