/**
 * Gradient descent with (heavy-ball) momentum.
 *
 * @module
 */
import * as V from '../internal/validate.js';
import { chain } from '../chain.js';
import type { Schedule } from '../schedules/schedule.js';
import { scaleByLearningRate, type ScaleByLearningRateState } from '../transforms/scale-by-learning-rate.js';
import { trace, type TraceState } from '../transforms/trace.js';
import type { GradientTransformation } from '../transform.js';

/**
 * Options of {@link momentum} and `nesterov`.
 *
 * @since 0.1.0
 * @category Optimisers
 * @example
 * ```ts
 * import * as O from '@theta/optim';
 * const options: O.MomentumOptions = { beta: 0.95 };
 * const optimiser = O.momentum(0.01, options);
 * ```
 */
export interface MomentumOptions {
  /** β ∈ [0, 1), the fraction of the velocity kept each step. Default 0.9. */
  readonly beta?: number;
}

/**
 * The state of {@link momentum} and `nesterov`: `[trace, learning rate]`.
 *
 * @since 0.1.0
 * @category Optimisers
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as O from '@theta/optim';
 * const [traceState, lrState]: O.MomentumState = O.momentum(0.1).init({ w: T.zeros([1]) });
 * console.log(lrState.count); // 0
 * ```
 */
export type MomentumState = readonly [TraceState, ScaleByLearningRateState];

/**
 * Gradient descent with momentum (Polyak 1964), `chain(trace({ decay: β }),
 * scaleByLearningRate(η))`. The velocity is a decaying sum of gradients:
 *
 * $$v_t = \beta v_{t-1} + g_t, \qquad \Theta_t = \Theta_{t-1} - \eta_t v_t$$
 *
 * Equivalently Θ_t = Θ_{t−1} − η g_t + β (Θ_{t−1} − Θ_{t−2}) for a constant η. Default β = 0.9.
 * Pick it over plain SGD on ill-conditioned or noisy problems: it damps oscillation across a
 * valley and speeds travel along it.
 *
 * @param learningRate - η > 0, or a schedule.
 * @since 0.1.0
 * @category Optimisers
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as O from '@theta/optim';
 * const optimiser = O.momentum(0.1, { beta: 0.5 });
 * const theta = { w: T.tensor([0]) };
 * const g = { w: T.tensor([1]) };
 * const [u1, s1] = optimiser.update(g, optimiser.init(theta), theta);
 * const [u2] = optimiser.update(g, s1, theta);
 * console.log(T.toArray(u1.w), T.toArray(u2.w)); // [-0.1] [-0.15000000000000002]
 * ```
 */
export function momentum(learningRate: number | Schedule, options?: MomentumOptions): GradientTransformation<MomentumState> {
  const rate = V.learningRate('momentum', learningRate);
  const beta = V.unitInterval('momentum', 'beta', V.options('momentum', options, ['beta']).beta ?? 0.9);
  return chain(trace({ decay: beta }), scaleByLearningRate(rate));
}
