import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import { describeRule, parseChoice, parseList, parseNumber } from './values.js';

const right = <A>(parsed: E.Either<unknown, A>): A => {
  if (E.isLeft(parsed)) throw new Error('expected a value');
  return parsed.right;
};
const message = (parsed: E.Either<{ message: string }, unknown>): string => (E.isLeft(parsed) ? parsed.left.message : 'no error');

describe('parseNumber', () => {
  it('reads decimal numbers as people type them', () => {
    expect(['1', '-2.5', '.5', '1e-3', '+7', ' 3 '].map((t) => right(parseNumber('--x', t)))).toEqual([1, -2.5, 0.5, 0.001, 7, 3]);
  });

  it('rejects words, hex, infinities and empty text, naming flag, value and rule', () => {
    for (const text of ['abc', '0x10', 'Infinity', '', '1,5', 'NaN', '1e999']) {
      expect(message(parseNumber('--lr', text, { min: 0, minExclusive: true }))).toBe(`bad value '${text}' for --lr: expected a number > 0`);
    }
  });

  it('enforces integers and bounds', () => {
    const rule = { integer: true, min: 1 } as const;
    expect(message(parseNumber('--epochs', '2.5', rule))).toBe("bad value '2.5' for --epochs: expected an integer ≥ 1");
    expect(message(parseNumber('--epochs', '0', rule))).toBe("bad value '0' for --epochs: expected an integer ≥ 1");
    expect(right(parseNumber('--epochs', '1', rule))).toBe(1);
    const open = { min: 0, max: 1, minExclusive: true, maxExclusive: true } as const;
    expect(E.isLeft(parseNumber('--f', '0', open))).toBe(true);
    expect(E.isLeft(parseNumber('--f', '1', open))).toBe(true);
    expect(right(parseNumber('--f', '0.999', open))).toBe(0.999);
  });

  it('describes rules in words', () => {
    expect(describeRule({ min: 0, max: 1, maxExclusive: true })).toBe('a number in [0, 1)');
    expect(describeRule({ integer: true, max: 3 })).toBe('an integer ≤ 3');
    expect(describeRule({})).toBe('a finite number');
  });
});

describe('parseChoice and parseList', () => {
  it('accepts the listed words and aliases only', () => {
    expect(right(parseChoice('--c', 'b', ['a', 'b']))).toBe('b');
    expect(right(parseChoice('--c', 'bee', ['a', 'b'], { bee: 'b' }))).toBe('b');
    expect(message(parseChoice('--c', 'B', ['a', 'b']))).toBe("bad value 'B' for --c: expected one of a, b");
  });

  it('parses every item and rejects empty ones', () => {
    const item = (t: string) => parseNumber('--l', t, { integer: true, min: 1 });
    expect(right(parseList('--l', '1, 2,3', item, 'sizes'))).toEqual([1, 2, 3]);
    expect(message(parseList('--l', '1,,2', item, 'sizes'))).toBe("bad value '1,,2' for --l: expected a comma-separated list of sizes");
    expect(message(parseList('--l', '1,x', item, 'sizes'))).toBe("bad value '1,x' for --l: expected a comma-separated list of sizes ('x' is not one)");
  });
});
