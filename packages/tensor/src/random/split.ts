/**
 * Splitting a key into independent keys, as JAX does: by hashing counters under it.
 *
 * @module
 */
import { DomainError } from '../core/errors.js';
import { assertKey, keyFromWords, type Key } from './key.js';
import { threefryBlocks } from './threefry.js';

/**
 * What {@link split} returns: a readonly tuple of `N` keys when `N` is a literal up to 32 (so
 * `const [k1, k2] = split(key)` type-checks under `noUncheckedIndexedAccess`), otherwise a
 * readonly array of keys.
 *
 * @since 0.1.0
 * @category Random
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const three: T.SplitKeys<3> = T.split(T.key(1), 3);
 * const some: T.SplitKeys<number> = T.split(T.key(1), 5 as number);
 * console.log(three.length, some.length); // 3 5
 * ```
 */
export type SplitKeys<N extends number, Acc extends readonly Key[] = readonly []> = number extends N
  ? readonly Key[]
  : Acc['length'] extends N
    ? Acc
    : Acc['length'] extends 32
      ? readonly Key[]
      : SplitKeys<N, readonly [...Acc, Key]>;

/**
 * Splits a key into `n` new keys (2 by default): key `i` is the Threefry block
 * `(0, i)` of `key`, the scheme of JAX's `jax.random.split` (with `jax_threefry_partitionable`,
 * the default since JAX 0.5), so the words match JAX bit for bit. The keys are distinct,
 * frozen, and independent of each other for all practical purposes; `key` itself is left
 * unchanged but should not be used again. Key `i` equals `foldIn(key, i)`.
 *
 * Throws `DomainError` unless `n` is a non-negative integer.
 *
 * @since 0.1.0
 * @category Random
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * let key = T.key(0);
 * const [next, initKey] = T.split(key);
 * const W = T.normal(initKey, [3, 2]); // one key per draw…
 * key = next; // …and the other carries on
 * console.log(W.shape, key.words); // [3, 2] [1797259609, 2579123966]
 * ```
 */
export function split<N extends number = 2>(key: Key, n?: N): SplitKeys<N> {
  assertKey('split', key);
  const count = n ?? 2;
  if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0) {
    throw new DomainError({ op: 'split', parameter: 'n', value: count, expected: 'a non-negative integer' });
  }
  const words = new Uint32Array(2 * count);
  threefryBlocks(key.words[0], key.words[1], 0, 0, words, count);
  const keys = new Array<Key>(count);
  for (let i = 0; i < count; i++) keys[i] = keyFromWords(words[2 * i] as number, words[2 * i + 1] as number);
  return Object.freeze(keys) as unknown as SplitKeys<N>;
}
