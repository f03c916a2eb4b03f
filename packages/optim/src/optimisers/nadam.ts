/**
 * NAdam: Adam with Nesterov momentum.
 *
 * @module
 */
import * as V from '../internal/validate.js';
import { chain } from '../chain.js';
import type { Schedule } from '../schedules/schedule.js';
import { scaleByAdam } from '../transforms/scale-by-adam.js';
import { scaleByLearningRate } from '../transforms/scale-by-learning-rate.js';
import type { GradientTransformation } from '../transform.js';
import { adamKeys, adamOptions, type AdamOptions, type AdamState } from './adam.js';

/**
 * NAdam (Dozat 2016, with a constant β₁): Adam whose first moment looks one step ahead as
 * Nesterov's momentum does, `chain(scaleByAdam({ nesterov: true }), scaleByLearningRate(η))`:
 *
 * $$\hat m_t = \frac{\beta_1 m_t}{1-\beta_1^{t+1}} + \frac{(1-\beta_1)\, g_t}{1-\beta_1^t}, \qquad \Theta_t = \Theta_{t-1} - \eta_t\, \frac{\hat m_t}{\sqrt{v_t/(1-\beta_2^t)} + \epsilon}$$
 *
 * with m_t and v_t as in Adam. Defaults as Adam's (β₁ = 0.9, β₂ = 0.999, ε = 1e-8). Pick it
 * where Adam works but its momentum overshoots; it often converges a little faster.
 *
 * @param learningRate - η > 0, or a schedule.
 * @since 0.1.0
 * @category Optimisers
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as O from '@theta/optim';
 * const optimiser = O.nadam(1e-3);
 * const theta = { w: T.tensor([1, -1]) };
 * const [u] = optimiser.update({ w: T.tensor([0.5, -0.5]) }, optimiser.init(theta), theta);
 * console.log(T.toArray(u.w)); // ≈ [-0.00147, 0.00147]: step one is η (1 + β₁/(1 + β₁)) sign(g)
 * ```
 */
export function nadam(learningRate: number | Schedule, options?: AdamOptions): GradientTransformation<AdamState> {
  const rate = V.learningRate('nadam', learningRate);
  return chain(scaleByAdam({ ...adamOptions('nadam', options, adamKeys), nesterov: true }), scaleByLearningRate(rate));
}
