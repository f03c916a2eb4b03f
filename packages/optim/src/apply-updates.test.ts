import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import * as T from '@theta/tensor';
import * as O from '@theta/optim';
import { callWithoutMutation } from '@theta/testing';

describe('applyUpdates', () => {
  it('adds leaf by leaf and leaves both arguments unchanged', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), { minLength: 4, maxLength: 4 }), fc.array(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), { minLength: 4, maxLength: 4 }), (w, u) => {
        const theta = { W: T.fromArray(w.slice(0, 2), [1, 2]), b: T.fromArray(w.slice(2), [2]) };
        const updates = { W: T.fromArray(u.slice(0, 2), [1, 2]), b: T.fromArray(u.slice(2), [2]) };
        const next = callWithoutMutation((p: typeof theta, u: typeof updates) => O.applyUpdates(p, u), [theta, updates]);
        expect([...T.toArray(next.W), ...T.toArray(next.b)]).toEqual(w.map((x, i) => x + (u[i] as number)));
      }),
      { seed: 5, numRuns: 100 },
    );
  });

  it("keeps Θ's dtype whatever the updates' dtype", () => {
    const theta = T.tensor([1, 2], { dtype: 'float32' });
    const next = O.applyUpdates(theta, T.tensor([0.1, 0.2]));
    expect(next.dtype).toBe('float32');
    expect(T.toArray(next)).toEqual([Math.fround(1.1), Math.fround(2.2)]);
  });

  it('rejects updates shaped unlike Θ, naming the path', () => {
    expect(() => O.applyUpdates([{ W: T.zeros([2, 2]) }], [{ W: T.zeros([4]) }])).toThrow(/applyUpdates: argument 'updates at '\[0\]\.W'' expected shape \[2, 2\], got \[4\]/);
    expect(() => O.applyUpdates({ W: T.zeros([1]) }, { V: T.zeros([1]) })).toThrow(T.ShapeError);
  });
});
