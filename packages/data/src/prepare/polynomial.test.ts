import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as T from '@theta/tensor';
import { callWithoutMutation, isClose } from '@theta/testing';
import { polynomialFeatureNames, polynomialFeatures, polynomialPowers } from './polynomial.js';

/** The course's design matrix for two inputs, written as in its notebooks: column q(q+1)/2 + k is x^(q−k) y^k. */
function courseDesign(points: readonly (readonly [number, number])[], degree: number): number[][] {
  const columns = ((degree + 1) * (degree + 2)) / 2;
  return points.map(([x, y]) => {
    const row = new Array<number>(columns).fill(0);
    for (let q = 0; q <= degree; q++) {
      for (let k = 0; k <= q; k++) row[(q * (q + 1)) / 2 + k] = x ** (q - k) * y ** k;
    }
    return row;
  });
}

/** Every exponent tuple of F features with total ≤ p, by brute force over [0, p]^F, in graded reverse-lexicographic order. */
function naivePowers(features: number, degree: number): number[][] {
  const all: number[][] = [];
  const total = (degree + 1) ** features;
  for (let code = 0; code < total; code++) {
    const k: number[] = [];
    let rest = code;
    for (let j = 0; j < features; j++) {
      k.push(rest % (degree + 1));
      rest = Math.floor(rest / (degree + 1));
    }
    if (k.reduce((a, b) => a + b, 0) <= degree) all.push(k);
  }
  const sum = (k: number[]): number => k.reduce((a, b) => a + b, 0);
  return all.sort((a, b) => {
    if (sum(a) !== sum(b)) return sum(a) - sum(b);
    for (let j = 0; j < features; j++) if (a[j] !== b[j]) return (b[j] as number) - (a[j] as number);
    return 0;
  });
}

const binomial = (n: number, k: number): number => (k === 0 ? 1 : (binomial(n - 1, k - 1) * n) / k);

describe('polynomialPowers', () => {
  it('lists every monomial of total degree ≤ p once, in graded order', () => {
    for (let features = 1; features <= 4; features++) {
      for (let degree = 0; degree <= 5; degree++) {
        const powers = polynomialPowers(features, degree);
        expect(powers).toEqual(naivePowers(features, degree));
        expect(powers).toHaveLength(binomial(features + degree, degree));
      }
    }
  });

  it('drops the constant first without bias, and checks its arguments', () => {
    expect(polynomialPowers(2, 1, { bias: false })).toEqual([[1, 0], [0, 1]]);
    expect(() => polynomialPowers(0, 2)).toThrow(T.DomainError);
    expect(() => polynomialPowers(2, 1.5)).toThrow(T.DomainError);
    expect(() => polynomialPowers(2, -1)).toThrow(T.DomainError);
  });
});

describe('polynomialFeatures', () => {
  it("equals the course's design matrix for two inputs", () => {
    const point = fc.tuple(fc.double({ min: -2, max: 2, noNaN: true }), fc.double({ min: -2, max: 2, noNaN: true }));
    fc.assert(
      fc.property(fc.array(point, { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 6 }), (points, degree) => {
        const A = polynomialFeatures(T.tensor(points.map(([x, y]) => [x, y])), degree);
        const expected = courseDesign(points, degree);
        expect(A.shape).toEqual([points.length, expected[0]?.length]);
        const got = T.toNested(A) as number[][];
        got.forEach((row, i) => row.forEach((v, c) => expect(isClose(v, expected[i]?.[c] as number, 1e-13, 1e-300)).toBe(true)));
      }),
      { seed: 11, numRuns: 60 },
    );
  });

  it('computes each column as the product of powers for any number of inputs', () => {
    const X = T.tensor([[2, 3, 5], [-1, 0.5, 4]]);
    const A = T.toNested(polynomialFeatures(X, 3, { bias: false })) as number[][];
    const powers = polynomialPowers(3, 3, { bias: false });
    const rows = T.toNested(X) as number[][];
    rows.forEach((row, i) => powers.forEach((k, c) => expect(A[i]?.[c]).toBe(row.reduce((p, v, j) => p * v ** (k[j] as number), 1))));
  });

  it('keeps the dtype, rejects bad input, and leaves X unchanged', () => {
    const X = T.tensor([[0.5, 2]], { dtype: 'float32' });
    const A = callWithoutMutation(polynomialFeatures, [X, 2]);
    expect(A.dtype).toBe('float32');
    expect(T.toArray(A)).toEqual([1, 0.5, 2, 0.25, 1, 4]);
    expect(() => polynomialFeatures(T.tensor([1, 2]), 2)).toThrow(T.ShapeError);
    expect(() => polynomialFeatures(T.zeros([3, 0]), 2)).toThrow(T.ShapeError);
    expect(() => polynomialFeatures(X, -1)).toThrow(T.DomainError);
  });
});

describe('polynomialFeatureNames', () => {
  it('names the columns in the same order', () => {
    expect(polynomialFeatureNames(['x', 'y'], 3)).toEqual(['1', 'x', 'y', 'x^2', 'x y', 'y^2', 'x^3', 'x^2 y', 'x y^2', 'y^3']);
    expect(polynomialFeatureNames(['a', 'b', 'c'], 2, { bias: false })).toEqual(['a', 'b', 'c', 'a^2', 'a b', 'a c', 'b^2', 'b c', 'c^2']);
  });
});
