import * as V from '../internal/validate.js';
import { schedule, type Schedule } from './schedule.js';

/**
 * Options of {@link linear}.
 *
 * @since 0.1.0
 * @category Schedules
 * @example
 * ```ts
 * import * as O from '@theta/optim';
 * const options: O.Schedules.LinearOptions = { initial: 0, end: 0.1, transitionSteps: 100 };
 * const warmup = O.Schedules.linear(options);
 * ```
 */
export interface LinearOptions {
  /** η at step 0, ≥ 0. */
  readonly initial: number;
  /** η from `transitionSteps` on, ≥ 0. */
  readonly end: number;
  /** How many steps the ramp takes, an integer ≥ 1. */
  readonly transitionSteps: number;
}

/**
 * A straight ramp from `initial` to `end` over `transitionSteps` steps, then flat (a linear
 * warm-up, or a linear decay):
 *
 * $$\eta_t = \eta_0 + (\eta_\text{end} - \eta_0)\,\frac{\min(t, T)}{T}$$
 *
 * @since 0.1.0
 * @category Schedules
 * @example
 * ```ts
 * import * as O from '@theta/optim';
 * const eta = O.Schedules.linear({ initial: 0, end: 0.1, transitionSteps: 10 });
 * console.log(eta(0), eta(5), eta(50)); // 0 0.05 0.1
 * ```
 */
export function linear(options: LinearOptions): Schedule {
  const op = 'Schedules.linear';
  const given = V.options(op, options, ['initial', 'end', 'transitionSteps']);
  const initial = V.nonNegative(op, 'initial', given.initial);
  const end = V.nonNegative(op, 'end', given.end);
  const steps = V.positiveInteger(op, 'transitionSteps', given.transitionSteps);
  return schedule(op, (t) => {
    const f = Math.min(t, steps) / steps;
    return (1 - f) * initial + f * end; // exactly `end` from step T on
  });
}
