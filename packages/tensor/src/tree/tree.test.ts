import { describe, expect, it } from 'vitest';
import * as T from '../index.js';

const theta = () => [
  { W: T.tensor([[1, 2], [3, 4]]), b: T.tensor([0.5, -0.5]) },
  { W: T.tensor([[1, -1]]), b: T.tensor([2]) },
];

describe('Θ-trees', () => {
  it('map keeps the structure and static leaves and passes paths', () => {
    const seen: string[] = [];
    const state = { count: 3, name: 'adam', m: theta() };
    const out = T.Tree.map(state, (x, path) => (seen.push(path), T.mul(x, 2)));
    expect(seen).toEqual(['m[0].W', 'm[0].b', 'm[1].W', 'm[1].b']);
    expect(out.count).toBe(3);
    expect(out.name).toBe('adam');
    expect(T.toArray(out.m[1]!.b)).toEqual([4]);
  });

  it('zipWith combines leaf by leaf and names the first mismatching path', () => {
    const sum = T.Tree.zipWith(theta(), theta(), T.add);
    expect(T.toNested(sum[0]!.W)).toEqual([[2, 4], [6, 8]]);
    const broken = [theta()[0]!, { W: T.zeros([1, 2]) }];
    try {
      T.Tree.zipWith(theta(), broken, T.add);
      expect.unreachable();
    } catch (e) {
      expect(T.ShapeError.is(e)).toBe(true);
      expect((e as T.ShapeError).argument).toContain("'[1]'");
      expect((e as T.ShapeError).expected).toContain('{W, b}');
    }
    expect(() => T.Tree.zipWith([T.zeros([1])], [T.zeros([1]), T.zeros([1])], T.add)).toThrow(/an array of 1/);
    expect(() => T.Tree.zipWith({ s: 1, x: T.zeros([1]) }, { s: 2, x: T.zeros([1]) }, T.add)).toThrow(/'s'/);
  });

  it('zipWithAll walks several trees at once', () => {
    const out = T.Tree.zipWithAll([theta(), theta(), theta()], (xs) => xs.reduce((a, b) => T.add(a, b)));
    expect(T.toArray(out[1]!.b)).toEqual([6]);
  });

  it('reduce, leaves and paths visit leaves depth-first', () => {
    expect(T.Tree.reduce(theta(), 0, (n, x) => n + x.data.length)).toBe(9);
    expect(T.Tree.leaves(theta()).map((x) => x.shape)).toEqual([[2, 2], [2], [1, 2], [1]]);
    expect(T.Tree.paths(theta())).toEqual(['[0].W', '[0].b', '[1].W', '[1].b']);
  });

  it('flatten then unflatten rebuilds an equal tree; wrong leaf counts are rejected', () => {
    const tree = { layers: theta(), lr: 0.1 };
    const { leaves, structure } = T.Tree.flatten(tree);
    expect(structure.leafCount).toBe(4);
    const back = T.Tree.unflatten<typeof tree>(structure, leaves);
    expect(T.Tree.allClose(tree, back, { rtol: 0, atol: 0 })).toBe(true);
    expect(back.lr).toBe(0.1);
    expect(() => T.Tree.unflatten(structure, leaves.slice(1))).toThrow(/4 leaves/);
  });

  it('globalNorm is the 2-norm of all leaves together, without overflow', () => {
    const all = T.Tree.leaves(theta()).flatMap((x) => T.toArray(x));
    expect(T.Tree.globalNorm(theta())).toBeCloseTo(Math.hypot(...all), 14);
    expect(T.Tree.globalNorm([T.tensor([3e300]), T.tensor([4e300])])).toBeCloseTo(5e300, -286);
    expect(T.Tree.globalNorm([T.zeros([3])])).toBe(0);
    expect(T.Tree.globalNorm([T.tensor([NaN])])).toBeNaN();
  });

  it('allClose compares structure, shapes and values within tolerance', () => {
    expect(T.Tree.allClose(theta(), theta())).toBe(true);
    const nudged = T.Tree.map(theta(), (x) => T.add(x, 1e-3));
    expect(T.Tree.allClose(theta(), nudged)).toBe(false);
    expect(T.Tree.allClose(theta(), nudged, { atol: 1e-2 })).toBe(true);
    expect(T.Tree.allClose([T.zeros([2])], [T.zeros([1, 2])])).toBe(false);
    expect(T.Tree.allClose([T.tensor([NaN])], [T.tensor([NaN])])).toBe(false);
    expect(T.Tree.allClose([T.tensor([NaN])], [T.tensor([NaN])], { equalNaN: true })).toBe(true);
    expect(T.Tree.allClose([T.tensor([Infinity])], [T.tensor([1e308])], { rtol: 1 })).toBe(false);
  });

  it('findNonFinite names the first non-finite leaf', () => {
    expect(T.Tree.findNonFinite(theta())).toBeUndefined();
    const bad = [theta()[0]!, { W: T.tensor([[1, -Infinity]]), b: T.tensor([NaN]) }];
    expect(T.Tree.findNonFinite(bad)).toEqual({ path: '[1].W', index: 1, value: -Infinity });
  });

  it('findNonFinite agrees with a naive scan: huge finite values, ±∞ and NaN in every position, records, static leaves', () => {
    // The naive reference: the first leaf (in walk order) holding a value that is not finite.
    const naive = (leaves: readonly [string, T.Tensor][]) => {
      for (const [path, x] of leaves) {
        const values = T.toArray(x);
        const index = values.findIndex((v) => !Number.isFinite(v));
        if (index >= 0) return { path, index, value: values[index] };
      }
      return undefined;
    };
    const specials = [Infinity, -Infinity, NaN];
    for (const dtype of ['float64', 'float32'] as const) {
      const big = dtype === 'float32' ? 3.4e38 : 1.7e308;
      for (let position = -1; position < 9; position++) {
        for (const special of specials) {
          // Huge finite values must not look like overflow: v · 0 is 0 for them.
          const values = [big, -big, 0, -0, 1, big, -big, 5e-324, 2].map((v, i) => (i === position ? special : v));
          const tree = { step: 3, name: 'x', layers: [{ W: T.fromArray(values.slice(0, 6), [2, 3], { dtype }), b: T.fromArray(values.slice(6), [3], { dtype }) }] };
          expect(T.Tree.findNonFinite(tree)).toEqual(naive([['layers[0].W', tree.layers[0]!.W], ['layers[0].b', tree.layers[0]!.b]]));
        }
      }
    }
  });
});
