import * as V from '../internal/validate.js';
import { schedule, type Schedule } from './schedule.js';

/**
 * The same learning rate at every step: η_t = η.
 *
 * @param value - η > 0.
 * @since 0.1.0
 * @category Schedules
 * @example
 * ```ts
 * import * as O from '@theta/optim';
 * const eta = O.Schedules.constant(0.01);
 * console.log(eta(0), eta(1e6)); // 0.01 0.01
 * ```
 */
export function constant(value: number): Schedule {
  const op = 'Schedules.constant';
  const eta = V.positive(op, 'value', value);
  return schedule(op, () => eta);
}
