import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as T from '../index.js';
import { ravel, seeded, shapeArb, unravel } from '../test-support/reference.js';

/** Reduces by walking every element and bucketing it by its kept index. */
function naiveReduce(x: T.Tensor, axes: number[], init: number, step: (acc: number, v: number, r: number) => number): { shape: number[]; values: number[] } {
  const shape = x.shape.map((d, i) => (axes.includes(i) ? 1 : d));
  const values = new Array<number>(shape.reduce((a, b) => a * b, 1)).fill(init);
  const counters = new Array<number>(values.length).fill(0);
  for (let i = 0; i < x.data.length; i++) {
    const index = unravel(i, x.shape).map((v, d) => (axes.includes(d) ? 0 : v));
    const o = ravel(index, shape);
    values[o] = step(values[o] as number, x.data[i] as number, counters[o]!++);
  }
  return { shape, values };
}

const axesArb = shapeArb(1, 4, 4).chain((shape) =>
  fc.tuple(fc.constant(shape), fc.subarray(shape.map((_, i) => i)), fc.boolean(), fc.integer()),
);

describe('reductions along any axes', () => {
  it('sum, max, min agree with a naive bucket loop, with and without keepDims', () => {
    fc.assert(
      fc.property(axesArb, ([shape, axes, keepDims, seed]) => {
        const x = seeded(shape, seed);
        const cases = [
          [T.sum, 0, (a: number, v: number) => a + v],
          [T.max, -Infinity, (a: number, v: number) => Math.max(a, v)],
          [T.min, Infinity, (a: number, v: number) => Math.min(a, v)],
        ] as const;
        for (const [f, init, step] of cases) {
          const want = naiveReduce(x, axes, init, step);
          const got = f(x, { axis: axes, keepDims: true });
          expect(got.shape).toEqual(want.shape);
          got.data.forEach((v, i) => expect(v).toBeCloseTo(want.values[i] as number, 12));
          const dropped = f(x, { axis: axes, keepDims });
          expect(dropped.shape).toEqual(keepDims ? want.shape : shape.filter((_, i) => !axes.includes(i)));
        }
      }),
      { numRuns: 80, seed: 11 },
    );
  });

  it('mean is sum divided by the count of reduced elements', () => {
    const x = seeded([3, 4, 5], 1);
    const m = T.mean(x, { axis: [0, 2] });
    const s = T.sum(x, { axis: [0, 2] });
    m.data.forEach((v, i) => expect(v).toBeCloseTo((s.data[i] as number) / 15, 14));
    expect(T.item(T.mean(T.tensor([1, 2, 3, 4])))).toBe(2.5);
  });

  it('argmax and argmin return the first extreme index along one axis', () => {
    const x = T.tensor([[1, 3, 3], [2, -1, -1]]);
    expect(T.toArray(T.argmax(x, 1))).toEqual([1, 0]);
    expect(T.toArray(T.argmin(x, 1))).toEqual([0, 1]);
    expect(T.toArray(T.argmax(x, 0))).toEqual([1, 0, 0]);
    expect(T.item(T.argmax(x))).toBe(1);
    expect(T.item(T.argmax(T.tensor([1, NaN, 5])))).toBe(1);
  });

  it('logsumexp is max-shifted: no overflow, all −∞ gives −∞, and it matches the direct formula', () => {
    expect(T.item(T.logsumexp(T.tensor([1000, 1000])))).toBeCloseTo(1000 + Math.log(2), 12);
    expect(T.item(T.logsumexp(T.tensor([-Infinity, -Infinity])))).toBe(-Infinity);
    expect(T.item(T.logsumexp(T.tensor([Infinity, 0])))).toBe(Infinity);
    fc.assert(
      fc.property(fc.array(fc.double({ min: -20, max: 20, noNaN: true }), { minLength: 1, maxLength: 8 }), (xs) => {
        const direct = Math.log(xs.reduce((s, v) => s + Math.exp(v), 0));
        expect(T.item(T.logsumexp(T.tensor(xs)))).toBeCloseTo(direct, 12);
      }),
      { numRuns: 100, seed: 3 },
    );
  });

  it('softmax slices sum to 1 and are stable; logSoftmax equals log(softmax)', () => {
    expect(T.toArray(T.softmax(T.tensor([1000, 0])))).toEqual([1, 0]);
    expect(T.toArray(T.logSoftmax(T.tensor([1e8, 1e8])))).toEqual([-Math.LN2, -Math.LN2]);
    fc.assert(
      fc.property(shapeArb(1, 3, 5), fc.integer(), fc.integer({ min: 0, max: 2 }), (shape, seed, a) => {
        const axis = a % shape.length;
        const x = seeded(shape, seed, 'float64', 30);
        const p = T.softmax(x, axis);
        T.sum(p, { axis }).data.forEach((v) => expect(v).toBeCloseTo(1, 13));
        const logp = T.logSoftmax(x, axis);
        logp.data.forEach((v, i) => expect(v).toBeCloseTo(Math.log(p.data[i] as number), 9));
      }),
      { numRuns: 60, seed: 5 },
    );
  });

  it('norm: 2-norm without overflow or underflow, 1-norm and ∞-norm, along axes', () => {
    expect(T.item(T.norm(T.tensor([3e200, 4e200])))).toBeCloseTo(5e200, -188);
    expect(T.item(T.norm(T.tensor([3e-200, 4e-200])))).toBeCloseTo(5e-200, 210);
    expect(T.item(T.norm(T.zeros([3])))).toBe(0);
    expect(T.item(T.norm(T.tensor([Infinity, 1])))).toBe(Infinity);
    expect(T.item(T.norm(T.tensor([-3, 4]), { ord: 1 }))).toBe(7);
    expect(T.item(T.norm(T.tensor([-3, 2]), { ord: Infinity }))).toBe(3);
    expect(T.toArray(T.norm(T.tensor([[3, 4], [6, 8]]), { axis: 1 }))).toEqual([5, 10]);
  });

  it('rejects bad axes and empty max with typed errors', () => {
    expect(() => T.sum(T.zeros([2]), { axis: 1 })).toThrow(T.DomainError);
    expect(() => T.max(T.zeros([0]))).toThrow(T.ShapeError);
    expect(T.item(T.sum(T.zeros([0])))).toBe(0);
  });
});
