import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { float32AtOrAbove, float32Below, nextDown64 } from './float-steps.js';

describe('nextDown64', () => {
  it('steps to the neighbouring float64 below', () => {
    expect(nextDown64(1)).toBe(1 - 2 ** -53);
    expect(nextDown64(2)).toBe(2 - 2 ** -52);
    expect(nextDown64(-1)).toBe(-1 - 2 ** -52);
    expect(nextDown64(0)).toBe(-Number.MIN_VALUE);
    expect(nextDown64(Number.MIN_VALUE)).toBe(0);
    expect(nextDown64(2 ** 32)).toBe(2 ** 32 - 2 ** -21);
    expect(nextDown64(1e16 + 2)).toBe(1e16);
  });

  it('returns the largest float below: nothing lies strictly between', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 }), (x) => {
        const below = nextDown64(x);
        expect(below).toBeLessThan(x);
        // The midpoint of two neighbours rounds to one of them.
        const mid = below / 2 + x / 2;
        expect(mid === below || mid === x).toBe(true);
      }),
      { seed: 1, numRuns: 500 },
    );
  });
});

describe('float32Below and float32AtOrAbove', () => {
  it('find the float32 neighbours of any number', () => {
    expect(float32Below(1)).toBe(1 - 2 ** -24);
    expect(float32Below(1 + 2 ** -30)).toBe(1);
    expect(float32Below(0)).toBe(-(2 ** -149));
    expect(float32Below(1e39)).toBe(3.4028234663852886e38);
    expect(float32AtOrAbove(1)).toBe(1);
    expect(float32AtOrAbove(1 + 2 ** -30)).toBe(1 + 2 ** -23);
    expect(float32AtOrAbove(0.7)).toBe(Math.fround(0.7) + 2 ** -24);
    expect(float32AtOrAbove(-1e39)).toBe(-3.4028234663852886e38);
    expect(float32AtOrAbove(-(2 ** -160))).toBe(-0);
  });

  it('return float32 values on the right side of x with no float32 between', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e38, max: 1e38 }), (x) => {
        const below = float32Below(x);
        const above = float32AtOrAbove(x);
        expect(Math.fround(below)).toBe(below);
        expect(Math.fround(above)).toBe(above);
        expect(below).toBeLessThan(x);
        expect(above).toBeGreaterThanOrEqual(x);
        // No float32 lies strictly between them: a point in between rounds up to `above`.
        const between = below + (above - below) / 4;
        expect(between > below && float32AtOrAbove(between) === above).toBe(true);
      }),
      { seed: 2, numRuns: 500 },
    );
  });
});
