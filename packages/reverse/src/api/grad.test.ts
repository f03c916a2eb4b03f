// grad, valueAndGrad and vjp over Θ-trees: shapes of results, argnums, hasAux, fan-out, unused
// inputs, repeatability, zero cotangents, immutability, and the typed errors at the boundary.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as T from '@theta/tensor';
import { callWithoutMutation, centralDifference, isClose } from '@theta/testing';
import * as R from '../index.js';

type Dense = { readonly W: T.Tensor; readonly b: T.Tensor };
type Theta = readonly Dense[];

/** A two-layer network and its squared-error cost, written once with R's ops. */
const forward = (theta: readonly { W: R.Value; b: R.Value }[], X: R.Value): R.Value =>
  theta.reduce<R.Value>((a, { W, b }, l) => {
    const z = R.add(R.matmul(a, W, { transposeB: true }), b);
    return l === theta.length - 1 ? z : R.sigmoid(z);
  }, X);
const cost = (theta: Theta, X: T.Tensor, t: T.Tensor): R.Value => R.sum(R.square(R.sub(forward(theta, X), t)));

const net = (seed: number): { theta: Theta; X: T.Tensor; t: T.Tensor } => {
  let s = seed;
  const next = (): number => ((s = (s * 16807) % 2147483647) / 2147483647) * 2 - 1;
  const m = (rows: number, cols: number): T.Tensor => T.fromArray(Array.from({ length: rows * cols }, next), [rows, cols]);
  const v = (n: number): T.Tensor => T.fromArray(Array.from({ length: n }, next), [n]);
  return { theta: [{ W: m(3, 2), b: v(3) }, { W: m(1, 3), b: v(1) }], X: m(4, 2), t: m(4, 1) };
};

/** ∂cost/∂θ_k for one entry k of one leaf, by central differences. */
const fdEntry = (theta: Theta, X: T.Tensor, t: T.Tensor, layer: number, key: 'W' | 'b', k: number): number =>
  centralDifference((h) => {
    const leaf = theta[layer]![key];
    const data = T.toArray(leaf);
    data[k] = h;
    const moved = theta.map((d, l) => (l === layer ? { ...d, [key]: T.fromArray(data, leaf.shape) } : d));
    return T.item(cost(moved, X, t) as T.Tensor);
  }, T.toArray(theta[layer]![key])[k] as number);

describe('grad over Θ-trees', () => {
  it('returns a tree shaped like Θ that matches central differences', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 30 }), (seed) => {
        const { theta, X, t } = net(seed);
        const g = R.grad(cost)(theta, X, t);
        expect(g.map((d) => [d.W.shape, d.b.shape])).toEqual(theta.map((d) => [d.W.shape, d.b.shape]));
        g.forEach((d, l) =>
          (['W', 'b'] as const).forEach((key) =>
            T.toArray(d[key]).forEach((gk, k) => expect(isClose(gk, fdEntry(theta, X, t, l, key, k), 1e-6, 1e-8)).toBe(true)),
          ),
        );
      }),
      { seed: 31, numRuns: 10 },
    );
  });

  it('leaves Θ and X untouched, and is repeatable to the bit', () => {
    const { theta, X, t } = net(7);
    const first = callWithoutMutation(R.grad(cost), [theta, X, t]) as Theta;
    const second = R.grad(cost)(theta, X, t);
    first.forEach((d, l) => {
      expect(T.toArray(d.W)).toEqual(T.toArray(second[l]!.W));
      expect(T.toArray(d.b)).toEqual(T.toArray(second[l]!.b));
    });
  });

  it('takes argnums as JAX does, and keeps null leaves and static arguments', () => {
    const f = (a: R.Value, b: R.Value, label: string) => (label === 'ab' ? R.mul(a, b) : R.add(a, b));
    expect(R.grad(f)(2, 3, 'ab')).toBe(3);
    expect(R.grad(f, { argnums: 1 })(2, 3, 'ab')).toBe(2);
    expect(R.grad(f, { argnums: [1, 0] })(2, 3, 'ab')).toEqual([2, 3]);
    const g = R.grad((p: { x: R.Value; skip: null }) => R.mul(p.x, 4))({ x: 1, skip: null });
    expect(g).toEqual({ x: 4, skip: null });
  });

  it('returns [value, grad] and passes aux through with hasAux', () => {
    const [[value, aux], g] = R.valueAndGrad((x: R.Value) => [R.square(x), { label: 'sq', doubled: R.mul(x, 2) }] as const, { hasAux: true })(3);
    expect([value, aux, g]).toEqual([9, { label: 'sq', doubled: 6 }, 6]);
  });

  it('accumulates fan-out: d(x·x) = 2x, on numbers and tensors', () => {
    expect(R.grad((x: R.Value) => R.mul(x, x))(3)).toBe(6);
    expect(T.toArray(R.grad((x: R.Value) => R.sum(R.mul(x, x)))(T.tensor([1, -2])))).toEqual([2, -4]);
    expect(R.grad((x: R.Value) => R.add(R.add(x, x), R.mul(x, x)))(5)).toBe(12);
  });

  it('gives unused inputs zeros of their shape and dtype, and a constant cost zero gradients', () => {
    const [gx, gy] = R.grad((x: R.Value, _y: R.Value) => R.sum(x), { argnums: [0, 1] })(T.ones([2]), T.ones([2, 3], { dtype: 'float32' }));
    expect([T.toArray(gy), gy.shape, gy.dtype, T.toArray(gx)]).toEqual([[0, 0, 0, 0, 0, 0], [2, 3], 'float32', [1, 1]]);
    expect(R.grad((_x: R.Value) => 7)(1)).toBe(0);
  });

  it('keeps float32 gradients in float32', () => {
    const g = R.grad((x: R.Value) => R.sum(R.mul(R.exp(x), 2)))(T.tensor([0, 1], { dtype: 'float32' }));
    expect(g.dtype).toBe('float32');
    expect(T.toArray(g)[1]).toBeCloseTo(2 * Math.E, 5);
  });
});

describe('vjp', () => {
  it('pulls any cotangent back, and a zero cotangent gives exact zeros', () => {
    const { theta, X } = net(3);
    const [y, pullback] = R.vjp((th: Theta) => forward(th, X))(theta);
    expect((y as T.Tensor).shape).toEqual([4, 1]);
    const [zero] = pullback(T.zeros([4, 1]));
    for (const d of zero) for (const v of [...T.toArray(d.W), ...T.toArray(d.b)]) expect(v === 0).toBe(true);
    const [ones] = pullback(T.ones([4, 1]));
    const viaGrad = R.grad((th: Theta) => R.sum(forward(th, X)))(theta);
    expect(T.toArray(ones[0]!.W)).toEqual(T.toArray(viaGrad[0]!.W));
  });

  it('accepts tree outputs and cotangents', () => {
    const [y, pullback] = R.vjp((x: R.Value) => ({ s: R.mul(x, 2), p: [R.square(x)] }))(3);
    expect(y).toEqual({ s: 6, p: [9] });
    expect(pullback({ s: 1, p: [1] })).toEqual([8]);
  });
});

describe('errors at the boundary', () => {
  it('grad of a non-scalar cost is a ShapeError that suggests sum or jacobian', () => {
    let e: unknown;
    try {
      R.grad((x: R.Value) => R.mul(x, 2))(T.ones([3]));
    } catch (error) {
      e = error;
    }
    expect(T.ShapeError.is(e)).toBe(true);
    expect((e as T.ShapeError).message).toMatch(/R\.sum.*R\.jacobian/);
    expect((e as T.ShapeError).actual).toBe('[3]');
  });

  it('a cotangent of the wrong shape names both shapes', () => {
    const [, pullback] = R.vjp((x: R.Value) => R.mul(x, 2))(T.ones([2, 3]));
    expect(() => pullback(T.ones([3]))).toThrow(/expected shape "\[2, 3\] \(the shape of f's output\)", got \[3\]/);
    expect(() => pullback([T.ones([2, 3])])).toThrow(T.ShapeError);
  });

  it('a non-differentiable leaf is rejected with its tree path', () => {
    const theta = [{ W: T.ones([1]), b: T.ones([1]) }, { W: T.ones([1]), activation: 'relu' }];
    expect(() => R.grad((th: typeof theta) => R.sum(th[0]!.W))(theta)).toThrow(/args\[0\]\[1\]\.activation.*string/);
    expect(() => R.grad((x: R.Value) => x)(true as never)).toThrow(T.DTypeError);
  });

  it('bad argnums and a wrong hasAux output are typed errors', () => {
    expect(() => R.grad((x: R.Value) => x, { argnums: 1 })(1)).toThrow(T.DomainError);
    expect(() => R.grad((x: R.Value) => x, { argnums: [0, 0] })(1)).toThrow(T.DomainError);
    expect(() => R.grad((x: R.Value) => x, { hasAux: true })(1)).toThrow(/\[cost, aux\]/);
  });
});
