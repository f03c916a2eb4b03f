/**
 * Random indices drawn with or without replacement: minibatches.
 *
 * @module
 */
import { DomainError } from '../core/errors.js';
import { assertKey, type Key } from './key.js';
import { shuffledPrefix } from './indices.js';
import { boundedInt, WordStream } from './stream.js';
import { checkInteger } from './validate.js';

/**
 * Options of {@link choice}.
 *
 * @since 0.1.0
 * @category Random
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const options: T.ChoiceOptions = { replace: false };
 * console.log(new Set(T.choice(T.key(0), 10, 10, options)).size); // 10
 * ```
 */
export interface ChoiceOptions {
  /** Draw with replacement (indices may repeat); `true` when absent, as NumPy and JAX. */
  readonly replace?: boolean;
}

/**
 * `size` indices drawn uniformly from 0, 1, …, n − 1, as a frozen array of numbers ready for
 * indexing rows (e.g. with `gather`).
 *
 * - With replacement (the default): independent uniform draws — the minibatch draw of
 *   stochastic gradient descent. Each index is a 32-bit word of the key's stream reduced to
 *   [0, n) by rejection sampling, so there is no modulo bias.
 * - Without replacement (`{ replace: false }`): distinct indices, the first `size` entries of
 *   `permutation(key, n)`; only the chosen entries are tracked when n is large.
 *
 * Throws `DomainError` unless `n` is an integer in [0, 2³² − 1] and `size` a non-negative
 * integer, at most n without replacement, and n ≥ 1 when `size` > 0.
 *
 * @since 0.1.0
 * @category Random
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const X = T.tensor([[0], [1], [2], [3], [4], [5]]);
 * const batch = T.choice(T.key(3), 6, 4); // a minibatch of 4 row indices, repeats allowed
 * console.log(batch, T.toArray(T.gather(X, batch))); // [1, 5, 5, 2] [1, 5, 5, 2]
 * const distinct = T.choice(T.key(0), 5, 3, { replace: false });
 * console.log(distinct, T.permutation(T.key(0), 5).slice(0, 3)); // [4, 3, 1] [4, 3, 1]
 * ```
 */
export function choice(key: Key, n: number, size: number, options: ChoiceOptions = {}): readonly number[] {
  assertKey('choice', key);
  checkInteger('choice', 'n', n, 0, 0xffffffff, 'an integer in [0, 2^32 − 1]');
  const replace = options.replace ?? true;
  if (typeof replace !== 'boolean') {
    throw new DomainError({ op: 'choice', parameter: 'replace', value: replace, expected: 'a boolean' });
  }
  if (!replace) {
    checkInteger('choice', 'size', size, 0, n, `an integer in [0, n] = [0, ${n}] without replacement`);
    return Object.freeze(shuffledPrefix(key, n, size));
  }
  checkInteger('choice', 'size', size, 0, 0xffffffff, 'an integer in [0, 2^32 − 1]');
  if (size > 0 && n === 0) {
    throw new DomainError({ op: 'choice', parameter: 'n', value: n, expected: 'an integer ≥ 1 when size > 0' });
  }
  const stream = new WordStream(key, size);
  const out = new Array<number>(size);
  for (let i = 0; i < size; i++) out[i] = boundedInt(stream, n);
  return Object.freeze(out);
}
