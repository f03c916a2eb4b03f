/**
 * The last link of every optimiser: multiply by −η (η fixed, or read from a schedule).
 *
 * @module
 */
import * as T from '@theta/tensor';
import { finish, withLearningRateStep, type Stepped } from '../internal/fusion.js';
import { allocateLike, checkShape } from '../internal/leaves.js';
import * as V from '../internal/validate.js';
import { incrementCount } from '../numerics.js';
import type { Schedule } from '../schedules/schedule.js';
import type { GradientTransformation } from '../transform.js';

/**
 * State of {@link scaleByLearningRate}: how many updates were made, which is the step a
 * schedule is evaluated at (saturating at `MAX_COUNT`).
 *
 * @since 0.1.0
 * @category Transforms
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as O from '@theta/optim';
 * const state: O.ScaleByLearningRateState = O.scaleByLearningRate(0.1).init({ w: T.zeros([1]) });
 * console.log(state.count); // 0
 * ```
 */
export type ScaleByLearningRateState = {
  /** Updates made so far: the step t passed to the schedule on the next update. */
  readonly count: number;
};

/**
 * Options of {@link scaleByLearningRate}.
 *
 * @since 0.1.0
 * @category Transforms
 * @example
 * ```ts
 * import * as O from '@theta/optim';
 * const ascent: O.ScaleByLearningRateOptions = { flipSign: false };
 * const gradientAscent = O.scaleByLearningRate(0.1, ascent);
 * ```
 */
export interface ScaleByLearningRateOptions {
  /** Multiply by −η (descent, the default) rather than +η. */
  readonly flipSign?: boolean;
}

const op = 'scaleByLearningRate';

/**
 * Scales updates by the learning rate with the sign flipped, so that `applyUpdates` descends:
 *
 * $$u_t = -\eta_t \, g_t$$
 *
 * η is a fixed number > 0 or a {@link Schedule} evaluated at t = the number of updates made
 * before this one (0 on the first). A schedule that returns NaN, ∞ or a negative number is a
 * `DomainError` naming the step.
 *
 * @param learningRate - η: a finite number > 0, or a schedule.
 * @since 0.1.0
 * @category Transforms
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as O from '@theta/optim';
 * const lr = O.scaleByLearningRate(O.Schedules.exponentialDecay({ initial: 1, decayRate: 0.5 }));
 * const theta = { w: T.tensor([0]) };
 * const g = { w: T.tensor([2]) };
 * const [u1, s1] = lr.update(g, lr.init(theta), theta);
 * const [u2] = lr.update(g, s1, theta);
 * console.log(T.toArray(u1.w), T.toArray(u2.w)); // [-2] [-1]
 * ```
 */
export function scaleByLearningRate(
  learningRate: number | Schedule,
  options?: ScaleByLearningRateOptions,
): GradientTransformation<ScaleByLearningRateState> {
  const rate = V.learningRate(op, learningRate);
  const flipSign = V.flag(op, 'flipSign', V.options(op, options, ['flipSign']).flipSign ?? true);
  const at = (count: number): number => {
    if (typeof rate === 'number') return rate;
    const value = rate(count);
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new T.DomainError({ op, parameter: `learningRate(${count})`, value, expected: 'a finite number ≥ 0 from the schedule' });
    }
    return value;
  };
  const factor = (state: ScaleByLearningRateState): number => (flipSign ? -at(state.count) : at(state.count));
  const next = (state: ScaleByLearningRateState): ScaleByLearningRateState => ({ count: incrementCount(state.count) });
  const transform: GradientTransformation<ScaleByLearningRateState> = {
    init: () => ({ count: 0 }),
    update: (grads, state, _theta) => {
      const f = factor(state);
      const updates = T.Tree.map(grads, (g) => {
        const out = allocateLike(g);
        scaleLeaf(f, g.data, out, undefined, false);
        return T.fromData(out, g.shape);
      });
      return [updates, next(state)];
    },
  };
  // Θ + (−η g) in one pass, for `step` (sgd): rounded as the two separate writes would be.
  const apply: Stepped<ScaleByLearningRateState> = (grads, state, theta) => {
    const f = factor(state);
    const updated = T.Tree.zipWith(theta, grads, (thetaLeaf, g, path) => {
      checkShape(op, 'grads', path, thetaLeaf, g);
      // Θ + factor·g on the active backend (one SIMD pass on wasm), rounded as below.
      if (g.dtype === thetaLeaf.dtype) return T.addScaled(thetaLeaf, g, f);
      const out = allocateLike(thetaLeaf);
      scaleLeaf(f, g.data, out, thetaLeaf.data, g.dtype === 'float32');
      return T.fromData(out, thetaLeaf.shape);
    });
    return [updated, next(state)];
  };
  return withLearningRateStep(transform, { factor, next }, apply);
}

/**
 * One leaf: factor · g, added to Θ when there is a base (rounded as the two separate writes).
 * The unscaled update gets a loop per dtype (V8 runs a loop that has seen both float32 and
 * float64 arrays markedly slower); Θ + factor·g of one dtype is `T.addScaled`, so only a
 * gradient whose dtype differs from Θ's comes here with a base.
 */
function scaleLeaf(factor: number, g: T.TypedArray, out: T.TypedArray, base: T.TypedArray | undefined, f32: boolean): void {
  if (base !== undefined) {
    for (let i = 0; i < g.length; i++) out[i] = finish(g[i] as number, factor, f32, base, i);
  } else if (out instanceof Float32Array) scale32(factor, g, out);
  else scale64(factor, g, out as Float64Array);
}

function scale32(factor: number, g: T.TypedArray, out: Float32Array): void {
  for (let i = 0; i < g.length; i++) out[i] = factor * (g[i] as number);
}

function scale64(factor: number, g: T.TypedArray, out: Float64Array): void {
  for (let i = 0; i < g.length; i++) out[i] = factor * (g[i] as number);
}
