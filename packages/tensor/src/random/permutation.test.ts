import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { callWithoutMutation } from '@theta/testing';
import { DomainError } from '../core/errors.js';
import { key, keyFromWords, type Key } from './key.js';
import { permutation } from './permutation.js';
import { split } from './split.js';
import { threefry2x32 } from './threefry.js';

/** Fisher–Yates from the specification: words of the key's blocks, rejection at the largest multiple. */
function referencePermutation(k: Key, n: number): number[] {
  let next = 0;
  const word = (): number => {
    const w = threefry2x32(k, [0, Math.floor(next / 2)])[next % 2] as number;
    next++;
    return w;
  };
  const a = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < n; i++) {
    const range = n - i;
    const limit = Math.floor(2 ** 32 / range) * range;
    let w = word();
    while (w >= limit) w = word();
    const j = i + (w % range);
    [a[i], a[j]] = [a[j] as number, a[i] as number];
  }
  return a;
}

describe('permutation', () => {
  it('is a permutation of 0..n−1', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 300 }), (seed, n) => {
        const p = permutation(keyFromWords(seed, 1), n);
        expect([...p].sort((x, y) => x - y)).toEqual(Array.from({ length: n }, (_, i) => i));
      }),
      { seed: 51, numRuns: 100 },
    );
    expect(permutation(key(0), 0)).toEqual([]);
    expect(permutation(key(0), 1)).toEqual([0]);
  });

  it('matches a Fisher–Yates shuffle written from the specification', () => {
    for (const [seed, n] of [[0, 10], [1, 1000], [2, 3000], [3, 2]] as const) {
      expect(permutation(key(seed), n)).toEqual(referencePermutation(key(seed), n));
    }
  });

  it('puts each element first equally often, and gives all 3! orders equally often', () => {
    const n = 8;
    const keys = split(key(2024), 8000);
    const firsts = new Array<number>(n).fill(0);
    for (const k of keys) firsts[permutation(k, n)[0] as number]! += 1;
    const sigma = Math.sqrt(keys.length * (1 / n) * (1 - 1 / n));
    for (const c of firsts) expect(Math.abs(c - keys.length / n)).toBeLessThan(5 * sigma);

    const orders = new Map<string, number>();
    const keys3 = split(key(7), 6000);
    for (const k of keys3) {
      const o = permutation(k, 3).join('');
      orders.set(o, (orders.get(o) ?? 0) + 1);
    }
    expect(orders.size).toBe(6);
    const sigma3 = Math.sqrt(6000 * (1 / 6) * (5 / 6));
    for (const c of orders.values()) expect(Math.abs(c - 1000)).toBeLessThan(5 * sigma3);
  });

  it('is deterministic, differs between keys, is frozen and never mutates the key', () => {
    const k = key(5);
    const p = callWithoutMutation(permutation, [k, 50]);
    expect(permutation(key(5), 50)).toEqual(p);
    expect(permutation(key(6), 50)).not.toEqual(p);
    expect(Object.isFrozen(p)).toBe(true);
  });

  it('rejects n outside the integers [0, 2^32 − 1]', () => {
    for (const n of [-1, 1.5, 2 ** 32, Number.NaN, Infinity, '3']) {
      try {
        permutation(key(0), n as number);
        expect.unreachable();
      } catch (e) {
        expect(DomainError.is(e)).toBe(true);
        expect(e).toMatchObject({ op: 'permutation', parameter: 'n' });
      }
    }
    expect(() => permutation([0, 0] as never, 3)).toThrow(DomainError);
  });
});
