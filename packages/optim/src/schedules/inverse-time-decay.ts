import * as V from '../internal/validate.js';
import { schedule, type Schedule } from './schedule.js';

/**
 * Options of {@link inverseTimeDecay}.
 *
 * @since 0.1.0
 * @category Schedules
 * @example
 * ```ts
 * import * as O from '@theta/optim';
 * const options: O.Schedules.InverseTimeDecayOptions = { initial: 0.1, rate: 0.01 };
 * const eta = O.Schedules.inverseTimeDecay(options);
 * ```
 */
export interface InverseTimeDecayOptions {
  /** η₀ > 0, the rate at step 0. */
  readonly initial: number;
  /** k ≥ 0, how fast it decays. */
  readonly rate: number;
}

/**
 * Inverse-time decay, η_t = η₀ / (1 + k t) (Keras' `InverseTimeDecay` with one decay step).
 *
 * $$\eta_t = \frac{\eta_0}{1 + k\,t}$$
 *
 * @since 0.1.0
 * @category Schedules
 * @example
 * ```ts
 * import * as O from '@theta/optim';
 * const eta = O.Schedules.inverseTimeDecay({ initial: 0.1, rate: 0.5 });
 * console.log(eta(0), eta(2)); // 0.1 0.05
 * ```
 */
export function inverseTimeDecay(options: InverseTimeDecayOptions): Schedule {
  const op = 'Schedules.inverseTimeDecay';
  const given = V.options(op, options, ['initial', 'rate']);
  const initial = V.positive(op, 'initial', given.initial);
  const rate = V.nonNegative(op, 'rate', given.rate);
  return schedule(op, (t) => initial / (1 + rate * t));
}
