// R.dense against the unfused line σ(add(matmul(X, W, { transposeB: true }), b)) written with
// R's own ops: values, gradients (both dtypes), central finite differences, second order
// (hessianVectorProduct of a two-layer loss) and the Wengert list (one `dense` node).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as T from '@theta/tensor';
import { centralGradient } from '@theta/testing';
import * as R from '../index.js';

type Act = T.DenseActivation;
const ACTS: readonly Act[] = ['identity', 'sigmoid', 'tanh', 'relu', 'leakyRelu', 'elu', 'softplus'];
const ALPHA: Partial<Record<Act, number>> = { leakyRelu: 0.1, elu: 0.7 };

const sigmaOf = (act: Act): ((z: R.Value) => R.Value) => {
  switch (act) {
    case 'identity':
      return (z) => z;
    case 'leakyRelu':
      return (z) => R.leakyRelu(z, ALPHA.leakyRelu);
    case 'elu':
      return (z) => R.elu(z, ALPHA.elu);
    default:
      return R[act];
  }
};
const fusedOf = (act: Act) => (X: R.Value, W: R.Value, b: R.Value) => R.dense(X, W, b, { activation: act, ...(ALPHA[act] === undefined ? {} : { alpha: ALPHA[act] }) });
const unfusedOf = (act: Act) => (X: R.Value, W: R.Value, b: R.Value) => sigmaOf(act)(R.add(R.matmul(X, W, { transposeB: true }), b));

const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const fill = (next: () => number, shape: readonly number[], dtype: T.DType = 'float64'): T.Tensor =>
  T.fromArray(Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => 4 * next() - 2), shape, { dtype });
const flat = (v: R.Value): number[] => {
  const p = R.stopGradient(v);
  return typeof p === 'number' ? [p] : T.toArray(p);
};
const expectClose = (actual: R.Value, expected: R.Value, tol: number): void => {
  const a = flat(actual);
  const e = flat(expected);
  expect(a.length).toBe(e.length);
  a.forEach((x, i) => expect(Math.abs(x - (e[i] as number))).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(e[i] as number))));
};
// A weighted sum, so every output element gets a different cotangent.
const loss = (A: R.Value, V: T.Tensor): R.Value => R.sum(R.mul(A, V));

const shapes = fc.record({ N: fc.integer({ min: 1, max: 5 }), k: fc.integer({ min: 1, max: 4 }), n: fc.integer({ min: 1, max: 4 }), seed: fc.integer() });

describe('dense', () => {
  it('on tensors equals T.denseForward(...).a', () => {
    const next = random(1);
    const X = fill(next, [3, 2]);
    const W = fill(next, [4, 2]);
    const b = fill(next, [4]);
    for (const act of ACTS) expectClose(R.dense(X, W, b, { activation: act }), T.denseForward(X, W, b, { activation: act }).a, 0);
  });

  for (const dtype of ['float64', 'float32'] as const) {
    const tol = dtype === 'float64' ? 1e-12 : 1e-5;
    it(`grad through dense equals grad through the unfused ops (${dtype})`, () => {
      fc.assert(
        fc.property(shapes, ({ N, k, n, seed }) => {
          const next = random(seed);
          const args = [fill(next, [N, k], dtype), fill(next, [n, k], dtype), fill(next, [n], dtype)] as const;
          const V = fill(next, [N, n], dtype);
          for (const act of ACTS) {
            const f = (g: (X: R.Value, W: R.Value, b: R.Value) => R.Value) => (X: R.Value, W: R.Value, b: R.Value) => loss(g(X, W, b), V);
            const [value, grads] = R.valueAndGrad(f(fusedOf(act)), { argnums: [0, 1, 2] })(...args) as unknown as [R.Value, readonly R.Value[]];
            const [value0, grads0] = R.valueAndGrad(f(unfusedOf(act)), { argnums: [0, 1, 2] })(...args) as unknown as [R.Value, readonly R.Value[]];
            expectClose(value, value0, tol);
            for (let i = 0; i < 3; i++) expectClose(grads[i] as R.Value, grads0[i] as R.Value, tol);
          }
        }),
        { seed: 7, numRuns: 40 },
      );
    });
  }

  it('its gradient matches central finite differences', () => {
    const next = random(3);
    const [N, k, n] = [3, 2, 2];
    const X = fill(next, [N, k]);
    const b = fill(next, [n]);
    const V = fill(next, [N, n]);
    const W0 = fill(next, [n, k]);
    for (const act of ACTS) {
      const f = (W: R.Value) => loss(fusedOf(act)(X, W, b), V);
      const numeric = centralGradient((w) => T.item(f(T.fromArray([...w], [n, k])) as T.Tensor), T.toArray(W0));
      expectClose(R.grad(f)(W0), T.fromArray(numeric, [n, k]), 1e-6);
    }
  });

  it('grad of grad: hessianVectorProduct of a two-layer loss equals the unfused one', () => {
    const next = random(4);
    const X = fill(next, [4, 3]);
    const V = fill(next, [4, 1]);
    for (const act of ACTS) {
      const theta = { W1: fill(next, [5, 3]), b1: fill(next, [5]), W2: fill(next, [1, 5]), b2: fill(next, [1]) };
      const v = { W1: fill(next, [5, 3]), b1: fill(next, [5]), W2: fill(next, [1, 5]), b2: fill(next, [1]) };
      const net = (layer: (X: R.Value, W: R.Value, b: R.Value) => R.Value) => (th: typeof theta) =>
        loss(R.sigmoid(layer(layer(X, th.W1, th.b1), th.W2, th.b2)), V);
      const fused = R.hessianVectorProduct(net(fusedOf(act)))(theta, v);
      const unfused = R.hessianVectorProduct(net(unfusedOf(act)))(theta, v);
      for (const key of ['W1', 'b1', 'W2', 'b2'] as const) expectClose(fused[key], unfused[key], 1e-10);
      // and X: the ∂X path (propagate) is differentiated too.
      const gx = (Y: R.Value) => R.sum(R.grad((Z: R.Value) => loss(fusedOf(act)(fusedOf(act)(Z, theta.W1, theta.b1), theta.W2, theta.b2), V))(Y));
      const gx0 = (Y: R.Value) => R.sum(R.grad((Z: R.Value) => loss(unfusedOf(act)(unfusedOf(act)(Z, theta.W1, theta.b1), theta.W2, theta.b2), V))(Y));
      expectClose(R.grad(gx)(X), R.grad(gx0)(X), 1e-10);
    }
  });

  it('records one dense node', () => {
    const next = random(5);
    const X = fill(next, [2, 3]);
    const b = fill(next, [4]);
    const rows = R.wengertTable(R.trace((W: R.Value) => R.dense(X, W, b, { activation: 'tanh' }))(fill(next, [4, 3])));
    expect(rows.map((r) => r.op)).toEqual(['input', 'dense']);
  });

  it('rejects what T.denseForward rejects', () => {
    const W = T.ones([2, 3]);
    expect(() => R.grad((w: R.Value) => R.sum(R.dense(T.ones([1, 2]), w, T.ones([2]))))(W)).toThrow(T.ShapeError);
  });
});
