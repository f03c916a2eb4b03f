import * as T from '@theta/tensor';
import * as V from '../internal/validate.js';
import { schedule, type Schedule } from './schedule.js';

/**
 * Options of {@link warmupCosineDecay}.
 *
 * @since 0.1.0
 * @category Schedules
 * @example
 * ```ts
 * import * as O from '@theta/optim';
 * const options: O.Schedules.WarmupCosineDecayOptions = { peak: 1e-3, warmupSteps: 100, decaySteps: 1000 };
 * const eta = O.Schedules.warmupCosineDecay(options);
 * ```
 */
export interface WarmupCosineDecayOptions {
  /** η at step 0, ≥ 0. Default 0. */
  readonly initial?: number;
  /** The peak rate > 0, reached at the end of the warm-up. */
  readonly peak: number;
  /** W, the length of the linear warm-up, an integer ≥ 0. */
  readonly warmupSteps: number;
  /** D > W, the step at which the cosine reaches `end` (warm-up included), an integer. */
  readonly decaySteps: number;
  /** The final rate, in [0, peak]. Default 0. */
  readonly end?: number;
}

/**
 * A linear warm-up from `initial` to `peak` over W steps, then a half cosine from `peak` down to
 * `end`, reached at step D and kept after (Optax's `warmup_cosine_decay_schedule`):
 *
 * $$\eta_t = \begin{cases} \eta_0 + (\eta_\text{peak} - \eta_0)\, t / W & t < W \\ \eta_\text{end} + (\eta_\text{peak} - \eta_\text{end})\, \tfrac12 \left(1 + \cos \frac{\pi \min(t - W,\, D - W)}{D - W}\right) & t \ge W \end{cases}$$
 *
 * @since 0.1.0
 * @category Schedules
 * @example
 * ```ts
 * import * as O from '@theta/optim';
 * const eta = O.Schedules.warmupCosineDecay({ peak: 1, warmupSteps: 10, decaySteps: 110 });
 * console.log(eta(0), eta(5), eta(10), eta(60), eta(500)); // 0 0.5 1 ≈0.5 0
 * ```
 */
export function warmupCosineDecay(options: WarmupCosineDecayOptions): Schedule {
  const op = 'Schedules.warmupCosineDecay';
  const given = V.options(op, options, ['initial', 'peak', 'warmupSteps', 'decaySteps', 'end']);
  const initial = V.nonNegative(op, 'initial', given.initial ?? 0);
  const peak = V.positive(op, 'peak', given.peak);
  const warmup = V.nonNegativeInteger(op, 'warmupSteps', given.warmupSteps);
  const total = V.positiveInteger(op, 'decaySteps', given.decaySteps);
  if (total <= warmup) {
    throw new T.DomainError({ op, parameter: 'decaySteps', value: total, expected: `an integer > warmupSteps = ${warmup}` });
  }
  const end = V.nonNegative(op, 'end', given.end ?? 0);
  if (end > peak) throw new T.DomainError({ op, parameter: 'end', value: end, expected: `a number in [0, peak = ${peak}]` });
  const decay = total - warmup;
  return schedule(op, (t) => {
    if (t < warmup) return initial + ((peak - initial) * t) / warmup;
    const s = Math.min(t - warmup, decay);
    return end + (peak - end) * 0.5 * (1 + Math.cos((Math.PI * s) / decay));
  });
}
