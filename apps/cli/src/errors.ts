/**
 * The CLI's two kinds of failure and how every error becomes one line: a usage error (a bad
 * flag or value, exit code 2) or a runtime failure (training diverged, a file could not be
 * written, exit code 1). Typed Theta errors are mapped to one of the two.
 *
 * @module
 */
import * as T from '@theta/tensor';

/** Exit code of a bad flag, value or input file. */
export const USAGE = 2;
/** Exit code of a failure while working. */
export const FAILURE = 1;

/** Renders a value for a message: strings quoted, the rest as written. */
export const quote = (value: unknown): string => (typeof value === 'string' ? `'${value}'` : String(value));

/**
 * A bad flag, argument or input: the flag (or argument) it came from, the value given and what
 * is accepted. Exit code 2.
 */
export class CliUsageError extends Error {
  /** Discriminant. */
  readonly _tag = 'CliUsageError' as const;
  /** The flag (`--epochs`) or argument (`MODEL`) at fault. */
  readonly flag: string;
  /** The value given, as typed. */
  readonly value: string | undefined;
  /** What would have been accepted, in words. */
  readonly expected: string;
  constructor(fields: { flag: string; value: string | undefined; expected: string; problem?: string }) {
    const given = fields.value === undefined ? `${fields.flag} is missing` : `bad value ${quote(fields.value)} for ${fields.flag}`;
    super(`${fields.problem ?? given}: expected ${fields.expected}`);
    this.name = 'CliUsageError';
    this.flag = fields.flag;
    this.value = fields.value;
    this.expected = fields.expected;
  }
  /** True for a `CliUsageError`. */
  static is(value: unknown): value is CliUsageError {
    return typeof value === 'object' && value !== null && (value as { _tag?: unknown })._tag === 'CliUsageError';
  }
}

/** A failure while working (not the user's flags): exit code 1. */
export class CliFailure extends Error {
  /** Discriminant. */
  readonly _tag = 'CliFailure' as const;
  constructor(message: string) {
    super(message);
    this.name = 'CliFailure';
  }
  /** True for a `CliFailure`. */
  static is(value: unknown): value is CliFailure {
    return typeof value === 'object' && value !== null && (value as { _tag?: unknown })._tag === 'CliFailure';
  }
}

/** The flag behind a library parameter, for DomainErrors that the flag checks let through. */
const flagOfParameter: Readonly<Record<string, string>> = {
  testFraction: '--test-fraction',
  learningRate: '--lr',
  lambda: '--lambda',
  n: '--samples',
  noise: '--noise',
  beta: '--momentum',
  momentum: '--momentum',
  beta1: '--beta1',
  beta2: '--beta2',
  eps: '--eps',
  decay: '--decay',
  weightDecay: '--weight-decay',
  batchSize: '--batch-size',
  epochs: '--epochs',
};

/** The first line of a message: the promise is one line per error. */
const firstLine = (text: string): string => text.split('\n')[0] ?? '';

/**
 * The one line and exit code for any error a command throws. Bad input (usage errors, decode
 * errors of files the user named, a bad hyperparameter) is 2; everything else is 1.
 */
export function describeError(error: unknown): { readonly message: string; readonly code: number } {
  if (CliUsageError.is(error)) return { message: error.message, code: USAGE };
  if (CliFailure.is(error)) return { message: error.message, code: FAILURE };
  if (T.DecodeError.is(error)) return { message: `bad input at ${error.path}: expected ${error.expected}, got ${error.actual}`, code: USAGE };
  if (T.DomainError.is(error)) {
    const flag = flagOfParameter[error.parameter];
    return { message: `${firstLine(error.message)}${flag === undefined ? '' : ` (set by ${flag})`}`, code: USAGE };
  }
  if (T.NonFiniteError.is(error)) {
    const at = error.step === undefined ? '' : ` at step ${error.step}`;
    return { message: `training diverged${at}: ${error.value} in ${error.path} (try a smaller --lr)`, code: FAILURE };
  }
  if (error instanceof Error) return { message: `internal error: ${firstLine(error.message)}`, code: FAILURE };
  return { message: `internal error: ${String(error)}`, code: FAILURE };
}
