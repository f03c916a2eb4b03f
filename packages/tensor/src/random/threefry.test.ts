import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DomainError } from '../core/errors.js';
import { key, keyFromWords } from './key.js';
import { keyBlocks, threefry2x32, threefryBlocks } from './threefry.js';

/**
 * Threefry-2x32-20 straight from the Random123 specification, in BigInt arithmetic: a loop
 * over the rounds with the rotation table and a key injection every 4 rounds.
 */
function referenceThreefry(k: readonly [number, number], c: readonly [number, number]): [number, number] {
  const MASK = 0xffffffffn;
  const rotations = [13n, 15n, 26n, 6n, 17n, 29n, 16n, 24n];
  const ks = [BigInt(k[0]), BigInt(k[1]), 0x1bd11bdan ^ BigInt(k[0]) ^ BigInt(k[1])] as const;
  let x0 = (BigInt(c[0]) + ks[0]) & MASK;
  let x1 = (BigInt(c[1]) + ks[1]) & MASK;
  for (let round = 0; round < 20; round++) {
    const r = rotations[round % 8] as bigint;
    x0 = (x0 + x1) & MASK;
    x1 = ((x1 << r) | (x1 >> (32n - r))) & MASK;
    x1 ^= x0;
    if (round % 4 === 3) {
      const s = BigInt(round + 1) / 4n;
      x0 = (x0 + (ks[Number(s % 3n)] as bigint)) & MASK;
      x1 = (x1 + (ks[Number((s + 1n) % 3n)] as bigint) + s) & MASK;
    }
  }
  return [Number(x0), Number(x1)];
}

const word = fc.integer({ min: 0, max: 0xffffffff });

describe('threefry2x32', () => {
  it('reproduces the Random123 known-answer vectors (kat_vectors, threefry2x32 20 rounds)', () => {
    // Each row: key, counter, expected output.
    const vectors: Array<[[number, number], [number, number], [number, number]]> = [
      [[0x00000000, 0x00000000], [0x00000000, 0x00000000], [0x6b200159, 0x99ba4efe]],
      [[0xffffffff, 0xffffffff], [0xffffffff, 0xffffffff], [0x1cb996fc, 0xbb002be7]],
      [[0x13198a2e, 0x03707344], [0x243f6a88, 0x85a308d3], [0xc4923a9c, 0x483df7a0]],
    ];
    for (const [k, counter, expected] of vectors) {
      expect(threefry2x32(keyFromWords(k[0], k[1]), counter)).toEqual(expected);
      expect(referenceThreefry(k, counter)).toEqual(expected);
    }
  });

  it("reproduces JAX's threefry_2x32 on key(0) (jax.random.bits(key(0), (4,)) before JAX 0.5)", () => {
    // JAX then hashed the counters [0, 1] and [2, 3] as the pairs (0, 2) and (1, 3).
    expect(threefry2x32(key(0), [0, 2])).toEqual([4146024105, 2718843009]);
    expect(threefry2x32(key(0), [1, 3])).toEqual([967050713, 1272950319]);
  });

  it('agrees with the BigInt reference on random keys and counters', () => {
    fc.assert(
      fc.property(word, word, word, word, (k0, k1, c0, c1) => {
        expect(threefry2x32(keyFromWords(k0, k1), [c0, c1])).toEqual(referenceThreefry([k0, k1], [c0, c1]));
      }),
      { seed: 20240611, numRuns: 300 },
    );
  });

  it('returns a frozen pair and leaves the key unchanged', () => {
    const k = key(9);
    const out = threefry2x32(k, [1, 2]);
    expect(Object.isFrozen(out)).toBe(true);
    expect(k.words).toEqual([0, 9]);
  });

  it('rejects counters that are not two uint32 words, and non-keys', () => {
    for (const counter of [[0], [0, -1], [0, 2 ** 32], [0.5, 0], [0, Number.NaN], 'ab', null]) {
      expect(() => threefry2x32(key(0), counter as unknown as [number, number])).toThrow(DomainError);
    }
    try {
      threefry2x32({ _tag: 'Key', words: [1, 2, 3] } as never, [0, 0]);
      expect.unreachable();
    } catch (e) {
      expect(DomainError.is(e) && e.op === 'threefry2x32' && e.parameter === 'key').toBe(true);
    }
  });
});

describe('threefryBlocks (the kernel)', () => {
  it('block b of a run is the block function at counter (hi, lo + b), carrying into hi', () => {
    const out = new Uint32Array(8);
    threefryBlocks(7, 8, 5, 0xfffffffe, out, 4);
    const k = keyFromWords(7, 8);
    const expected = [
      threefry2x32(k, [5, 0xfffffffe]),
      threefry2x32(k, [5, 0xffffffff]),
      threefry2x32(k, [6, 0]),
      threefry2x32(k, [6, 1]),
    ].flat();
    expect(Array.from(out)).toEqual(expected);
    expect(referenceThreefry([7, 8], [6, 0])).toEqual([out[4], out[5]]);
  });

  it('keyBlocks reads block indices beyond 2^32 as 64-bit counters', () => {
    const out = new Uint32Array(4);
    const first = 3 * 2 ** 32 + 0xffffffff;
    keyBlocks(key(1), first, out, 2);
    expect(Array.from(out)).toEqual([...threefry2x32(key(1), [3, 0xffffffff]), ...threefry2x32(key(1), [4, 0])]);
  });
});
