import * as V from '../internal/validate.js';
import { schedule, type Schedule } from './schedule.js';

/**
 * Options of {@link invScaling}.
 *
 * @since 0.1.0
 * @category Schedules
 * @example
 * ```ts
 * import * as O from '@theta/optim';
 * const options: O.Schedules.InvScalingOptions = { initial: 0.01, powerT: 0.5 };
 * const eta = O.Schedules.invScaling(options);
 * ```
 */
export interface InvScalingOptions {
  /** η₀ > 0, scikit-learn's `learning_rate_init` (or `eta0`). */
  readonly initial: number;
  /** p ≥ 0, scikit-learn's `power_t`. Default 0.5. */
  readonly powerT?: number;
}

/**
 * scikit-learn's `learning_rate='invscaling'`, η_t = η₀ / (t + 1)^p. scikit-learn counts its
 * time step from 1; here t counts updates from 0, so step 0 has η₀ and no division by zero.
 *
 * $$\eta_t = \frac{\eta_0}{(t+1)^{p}}$$
 *
 * @since 0.1.0
 * @category Schedules
 * @example
 * ```ts
 * import * as O from '@theta/optim';
 * const eta = O.Schedules.invScaling({ initial: 0.1 });
 * console.log(eta(0), eta(3)); // 0.1 0.05
 * ```
 */
export function invScaling(options: InvScalingOptions): Schedule {
  const op = 'Schedules.invScaling';
  const given = V.options(op, options, ['initial', 'powerT']);
  const initial = V.positive(op, 'initial', given.initial);
  const power = V.nonNegative(op, 'powerT', given.powerT ?? 0.5);
  return schedule(op, (t) => initial / (t + 1) ** power);
}
