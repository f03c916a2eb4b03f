import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { callWithoutMutation, centralDifference, isClose } from '@theta/testing';
import * as T from '../index.js';
import { ARENA_LIMIT, arenaSize } from '../kernels/js/arena.js';
import { DENSE_DIRECT_LIMIT } from '../kernels/js/dense-forward.js';
import { seeded } from '../test-support/reference.js';

const ACTIVATIONS: readonly T.DenseActivation[] = ['identity', 'sigmoid', 'tanh', 'relu', 'leakyRelu', 'elu', 'softplus'];
const ALPHA: Partial<Record<T.DenseActivation, number>> = { leakyRelu: 0.1, elu: 0.7 };

/** σ by the unfused elementwise ops. */
function sigma(activation: T.DenseActivation, z: T.Tensor): T.Tensor {
  const alpha = ALPHA[activation] ?? 0;
  switch (activation) {
    case 'identity': return z;
    case 'sigmoid': return T.sigmoid(z);
    case 'tanh': return T.tanh(z);
    case 'relu': return T.relu(z);
    case 'leakyRelu': return T.leakyRelu(z, alpha);
    case 'elu': return T.elu(z, alpha);
    case 'softplus': return T.softplus(z);
  }
}

/** σ′ by the unfused ops: from a for sigmoid and tanh, from z otherwise. */
function sigmaPrime(activation: T.DenseActivation, z: T.Tensor, a: T.Tensor): T.Tensor {
  const alpha = ALPHA[activation] ?? 0;
  switch (activation) {
    case 'identity': return T.fullLike(z, 1);
    case 'sigmoid': return T.mul(a, T.sub(1, a));
    case 'tanh': return T.sub(1, T.mul(a, a));
    case 'relu': return T.reluDerivative(z);
    case 'leakyRelu': return T.leakyReluDerivative(z, alpha);
    case 'elu': return T.eluDerivative(z, alpha);
    case 'softplus': return T.sigmoid(z);
  }
}

/** Elementwise closeness with a tolerance scaled to the largest magnitude (cancellation in sums). */
function expectClose(got: T.Tensor, want: T.Tensor, rtol: number): void {
  expect(got.shape).toEqual(want.shape);
  expect(got.dtype).toBe(want.dtype);
  const g = T.toArray(got);
  const w = T.toArray(want);
  const scale = Math.max(1, ...w.map(Math.abs));
  w.forEach((v, i) => {
    if (!isClose(g[i]!, v, rtol, rtol * scale)) expect.fail(`entry ${i}: ${g[i]} vs ${v}`);
  });
}

// Shapes from batch 1 and width 1 up to a layer past the direct limit (the blocked path).
const layerArb = fc.oneof(
  fc.record({ N: fc.integer({ min: 1, max: 9 }), k: fc.integer({ min: 1, max: 9 }), n: fc.integer({ min: 1, max: 9 }) }),
  fc.constantFrom({ N: 1, k: 30, n: 1 }, { N: 33, k: 50, n: 50 }, { N: 70, k: 50, n: 40 }, { N: 3, k: 64, n: 700 }),
);
const settingArb = fc.record({ activation: fc.constantFrom(...ACTIVATIONS), dtype: fc.constantFrom<T.DType>('float64', 'float32'), seed: fc.integer({ min: 1, max: 1e6 }) });
const rtolOf = (dtype: T.DType): number => (dtype === 'float64' ? 1e-12 : 1e-5);

// Every backend this engine offers: the plain-JS kernels fuse in JS; a backend with its own
// matmul or elementwise kernels (wasm) runs the fused ops through them.
const initial = T.getBackend();
const backendNames = ['js', 'wasm'].filter((name) => {
  try {
    T.setBackend(name);
    return true;
  } catch {
    return false;
  } finally {
    T.setBackend(initial);
  }
});
const onEachBackend = (title: string, body: () => void): void => {
  for (const name of backendNames) {
    it(`${title} (${name} backend)`, () => {
      T.setBackend(name);
      try {
        body();
      } finally {
        T.setBackend(initial);
      }
    });
  }
};

describe('denseForward', () => {
  onEachBackend('agrees with σ(add(matmul(X, W, { transposeB }), b)) for every activation, both dtypes, any shape', () => {
    fc.assert(
      fc.property(layerArb, settingArb, ({ N, k, n }, { activation, dtype, seed }) => {
        const X = seeded([N, k], seed, dtype, 1);
        const W = seeded([n, k], seed + 1, dtype, 1);
        const b = seeded([n], seed + 2, dtype, 1);
        const options = ALPHA[activation] === undefined ? { activation } : { activation, alpha: ALPHA[activation]! };
        const { z, a } = T.denseForward(X, W, b, options);
        const zWant = T.add(T.matmul(X, W, { transposeB: true }), b);
        expectClose(z, zWant, rtolOf(dtype));
        expectClose(a, sigma(activation, zWant), rtolOf(dtype));
        // A is exactly σ of the stored Z, as back-propagation assumes.
        expect(Array.from(a.data)).toEqual(Array.from(sigma(activation, z).data));
      }),
      { seed: 8, numRuns: 150 },
    );
  });

  it('takes both paths: the layers above exceed the direct limit', () => {
    expect(70 * 50 * 40).toBeGreaterThan(DENSE_DIRECT_LIMIT);
    expect(33 * 50 * 50).toBeLessThan(DENSE_DIRECT_LIMIT);
  });

  it('returns Z itself as A for the identity, and frozen results', () => {
    const r = T.denseForward(T.tensor([[1, 2]]), T.tensor([[3, 4]]), T.tensor([5]));
    expect(r.a).toBe(r.z);
    expect(T.toNested(r.z)).toEqual([[16]]);
    expect(Object.isFrozen(r)).toBe(true);
  });

  it('uses α defaults 0.01 (leakyRelu) and 1 (elu)', () => {
    const X = T.tensor([[-2]]);
    const one = T.tensor([[1]]);
    const zero = T.tensor([0]);
    expect(T.toArray(T.denseForward(X, one, zero, { activation: 'leakyRelu' }).a)).toEqual([-0.02]);
    expect(T.toArray(T.denseForward(X, one, zero, { activation: 'elu' }).a)).toEqual([Math.expm1(-2)]);
  });

  it('rejects mismatched shapes, dtypes, activations and α with typed errors', () => {
    const X = T.ones([2, 3]);
    expect(() => T.denseForward(X, T.ones([4, 2]), T.ones([4]))).toThrow(T.ShapeError);
    expect(() => T.denseForward(X, T.ones([4, 3]), T.ones([3]))).toThrow(T.ShapeError);
    expect(() => T.denseForward(T.ones([3]), T.ones([4, 3]), T.ones([4]))).toThrow(T.ShapeError);
    expect(() => T.denseForward(X, T.ones([4, 3], { dtype: 'float32' }), T.ones([4]))).toThrow(T.DTypeError);
    expect(() => T.denseForward(X, T.ones([4, 3]), T.ones([4], { dtype: 'float32' }))).toThrow(T.DTypeError);
    expect(() => T.denseForward(X, T.ones([4, 3]), T.ones([4]), { activation: 'gelu' as never })).toThrow(T.DomainError);
    expect(() => T.denseForward(X, T.ones([4, 3]), T.ones([4]), { activation: 'elu', alpha: Number.NaN })).toThrow(T.DomainError);
  });
});

describe('denseBackward', () => {
  onEachBackend('agrees with the unfused δ-equations for every activation, both dtypes, any shape', () => {
    fc.assert(
      fc.property(layerArb, settingArb, fc.boolean(), ({ N, k, n }, { activation, dtype, seed }, propagate) => {
        const X = seeded([N, k], seed, dtype, 1);
        const W = seeded([n, k], seed + 1, dtype, 1);
        const g = seeded([N, n], seed + 3, dtype, 1);
        const alpha = ALPHA[activation];
        const { z, a } = T.denseForward(X, W, seeded([n], seed + 2, dtype, 1), alpha === undefined ? { activation } : { activation, alpha });
        const r = T.denseBackward(g, X, W, { activation, z, a, propagate, ...(alpha === undefined ? {} : { alpha }) });
        const delta = T.mul(sigmaPrime(activation, z, a), g);
        const rtol = rtolOf(dtype);
        expectClose(r.delta, delta, rtol);
        expectClose(r.dW, T.matmul(delta, X, { transposeA: true }), rtol);
        expectClose(r.db, T.sum(delta, { axis: 0 }), rtol);
        if (propagate) expectClose(r.dInput!, T.matmul(delta, W), rtol);
        else expect('dInput' in r).toBe(false);
      }),
      { seed: 9, numRuns: 150 },
    );
  });

  onEachBackend('gives the gradient of C = Σ G ⊙ σ(X Wᵀ + b) by central differences', () => {
    for (const activation of ACTIVATIONS) {
      const X = seeded([3, 4], 11);
      const W = seeded([2, 4], 12, 'float64', 0.5);
      const b = seeded([2], 13);
      const G = seeded([3, 2], 14);
      const alpha = ALPHA[activation];
      const options = alpha === undefined ? { activation } : { activation, alpha };
      const C = (w: T.Tensor, bias: T.Tensor, x: T.Tensor): number => T.item(T.sum(T.mul(G, T.denseForward(x, w, bias, options).a)));
      const { z, a } = T.denseForward(X, W, b, options);
      const r = T.denseBackward(G, X, W, { ...options, z, a });
      const bump = (t: T.Tensor, i: number, h: number): T.Tensor => {
        const data = Float64Array.from(t.data);
        data[i] = data[i]! + h;
        return T.fromData(data, t.shape);
      };
      for (let i = 0; i < 8; i++) {
        const want = centralDifference((h) => C(bump(W, i, h), b, X), 0);
        expect(isClose(r.dW.data[i]!, want, 1e-6, 1e-7), `${activation} dW[${i}]`).toBe(true);
      }
      for (let j = 0; j < 2; j++) expect(isClose(r.db.data[j]!, centralDifference((h) => C(W, bump(b, j, h), X), 0), 1e-6, 1e-7)).toBe(true);
      for (let i = 0; i < 12; i++) expect(isClose(r.dInput!.data[i]!, centralDifference((h) => C(W, b, bump(X, i, h)), 0), 1e-6, 1e-7)).toBe(true);
    }
  });

  it('takes g as δ for the identity, sharing it', () => {
    const g = T.tensor([[1, 2], [3, 4]]);
    const r = T.denseBackward(g, T.tensor([[1], [1]]), T.tensor([[1], [2]]));
    expect(r.delta).toBe(g);
    expect(T.toArray(r.db)).toEqual([4, 6]);
    expect(T.toNested(r.dW)).toEqual([[4], [6]]);
    expect(T.toNested(r.dInput!)).toEqual([[5], [11]]);
  });

  it('rejects mismatched shapes and dtypes, and a missing z or a', () => {
    const g = T.ones([2, 3]);
    const X = T.ones([2, 4]);
    const W = T.ones([3, 4]);
    expect(() => T.denseBackward(g, T.ones([3, 4]), W)).toThrow(T.ShapeError);
    expect(() => T.denseBackward(g, X, T.ones([3, 5]))).toThrow(T.ShapeError);
    expect(() => T.denseBackward(g, X, T.ones([4, 4]))).toThrow(T.ShapeError);
    expect(() => T.denseBackward(g, T.ones([2, 4], { dtype: 'float32' }), W)).toThrow(T.DTypeError);
    expect(() => T.denseBackward(g, X, W, { activation: 'relu' })).toThrow(T.DTypeError);
    expect(() => T.denseBackward(g, X, W, { activation: 'sigmoid', z: g })).toThrow(/options\.a/);
    expect(() => T.denseBackward(g, X, W, { activation: 'relu', z: T.ones([2, 2]) })).toThrow(T.ShapeError);
  });
});

describe('fused dense ops and memory', () => {
  onEachBackend('never write their inputs', () => {
    const X = () => seeded([5, 3], 21);
    const W = () => seeded([4, 3], 22);
    const b = () => seeded([4], 23);
    for (const activation of ACTIVATIONS) {
      const { z, a } = callWithoutMutation(T.denseForward, [X(), W(), b(), { activation }]);
      callWithoutMutation(T.denseBackward, [seeded([5, 4], 24), X(), W(), { activation, z, a }]);
      callWithoutMutation(T.denseBackward, [seeded([5, 4], 24), X(), W(), { activation, z, a, propagate: false }]);
    }
    // The large path adds the bias into the product it just made, never into an input.
    callWithoutMutation(T.denseForward, [seeded([70, 50], 25), seeded([40, 50], 26), seeded([40], 27), { activation: 'relu' }]);
  });

  it('return fresh results: no two calls share storage', () => {
    const X = seeded([6, 5], 31);
    const W = seeded([7, 5], 32);
    const b = seeded([7], 33);
    const first = T.denseForward(X, W, b, { activation: 'tanh' });
    const second = T.denseForward(X, W, b, { activation: 'tanh' });
    expect(first.z.data).not.toBe(second.z.data);
    const g = seeded([6, 7], 34);
    const r1 = T.denseBackward(g, X, W, { activation: 'tanh', a: first.a });
    const r2 = T.denseBackward(g, X, W, { activation: 'tanh', a: first.a });
    expect(r1.db.data).not.toBe(r2.db.data);
    expect(Array.from(r1.db.data)).toEqual(Array.from(r2.db.data));
  });

  it('keep the scratch arena bounded by its limit', () => {
    T.denseBackward(T.ones([2, ARENA_LIMIT + 1]), T.ones([2, 1]), T.ones([ARENA_LIMIT + 1, 1]), { propagate: false });
    expect(arenaSize()).toBeLessThanOrEqual(ARENA_LIMIT);
  });
});
