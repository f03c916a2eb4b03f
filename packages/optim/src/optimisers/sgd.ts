/**
 * Plain (stochastic) gradient descent.
 *
 * @module
 */
import * as V from '../internal/validate.js';
import type { Schedule } from '../schedules/schedule.js';
import { scaleByLearningRate, type ScaleByLearningRateState } from '../transforms/scale-by-learning-rate.js';
import type { GradientTransformation } from '../transform.js';

/**
 * Gradient descent, the notes' update w ← w − γ δ a and b ← b − γ δ: plain GD when the
 * gradient is over the whole training set, SGD when it is over a mini-batch.
 *
 * $$\Theta_t = \Theta_{t-1} - \eta_t\, g_t$$
 *
 * No defaults besides η. Pick it as the baseline, for convex problems, or with a decaying
 * schedule (`Schedules.hyperbolicDecay`) for SGD that converges.
 *
 * @param learningRate - η > 0, or a schedule.
 * @since 0.1.0
 * @category Optimisers
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as O from '@theta/optim';
 * const optimiser = O.sgd(0.25);
 * let theta = { x: T.tensor([4]) };           // f(x) = x², ∂f/∂x = 2x
 * let state = optimiser.init(theta);
 * for (let t = 0; t < 3; t++) {
 *   const [updates, next] = optimiser.update({ x: T.mul(theta.x, 2) }, state, theta);
 *   [theta, state] = [O.applyUpdates(theta, updates), next];
 * }
 * console.log(T.toArray(theta.x)); // [0.5]: halved each step
 * ```
 */
export function sgd(learningRate: number | Schedule): GradientTransformation<ScaleByLearningRateState> {
  return scaleByLearningRate(V.learningRate('sgd', learningRate));
}
