import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { callWithoutMutation } from '@theta/testing';
import { DomainError } from '../core/errors.js';
import { foldIn } from './fold-in.js';
import { key, keyFromWords, type Key } from './key.js';
import { split, type SplitKeys } from './split.js';
import { threefry2x32 } from './threefry.js';

const words = (keys: readonly Key[]): Array<readonly [number, number]> => keys.map((k) => k.words);

describe('split', () => {
  it('matches JAX: jax.random.split(jax.random.key(0), 8) (threefry_partitionable, JAX ≥ 0.5)', () => {
    expect(words(split(key(0), 8))).toEqual([
      [1797259609, 2579123966],
      [928981903, 3453687069],
      [4146024105, 2718843009],
      [2467461003, 3840466878],
      [2285895361, 433833334],
      [1524306142, 1887795613],
      [3792494674, 2909014575],
      [2716826189, 292468403],
    ]);
  });

  it('key i is the Threefry block (0, i) of the parent, and equals foldIn(parent, i)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 1, max: 40 }), (a, b, n) => {
        const parent = keyFromWords(a, b);
        const keys = split(parent, n);
        expect(keys.length).toBe(n);
        keys.forEach((k, i) => {
          expect(k.words).toEqual(threefry2x32(parent, [0, i]));
          expect(k.words).toEqual(foldIn(parent, i).words);
        });
      }),
      { seed: 11, numRuns: 100 },
    );
  });

  it('splits in two by default, deterministically', () => {
    const k = key(2024);
    const [a, b] = split(k);
    expect(split(k).length).toBe(2);
    expect(words(split(k))).toEqual(words([a, b]));
    expect(words(split(k, 2))).toEqual(words(split(key(2024))));
  });

  it('gives distinct keys, different from the parent and from those of other parents', () => {
    const seen = new Set<string>();
    for (const seed of [0, 1, 2]) {
      seen.add(key(seed).words.join(','));
      for (const k of split(key(seed), 2000)) seen.add(k.words.join(','));
    }
    expect(seen.size).toBe(3 * 2001);
  });

  it('returns frozen keys in a frozen array, and never mutates the parent', () => {
    const parent = key(3);
    const keys = callWithoutMutation(split, [parent, 4]);
    expect(Object.isFrozen(keys)).toBe(true);
    for (const k of keys) expect(Object.isFrozen(k) && Object.isFrozen(k.words)).toBe(true);
    expect(split(key(3), 0)).toEqual([]);
  });

  it('types literal counts as tuples and other counts as arrays', () => {
    const [first, second, third] = split(key(1), 3);
    const tuple: SplitKeys<3> = [first, second, third];
    const many: SplitKeys<number> = split(key(1), 3 as number);
    expect(tuple.length + many.length).toBe(6);
  });

  it('rejects a bad count or a non-key with a DomainError', () => {
    for (const n of [-1, 1.5, Number.NaN, Infinity, '2']) {
      expect(() => split(key(0), n as number)).toThrow(DomainError);
      try {
        split(key(0), n as number);
      } catch (e) {
        expect(e).toMatchObject({ op: 'split', parameter: 'n' });
      }
    }
    expect(() => split({ _tag: 'Key', words: [0, -1] } as never)).toThrow(/split: parameter 'key'/);
  });
});
