import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { callWithoutMutation } from '@theta/testing';
import { DomainError } from '../core/errors.js';
import { foldIn } from './fold-in.js';
import { integerWords, key } from './key.js';
import { threefry2x32 } from './threefry.js';

describe('foldIn', () => {
  it('matches JAX: jax.random.fold_in(jax.random.key(12345), i) for i = 0..12', () => {
    const expected = [
      [1214163296, 439912094], [867802714, 3762255628], [795667951, 2300365598], [709272294, 1661227809],
      [305750198, 730924241], [1545186055, 432531754], [3552431482, 1517125165], [3645526921, 1314572738],
      [3549796694, 2529333308], [2657012232, 1416960692], [1763606390, 309040335], [3052679535, 1314812838],
      [2650252694, 1226034348],
    ];
    expect(expected.map((_, i) => foldIn(key(12345), i).words)).toEqual(expected);
  });

  it('hashes the 64-bit two’s complement of data under the key', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.maxSafeInteger(), (seed, data) => {
        const k = key(seed);
        expect(foldIn(k, data).words).toEqual(threefry2x32(k, integerWords(data)));
      }),
      { seed: 3, numRuns: 200 },
    );
    expect(foldIn(key(0), -1).words).toEqual(threefry2x32(key(0), [0xffffffff, 0xffffffff]));
  });

  it('different data give different keys; the result is frozen and the key untouched', () => {
    const k = key(77);
    const seen = new Set<string>();
    for (let step = -500; step < 1500; step++) seen.add(foldIn(k, step).words.join(','));
    seen.add(foldIn(k, 2 ** 32).words.join(','));
    expect(seen.size).toBe(2001);
    const folded = callWithoutMutation(foldIn, [k, 5]);
    expect(Object.isFrozen(folded) && Object.isFrozen(folded.words)).toBe(true);
  });

  it('rejects data that is not a safe integer, and non-keys', () => {
    for (const data of [0.5, Number.NaN, Infinity, 2 ** 53, '1']) {
      try {
        foldIn(key(0), data as number);
        expect.unreachable();
      } catch (e) {
        expect(DomainError.is(e)).toBe(true);
        expect(e).toMatchObject({ op: 'foldIn', parameter: 'data' });
      }
    }
    expect(() => foldIn(null as never, 1)).toThrow(DomainError);
  });
});
