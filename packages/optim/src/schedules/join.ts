import * as T from '@theta/tensor';
import * as V from '../internal/validate.js';
import { increasing, segment } from './piecewise-constant.js';
import { schedule, type Schedule } from './schedule.js';

/**
 * Runs schedules one after another (Optax's `join_schedules`): `schedules[0]` before the first
 * boundary, then `schedules[i]` from boundary b_i on, each restarted at its own step 0.
 *
 * $$\eta_t = s_i(t - b_i) \quad\text{for}\quad b_i \le t < b_{i+1} \quad (b_0 = 0)$$
 *
 * @param schedules - k ≥ 1 schedules.
 * @param boundaries - k − 1 steps, increasing, each ≥ 0.
 * @since 0.1.0
 * @category Schedules
 * @example
 * ```ts
 * import * as O from '@theta/optim';
 * const warmupThenDecay = O.Schedules.join(
 *   [O.Schedules.linear({ initial: 0, end: 0.1, transitionSteps: 10 }), O.Schedules.hyperbolicDecay({ t0: 1, t1: 10 })],
 *   [10],
 * );
 * console.log(warmupThenDecay(5), warmupThenDecay(10), warmupThenDecay(20)); // 0.05 0.1 0.05
 * ```
 */
export function join(schedules: readonly Schedule[], boundaries: readonly number[]): Schedule {
  const op = 'Schedules.join';
  if (!Array.isArray(schedules) || schedules.length === 0) {
    throw new T.DomainError({ op, parameter: 'schedules', value: schedules, expected: 'a non-empty array of schedules' });
  }
  const parts = schedules.map((s, i) => V.callable<Schedule>(op, `schedules[${i}]`, s));
  const starts = increasing(op, boundaries);
  if (starts.length !== parts.length - 1) {
    throw new T.DomainError({ op, parameter: 'boundaries', value: boundaries, expected: `an array of ${parts.length - 1} steps (one fewer than schedules)` });
  }
  return schedule(op, (t) => {
    const i = segment(starts, t);
    return (parts[i] as Schedule)(i === 0 ? t : t - (starts[i - 1] as number));
  });
}
