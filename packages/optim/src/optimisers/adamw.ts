/**
 * AdamW: Adam with decoupled weight decay.
 *
 * @module
 */
import * as V from '../internal/validate.js';
import { chain } from '../chain.js';
import type { Mask } from '../mask.js';
import type { Schedule } from '../schedules/schedule.js';
import { addDecayedWeights } from '../transforms/add-decayed-weights.js';
import { scaleByAdam, type ScaleByAdamState } from '../transforms/scale-by-adam.js';
import { scaleByLearningRate, type ScaleByLearningRateState } from '../transforms/scale-by-learning-rate.js';
import type { EmptyState, GradientTransformation } from '../transform.js';
import { adamKeys, adamOptions, type AdamOptions } from './adam.js';

/**
 * Options of {@link adamw}: Adam's, plus the decay and which leaves it touches.
 *
 * @since 0.1.0
 * @category Optimisers
 * @example
 * ```ts
 * import * as O from '@theta/optim';
 * const options: O.AdamWOptions = { weightDecay: 1e-2, mask: O.weightsOnly };
 * const optimiser = O.adamw(1e-3, options);
 * ```
 */
export interface AdamWOptions extends AdamOptions {
  /** λ ≥ 0, the decay per unit of learning rate. Default 1e-4. */
  readonly weightDecay?: number;
  /** Which leaves decay. Default: every leaf; `weightsOnly` spares the biases, as the notes' λ‖W‖². */
  readonly mask?: Mask;
}

/**
 * The state of {@link adamw}: `[scaleByAdam, addDecayedWeights, learning rate]`.
 *
 * @since 0.1.0
 * @category Optimisers
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as O from '@theta/optim';
 * const [moments]: O.AdamWState = O.adamw(1e-3).init({ w: T.zeros([1]) });
 * console.log(moments.count); // 0
 * ```
 */
export type AdamWState = readonly [ScaleByAdamState, EmptyState, ScaleByLearningRateState];

/**
 * AdamW (Loshchilov & Hutter 2019): Adam plus weight decay applied to Θ directly rather than
 * through the gradient, so the decay is not rescaled by Adam's √v̂.
 * `chain(scaleByAdam(), addDecayedWeights(λ, { mask }), scaleByLearningRate(η))`:
 *
 * $$\Theta_t = \Theta_{t-1} - \eta_t \left( \frac{\hat m_t}{\sqrt{\hat v_t} + \epsilon} + \lambda\, \Theta_{t-1} \right)$$
 *
 * (λ here is the paper's λ divided by η, as in PyTorch and Optax.) Defaults as Adam's, and
 * λ = 1e-4 on every leaf. Pick it over Adam plus an L2 term in the cost when you want
 * regularisation that acts the same on every parameter.
 *
 * @param learningRate - η > 0, or a schedule.
 * @since 0.1.0
 * @category Optimisers
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as O from '@theta/optim';
 * const optimiser = O.adamw(0.1, { weightDecay: 0.5, mask: O.weightsOnly });
 * const theta = [{ W: T.tensor([[2]]), b: T.tensor([2]) }];
 * const grads = [{ W: T.tensor([[0]]), b: T.tensor([0]) }];
 * const [u] = optimiser.update(grads, optimiser.init(theta), theta);
 * console.log(T.toNested(u[0]!.W), T.toArray(u[0]!.b)); // [[-0.1]] [-0]: only W decays
 * ```
 */
export function adamw(learningRate: number | Schedule, options?: AdamWOptions): GradientTransformation<AdamWState> {
  const op = 'adamw';
  const rate = V.learningRate(op, learningRate);
  const keys = [...adamKeys, 'weightDecay', 'mask'] as const;
  const given = V.options(op, options, keys);
  const weightDecay = V.nonNegative(op, 'weightDecay', given.weightDecay ?? 1e-4);
  const decayOptions = given.mask === undefined ? {} : { mask: V.callable<Mask>(op, 'mask', given.mask) };
  return chain(scaleByAdam(adamOptions(op, options, keys)), addDecayedWeights(weightDecay, decayOptions), scaleByLearningRate(rate));
}
