import * as V from '../internal/validate.js';
import { schedule, type Schedule } from './schedule.js';

/**
 * Options of {@link hyperbolicDecay}.
 *
 * @since 0.1.0
 * @category Schedules
 * @example
 * ```ts
 * import * as O from '@theta/optim';
 * const options: O.Schedules.HyperbolicDecayOptions = { t0: 5, t1: 50 };
 * const eta = O.Schedules.hyperbolicDecay(options);
 * ```
 */
export interface HyperbolicDecayOptions {
  /** The numerator t₀ > 0. */
  readonly t0: number;
  /** The offset t₁ > 0; η₀ = t₀ / t₁. */
  readonly t1: number;
}

/**
 * The course's SGD schedule, η_t = t₀ / (t + t₁): it decays like 1/t, so Σ η_t diverges while
 * Σ η_t² converges — the Robbins–Monro conditions under which SGD converges. The same curve as
 * `inverseTimeDecay({ initial: t₀/t₁, rate: 1/t₁ })`.
 *
 * $$\eta_t = \frac{t_0}{t + t_1}$$
 *
 * @since 0.1.0
 * @category Schedules
 * @example
 * ```ts
 * import * as O from '@theta/optim';
 * const eta = O.Schedules.hyperbolicDecay({ t0: 5, t1: 50 });
 * console.log(eta(0), eta(50)); // 0.1 0.05
 * ```
 */
export function hyperbolicDecay(options: HyperbolicDecayOptions): Schedule {
  const op = 'Schedules.hyperbolicDecay';
  const given = V.options(op, options, ['t0', 't1']);
  const t0 = V.positive(op, 't0', given.t0);
  const t1 = V.positive(op, 't1', given.t1);
  return schedule(op, (t) => t0 / (t + t1));
}
