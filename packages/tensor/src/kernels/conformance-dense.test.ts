// The fused dense kernels (forward and the δ-equations of one layer) on every backend, and on
// the WebAssembly kernels with every size limit off: against naive float64 loops, against the
// JS dense kernels, and bit for bit with them wherever IEEE arithmetic makes the answer unique.
import { describe, expect, it } from 'vitest';
import { callWithoutMutation } from '@theta/testing';
import { make, type DType, type Tensor } from '../core/tensor.js';
import { DTYPES, expectIdentical, expectNear, naiveMatmul, SPECIALS, suites, tensorOf, tolerance } from '../test-support/kernels.js';
import { jsKernels } from './js/index.js';
import { sigmoidScalar, softplusScalar } from './js/unary.js';
import type { DenseActivation, Kernels } from './types.js';

const ACTIVATIONS: readonly DenseActivation[] = ['identity', 'sigmoid', 'tanh', 'relu', 'leakyRelu', 'elu', 'softplus'];
const alphaOf = (act: DenseActivation): number => (act === 'elu' ? 0.7 : 0.1);
/** σ and σ′ in float64, the notes' formulas (σ′ from a for sigmoid and tanh, from z otherwise). */
const SIGMA: Record<DenseActivation, (z: number, alpha: number) => number> = {
  identity: (z) => z, sigmoid: sigmoidScalar, tanh: Math.tanh, relu: (z) => (z > 0 ? z : z === z ? 0 : z),
  leakyRelu: (z, al) => (z > 0 ? z : al * z), elu: (z, al) => (z > 0 ? z : al * Math.expm1(z)), softplus: softplusScalar,
};
const SLOPE: Record<DenseActivation, (s: number, alpha: number) => number> = {
  identity: () => 1, sigmoid: (a) => a * (1 - a), tanh: (a) => 1 - a * a, relu: (z) => (z > 0 ? 1 : z === z ? 0 : z),
  leakyRelu: (z, al) => (z > 0 ? 1 : z === z ? al : z), elu: (z, al) => (z > 0 ? 1 : al * Math.exp(z)), softplus: sigmoidScalar,
};
/** [N, k, n]: 1, 3, 5, 17, 50, 64, 130 across the 4 × 4 / 4 × 8 tiles and the 256 depth block; B1's last and B2's layers. */
const DENSE_SHAPES: readonly (readonly [number, number, number])[] = [
  [1, 1, 1], [3, 5, 1], [5, 3, 17], [17, 50, 5], [64, 64, 10], [32, 2, 50], [32, 50, 50],
  [32, 50, 1], [130, 17, 3], [7, 300, 9], [9, 130, 64],
];
const round = (dtype: DType, v: number): number => (dtype === 'float32' ? Math.fround(v) : v);

/** A dense layer's forward and backward against naive float64 loops; `backend` is held to `tolerance`. */
function checkDense(backend: Kernels, N: number, kk: number, n: number, act: DenseActivation, dtype: DType, seed: number, propagate: boolean): void {
  const alpha = alphaOf(act);
  const x = tensorOf([N, kk], seed, dtype);
  const w = tensorOf([n, kk], seed + 1, dtype, false, 0.5);
  const b = tensorOf([n], seed + 2, dtype);
  const rtol = tolerance(dtype);
  const { z, a } = callWithoutMutation((p: Tensor, q: Tensor, r: Tensor) => backend.denseForward(p, q, r, act, alpha), [x, w, b]);
  expect(z.shape).toEqual([N, n]);
  expect(a.dtype).toBe(dtype);
  if (act === 'identity') expect(a).toBe(z);
  const { value, scale } = naiveMatmul(x, w, N, kk, n, false, true);
  expectNear(z, value.map((v, i) => v + b.data[i % n]!), scale.map((v, i) => v + Math.abs(b.data[i % n]!)), rtol);
  // A is σ of the stored Z (rounded once in float32).
  const sigma = Array.from(z.data, (v) => round(dtype, SIGMA[act](v, alpha)));
  expectNear(a, sigma, sigma.map(Math.abs), rtol);
  // Backward from an upstream g and the forward values just checked.
  const g = tensorOf([N, n], seed + 3, dtype);
  const s = act === 'sigmoid' || act === 'tanh' ? a : z;
  const r = callWithoutMutation(
    (gg: Tensor, zz: Tensor, aa: Tensor, p: Tensor, q: Tensor) => backend.denseBackward(gg, act === 'identity' || s === a ? undefined : zz, s === a ? aa : undefined, p, q, act, alpha, propagate),
    [g, z, a, x, w],
  );
  const delta = Array.from(g.data, (v, i) => v * SLOPE[act](s.data[i]!, alpha));
  // σ′ = a(1 − a) and 1 − a² cancel near saturation: their error is relative to |g|.
  const deltaScale = Array.from(g.data, (v, i) => (act === 'sigmoid' || act === 'tanh' ? Math.abs(v) : Math.abs(delta[i]!)));
  if (act === 'identity') expect(r.delta).toBe(g);
  else expectNear(r.delta, delta.map((v) => round(dtype, v)), deltaScale, rtol);
  const d = make(Float64Array.from(delta), [N, n]);
  const ds = make(Float64Array.from(deltaScale), [N, n]);
  const absX = make(x.data.map(Math.abs), x.shape);
  const absW = make(w.data.map(Math.abs), w.shape);
  const dW = naiveMatmul(d, x, n, N, kk, true, false);
  expect(r.dW.shape).toEqual([n, kk]);
  expectNear(r.dW, dW.value, naiveMatmul(ds, absX, n, N, kk, true, false).value.map((v, i) => v + dW.scale[i]!), rtol);
  const db = Array.from({ length: n }, (_, j) => delta.reduce((t, v, i) => (i % n === j ? t + v : t), 0));
  const dbScale = Array.from({ length: n }, (_, j) => deltaScale.reduce((t, v, i) => (i % n === j ? t + v : t), 0));
  expect(r.db.shape).toEqual([n]);
  expectNear(r.db, db, dbScale, rtol);
  if (!propagate) expect(r.dInput).toBeUndefined();
  else {
    const dX = naiveMatmul(d, w, N, n, kk, false, false);
    expect(r.dInput!.shape).toEqual([N, kk]);
    expectNear(r.dInput!, dX.value, naiveMatmul(ds, absW, N, n, kk, false, false).value.map((v, i) => v + dX.scale[i]!), rtol);
  }
}

for (const [name, k] of suites) {
  describe(`dense kernel conformance: ${name}`, () => {
    it('dense layers agree with naive loops: every activation, both dtypes, tile-edge shapes, propagate on and off', () => {
      for (const dtype of DTYPES) {
        DENSE_SHAPES.forEach(([N, kk, n], s) => {
          for (const act of ACTIVATIONS) checkDense(k, N, kk, n, act, dtype, 500 + 10 * s, (s + act.length) % 2 === 0);
        });
      }
    });

    it('dense layers agree with the JS dense kernels on the B1 and B2 layers', () => {
      for (const dtype of DTYPES) {
        for (const [N, kk, n, act] of [[64, 784, 128, 'relu'], [64, 64, 10, 'identity'], [32, 2, 50, 'sigmoid'], [32, 50, 50, 'sigmoid'], [32, 50, 1, 'identity']] as const) {
          const x = tensorOf([N, kk], N + kk, dtype);
          const w = tensorOf([n, kk], n, dtype, false, 0.3);
          const b = tensorOf([n], 7, dtype);
          const mine = k.denseForward(x, w, b, act, 0);
          const js = jsKernels.denseForward(x, w, b, act, 0);
          const scale = naiveMatmul(x, w, N, kk, n, false, true).scale.map((v, i) => v + Math.abs(b.data[i % n]!));
          expectNear(mine.z, js.z.data, scale, tolerance(dtype));
          // σ is 1-Lipschitz here: A's error is at most Z's.
          expectNear(mine.a, js.a.data, scale, tolerance(dtype));
          const g = tensorOf([N, n], 11, dtype);
          const zz = act === 'sigmoid' ? undefined : js.z;
          const aa = act === 'sigmoid' ? js.a : undefined;
          const got = k.denseBackward(g, zz, aa, x, w, act, 0, true);
          const want = jsKernels.denseBackward(g, zz, aa, x, w, act, 0, true);
          expectNear(got.delta, want.delta.data, g.data.map(Math.abs), tolerance(dtype));
          const dWScale = naiveMatmul(make(g.data.map(Math.abs), g.shape), make(x.data.map(Math.abs), x.shape), n, N, kk, true, false).value;
          expectNear(got.dW, want.dW.data, dWScale, tolerance(dtype));
          expectNear(got.db, want.db.data, Array.from({ length: n }, () => N * 2), tolerance(dtype));
          const dXScale = naiveMatmul(make(g.data.map(Math.abs), g.shape), make(w.data.map(Math.abs), w.shape), N, n, kk, false, false).value;
          expectNear(got.dInput!, want.dInput!.data, dXScale, tolerance(dtype));
        }
      }
    });

    it('dense δ has the JS kernel\'s bits wherever σ′ is IEEE arithmetic (identity, sigmoid, tanh, relu, leakyRelu)', () => {
      for (const dtype of DTYPES) {
        const [N, kk, n] = [9, 6, 13];
        const x = tensorOf([N, kk], 31, dtype);
        const w = tensorOf([n, kk], 32, dtype);
        const g = tensorOf([N, n], 33, dtype, true);
        const za = tensorOf([N, n], 34, dtype, true, 1);
        for (const act of ['identity', 'sigmoid', 'tanh', 'relu', 'leakyRelu'] as const) {
          const s = act === 'sigmoid' || act === 'tanh' ? { z: undefined, a: za } : { z: act === 'identity' ? undefined : za, a: undefined };
          expectIdentical(k.denseBackward(g, s.z, s.a, x, w, act, 0.1, false).delta, jsKernels.denseBackward(g, s.z, s.a, x, w, act, 0.1, false).delta);
        }
      }
    });

    it('dense activations and δ keep the JS rules at NaN, ±∞, ±0, saturation and the exp range ends', () => {
      // X [N, 1] times W = [[1]] plus b = 0: Z = X exactly (but −0 + 0 = +0), so σ meets every special value.
      const values = [...SPECIALS, 709, -709, 710, -710, 745, -745, 88, -88, 89, -104, 1000, -1000, 20, -20, 5e-324, -5e-324, 1e-310, 1e-8, -1e-8];
      for (const dtype of DTYPES) {
        const N = values.length;
        const x = make(dtype === 'float32' ? Float32Array.from(values) : Float64Array.from(values), [N, 1]);
        const one = make(dtype === 'float32' ? new Float32Array([1]) : new Float64Array([1]), [1, 1]);
        const zero = make(dtype === 'float32' ? new Float32Array(1) : new Float64Array(1), [1]);
        for (const act of ACTIVATIONS) {
          const alpha = alphaOf(act);
          const { z, a } = k.denseForward(x, one, zero, act, alpha);
          const want = Array.from(z.data, (v) => round(dtype, SIGMA[act](v, alpha)));
          // Subnormal results may differ by an ulp or two of the subnormal grid.
          expectNear(a, want, want.map((v) => Math.abs(v) + 1e-300), tolerance(dtype));
          want.forEach((v, i) => { if (v === 0 && a.data[i] !== 0) expect.fail(`${act}(${z.data[i]}) = ${a.data[i]}, want 0`); });
          if (act === 'sigmoid') expect(Array.from(a.data).every((v, i) => Number.isNaN(z.data[i]!) || (v >= 0 && v <= 1))).toBe(true);
          const g = make(dtype === 'float32' ? new Float32Array(N).fill(1.5) : new Float64Array(N).fill(1.5), [N, 1]);
          const s = act === 'sigmoid' || act === 'tanh' ? a : z;
          const r = k.denseBackward(g, s === z ? z : undefined, s === a ? a : undefined, x, one, act, alpha, true);
          const delta = Array.from(s.data, (v) => round(dtype, 1.5 * SLOPE[act](v, alpha)));
          expectNear(r.delta, delta, delta.map(() => 1.5), tolerance(dtype));
        }
      }
    });
  });
}
