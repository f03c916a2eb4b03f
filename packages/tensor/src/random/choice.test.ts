import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { callWithoutMutation } from '@theta/testing';
import { DomainError } from '../core/errors.js';
import { choice } from './choice.js';
import { key, type Key } from './key.js';
import { permutation } from './permutation.js';
import { threefry2x32 } from './threefry.js';

/** Draws with replacement from the specification: word after word, rejection at the largest multiple. */
function referenceWithReplacement(k: Key, n: number, size: number): number[] {
  const out: number[] = [];
  const limit = Math.floor(2 ** 32 / n) * n;
  for (let next = 0; out.length < size; next++) {
    const w = threefry2x32(k, [0, Math.floor(next / 2)])[next % 2] as number;
    if (w < limit) out.push(w % n);
  }
  return out;
}

describe('choice with replacement (the default)', () => {
  it('matches draws written from the specification', () => {
    for (const [seed, n, size] of [[0, 10, 50], [1, 3, 1000], [2, 2 ** 31 + 7, 200], [3, 1, 5]] as const) {
      expect(choice(key(seed), n, size)).toEqual(referenceWithReplacement(key(seed), n, size));
    }
  });

  it('draws every index equally often over 1e5 draws, repeats included', () => {
    const n = 10;
    const size = 1e5;
    const draws = choice(key(2024), n, size);
    const counts = new Array<number>(n).fill(0);
    for (const i of draws) counts[i]! += 1;
    const sigma = Math.sqrt(size * (1 / n) * (1 - 1 / n));
    for (const c of counts) expect(Math.abs(c - size / n)).toBeLessThan(5 * sigma);
    expect(new Set(choice(key(0), 3, 100)).size).toBe(3);
  });

  it('gives integer indices in [0, n), deterministically', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 1, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: 200 }), (seed, n, size) => {
        const batch = choice(key(seed), n, size);
        expect(batch.length).toBe(size);
        expect(batch.every((i) => Number.isInteger(i) && i >= 0 && i < n)).toBe(true);
        expect(choice(key(seed), n, size, { replace: true })).toEqual(batch);
      }),
      { seed: 61, numRuns: 100 },
    );
  });
});

describe('choice without replacement', () => {
  it('gives distinct indices: the first size entries of permutation(key, n)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 0, max: 500 }), fc.nat(), (seed, n, s) => {
        const size = n === 0 ? 0 : s % (n + 1);
        const picked = choice(key(seed), n, size, { replace: false });
        expect(new Set(picked).size).toBe(size);
        expect(picked).toEqual(permutation(key(seed), n).slice(0, size));
      }),
      { seed: 62, numRuns: 100 },
    );
  });

  it('takes a few indices out of millions without shuffling them all', () => {
    const n = 4_000_000;
    const picked = choice(key(1), n, 64, { replace: false });
    expect(new Set(picked).size).toBe(64);
    expect(picked.every((i) => Number.isInteger(i) && i >= 0 && i < n)).toBe(true);
  });

  it('includes each index with probability size/n', () => {
    const n = 10;
    const trials = 5000;
    const counts = new Array<number>(n).fill(0);
    for (let t = 0; t < trials; t++) for (const i of choice(key(t), n, 3, { replace: false })) counts[i]! += 1;
    const p = 3 / n;
    const sigma = Math.sqrt(trials * p * (1 - p));
    for (const c of counts) expect(Math.abs(c - trials * p)).toBeLessThan(5 * sigma);
  });
});

describe('choice arguments', () => {
  it('returns frozen arrays and never mutates its inputs', () => {
    const picked = callWithoutMutation(choice, [key(4), 20, 5, { replace: false }]);
    expect(Object.isFrozen(picked)).toBe(true);
    expect(Object.isFrozen(choice(key(4), 20, 5))).toBe(true);
    expect(choice(key(4), 0, 0)).toEqual([]);
    expect(choice(key(4), 0, 0, { replace: false })).toEqual([]);
  });

  it('rejects bad n, size and replace with DomainErrors naming them', () => {
    const bad: Array<[number, number, { replace?: boolean }, string]> = [
      [-1, 2, {}, 'n'],
      [2.5, 2, {}, 'n'],
      [2 ** 32, 2, {}, 'n'],
      [5, -1, {}, 'size'],
      [5, 1.5, {}, 'size'],
      [5, Number.NaN, {}, 'size'],
      [5, 6, { replace: false }, 'size'],
      [0, 1, {}, 'n'],
      [5, 2, { replace: 'no' as unknown as boolean }, 'replace'],
    ];
    for (const [n, size, options, parameter] of bad) {
      try {
        choice(key(0), n, size, options);
        expect.unreachable(`choice(${n}, ${size}) accepted`);
      } catch (e) {
        expect(DomainError.is(e)).toBe(true);
        expect(e).toMatchObject({ op: 'choice', parameter });
      }
    }
    expect(() => choice({} as never, 3, 1)).toThrow(DomainError);
  });
});
