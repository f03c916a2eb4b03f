/**
 * RMSprop.
 *
 * @module
 */
import * as V from '../internal/validate.js';
import { chain } from '../chain.js';
import type { Schedule } from '../schedules/schedule.js';
import { scaleByLearningRate, type ScaleByLearningRateState } from '../transforms/scale-by-learning-rate.js';
import { scaleByRms, type ScaleByRmsState } from '../transforms/scale-by-rms.js';
import type { GradientTransformation } from '../transform.js';

/**
 * Options of {@link rmsprop}.
 *
 * @since 0.1.0
 * @category Optimisers
 * @example
 * ```ts
 * import * as O from '@theta/optim';
 * const options: O.RmspropOptions = { decay: 0.99 };
 * const optimiser = O.rmsprop(1e-3, options);
 * ```
 */
export interface RmspropOptions {
  /** ρ ∈ [0, 1), the decay of the mean square. Default 0.9. */
  readonly decay?: number;
  /** ε ≥ 0 added outside the square root. Default 1e-8. */
  readonly eps?: number;
  /** ε ≥ 0 added inside the square root. Default 0. */
  readonly epsRoot?: number;
}

/**
 * The state of {@link rmsprop}: `[scaleByRms, learning rate]`.
 *
 * @since 0.1.0
 * @category Optimisers
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as O from '@theta/optim';
 * const [rms, lr]: O.RmspropState = O.rmsprop(1e-3).init({ w: T.zeros([1]) });
 * console.log(lr.count); // 0
 * ```
 */
export type RmspropState = readonly [ScaleByRmsState, ScaleByLearningRateState];

const op = 'rmsprop';

/**
 * RMSprop (Hinton, lecture 6e of Neural Networks for Machine Learning, 2012): AdaGrad with a
 * moving average in place of the sum, so old gradients are forgotten.
 * `chain(scaleByRms({ decay: ρ }), scaleByLearningRate(η))`:
 *
 * $$s_t = \rho\, s_{t-1} + (1-\rho)\, g_t^2, \qquad \Theta_t = \Theta_{t-1} - \eta_t\,\frac{g_t}{\sqrt{s_t} + \epsilon}$$
 *
 * Defaults ρ = 0.9, ε = 1e-8 (outside the root; `epsRoot` puts one inside). Pick it for
 * non-stationary objectives and mini-batch training when AdaGrad's steps die out.
 *
 * @param learningRate - η > 0, or a schedule.
 * @since 0.1.0
 * @category Optimisers
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as O from '@theta/optim';
 * const optimiser = O.rmsprop(0.01, { decay: 0.99, eps: 0 });
 * const theta = { w: T.tensor([0]) };
 * const [u] = optimiser.update({ w: T.tensor([3]) }, optimiser.init(theta), theta);
 * console.log(T.toArray(u.w)); // ≈ [-0.1]: −η g / √(0.01 g²)
 * ```
 */
export function rmsprop(learningRate: number | Schedule, options?: RmspropOptions): GradientTransformation<RmspropState> {
  const rate = V.learningRate(op, learningRate);
  const given = V.options(op, options, ['decay', 'eps', 'epsRoot']);
  const decay = V.unitInterval(op, 'decay', given.decay ?? 0.9);
  const eps = V.nonNegative(op, 'eps', given.eps ?? 1e-8);
  const epsRoot = V.nonNegative(op, 'epsRoot', given.epsRoot ?? 0);
  return chain(scaleByRms({ decay, eps, epsRoot }), scaleByLearningRate(rate));
}
