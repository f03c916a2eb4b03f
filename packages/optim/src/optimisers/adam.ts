/**
 * Adam.
 *
 * @module
 */
import * as V from '../internal/validate.js';
import { chain } from '../chain.js';
import type { Schedule } from '../schedules/schedule.js';
import { scaleByAdam, type ScaleByAdamOptions, type ScaleByAdamState } from '../transforms/scale-by-adam.js';
import { scaleByLearningRate, type ScaleByLearningRateState } from '../transforms/scale-by-learning-rate.js';
import type { GradientTransformation } from '../transform.js';

/**
 * Options of {@link adam} and `nadam`.
 *
 * @since 0.1.0
 * @category Optimisers
 * @example
 * ```ts
 * import * as O from '@theta/optim';
 * const options: O.AdamOptions = { beta1: 0.8, beta2: 0.9, eps: 1e-8 };
 * const optimiser = O.adam(0.1, options);
 * ```
 */
export interface AdamOptions {
  /** β₁ ∈ [0, 1), the decay of the first moment. Default 0.9. */
  readonly beta1?: number;
  /** β₂ ∈ [0, 1), the decay of the second moment. Default 0.999. */
  readonly beta2?: number;
  /** ε ≥ 0 added outside the square root, as in the paper. Default 1e-8. */
  readonly eps?: number;
  /** ε ≥ 0 added inside the square root. Default 0. */
  readonly epsRoot?: number;
}

/**
 * The state of {@link adam} and `nadam`: `[scaleByAdam, learning rate]`.
 *
 * @since 0.1.0
 * @category Optimisers
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as O from '@theta/optim';
 * const [moments]: O.AdamState = O.adam(1e-3).init({ w: T.zeros([1]) });
 * console.log(moments.count); // 0
 * ```
 */
export type AdamState = readonly [ScaleByAdamState, ScaleByLearningRateState];

/** The keys of {@link AdamOptions}, which `adam` and `nadam` accept. */
export const adamKeys = ['beta1', 'beta2', 'eps', 'epsRoot'] as const;

/**
 * Validates Adam's hyperparameters under the optimiser's own name; `keys` are all the keys the
 * optimiser accepts (AdamW's add its decay), so any other key is an error.
 */
export function adamOptions<O extends AdamOptions, const K extends readonly (keyof O & string)[]>(op: string, options: O | undefined, keys: K & V.Exhaustive<O, K>): ScaleByAdamOptions {
  const given: AdamOptions = V.options<O, K>(op, options, keys);
  return {
    beta1: V.unitInterval(op, 'beta1', given.beta1 ?? 0.9),
    beta2: V.unitInterval(op, 'beta2', given.beta2 ?? 0.999),
    eps: V.nonNegative(op, 'eps', given.eps ?? 1e-8),
    epsRoot: V.nonNegative(op, 'epsRoot', given.epsRoot ?? 0),
  };
}

/**
 * Adam (Kingma & Ba 2015): momentum on the gradient and RMSprop's scaling, both
 * bias-corrected, `chain(scaleByAdam(), scaleByLearningRate(η))`:
 *
 * $$m_t = \beta_1 m_{t-1} + (1-\beta_1) g_t, \qquad v_t = \beta_2 v_{t-1} + (1-\beta_2) g_t^2$$
 * $$\Theta_t = \Theta_{t-1} - \eta_t\, \frac{m_t / (1-\beta_1^t)}{\sqrt{v_t / (1-\beta_2^t)} + \epsilon}$$
 *
 * Defaults β₁ = 0.9, β₂ = 0.999, ε = 1e-8 outside the square root (as in the paper; `epsRoot`
 * adds one inside). Pick it as the default for neural networks: it needs little tuning of η
 * (try 1e-3) and copes with noisy, badly scaled gradients.
 *
 * @param learningRate - η > 0, or a schedule.
 * @since 0.1.0
 * @category Optimisers
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as O from '@theta/optim';
 * const optimiser = O.adam(0.1, { beta1: 0.8, beta2: 0.9 });
 * let theta = { x: T.tensor([2, 4]) };           // f = Σ x², ∂f/∂x = 2x
 * let state = optimiser.init(theta);
 * for (let t = 0; t < 2; t++) {
 *   const [updates, next] = optimiser.update({ x: T.mul(theta.x, 2) }, state, theta);
 *   [theta, state] = [O.applyUpdates(theta, updates), next];
 * }
 * console.log(T.toArray(theta.x)); // ≈ [1.800182955834871, 3.8000820674404254]
 * ```
 */
export function adam(learningRate: number | Schedule, options?: AdamOptions): GradientTransformation<AdamState> {
  const rate = V.learningRate('adam', learningRate);
  return chain(scaleByAdam(adamOptions('adam', options, adamKeys)), scaleByLearningRate(rate));
}
