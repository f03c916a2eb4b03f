/**
 * AdaMax.
 *
 * @module
 */
import * as V from '../internal/validate.js';
import { chain } from '../chain.js';
import type { Schedule } from '../schedules/schedule.js';
import { scaleByAdamax, type ScaleByAdamaxState } from '../transforms/scale-by-adamax.js';
import { scaleByLearningRate, type ScaleByLearningRateState } from '../transforms/scale-by-learning-rate.js';
import type { GradientTransformation } from '../transform.js';

/**
 * Options of {@link adamax}.
 *
 * @since 0.1.0
 * @category Optimisers
 * @example
 * ```ts
 * import * as O from '@theta/optim';
 * const options: O.AdamaxOptions = { beta1: 0.9, beta2: 0.999 };
 * const optimiser = O.adamax(2e-3, options);
 * ```
 */
export interface AdamaxOptions {
  /** β₁ ∈ [0, 1), the decay of the first moment. Default 0.9. */
  readonly beta1?: number;
  /** β₂ ∈ [0, 1), the decay of the ∞-norm. Default 0.999. */
  readonly beta2?: number;
  /** ε ≥ 0 added to |g| inside the max. Default 1e-8. */
  readonly eps?: number;
}

/**
 * The state of {@link adamax}: `[scaleByAdamax, learning rate]`.
 *
 * @since 0.1.0
 * @category Optimisers
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as O from '@theta/optim';
 * const [moments]: O.AdamaxState = O.adamax(2e-3).init({ w: T.zeros([1]) });
 * console.log(moments.count); // 0
 * ```
 */
export type AdamaxState = readonly [ScaleByAdamaxState, ScaleByLearningRateState];

/**
 * AdaMax (Kingma & Ba 2015, §7.1): Adam with the L² norm of past gradients replaced by an
 * exponentially weighted L^∞ norm, which needs no bias correction and no ε in the paper,
 * `chain(scaleByAdamax(), scaleByLearningRate(η))`:
 *
 * $$m_t = \beta_1 m_{t-1} + (1-\beta_1) g_t, \qquad n_t = \max(\beta_2 n_{t-1}, |g_t| + \epsilon), \qquad \Theta_t = \Theta_{t-1} - \frac{\eta_t}{1-\beta_1^t}\,\frac{m_t}{n_t}$$
 *
 * Defaults β₁ = 0.9, β₂ = 0.999, ε = 1e-8 (the paper suggests η = 0.002). Pick it when
 * gradients have rare large outliers: a max is steadier than a mean of squares.
 *
 * @param learningRate - η > 0, or a schedule.
 * @since 0.1.0
 * @category Optimisers
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as O from '@theta/optim';
 * const optimiser = O.adamax(2e-3, { eps: 0 });
 * const theta = { w: T.tensor([0, 0]) };
 * const [u] = optimiser.update({ w: T.tensor([4, -0.25]) }, optimiser.init(theta), theta);
 * console.log(T.toArray(u.w)); // ≈ [-0.002, 0.002]
 * ```
 */
export function adamax(learningRate: number | Schedule, options?: AdamaxOptions): GradientTransformation<AdamaxState> {
  const op = 'adamax';
  const rate = V.learningRate(op, learningRate);
  const given = V.options(op, options, ['beta1', 'beta2', 'eps']);
  const beta1 = V.unitInterval(op, 'beta1', given.beta1 ?? 0.9);
  const beta2 = V.unitInterval(op, 'beta2', given.beta2 ?? 0.999);
  const eps = V.nonNegative(op, 'eps', given.eps ?? 1e-8);
  return chain(scaleByAdamax({ beta1, beta2, eps }), scaleByLearningRate(rate));
}
