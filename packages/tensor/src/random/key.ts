/**
 * PRNG keys: plain, frozen values that every random function takes explicitly. A key is used
 * once — either split into new keys or handed to one sampler — never reused implicitly.
 *
 * @module
 */
import { DomainError } from '../core/errors.js';

/**
 * A key of the counter-based generator: two uint32 words, frozen. It holds no state: the same
 * key always gives the same numbers, so derive a fresh key with {@link split} or
 * {@link foldIn} for every draw. Keys are plain data and survive `JSON.stringify`/`JSON.parse`
 * (check decoded values with {@link isKey}).
 *
 * @since 0.1.0
 * @category Random
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const k: T.Key = T.key(42);
 * console.log(k.words); // [0, 42]
 * ```
 */
export interface Key {
  /** Discriminant that tells keys from tensors and trees. */
  readonly _tag: 'Key';
  /** The two 32-bit words of the Threefry key, each an integer in [0, 2³² − 1]. */
  readonly words: readonly [number, number];
}

const TWO_32 = 4294967296;

/**
 * The high and low words of the 64-bit two's complement of a safe integer, as JAX's
 * `PRNGKey(seed)` reads a seed: `0 → (0, 0)`, `42 → (0, 42)`, `2³² → (1, 0)`, `−1 → (2³² − 1, 2³² − 1)`.
 */
export function integerWords(value: number): readonly [number, number] {
  const lo = ((value % TWO_32) + TWO_32) % TWO_32;
  // (value − lo) / 2³² is an exact integer in [−2²¹, 2²¹); >>> 0 wraps negatives to two's complement.
  const hi = ((value - lo) / TWO_32) >>> 0;
  return [hi, lo];
}

/** Builds a frozen key from two uint32 words (trusted: callers pass words they computed). */
export const keyFromWords = (hi: number, lo: number): Key =>
  Object.freeze({ _tag: 'Key' as const, words: Object.freeze([hi >>> 0, lo >>> 0] as const) });

const isWord = (value: unknown): boolean =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 0xffffffff;

/**
 * Makes a key from an integer seed, as JAX's `jax.random.key(seed)`: the seed's 64-bit two's
 * complement gives the words `[high, low]`. Seed 0 is a seed like any other. Any safe integer
 * is accepted: `key(7).words` is `[0, 7]`, `key(2 ** 32).words` is `[1, 0]` and
 * `key(-1).words` is `[4294967295, 4294967295]`; distinct safe integers give distinct keys.
 *
 * Test vectors, the same in every engine: `split(key(0))` gives the words
 * `[1797259609, 2579123966]` and `[928981903, 3453687069]`, as `jax.random.split` does in
 * JAX ≥ 0.5; `uniform(key(0), [3])` gives
 * `[0.41845711171638655, 0.21629545460551136, 0.9653214611189975]` (Theta's own mapping from
 * bits to floats, described at {@link uniform}).
 *
 * Throws `DomainError` when `seed` is not a safe integer (a fraction, NaN, ±Infinity, or a
 * magnitude above 2⁵³ − 1, where numbers no longer hold every integer).
 *
 * @since 0.1.0
 * @category Random
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const k = T.key(0);
 * console.log(k.words, Object.isFrozen(k)); // [0, 0] true
 * const [k1, k2] = T.split(k);
 * console.log(k1.words, k2.words); // [1797259609, 2579123966] [928981903, 3453687069]
 * ```
 */
export function key(seed: number): Key {
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed)) {
    throw new DomainError({ op: 'key', parameter: 'seed', value: seed, expected: 'a safe integer (|seed| ≤ 2^53 − 1)' });
  }
  const [hi, lo] = integerWords(seed);
  return keyFromWords(hi, lo);
}

/**
 * True when `value` is a key: tagged `'Key'` with two integer words in [0, 2³² − 1]. Checked
 * structurally, so it accepts keys from another copy of this package or from `JSON.parse`.
 *
 * @since 0.1.0
 * @category Random
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const saved = JSON.parse(JSON.stringify(T.key(3)));
 * console.log(T.isKey(saved), T.isKey({ _tag: 'Key', words: [1.5, 0] })); // true false
 * ```
 */
export function isKey(value: unknown): value is Key {
  if (typeof value !== 'object' || value === null) return false;
  const { _tag, words } = value as { _tag?: unknown; words?: unknown };
  return _tag === 'Key' && Array.isArray(words) && words.length === 2 && isWord(words[0]) && isWord(words[1]);
}

/** Throws `DomainError` naming `op` unless `value` is a key. */
export function assertKey(op: string, value: unknown): asserts value is Key {
  if (!isKey(value)) {
    throw new DomainError({ op, parameter: 'key', value, expected: 'a Key made by key(seed), split or foldIn' });
  }
}
