import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DomainError } from '../core/errors.js';
import { integerWords, isKey, key } from './key.js';

/** The integer that words [hi, lo] stand for, reading hi as a signed (two's complement) word. */
const fromWords = ([hi, lo]: readonly [number, number]): number => (hi >= 2 ** 31 ? hi - 2 ** 32 : hi) * 2 ** 32 + lo;

describe('key', () => {
  it('makes frozen keys; seed 0 is a seed', () => {
    const k = key(0);
    expect(k).toEqual({ _tag: 'Key', words: [0, 0] });
    expect(Object.isFrozen(k)).toBe(true);
    expect(Object.isFrozen(k.words)).toBe(true);
    expect(() => {
      (k.words as unknown as number[])[0] = 1;
    }).toThrow(TypeError);
  });

  it("maps seeds as JAX's PRNGKey: the 64-bit two's complement as [high, low]", () => {
    expect(key(42).words).toEqual([0, 42]);
    expect(key(2 ** 32 - 1).words).toEqual([0, 4294967295]);
    expect(key(2 ** 32).words).toEqual([1, 0]);
    expect(key(2 ** 32 + 5).words).toEqual([1, 5]);
    expect(key(-1).words).toEqual([4294967295, 4294967295]);
    expect(key(-(2 ** 32)).words).toEqual([4294967295, 0]);
    expect(key(Number.MAX_SAFE_INTEGER).words).toEqual([0x1fffff, 0xffffffff]);
    expect(key(Number.MIN_SAFE_INTEGER).words).toEqual([0xffe00000, 1]);
    expect(key(-0).words).toEqual([0, 0]);
    expect(Object.is(key(-0).words[0], 0)).toBe(true);
  });

  it('words are uint32 and encode the seed, so distinct seeds give distinct keys', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (seed) => {
        const { words } = key(seed);
        for (const w of words) expect(Number.isInteger(w) && w >= 0 && w <= 0xffffffff).toBe(true);
        expect(fromWords(words)).toBe(seed);
        expect(integerWords(seed)).toEqual(words);
      }),
      { seed: 7, numRuns: 500 },
    );
  });

  it('rejects seeds that are not safe integers with a DomainError naming the seed', () => {
    for (const seed of [0.5, -1.25, Number.NaN, Infinity, -Infinity, 2 ** 53, -(2 ** 53), 1e300, '1', null, undefined]) {
      try {
        key(seed as number);
        expect.unreachable(`seed ${String(seed)} accepted`);
      } catch (e) {
        expect(DomainError.is(e)).toBe(true);
        expect(e).toMatchObject({ op: 'key', parameter: 'seed' });
        expect(Object.is((e as DomainError).value, seed)).toBe(true);
        expect((e as DomainError).expected).toContain('safe integer');
      }
    }
  });
});

describe('isKey', () => {
  it('accepts keys, including keys that went through JSON', () => {
    expect(isKey(key(5))).toBe(true);
    expect(isKey(JSON.parse(JSON.stringify(key(-3))))).toBe(true);
    expect(isKey({ _tag: 'Key', words: [0, 4294967295] })).toBe(true);
  });

  it('rejects everything else', () => {
    const bad: unknown[] = [
      null, undefined, 0, 'Key', [0, 0], {}, { words: [0, 0] }, { _tag: 'Tensor', words: [0, 0] },
      { _tag: 'Key', words: [0] }, { _tag: 'Key', words: [0, 0, 0] }, { _tag: 'Key', words: [0, -1] },
      { _tag: 'Key', words: [0, 2 ** 32] }, { _tag: 'Key', words: [0.5, 0] }, { _tag: 'Key', words: [0, Number.NaN] },
      { _tag: 'Key', words: ['0', 0] }, { _tag: 'Key', words: new Uint32Array(2) },
    ];
    for (const value of bad) expect(isKey(value)).toBe(false);
  });
});
