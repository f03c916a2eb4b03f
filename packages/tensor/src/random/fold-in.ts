/**
 * Deriving a key from a key and an integer, as JAX's `fold_in`.
 *
 * @module
 */
import { DomainError } from '../core/errors.js';
import { assertKey, integerWords, keyFromWords, type Key } from './key.js';
import { threefryBlocks } from './threefry.js';

/**
 * Mixes an integer into a key: the result is the Threefry block of `key` at the counter
 * `[high, low]` of `data` (its 64-bit two's complement, read as {@link @theta/tensor!key | key} reads a seed). Use
 * it to give every step, epoch or layer its own key without threading splits through:
 * `foldIn(key, step)`. Matches JAX's `jax.random.fold_in` for `data` in [0, 2³² − 1], and
 * `foldIn(key, i)` equals `split(key, n)[i]` for `i < n`. Different `data` give different keys.
 *
 * Throws `DomainError` unless `data` is a safe integer.
 *
 * @since 0.1.0
 * @category Random
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const base = T.key(12345);
 * const stepKeys = [0, 1, 2].map((step) => T.foldIn(base, step));
 * console.log(stepKeys[0]?.words); // [1214163296, 439912094]
 * ```
 */
export function foldIn(key: Key, data: number): Key {
  assertKey('foldIn', key);
  if (typeof data !== 'number' || !Number.isSafeInteger(data)) {
    throw new DomainError({ op: 'foldIn', parameter: 'data', value: data, expected: 'a safe integer (|data| ≤ 2^53 − 1)' });
  }
  const [hi, lo] = integerWords(data);
  const words = new Uint32Array(2);
  threefryBlocks(key.words[0], key.words[1], hi, lo, words, 1);
  return keyFromWords(words[0] as number, words[1] as number);
}
