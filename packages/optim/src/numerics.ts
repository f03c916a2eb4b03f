/**
 * Numerical edge cases, in one place: the saturating step counter, finite bias corrections and
 * division that stays defined when an accumulated square is exactly 0.
 *
 * @module
 */

/**
 * The largest value a step counter takes: counters stop here rather than lose integer
 * precision (2^53 − 1, `Number.MAX_SAFE_INTEGER`).
 *
 * @since 0.1.0
 * @category Numerics
 * @example
 * ```ts
 * import * as O from '@theta/optim';
 * console.log(O.MAX_COUNT === Number.MAX_SAFE_INTEGER); // true
 * ```
 */
export const MAX_COUNT: number = Number.MAX_SAFE_INTEGER;

/**
 * count + 1, saturating at {@link MAX_COUNT} instead of overflowing: a counter that reached
 * the cap stays there, so bias corrections and schedules keep seeing an exact integer.
 *
 * @since 0.1.0
 * @category Numerics
 * @example
 * ```ts
 * import * as O from '@theta/optim';
 * console.log(O.incrementCount(41), O.incrementCount(O.MAX_COUNT) === O.MAX_COUNT); // 42 true
 * ```
 */
export const incrementCount = (count: number): number => (count < MAX_COUNT ? count + 1 : MAX_COUNT);

/**
 * Adam's bias correction $1 - \beta^t$, computed as $-\operatorname{expm1}(t \ln \beta)$ so
 * it keeps full relative precision when β is close to 1. It is $1 - \beta > 0$ at step 1 (so
 * dividing by it is finite), tends to 1 as t grows, and is exactly 1 when β = 0.
 *
 * @param decay - β ∈ [0, 1).
 * @param count - the step t ≥ 1 (the number of updates made, this one included).
 * @since 0.1.0
 * @category Numerics
 * @example
 * ```ts
 * import * as O from '@theta/optim';
 * console.log(O.biasCorrection(0.9, 1)); // ≈ 0.1
 * console.log(O.biasCorrection(0.999, O.MAX_COUNT)); // 1
 * ```
 */
export const biasCorrection = (decay: number, count: number): number =>
  decay === 0 ? 1 : -Math.expm1(count * Math.log(decay));

/**
 * numerator / denominator, but 0 when the denominator is exactly 0. With ε = 0 an adaptive
 * method divides by √(accumulated g²), which is 0 only where every gradient so far was 0 (or
 * underflowed): the update there is 0, not NaN or ∞. NaN still propagates.
 */
export const safeDivide = (numerator: number, denominator: number): number =>
  denominator === 0 ? 0 : numerator / denominator;

/**
 * The factor min(1, c / ‖g‖) that clipping by global norm applies: exactly 1 when ‖g‖ ≤ c
 * (updates pass through untouched), NaN when the norm is NaN (so the NaN reaches the updates).
 */
export const clipScale = (norm: number, maxNorm: number): number =>
  norm <= maxNorm ? 1 : maxNorm / norm;
