import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as T from '@theta/tensor';
import { callWithoutMutation, isClose } from '@theta/testing';
import { minMaxScaler, scaler, standardScaler } from './scaler.js';

/** Column means and population standard deviations by plain loops. */
function columnStats(rows: readonly (readonly number[])[]): { mean: number[]; std: number[] } {
  const n = rows.length;
  const f = rows[0]?.length ?? 0;
  const mean = Array.from({ length: f }, (_, j) => rows.reduce((s, r) => s + (r[j] as number), 0) / n);
  const std = Array.from({ length: f }, (_, j) => Math.sqrt(rows.reduce((s, r) => s + ((r[j] as number) - (mean[j] as number)) ** 2, 0) / n));
  return { mean, std };
}

const matrix = fc.integer({ min: 2, max: 10 }).chain((n) =>
  fc.integer({ min: 1, max: 5 }).chain((f) =>
    fc.array(fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: f, maxLength: f }), { minLength: n, maxLength: n }),
  ),
);

describe('standardScaler', () => {
  it('learns the column means and standard deviations, and transforms to mean 0, variance 1', () => {
    fc.assert(
      fc.property(matrix, (rows) => {
        const X = T.tensor(rows);
        const s = standardScaler.fit(X);
        const { mean, std } = columnStats(rows);
        T.toArray(s.center).forEach((c, j) => expect(isClose(c, mean[j] as number, 1e-12, 1e-9)).toBe(true));
        T.toArray(s.scale).forEach((c, j) => {
          const spread = Math.max(...rows.map((r) => r[j] as number)) - Math.min(...rows.map((r) => r[j] as number));
          // Zero spread, or a spread so tiny that σ underflows to 0, gives scale 1.
          expect(c).toBeCloseTo(spread === 0 || std[j] === 0 ? 1 : (std[j] as number), 6);
        });
        const Z = T.toNested(s.transform(X)) as number[][];
        const z = columnStats(Z);
        z.mean.forEach((m) => expect(Math.abs(m)).toBeLessThan(1e-9));
        z.std.forEach((d, j) => {
          const constant = rows.every((r) => r[j] === rows[0]?.[j]);
          if (constant) expect(d).toBe(0); // a constant column maps to 0, never NaN
          else if ((std[j] as number) > 1e-6) expect(d).toBeCloseTo(1, 6);
        });
        // inverseTransform undoes transform.
        const back = T.toNested(s.inverseTransform(s.transform(X))) as number[][];
        back.forEach((r, i) => r.forEach((v, j) => expect(isClose(v, rows[i]?.[j] as number, 1e-9, 1e-9)).toBe(true)));
      }),
      { seed: 5, numRuns: 100 },
    );
  });

  it('applies the training statistics to new data', () => {
    const s = standardScaler.fit(T.tensor([[0, 1], [2, 1], [4, 1]]));
    expect(T.toArray(s.center)).toEqual([2, 1]);
    expect(T.toArray(s.scale)[1]).toBe(1);
    expect(T.toArray(s.scale)[0]).toBeCloseTo(Math.sqrt(8 / 3), 15);
    const z = T.toNested(s.transform(T.tensor([[2 + Math.sqrt(8 / 3), 5]]))) as number[][];
    expect(z[0]?.[0]).toBeCloseTo(1, 12);
    expect(z[0]?.[1]).toBe(4);
  });

  it('handles a constant float32 column without NaN or huge values', () => {
    const X = T.tensor([[0.1, 1], [0.1, 2], [0.1, 3]], { dtype: 'float32' });
    const Z = T.toArray(standardScaler.fit(X).transform(X));
    expect(Z.every(Number.isFinite)).toBe(true);
    expect([Z[0], Z[2], Z[4]].map((v) => Math.abs(v ?? 1))).toEqual([0, 0, 0].map((v) => Math.abs(v)));
  });

  it('honours withMean and withStd', () => {
    const X = T.tensor([[1], [3]]);
    expect(T.toArray(standardScaler.fit(X, { withMean: false }).center)).toEqual([0]);
    expect(T.toArray(standardScaler.fit(X, { withStd: false }).scale)).toEqual([1]);
  });

  it('leaves its inputs unchanged and rejects bad input', () => {
    const X = T.tensor([[1, 2], [3, 5]]);
    const s = callWithoutMutation(standardScaler.fit, [X]);
    callWithoutMutation(s.transform, [X]);
    callWithoutMutation(s.inverseTransform, [X]);
    expect(() => standardScaler.fit(T.tensor([1, 2]))).toThrow(T.ShapeError);
    expect(() => standardScaler.fit(T.zeros([0, 2]))).toThrow(T.ShapeError);
    expect(() => standardScaler.fit(T.tensor([[1, NaN]]))).toThrow(/X\[:, 1\]/);
    expect(() => standardScaler.fit(T.tensor([[1], [Infinity]]))).toThrow(T.NonFiniteError);
    expect(() => s.transform(T.zeros([2, 3]))).toThrow(T.ShapeError);
  });
});

describe('minMaxScaler', () => {
  it('maps each training column onto the range, constant columns to its start', () => {
    fc.assert(
      fc.property(matrix, fc.tuple(fc.integer({ min: -5, max: 5 }), fc.integer({ min: 1, max: 5 })), (rows, [a, width]) => {
        const b = a + width;
        const X = T.tensor(rows);
        const s = minMaxScaler.fit(X, { range: [a, b] });
        const Z = T.toNested(s.transform(X)) as number[][];
        (rows[0] ?? []).forEach((_, j) => {
          const column = rows.map((r) => r[j] as number);
          const [lo, hi] = [Math.min(...column), Math.max(...column)];
          Z.forEach((r, i) => {
            const expected = hi === lo ? a : a + (((rows[i]?.[j] as number) - lo) * (b - a)) / (hi - lo);
            expect(isClose(r[j] as number, expected, 1e-9, 1e-9)).toBe(true);
          });
        });
        const back = T.toNested(s.inverseTransform(s.transform(X))) as number[][];
        back.forEach((r, i) => r.forEach((v, j) => expect(isClose(v, rows[i]?.[j] as number, 1e-9, 1e-9)).toBe(true)));
      }),
      { seed: 9, numRuns: 100 },
    );
  });

  it('rejects a bad range and non-finite data', () => {
    expect(() => minMaxScaler.fit(T.tensor([[1]]), { range: [1, 1] })).toThrow(T.DomainError);
    expect(() => minMaxScaler.fit(T.tensor([[1]]), { range: [0, NaN] })).toThrow(T.DomainError);
    expect(() => minMaxScaler.fit(T.tensor([[1], [-Infinity]]))).toThrow(T.NonFiniteError);
  });
});

describe('scaler', () => {
  it('rebuilds a scaler from saved parameters and casts to the input dtype', () => {
    const fitted = standardScaler.fit(T.tensor([[1, 2], [3, 8]]));
    const again = scaler(T.tensor(T.toArray(fitted.center)), T.tensor(T.toArray(fitted.scale)));
    const X = T.tensor([[5, 5]]);
    expect(T.toArray(again.transform(X))).toEqual(T.toArray(fitted.transform(X)));
    expect(again.transform(T.tensor([[5, 5]], { dtype: 'float32' })).dtype).toBe('float32');
  });

  it('rejects mismatched shapes and zero or non-finite scales', () => {
    expect(() => scaler(T.zeros([2]), T.ones([3]))).toThrow(T.ShapeError);
    expect(() => scaler(T.zeros([2, 1]), T.ones([2, 1]))).toThrow(T.ShapeError);
    expect(() => scaler(T.zeros([2]), T.tensor([1, 0]))).toThrow(/scale\[1\]/);
    expect(() => scaler(T.zeros([1]), T.tensor([NaN]))).toThrow(T.DomainError);
  });
});
