import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { key } from './key.js';
import { shuffledPrefix } from './indices.js';

describe('shuffledPrefix', () => {
  it('the sparse (map) and dense (array) shuffles make the same draws', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10000 }), fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 0, max: 3000 }), (seed, n, s) => {
        const size = Math.min(n, s);
        expect(shuffledPrefix(key(seed), n, size, true)).toEqual(shuffledPrefix(key(seed), n, size, false));
      }),
      { seed: 12, numRuns: 60 },
    );
  });

  it('takes the sparse path for a few indices out of many, with the same result', () => {
    const n = 2 ** 21;
    const sparse = shuffledPrefix(key(5), n, 20);
    expect(sparse).toEqual(shuffledPrefix(key(5), n, 20, false));
    expect(new Set(sparse).size).toBe(20);
    for (const i of sparse) expect(Number.isInteger(i) && i >= 0 && i < n).toBe(true);
  });
});
