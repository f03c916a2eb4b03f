import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import * as T from '@theta/tensor';
import * as O from '@theta/optim';

const arrayOf = (n: number) => fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: n, maxLength: n });

describe('clipByGlobalNorm', () => {
  it('caps the joint norm at maxNorm and keeps the direction; passes small updates through untouched', () => {
    fc.assert(
      fc.property(arrayOf(6), arrayOf(3), fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (w, b, maxNorm) => {
        const grads = { W: T.fromArray(w, [2, 3]), b: T.tensor(b) };
        const clipping = O.clipByGlobalNorm(maxNorm);
        const [u] = clipping.update(grads, clipping.init(grads), grads);
        const norm = Math.hypot(...w, ...b); // an independent norm
        const expected = norm <= maxNorm ? 1 : maxNorm / norm;
        [...w, ...b].forEach((g, i) => {
          const got = [...T.toArray(u.W), ...T.toArray(u.b)][i] as number;
          expect(Math.abs(got - g * expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(g)));
        });
        if (norm <= maxNorm) expect(u).toBe(grads);
        else expect(Math.hypot(...T.toArray(u.W), ...T.toArray(u.b))).toBeCloseTo(maxNorm, 9);
      }),
      { seed: 61, numRuns: 200 },
    );
  });

  it('lets a NaN through to every leaf so that training notices', () => {
    const grads = { W: T.tensor([1, Number.NaN]), b: T.tensor([2]) };
    const clipping = O.clipByGlobalNorm(1);
    const [u] = clipping.update(grads, clipping.init(grads), grads);
    expect(Number.isNaN(T.toArray(u.b)[0])).toBe(true);
  });

  it('keeps float32 as float32', () => {
    const grads = { w: T.tensor([30, 40], { dtype: 'float32' }) };
    const clipping = O.clipByGlobalNorm(5);
    const [u] = clipping.update(grads, clipping.init(grads), grads);
    expect([u.w.dtype, T.toArray(u.w)]).toEqual(['float32', [3, 4]]);
  });
});

describe('clip', () => {
  it('clamps each element to [−δ, δ] independently', () => {
    fc.assert(
      fc.property(arrayOf(5), fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (g, delta) => {
        const clipping = O.clip(delta);
        const grads = [T.tensor(g)];
        const [u] = clipping.update(grads, clipping.init(grads), grads);
        expect(T.toArray(u[0] as T.Tensor)).toEqual(g.map((x) => (x > delta ? delta : x < -delta ? -delta : x)));
      }),
      { seed: 62, numRuns: 200 },
    );
  });

  it('keeps NaN as NaN', () => {
    const clipping = O.clip(1);
    const grads = T.tensor([Number.NaN, 3]);
    const [u] = clipping.update(grads, clipping.init(grads), grads);
    expect(Number.isNaN(T.toArray(u)[0])).toBe(true);
    expect(T.toArray(u)[1]).toBe(1);
  });
});
