import * as T from '@theta/tensor';
import * as V from '../internal/validate.js';
import { schedule, type Schedule } from './schedule.js';

/**
 * Options of {@link exponentialDecay}.
 *
 * @since 0.1.0
 * @category Schedules
 * @example
 * ```ts
 * import * as O from '@theta/optim';
 * const options: O.Schedules.ExponentialDecayOptions = { initial: 0.1, decayRate: 0.5, transitionSteps: 100, staircase: true };
 * const stepDecay = O.Schedules.exponentialDecay(options);
 * ```
 */
export interface ExponentialDecayOptions {
  /** η₀ > 0, the rate at step 0. */
  readonly initial: number;
  /** r ∈ (0, 1], the factor applied every `transitionSteps` steps. */
  readonly decayRate: number;
  /** T, an integer ≥ 1. Default 1. */
  readonly transitionSteps?: number;
  /** Decay in whole steps of T (step decay) rather than smoothly. Default false. */
  readonly staircase?: boolean;
  /** A floor ≥ 0 the rate never goes below. Default 0. */
  readonly end?: number;
}

/**
 * Exponential decay, η_t = η₀ r^{t/T}; with `staircase` the exponent is ⌊t/T⌋, which is step
 * decay (multiply by r every T steps). Never below `end`.
 *
 * $$\eta_t = \max\!\left(\eta_0\, r^{t/T},\ \eta_\text{end}\right)$$
 *
 * @since 0.1.0
 * @category Schedules
 * @example
 * ```ts
 * import * as O from '@theta/optim';
 * const eta = O.Schedules.exponentialDecay({ initial: 1, decayRate: 0.5, transitionSteps: 10, staircase: true });
 * console.log(eta(9), eta(10), eta(25)); // 1 0.5 0.25
 * ```
 */
export function exponentialDecay(options: ExponentialDecayOptions): Schedule {
  const op = 'Schedules.exponentialDecay';
  const given = V.options(op, options, ['initial', 'decayRate', 'transitionSteps', 'staircase', 'end']);
  const initial = V.positive(op, 'initial', given.initial);
  const rate = given.decayRate;
  if (typeof rate !== 'number' || !(rate > 0 && rate <= 1)) {
    throw new T.DomainError({ op, parameter: 'decayRate', value: rate, expected: 'a number in (0, 1]' });
  }
  const steps = V.positiveInteger(op, 'transitionSteps', given.transitionSteps ?? 1);
  const staircase = V.flag(op, 'staircase', given.staircase ?? false);
  const end = V.nonNegative(op, 'end', given.end ?? 0);
  return schedule(op, (t) => {
    const exponent = staircase ? Math.floor(t / steps) : t / steps;
    return Math.max(initial * rate ** exponent, end);
  });
}
