import * as T from '@theta/tensor';
import * as V from '../internal/validate.js';
import { schedule, type Schedule } from './schedule.js';

/**
 * Options of {@link cosineDecay}.
 *
 * @since 0.1.0
 * @category Schedules
 * @example
 * ```ts
 * import * as O from '@theta/optim';
 * const options: O.Schedules.CosineDecayOptions = { initial: 0.1, decaySteps: 1000, alpha: 0.01 };
 * const eta = O.Schedules.cosineDecay(options);
 * ```
 */
export interface CosineDecayOptions {
  /** η₀ > 0, the rate at step 0. */
  readonly initial: number;
  /** D, the steps the half cosine takes, an integer ≥ 1. */
  readonly decaySteps: number;
  /** α ∈ [0, 1]: the rate ends at α η₀. Default 0. */
  readonly alpha?: number;
}

/**
 * Cosine decay (Loshchilov & Hutter 2017, without restarts) from η₀ to α η₀ over D steps, then flat:
 *
 * $$\eta_t = \eta_0 \left( (1-\alpha)\, \tfrac12 \left(1 + \cos \frac{\pi \min(t, D)}{D}\right) + \alpha \right)$$
 *
 * @since 0.1.0
 * @category Schedules
 * @example
 * ```ts
 * import * as O from '@theta/optim';
 * const eta = O.Schedules.cosineDecay({ initial: 1, decaySteps: 100 });
 * console.log(eta(0), eta(50), eta(100)); // 1 ≈0.5 0
 * ```
 */
export function cosineDecay(options: CosineDecayOptions): Schedule {
  const op = 'Schedules.cosineDecay';
  const given = V.options(op, options, ['initial', 'decaySteps', 'alpha']);
  const initial = V.positive(op, 'initial', given.initial);
  const steps = V.positiveInteger(op, 'decaySteps', given.decaySteps);
  const alpha = given.alpha ?? 0;
  if (typeof alpha !== 'number' || !(alpha >= 0 && alpha <= 1)) {
    throw new T.DomainError({ op, parameter: 'alpha', value: alpha, expected: 'a number in [0, 1]' });
  }
  return schedule(op, (t) => initial * ((1 - alpha) * 0.5 * (1 + Math.cos((Math.PI * Math.min(t, steps)) / steps)) + alpha));
}
