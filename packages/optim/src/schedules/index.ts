/**
 * Learning-rate schedules: pure functions of the step, validated when built, accepted wherever
 * a learning rate is. Imported as `O.Schedules`.
 *
 * ```ts
 * import * as O from '@theta/optim';
 * const eta = O.Schedules.warmupCosineDecay({ peak: 1e-3, warmupSteps: 100, decaySteps: 10_000 });
 * const optimiser = O.adam(eta);
 * ```
 *
 * @module
 */
export { constant } from './constant.js';
export { linear } from './linear.js';
export type { LinearOptions } from './linear.js';
export { hyperbolicDecay } from './hyperbolic-decay.js';
export type { HyperbolicDecayOptions } from './hyperbolic-decay.js';
export { inverseTimeDecay } from './inverse-time-decay.js';
export type { InverseTimeDecayOptions } from './inverse-time-decay.js';
export { exponentialDecay } from './exponential-decay.js';
export type { ExponentialDecayOptions } from './exponential-decay.js';
export { piecewiseConstant } from './piecewise-constant.js';
export type { PiecewiseConstantOptions } from './piecewise-constant.js';
export { cosineDecay } from './cosine-decay.js';
export type { CosineDecayOptions } from './cosine-decay.js';
export { warmupCosineDecay } from './warmup-cosine-decay.js';
export type { WarmupCosineDecayOptions } from './warmup-cosine-decay.js';
export { invScaling } from './inv-scaling.js';
export type { InvScalingOptions } from './inv-scaling.js';
export { join } from './join.js';
