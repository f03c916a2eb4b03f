/**
 * Hyperparameter checks, run when a transform, optimiser or schedule is built: a bad value is
 * a typed `DomainError` naming the builder, the parameter, the value and the accepted range.
 */
import * as T from '@theta/tensor';
import type { Schedule } from '../schedules/schedule.js';

const fail = (op: string, parameter: string, value: unknown, expected: string): never => {
  throw new T.DomainError({ op, parameter, value, expected });
};

const isNumber = (value: unknown): value is number => typeof value === 'number';

/** A finite number > 0 (learning rates, t0, t1, step counts of schedules). */
export function positive(op: string, parameter: string, value: unknown): number {
  if (!isNumber(value) || !Number.isFinite(value) || value <= 0) fail(op, parameter, value, 'a finite number > 0');
  return value as number;
}

/** A finite number ≥ 0 (ε, weight decay, initial accumulators, end values). */
export function nonNegative(op: string, parameter: string, value: unknown): number {
  if (!isNumber(value) || !Number.isFinite(value) || value < 0) fail(op, parameter, value, 'a finite number ≥ 0');
  return value as number;
}

/** A decay rate β ∈ [0, 1): momentum, the moments' decays, RMSprop's ρ. */
export function unitInterval(op: string, parameter: string, value: unknown): number {
  if (!isNumber(value) || !(value >= 0 && value < 1)) fail(op, parameter, value, 'a number in [0, 1)');
  return value as number;
}

/** A threshold > 0 that may be +∞ (clipping that never triggers). */
export function positiveOrInfinity(op: string, parameter: string, value: unknown): number {
  if (!isNumber(value) || !(value > 0)) fail(op, parameter, value, 'a number > 0 (Infinity allowed)');
  return value as number;
}

/** An integer ≥ 1 (decay steps, transition steps). */
export function positiveInteger(op: string, parameter: string, value: unknown): number {
  if (!isNumber(value) || !Number.isSafeInteger(value) || value < 1) fail(op, parameter, value, 'an integer ≥ 1');
  return value as number;
}

/** An integer ≥ 0 (warm-up steps, boundaries). */
export function nonNegativeInteger(op: string, parameter: string, value: unknown): number {
  if (!isNumber(value) || !Number.isSafeInteger(value) || value < 0) fail(op, parameter, value, 'an integer ≥ 0');
  return value as number;
}

/** A boolean flag. */
export function flag(op: string, parameter: string, value: unknown): boolean {
  if (typeof value !== 'boolean') fail(op, parameter, value, 'true or false');
  return value as boolean;
}

/** A function (a mask, a schedule). */
export function callable<F extends (...args: never[]) => unknown>(op: string, parameter: string, value: unknown): F {
  if (typeof value !== 'function') fail(op, parameter, value, 'a function');
  return value as F;
}

/** A learning rate: a finite number > 0, or a schedule `(step) => number`. */
export function learningRate(op: string, value: unknown): number | Schedule {
  if (typeof value === 'function') return value as Schedule;
  if (!isNumber(value) || !Number.isFinite(value) || value <= 0) {
    fail(op, 'learningRate', value, 'a finite number > 0 or a schedule (step) => number');
  }
  return value as number;
}

/** The keys of O that K leaves out, as a type error at the call site: the list must be complete. */
export type Exhaustive<O, K extends readonly string[]> = [Exclude<keyof O & string, K[number]>] extends [never]
  ? unknown
  : { readonly missingKeys: Exclude<keyof O & string, K[number]> };

/**
 * An options argument: absent, or a plain record whose own enumerable keys are all in `keys`. A
 * misspelt key (`{ momentum: 0.9 }` where the key is `beta`) is an error, not a silent default.
 */
export function options<O extends object, const K extends readonly (keyof O & string)[]>(op: string, value: O | undefined, keys: K & Exhaustive<O, K>): O {
  if (value === undefined) return {} as O;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(op, 'options', value, 'a record of options');
  const accepted: readonly string[] = keys;
  for (const key of Object.keys(value)) {
    if (!accepted.includes(key)) fail(op, `options.${key}`, (value as Record<string, unknown>)[key], `one of: ${keys.join(', ')}`);
  }
  return value;
}
