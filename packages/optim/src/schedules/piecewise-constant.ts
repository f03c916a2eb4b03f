import * as T from '@theta/tensor';
import * as V from '../internal/validate.js';
import { schedule, type Schedule } from './schedule.js';

/**
 * Options of {@link piecewiseConstant}.
 *
 * @since 0.1.0
 * @category Schedules
 * @example
 * ```ts
 * import * as O from '@theta/optim';
 * const options: O.Schedules.PiecewiseConstantOptions = { boundaries: [100, 200], values: [0.1, 0.01, 0.001] };
 * const eta = O.Schedules.piecewiseConstant(options);
 * ```
 */
export interface PiecewiseConstantOptions {
  /** Steps b₁ < b₂ < … (each ≥ 0) where the value changes. */
  readonly boundaries: readonly number[];
  /** One more value than boundaries, each ≥ 0: values[i] holds from b_i (b₀ = 0) up to b_{i+1}. */
  readonly values: readonly number[];
}

/**
 * A step function of the step: `values[0]` before the first boundary, `values[i]` from
 * boundary i on (the value changes at t = b_i, as in Optax).
 *
 * $$\eta_t = v_i \quad\text{for}\quad b_i \le t < b_{i+1}$$
 *
 * @since 0.1.0
 * @category Schedules
 * @example
 * ```ts
 * import * as O from '@theta/optim';
 * const eta = O.Schedules.piecewiseConstant({ boundaries: [10, 20], values: [1, 0.1, 0.01] });
 * console.log(eta(9), eta(10), eta(20)); // 1 0.1 0.01
 * ```
 */
export function piecewiseConstant(options: PiecewiseConstantOptions): Schedule {
  const op = 'Schedules.piecewiseConstant';
  const given = V.options(op, options, ['boundaries', 'values']);
  const boundaries = increasing(op, given.boundaries);
  const values = given.values;
  if (!Array.isArray(values) || values.length !== boundaries.length + 1) {
    throw new T.DomainError({ op, parameter: 'values', value: values, expected: `an array of ${boundaries.length + 1} values (one more than boundaries)` });
  }
  values.forEach((v, i) => V.nonNegative(op, `values[${i}]`, v));
  return schedule(op, (t) => values[segment(boundaries, t)] as number);
}

/** Checks that boundaries are finite numbers ≥ 0, strictly increasing. */
export function increasing(op: string, boundaries: unknown): readonly number[] {
  if (!Array.isArray(boundaries)) throw new T.DomainError({ op, parameter: 'boundaries', value: boundaries, expected: 'an array of numbers' });
  boundaries.forEach((b, i) => {
    V.nonNegative(op, `boundaries[${i}]`, b);
    if (i > 0 && !(b > boundaries[i - 1])) {
      throw new T.DomainError({ op, parameter: `boundaries[${i}]`, value: b, expected: `a number > boundaries[${i - 1}] = ${boundaries[i - 1]}` });
    }
  });
  return boundaries.slice();
}

/** How many boundaries are ≤ t: the index of the segment t falls in. */
export function segment(boundaries: readonly number[], t: number): number {
  let i = 0;
  while (i < boundaries.length && t >= (boundaries[i] as number)) i++;
  return i;
}
