/**
 * What a learning-rate schedule is, and the wrapper every built-in schedule goes through.
 *
 * @module
 */
import * as T from '@theta/tensor';

/**
 * A learning-rate schedule: a pure function of the step t = 0, 1, 2, … (the number of updates
 * already made) to a learning rate ≥ 0. Pass one wherever a learning rate is accepted.
 *
 * @since 0.1.0
 * @category Schedules
 * @example
 * ```ts
 * import * as O from '@theta/optim';
 * const halving: O.Schedule = (step) => 0.1 * 0.5 ** Math.floor(step / 100);
 * console.log(halving(0), halving(250)); // 0.1 0.025
 * const optimiser = O.sgd(halving);
 * ```
 */
export type Schedule = (step: number) => number;

/** Wraps a schedule's formula with the check every schedule makes of its step: t ≥ 0. */
export const schedule = (op: string, formula: (step: number) => number): Schedule => (step: number): number => {
  if (typeof step !== 'number' || !(step >= 0)) {
    throw new T.DomainError({ op, parameter: 'step', value: step, expected: 'a number ≥ 0' });
  }
  return formula(step);
};
