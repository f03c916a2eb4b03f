/**
 * Nesterov's accelerated gradient.
 *
 * @module
 */
import * as V from '../internal/validate.js';
import { chain } from '../chain.js';
import type { Schedule } from '../schedules/schedule.js';
import { scaleByLearningRate } from '../transforms/scale-by-learning-rate.js';
import { trace } from '../transforms/trace.js';
import type { GradientTransformation } from '../transform.js';
import type { MomentumOptions, MomentumState } from './momentum.js';

/**
 * Nesterov's accelerated gradient (Nesterov 1983; Sutskever et al. 2013), `chain(trace({
 * decay: β, nesterov: true }), scaleByLearningRate(η))`. It is momentum whose step looks ahead
 * along the velocity; written with the gradient at the current Θ only (Bengio et al. 2013):
 *
 * $$v_t = \beta v_{t-1} + g_t, \qquad \Theta_t = \Theta_{t-1} - \eta_t\,(g_t + \beta v_t)$$
 *
 * Θ_t here is the look-ahead point Θ + βv of Sutskever's form, whose gradient is the one
 * evaluated. Default β = 0.9. Pick it over `momentum` when the velocity overshoots: the
 * look-ahead corrects it a step earlier.
 *
 * @param learningRate - η > 0, or a schedule.
 * @since 0.1.0
 * @category Optimisers
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as O from '@theta/optim';
 * const optimiser = O.nesterov(0.1, { beta: 0.5 });
 * const theta = { w: T.tensor([0]) };
 * const [u] = optimiser.update({ w: T.tensor([1]) }, optimiser.init(theta), theta);
 * console.log(T.toArray(u.w)); // [-0.15000000000000002]: −η (g + β v₁) with v₁ = g
 * ```
 */
export function nesterov(learningRate: number | Schedule, options?: MomentumOptions): GradientTransformation<MomentumState> {
  const rate = V.learningRate('nesterov', learningRate);
  const beta = V.unitInterval('nesterov', 'beta', V.options('nesterov', options, ['beta']).beta ?? 0.9);
  return chain(trace({ decay: beta, nesterov: true }), scaleByLearningRate(rate));
}
