import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { key, keyFromWords } from './key.js';
import { boundedInt, WordStream, type WordSource } from './stream.js';
import { threefry2x32 } from './threefry.js';

/** A source that replays fixed words, and counts how many were taken. */
const scripted = (words: readonly number[]): WordSource & { taken: number } => {
  const source = {
    taken: 0,
    next(): number {
      const w = words[source.taken++];
      if (w === undefined) throw new Error('script exhausted');
      return w;
    },
  };
  return source;
};

describe('WordStream', () => {
  it('word j is word j mod 2 of Threefry block ⌊j/2⌋, whatever the buffer size', () => {
    const k = keyFromWords(123, 456);
    const expected: number[] = [];
    for (let b = 0; b < 1500; b++) expected.push(...threefry2x32(k, [0, b]));
    for (const hint of [0, 1, 7, 100, 3000]) {
      const stream = new WordStream(k, hint);
      const got = Array.from({ length: 3000 }, () => stream.next());
      expect(got).toEqual(expected);
    }
  });
});

describe('boundedInt', () => {
  it('rejects exactly the words in the last incomplete run below 2^32', () => {
    // 2³² = 3·1431655765 + 1: only 0xffffffff is rejected for range 3.
    const source = scripted([0xffffffff, 0xfffffffe]);
    expect(boundedInt(source, 3)).toBe(0xfffffffe % 3);
    expect(source.taken).toBe(2);
    // range 2³¹ + 1: words ≥ 2³¹ + 1 are rejected (one full run fits).
    const big = 2 ** 31 + 1;
    const s2 = scripted([2 ** 31 + 1, 0xffffffff, 2 ** 31]);
    expect(boundedInt(s2, big)).toBe(2 ** 31);
    expect(s2.taken).toBe(3);
    // range 1 and range 2³² accept every word.
    expect(boundedInt(scripted([0xffffffff]), 1)).toBe(0);
    expect(boundedInt(scripted([0xffffffff]), 2 ** 32)).toBe(0xffffffff);
  });

  it('accepts a word iff it lies below the largest multiple of range (BigInt reference)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 32 }), fc.integer({ min: 0, max: 0xffffffff }), (range, word) => {
        const limit = (2n ** 32n / BigInt(range)) * BigInt(range);
        const source = scripted([word, 0]);
        const value = boundedInt(source, range);
        if (BigInt(word) < limit) {
          expect([value, source.taken]).toEqual([word % range, 1]);
        } else {
          expect([value, source.taken]).toEqual([0, 2]);
        }
      }),
      { seed: 4, numRuns: 2000 },
    );
  });

  it('gives each value of a small range equally often', () => {
    const stream = new WordStream(key(99), 60000);
    const counts = new Array<number>(6).fill(0);
    const n = 60000;
    for (let i = 0; i < n; i++) counts[boundedInt(stream, 6)]! += 1;
    const sigma = Math.sqrt(n * (1 / 6) * (5 / 6));
    for (const c of counts) expect(Math.abs(c - n / 6)).toBeLessThan(5 * sigma);
  });
});
