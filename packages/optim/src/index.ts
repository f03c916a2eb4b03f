/**
 * # @theta/optim
 *
 * "Choose gradient method and learning rate": every gradient method of the course as a pure
 * transformation in Optax's style. An optimiser is a record of two functions,
 * `init(Θ) → state` and `update(grads, state, Θ) → [updates, state]`; building blocks
 * (`scaleByAdam`, `trace`, `clipByGlobalNorm`, …) compose with `chain`, and
 * `applyUpdates(Θ, updates)` takes the step. Learning rates are numbers or schedules
 * (`O.Schedules`), functions of the step.
 *
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as O from '@theta/optim';
 * const optimiser = O.chain(O.clipByGlobalNorm(1), O.adam(1e-3));
 * let theta = [{ W: T.ones([2, 2]), b: T.zeros([2]) }];
 * let state = optimiser.init(theta);
 * const grads = [{ W: T.full([2, 2], 0.5), b: T.ones([2]) }]; // ∂C/∂Θ from backprop
 * const [updates, next] = optimiser.update(grads, state, theta);
 * [theta, state] = [O.applyUpdates(theta, updates), next];
 * // or, the same values in fewer passes over memory (what a training loop wants):
 * [theta, state] = O.step(optimiser, grads, state, theta);
 * ```
 *
 * Nothing here mutates its arguments or keeps hidden state: calling `update` twice with the
 * same arguments gives the same result. Hyperparameters are checked when an optimiser is
 * built; a bad one is a `DomainError` naming the parameter, the value and the accepted range.
 *
 * @packageDocumentation
 */
export type { GradientTransformation, EmptyState, StateOf } from './transform.js';
export { applyUpdates } from './apply-updates.js';
export { step } from './step.js';
export { chain } from './chain.js';
export type { ChainState } from './chain.js';
export { masked } from './masked.js';
export type { MaskedState } from './masked.js';
export { weightsOnly } from './mask.js';
export type { Mask } from './mask.js';
export { MAX_COUNT, incrementCount, biasCorrection } from './numerics.js';

export { scaleByLearningRate } from './transforms/scale-by-learning-rate.js';
export type { ScaleByLearningRateState, ScaleByLearningRateOptions } from './transforms/scale-by-learning-rate.js';
export { trace } from './transforms/trace.js';
export type { TraceState, TraceOptions } from './transforms/trace.js';
export { scaleByAdagrad } from './transforms/scale-by-adagrad.js';
export type { ScaleByAdagradState, ScaleByAdagradOptions } from './transforms/scale-by-adagrad.js';
export { scaleByRms } from './transforms/scale-by-rms.js';
export type { ScaleByRmsState, ScaleByRmsOptions } from './transforms/scale-by-rms.js';
export { scaleByAdam } from './transforms/scale-by-adam.js';
export type { ScaleByAdamState, ScaleByAdamOptions } from './transforms/scale-by-adam.js';
export { scaleByAdamax } from './transforms/scale-by-adamax.js';
export type { ScaleByAdamaxState, ScaleByAdamaxOptions } from './transforms/scale-by-adamax.js';
export { addDecayedWeights } from './transforms/add-decayed-weights.js';
export type { AddDecayedWeightsOptions } from './transforms/add-decayed-weights.js';
export { clipByGlobalNorm } from './transforms/clip-by-global-norm.js';
export { clip } from './transforms/clip.js';

export { sgd } from './optimisers/sgd.js';
export { momentum } from './optimisers/momentum.js';
export type { MomentumOptions, MomentumState } from './optimisers/momentum.js';
export { nesterov } from './optimisers/nesterov.js';
export { adagrad } from './optimisers/adagrad.js';
export type { AdagradOptions, AdagradState } from './optimisers/adagrad.js';
export { rmsprop } from './optimisers/rmsprop.js';
export type { RmspropOptions, RmspropState } from './optimisers/rmsprop.js';
export { adam } from './optimisers/adam.js';
export type { AdamOptions, AdamState } from './optimisers/adam.js';
export { adamw } from './optimisers/adamw.js';
export type { AdamWOptions, AdamWState } from './optimisers/adamw.js';
export { adamax } from './optimisers/adamax.js';
export type { AdamaxOptions, AdamaxState } from './optimisers/adamax.js';
export { nadam } from './optimisers/nadam.js';

export type { Schedule } from './schedules/schedule.js';
export * as Schedules from './schedules/index.js';
