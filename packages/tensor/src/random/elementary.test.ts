import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cosSinTurn, logUnit } from './elementary.js';

const EPS = Number.EPSILON;

describe('logUnit', () => {
  it('agrees with Math.log to a few ulp on (0, 1]', () => {
    fc.assert(
      fc.property(fc.double({ min: 2 ** -53, max: 1, noNaN: true }), (x) => {
        const expected = Math.log(x);
        expect(Math.abs(logUnit(x) - expected)).toBeLessThanOrEqual(4 * EPS * Math.abs(expected));
      }),
      { seed: 5, numRuns: 1000 },
    );
  });

  it('is exact or nearly so at the edges the normal sampler reaches', () => {
    expect(logUnit(1)).toBe(0);
    expect(logUnit(0.5)).toBe(-Math.LN2);
    for (const k of [1, 2, 3, 1000, 2 ** 20]) {
      const x = 1 - k * 2 ** -53; // just below 1: log x ≈ −k·2⁻⁵³
      expect(Math.abs(logUnit(x) - Math.log(x))).toBeLessThanOrEqual(2 * EPS * Math.abs(Math.log(x)));
    }
    const tiny = 2 ** -53;
    expect(Math.abs(logUnit(tiny) - -53 * Math.LN2)).toBeLessThanOrEqual(4 * EPS * 53 * Math.LN2);
    for (const x of [Math.SQRT1_2, Math.SQRT1_2 - EPS / 2, 0.25, 0.75, 1e-10]) {
      expect(Math.abs(logUnit(x) - Math.log(x))).toBeLessThanOrEqual(4 * EPS * Math.abs(Math.log(x)));
    }
  });

  it('never returns a positive number, so √(−2 ln x) is always real', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 53 }), (m) => {
        expect(logUnit(m * 2 ** -53)).toBeLessThanOrEqual(0);
      }),
      { seed: 6, numRuns: 1000 },
    );
  });
});

describe('cosSinTurn', () => {
  const out = new Float64Array(2);

  it('gives cos(2πu) and sin(2πu) to a few ulp on [0, 1)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (u) => {
        cosSinTurn(u, out);
        expect(Math.abs((out[0] as number) - Math.cos(2 * Math.PI * u))).toBeLessThanOrEqual(8 * EPS);
        expect(Math.abs((out[1] as number) - Math.sin(2 * Math.PI * u))).toBeLessThanOrEqual(8 * EPS);
      }),
      { seed: 8, numRuns: 1000 },
    );
  });

  it('hits the quarter turns exactly and stays on the unit circle', () => {
    const cases: Array<[number, number, number]> = [[0, 1, 0], [0.25, 0, 1], [0.5, -1, 0], [0.75, 0, -1]];
    for (const [u, c, s] of cases) {
      cosSinTurn(u, out);
      expect(out[0]).toBeCloseTo(c, 15);
      expect(out[1]).toBeCloseTo(s, 15);
    }
    for (let i = 0; i < 1000; i++) {
      cosSinTurn(i / 1000 + 0.0004, out);
      expect(Math.abs((out[0] as number) ** 2 + (out[1] as number) ** 2 - 1)).toBeLessThan(8 * EPS);
    }
  });
});
