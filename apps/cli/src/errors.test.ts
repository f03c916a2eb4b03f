import { describe, expect, it } from 'vitest';
import * as T from '@theta/tensor';
import { CliFailure, CliUsageError, describeError } from './errors.js';

describe('describeError', () => {
  it('gives usage errors and bad input exit code 2, failures 1, each as one line', () => {
    const cases: readonly [unknown, string, number][] = [
      [new CliUsageError({ flag: '--epochs', value: 'x', expected: 'an integer ≥ 1' }), "bad value 'x' for --epochs: expected an integer ≥ 1", 2],
      [new CliUsageError({ flag: '--at', value: undefined, expected: 'a number' }), '--at is missing: expected a number', 2],
      [new T.DecodeError({ path: 'theta[0]', expected: 'a record', actual: 'null' }), 'bad input at theta[0]: expected a record, got null', 2],
      [new T.DomainError({ op: 'adam', parameter: 'beta1', value: 1, expected: 'in [0, 1)' }), "adam: parameter 'beta1' must be in [0, 1), got 1 (set by --beta1)", 2],
      [new T.DomainError({ op: 'f', parameter: 'size', value: 1, expected: 'even' }), "f: parameter 'size' must be even, got 1", 2],
      [new T.NonFiniteError({ op: 'fit', path: '[0].W', value: Number.NaN, step: 3 }), 'training diverged at step 3: NaN in [0].W (try a smaller --lr)', 1],
      [new CliFailure('could not write'), 'could not write', 1],
      [new Error('first\nsecond'), 'internal error: first', 1],
      ['text', 'internal error: text', 1],
    ];
    for (const [error, message, code] of cases) expect(describeError(error)).toEqual({ message, code });
  });
});
