import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import * as O from '@theta/optim';
import { clipScale, safeDivide } from './numerics.js';

describe('incrementCount', () => {
  it('adds one below the cap and saturates at it', () => {
    expect(O.incrementCount(0)).toBe(1);
    expect(O.incrementCount(O.MAX_COUNT - 1)).toBe(O.MAX_COUNT);
    expect(O.incrementCount(O.MAX_COUNT)).toBe(O.MAX_COUNT);
    expect(O.MAX_COUNT + 1).toBe(O.MAX_COUNT + 2); // why it stops there: beyond, integers are not exact
  });
});

describe('biasCorrection', () => {
  it('is 1 − βᵗ (checked against the naive product in its well-conditioned range)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.99, noNaN: true }), fc.integer({ min: 1, max: 200 }), (beta, t) => {
        let power = 1;
        for (let k = 0; k < t; k++) power *= beta;
        expect(Math.abs(O.biasCorrection(beta, t) - (1 - power))).toBeLessThanOrEqual(1e-14);
      }),
      { seed: 3, numRuns: 200 },
    );
  });

  it('is 1 − β at step 1, exactly 1 for β = 0 and for enormous t, and keeps its digits near β = 1', () => {
    expect(O.biasCorrection(0.9, 1)).toBeCloseTo(0.1, 15);
    expect(O.biasCorrection(0, 1)).toBe(1);
    expect(O.biasCorrection(0.999, O.MAX_COUNT)).toBe(1);
    // 1 − (1 − 1e-12)¹ = 1e-12; the naive 1 − β loses about 4 of its 16 digits here.
    expect(Math.abs(O.biasCorrection(1 - 1e-12, 1) - 1e-12) / 1e-12).toBeLessThan(1e-3);
    expect(O.biasCorrection(1 - 1e-12, 1)).toBeGreaterThan(0);
  });
});

describe('safeDivide and clipScale', () => {
  it('divides, except by exactly 0; NaN propagates', () => {
    expect(safeDivide(3, 2)).toBe(1.5);
    expect(safeDivide(0, 0)).toBe(0);
    expect(safeDivide(1e-300, 0)).toBe(0);
    expect(safeDivide(1, Number.NaN)).toBeNaN();
    expect(safeDivide(Number.NaN, 1)).toBeNaN();
  });

  it('is 1 up to the threshold, c/‖g‖ above, NaN for a NaN norm', () => {
    expect(clipScale(0, 1)).toBe(1);
    expect(clipScale(1, 1)).toBe(1);
    expect(clipScale(4, 1)).toBe(0.25);
    expect(clipScale(Number.NaN, 1)).toBeNaN();
    expect(clipScale(1e308, Number.POSITIVE_INFINITY)).toBe(1);
  });
});
