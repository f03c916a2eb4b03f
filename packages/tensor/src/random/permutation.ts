/**
 * Random permutations, for shuffling a data set each epoch.
 *
 * @module
 */
import { assertKey, type Key } from './key.js';
import { shuffledPrefix } from './indices.js';
import { checkInteger } from './validate.js';

/**
 * A uniformly random permutation of the integers 0, 1, …, n − 1, as a frozen array of numbers
 * ready for indexing rows (e.g. with `gather` to shuffle a data set each epoch). A
 * Fisher–Yates shuffle driven by the key's stream of 32-bit words: step i swaps entry i with
 * entry i + j, where j is uniform in [0, n − i) by rejection sampling (no modulo bias), so
 * all n! orders are equally likely. `choice(key, n, size, { replace: false })` returns the first
 * `size` entries of this permutation.
 *
 * Throws `DomainError` unless `n` is an integer in [0, 2³² − 1].
 *
 * @since 0.1.0
 * @category Random
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const X = T.tensor([[0, 0], [1, 10], [2, 20], [3, 30], [4, 40]]); // N = 5 rows
 * const order = T.permutation(T.key(0), 5);
 * console.log(order); // [4, 3, 1, 0, 2]
 * // One epoch of minibatches of 2 rows, each row seen once:
 * const batches = [0, 2, 4].map((start) => T.gather(X, order.slice(start, start + 2)));
 * console.log(T.toNested(batches[0]!)); // [[4, 40], [3, 30]]
 * ```
 */
export function permutation(key: Key, n: number): readonly number[] {
  assertKey('permutation', key);
  checkInteger('permutation', 'n', n, 0, 0xffffffff, 'an integer in [0, 2^32 − 1]');
  return Object.freeze(shuffledPrefix(key, n, n));
}
