// leastSquares against exact fits and the normal equations solved by naive Gaussian elimination.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as T from '@theta/tensor';
import * as D from '@theta/data';
import * as Tr from '@theta/train';

/** Solves M x = r by Gaussian elimination with partial pivoting (an independent reference). */
function solve(M: number[][], r: number[]): number[] {
  const n = r.length;
  const a = M.map((row, i) => [...row, r[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let i = c + 1; i < n; i++) if (Math.abs(a[i]![c]!) > Math.abs(a[p]![c]!)) p = i;
    [a[c], a[p]] = [a[p]!, a[c]!];
    for (let i = c + 1; i < n; i++) {
      const f = a[i]![c]! / a[c]![c]!;
      for (let j = c; j <= n; j++) a[i]![j]! -= f * a[c]![j]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) x[i] = (a[i]![n]! - a[i]!.slice(i + 1, n).reduce((s, v, j) => s + v * x[i + 1 + j]!, 0)) / a[i]![i]!;
  return x;
}

/** (AᵀA + λI)⁻¹ Aᵀ y, the closed form. */
function normalEquations(A: number[][], y: number[], lambda = 0): number[] {
  const p = A[0]!.length;
  const AtA = Array.from({ length: p }, (_, i) => Array.from({ length: p }, (_, j) => A.reduce((s, row) => s + row[i]! * row[j]!, 0) + (i === j ? lambda : 0)));
  const Aty = Array.from({ length: p }, (_, i) => A.reduce((s, row, n) => s + row[i]! * y[n]!, 0));
  return solve(AtA, Aty);
}

describe('leastSquares', () => {
  it('recovers the coefficients of an exact degree-5 polynomial in two variables', () => {
    const X = T.uniform(T.key(0), [60, 2]);
    const A = D.polynomialFeatures(X, 5);
    const truth = Array.from({ length: A.shape[1]! }, (_, i) => Math.sin(i + 1));
    const y = T.matmul(A, T.tensor(truth.map((v) => [v])));
    const beta = Tr.leastSquares(A, y);
    expect(beta.shape).toEqual([21, 1]);
    T.toArray(beta).forEach((b, i) => expect(b).toBeCloseTo(truth[i]!, 7));
  });

  it('agrees with the normal equations on random well-conditioned problems (OLS and ridge)', () => {
    const property = fc.property(
      fc.integer({ min: 1, max: 5 }).chain((p) => fc.tuple(fc.constant(p), fc.array(fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: p, maxLength: p }), { minLength: p + 3, maxLength: p + 8 }))),
      fc.double({ min: 0, max: 3, noNaN: true }),
      ([p, rows], lambda) => {
        const A = rows.map((r, n) => r.map((v, j) => v + (n % p === j ? 3 : 0))); // keep columns independent
        const y = A.map((r, n) => r.reduce((s, v) => s + v, 0) + Math.cos(n));
        const got = T.toArray(Tr.leastSquares(T.tensor(A), T.tensor(y), { lambda }));
        const want = normalEquations(A, y, lambda);
        return got.every((g, i) => Math.abs(g - want[i]!) <= 1e-8 * (1 + Math.abs(want[i]!)));
      },
    );
    fc.assert(property, { seed: 5, numRuns: 100 });
  });

  it('solves several right-hand sides at once and keeps A’s dtype', () => {
    const A = T.tensor([[1, 0], [1, 1], [1, 2], [1, 3]], { dtype: 'float32' });
    const Y = T.tensor([[1, 0], [3, -1], [5, -2], [7, -3]], { dtype: 'float32' });
    const beta = Tr.leastSquares(A, Y);
    expect(beta.dtype).toBe('float32');
    T.toArray(beta).forEach((b, i) => expect(b).toBeCloseTo([1, 0, 2, -1][i]!, 5));
  });

  it('rejects a rank-deficient design unless λ > 0, and shapes that do not fit', () => {
    const A = T.tensor([[1, 2], [2, 4], [3, 6]]);
    const y = T.tensor([1, 2, 3]);
    expect(() => Tr.leastSquares(A, y)).toThrow(expect.objectContaining({ _tag: 'DomainError', parameter: 'A' }));
    expect(T.toArray(Tr.leastSquares(A, y, { lambda: 1e-3 })).every(Number.isFinite)).toBe(true);
    expect(() => Tr.leastSquares(A, T.tensor([1, 2]))).toThrow(expect.objectContaining({ _tag: 'ShapeError', argument: 'y' }));
    expect(() => Tr.leastSquares(T.zeros([2, 3]), T.zeros([2]))).toThrow(expect.objectContaining({ _tag: 'ShapeError', argument: 'A' }));
    expect(() => Tr.leastSquares(A, y, { lambda: -1 })).toThrow(expect.objectContaining({ _tag: 'DomainError', parameter: 'lambda' }));
  });
});
