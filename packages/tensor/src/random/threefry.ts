/**
 * Threefry-2x32 with 20 rounds (Salmon et al., "Parallel random numbers: as easy as 1, 2, 3",
 * SC 2011): the counter-based generator behind JAX's keys. It maps a key and a counter, each
 * two 32-bit words, to two 32-bit words. Only integer additions, rotations and xors on int32
 * values are used, so every JavaScript engine returns the same bits.
 *
 * @module
 */
import { DomainError } from '../core/errors.js';
import { assertKey, type Key } from './key.js';

/**
 * Writes blocks `(hi, lo), (hi, lo + 1), …` of the key `(k0, k1)` into `out[0 .. 2·blocks)`:
 * block b gives words `out[2b]` and `out[2b + 1]`. The 64-bit counter carries from `lo` into `hi`.
 * The one Threefry kernel of the package; the 20 rounds are unrolled with the rotation
 * constants of Random123 (13, 15, 26, 6, 17, 29, 16, 24) and a key injection every 4 rounds.
 */
export function threefryBlocks(k0: number, k1: number, hi: number, lo: number, out: Uint32Array, blocks: number): void {
  // int32 views of the uint32 words keep V8 on its small-integer fast path.
  k0 |= 0;
  k1 |= 0;
  const k2 = k0 ^ k1 ^ 0x1bd11bda;
  let c0 = hi | 0;
  let c1 = lo | 0;
  for (let b = 0, at = 0; b < blocks; b++, at += 2) {
    let x0 = (c0 + k0) | 0;
    let x1 = (c1 + k1) | 0;
    x0 = (x0 + x1) | 0; x1 = (x1 << 13) | (x1 >>> 19); x1 ^= x0;
    x0 = (x0 + x1) | 0; x1 = (x1 << 15) | (x1 >>> 17); x1 ^= x0;
    x0 = (x0 + x1) | 0; x1 = (x1 << 26) | (x1 >>> 6); x1 ^= x0;
    x0 = (x0 + x1) | 0; x1 = (x1 << 6) | (x1 >>> 26); x1 ^= x0;
    x0 = (x0 + k1) | 0; x1 = (x1 + k2 + 1) | 0;
    x0 = (x0 + x1) | 0; x1 = (x1 << 17) | (x1 >>> 15); x1 ^= x0;
    x0 = (x0 + x1) | 0; x1 = (x1 << 29) | (x1 >>> 3); x1 ^= x0;
    x0 = (x0 + x1) | 0; x1 = (x1 << 16) | (x1 >>> 16); x1 ^= x0;
    x0 = (x0 + x1) | 0; x1 = (x1 << 24) | (x1 >>> 8); x1 ^= x0;
    x0 = (x0 + k2) | 0; x1 = (x1 + k0 + 2) | 0;
    x0 = (x0 + x1) | 0; x1 = (x1 << 13) | (x1 >>> 19); x1 ^= x0;
    x0 = (x0 + x1) | 0; x1 = (x1 << 15) | (x1 >>> 17); x1 ^= x0;
    x0 = (x0 + x1) | 0; x1 = (x1 << 26) | (x1 >>> 6); x1 ^= x0;
    x0 = (x0 + x1) | 0; x1 = (x1 << 6) | (x1 >>> 26); x1 ^= x0;
    x0 = (x0 + k0) | 0; x1 = (x1 + k1 + 3) | 0;
    x0 = (x0 + x1) | 0; x1 = (x1 << 17) | (x1 >>> 15); x1 ^= x0;
    x0 = (x0 + x1) | 0; x1 = (x1 << 29) | (x1 >>> 3); x1 ^= x0;
    x0 = (x0 + x1) | 0; x1 = (x1 << 16) | (x1 >>> 16); x1 ^= x0;
    x0 = (x0 + x1) | 0; x1 = (x1 << 24) | (x1 >>> 8); x1 ^= x0;
    x0 = (x0 + k1) | 0; x1 = (x1 + k2 + 4) | 0;
    x0 = (x0 + x1) | 0; x1 = (x1 << 13) | (x1 >>> 19); x1 ^= x0;
    x0 = (x0 + x1) | 0; x1 = (x1 << 15) | (x1 >>> 17); x1 ^= x0;
    x0 = (x0 + x1) | 0; x1 = (x1 << 26) | (x1 >>> 6); x1 ^= x0;
    x0 = (x0 + x1) | 0; x1 = (x1 << 6) | (x1 >>> 26); x1 ^= x0;
    x0 = (x0 + k2) | 0; x1 = (x1 + k0 + 5) | 0;
    out[at] = x0;
    out[at + 1] = x1;
    c1 = (c1 + 1) | 0;
    if (c1 === 0) c0 = (c0 + 1) | 0;
  }
}

/**
 * Writes blocks `first, first + 1, …` (block indices, safe integers ≥ 0) of `key`'s stream
 * into `out[0 .. 2·blocks)`: the samplers read a key as this one sequence of 32-bit words.
 */
export const keyBlocks = (key: Key, first: number, out: Uint32Array, blocks: number): void =>
  threefryBlocks(key.words[0], key.words[1], Math.floor(first / 4294967296), first % 4294967296, out, blocks);

const isWord = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 0xffffffff;

/**
 * The Threefry-2x32-20 block function: hashes a 64-bit counter, given as two uint32 words,
 * under a key and returns two uint32 words. Every sampler of this package is built on it:
 * block `i` of a key is `threefry2x32(key, [⌊i / 2³²⌋, i mod 2³²])`. It reproduces the
 * Random123 known-answer vectors, e.g. key words `(0, 0)` and counter `(0, 0)` give
 * `(0x6b200159, 0x99ba4efe)`.
 *
 * @since 0.1.0
 * @category Random
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const [a, b] = T.threefry2x32(T.key(0), [0, 0]);
 * console.log(a.toString(16), b.toString(16)); // 6b200159 99ba4efe
 * ```
 */
export function threefry2x32(key: Key, counter: readonly [number, number]): readonly [number, number] {
  assertKey('threefry2x32', key);
  if (!Array.isArray(counter) || counter.length !== 2 || !isWord(counter[0]) || !isWord(counter[1])) {
    throw new DomainError({ op: 'threefry2x32', parameter: 'counter', value: counter, expected: 'two integers in [0, 2^32 − 1]' });
  }
  const out = new Uint32Array(2);
  threefryBlocks(key.words[0], key.words[1], counter[0], counter[1], out, 1);
  return Object.freeze([out[0] as number, out[1] as number] as const);
}
