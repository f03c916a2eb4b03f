// One kernel test suite, run against every registered backend (and the WebAssembly kernels
// with every size limit off, so that edge sizes 0, 1 and odd lengths run in WebAssembly too).
// Each backend is held against independent references (naive loops in float64) to 1e-12
// relative in float64 and 1e-5 in float32, and against the JS kernels, the reference backend,
// bit for bit wherever IEEE arithmetic makes the answer unique (NaN, ±0, ±∞ included).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { callWithoutMutation } from '@theta/testing';
import { make, type DType, type Tensor } from '../core/tensor.js';
import { broadcastRead, unravel } from '../test-support/reference.js';
import { backends } from './backend.js';
import { jsKernels } from './js/index.js';
import { sigmoidScalar, softplusScalar } from './js/unary.js';
import type { BinaryOp, DenseActivation, Kernels, ReduceOp, UnaryOp } from './types.js';
import { wasmKernels } from './wasm/kernels.js';
import { instantiateSync } from './wasm/runtime.js';
import { availableThreads } from './workers/index.js';

const runtime = instantiateSync();
const suites: [string, Kernels][] = [...backends()];
if (runtime !== undefined) suites.push(['wasm, no size limits', wasmKernels(runtime, { matmul: 0, elementwise: 0, transcendental: true })]);

const DTYPES: readonly DType[] = ['float64', 'float32'];
const tolerance = (dtype: DType): number => (dtype === 'float64' ? 1e-12 : 1e-5);
const SPECIALS = [NaN, Infinity, -Infinity, 0, -0, 1, -1, 0.5, -2.5, 1e-300, -1e-300, 30, -30, 800, -800];

/** Deterministic values in [−scale, scale) (an LCG), with specials mixed in when asked. */
function tensorOf(shape: readonly number[], seed: number, dtype: DType, specials = false, scale = 2): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  const data = dtype === 'float32' ? new Float32Array(n) : new Float64Array(n);
  let s = (seed >>> 0) || 1;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    data[i] = specials && s % 5 === 0 ? SPECIALS[(s >>> 8) % SPECIALS.length]! : (s / 2 ** 31 - 1) * scale;
  }
  return make(data, shape);
}

/** Same bits up to NaN payloads: Object.is on every element, plus dtype and shape. */
function expectIdentical(got: Tensor, want: Tensor): void {
  expect(got.shape).toEqual(want.shape);
  expect(got.dtype).toBe(want.dtype);
  const g = Array.from(got.data);
  const w = Array.from(want.data);
  g.forEach((v, i) => {
    if (!Object.is(v, w[i])) expect.fail(`entry ${i}: ${v} vs ${w[i]}`);
  });
}

/** |got − want| ≤ rtol·scale for each entry (scale ≥ |want|), same NaN and infinity positions. */
function expectNear(got: Tensor, want: ArrayLike<number>, scale: ArrayLike<number>, rtol: number): void {
  expect(got.data.length).toBe(want.length);
  for (let i = 0; i < want.length; i++) {
    const g = got.data[i]!;
    const w = want[i]!;
    if (Number.isNaN(w) || !Number.isFinite(w)) {
      if (!Object.is(g, w) && !(Number.isNaN(g) && Number.isNaN(w))) expect.fail(`entry ${i}: ${g} vs ${w}`);
    } else if (!(Math.abs(g - w) <= rtol * Math.max(scale[i]!, Math.abs(w), Number.MIN_VALUE))) {
      expect.fail(`entry ${i}: ${g} vs ${w} (scale ${scale[i]})`);
    }
  }
}

const forms = [[false, false], [false, true], [true, false], [true, true]] as const;

/** The naive matmul in float64, and Σ|a·b| per entry (the scale of any summation's rounding). */
function naiveMatmul(a: Tensor, b: Tensor, m: number, k: number, n: number, ta: boolean, tb: boolean) {
  const value = new Float64Array(m * n);
  const scale = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      let t = 0;
      for (let p = 0; p < k; p++) {
        const x = a.data[ta ? p * m + i : i * k + p]! * b.data[tb ? j * k + p : p * n + j]!;
        s += x;
        t += Math.abs(x);
      }
      value[i * n + j] = s;
      scale[i * n + j] = t;
    }
  }
  return { value, scale };
}

const UNARY: readonly UnaryOp[] = [
  'neg', 'abs', 'sign', 'exp', 'expm1', 'log', 'log1p', 'sqrt', 'square', 'reciprocal', 'sin', 'cos', 'tan', 'tanh',
  'sigmoid', 'logSigmoid', 'softplus', 'relu', 'leakyRelu', 'elu', 'sigmoidDerivative', 'tanhDerivative',
  'reluDerivative', 'leakyReluDerivative', 'eluDerivative', 'step', 'isFinite',
];
/** Ops whose every result is one correctly rounded IEEE operation or a select: bit-identical across backends. */
const EXACT_UNARY = new Set<UnaryOp>(['neg', 'abs', 'sign', 'sqrt', 'square', 'reciprocal', 'relu', 'leakyRelu', 'reluDerivative', 'leakyReluDerivative', 'step', 'isFinite']);
/** Derivatives bounded by 1 and computed with cancellation near saturation. */
const BOUNDED = new Set<UnaryOp>(['tanhDerivative', 'sigmoidDerivative']);
const BINARY: readonly BinaryOp[] = ['add', 'sub', 'mul', 'div', 'pow', 'maximum', 'minimum', 'equal', 'notEqual', 'less', 'lessEqual', 'greater', 'greaterEqual'];
const BINARY_REFERENCE: Record<BinaryOp, (x: number, y: number) => number> = {
  add: (x, y) => x + y, sub: (x, y) => x - y, mul: (x, y) => x * y, div: (x, y) => x / y, pow: Math.pow,
  maximum: Math.max, minimum: Math.min, equal: (x, y) => +(x === y), notEqual: (x, y) => +(x !== y),
  less: (x, y) => +(x < y), lessEqual: (x, y) => +(x <= y), greater: (x, y) => +(x > y), greaterEqual: (x, y) => +(x >= y),
};
/** Broadcast pairs: equal, scalar, bias row, [rows, 1] column, both sides, and general ones the fast paths skip. */
const BROADCASTS: readonly (readonly [readonly number[], readonly number[], readonly number[]])[] = [
  [[0], [0], [0]], [[1], [1], [1]], [[7], [7], [7]], [[5, 13], [5, 13], [5, 13]], [[9, 11], [], [9, 11]], [[], [9, 11], [9, 11]],
  [[9, 11], [1], [9, 11]], [[6, 7], [7], [6, 7]], [[7], [6, 7], [6, 7]], [[3, 5, 7], [1, 7], [3, 5, 7]], [[3, 5, 7], [5, 7], [3, 5, 7]],
  [[6, 7], [6, 1], [6, 7]], [[6, 1], [6, 7], [6, 7]], [[3, 5, 7], [3, 1, 1], [3, 5, 7]], [[3, 5, 7], [3, 5, 1], [3, 5, 7]],
  [[6, 1], [1, 7], [6, 7]], [[3, 5, 7], [5, 1], [3, 5, 7]], [[2, 1, 3], [4, 1], [2, 4, 3]], [[0, 3], [3], [0, 3]], [[65], [1], [65]],
];
const REDUCE: readonly ReduceOp[] = ['sum', 'max', 'min', 'argmax', 'argmin', 'logsumexp'];

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
  describe(`kernel conformance: ${name}`, () => {
    it('matmul agrees with the naive loop in every transpose form, edge sizes 0, 1 and odd included', () => {
      const small = fc.integer({ min: 0, max: 19 });
      fc.assert(
        fc.property(small, small, small, fc.constantFrom(...forms), fc.constantFrom(...DTYPES), fc.integer(), (m, kk, n, [ta, tb], dtype, seed) => {
          const a = tensorOf(ta ? [kk, m] : [m, kk], seed, dtype);
          const b = tensorOf(tb ? [n, kk] : [kk, n], seed + 1, dtype);
          const c = callWithoutMutation((x: Tensor, y: Tensor) => k.matmul(x, y, ta, tb), [a, b]);
          expect(c.shape).toEqual([m, n]);
          expect(c.dtype).toBe(dtype);
          const { value, scale } = naiveMatmul(a, b, m, kk, n, ta, tb);
          expectNear(c, value, scale, tolerance(dtype));
        }),
        { numRuns: 150, seed: 81 },
      );
    });

    it('matmul agrees with the naive loop across register tiles and cache blocks', () => {
      // Lengths past the depth block (256), the row blocks (96 / 128) and the column panels
      // (512 float64, 1024 float32), none a multiple of the 4 × 4 / 4 × 8 tiles.
      const shapes = [[133, 261, 13], [5, 3, 1031], [130, 9, 517], [1, 300, 70], [70, 300, 1], [37, 64, 29]] as const;
      shapes.forEach(([m, kk, n], s) => {
        for (const dtype of DTYPES) {
          const [ta, tb] = forms[s % 4]!;
          const a = tensorOf(ta ? [kk, m] : [m, kk], 7 + s, dtype);
          const b = tensorOf(tb ? [n, kk] : [kk, n], 8 + s, dtype);
          const { value, scale } = naiveMatmul(a, b, m, kk, n, ta, tb);
          expectNear(k.matmul(a, b, ta, tb), value, scale, tolerance(dtype));
        }
      });
    });

    it('float64 matmul gives the JS kernel\'s bits where that takes its packed path (same depth blocks, same order of sums)', () => {
      // The JS packed path: m, n ≥ 4 and m·n·k ≥ 512 (its direct loops use partial sums).
      const side = fc.integer({ min: 4, max: 40 });
      fc.assert(
        fc.property(side, fc.integer({ min: 1, max: 300 }), side, fc.constantFrom(...forms), fc.integer(), (m, kk, n, [ta, tb], seed) => {
          fc.pre(m * n * kk >= 512);
          const a = tensorOf(ta ? [kk, m] : [m, kk], seed, 'float64');
          const b = tensorOf(tb ? [n, kk] : [kk, n], seed + 1, 'float64');
          expectIdentical(k.matmul(a, b, ta, tb), jsKernels.matmul(a, b, ta, tb));
        }),
        { numRuns: 60, seed: 83 },
      );
    });

    it('matmul propagates NaN and ±∞ where the naive loop does, and padding never leaks', () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 13 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 13 }), fc.constantFrom(...forms), fc.integer(), (m, kk, n, [ta, tb], seed) => {
          const a = tensorOf(ta ? [kk, m] : [m, kk], seed, 'float64', true);
          const b = tensorOf(tb ? [n, kk] : [kk, n], seed + 1, 'float64', true);
          const { value } = naiveMatmul(a, b, m, kk, n, ta, tb);
          const c = k.matmul(a, b, ta, tb);
          value.forEach((v, i) => expect(Number.isNaN(c.data[i]!)).toBe(Number.isNaN(v)));
          value.forEach((v, i) => { if (!Number.isFinite(v) && !Number.isNaN(v)) expect(c.data[i]).toBe(v); });
        }),
        { numRuns: 100, seed: 82 },
      );
    });

    it('unary maps agree with the JS kernels: bit for bit for exact ops, 1e-12 relative otherwise', () => {
      for (const dtype of DTYPES) {
        for (const n of [0, 1, 3, 7, 64, 131]) {
          const x = tensorOf([n], 90 + n, dtype, true, 4);
          for (const op of UNARY) {
            const alpha = op.startsWith('elu') ? 0.7 : 0.1;
            const got = callWithoutMutation((t: Tensor) => k.unary(op, t, alpha), [x]);
            const want = jsKernels.unary(op, x, alpha);
            if (EXACT_UNARY.has(op)) expectIdentical(got, want);
            // 1 − tanh² and σ(1 − σ) cancel near saturation: their error is relative to 1.
            else expectNear(got, want.data, want.data.map((v) => (BOUNDED.has(op) ? 1 : Math.abs(v))), tolerance(dtype));
          }
        }
      }
    });

    it('unary maps keep the JS NaN and −0 rules', () => {
      const x = make(new Float64Array([NaN, -0, 0, -Infinity, Infinity]), [5]);
      expect(Array.from(k.unary('relu', x, 0).data)).toEqual([NaN, 0, 0, 0, Infinity]);
      expect(Object.is(k.unary('relu', x, 0).data[1], 0)).toBe(true);
      expect(Array.from(k.unary('reluDerivative', x, 0).data)).toEqual([NaN, 0, 0, 0, 1]);
      expect(Array.from(k.unary('leakyReluDerivative', x, 0.25).data)).toEqual([NaN, 0.25, 0.25, 0.25, 1]);
      expect(Object.is(k.unary('neg', x, 0).data[2], -0)).toBe(true);
    });

    it('binary ops agree with the naive broadcast loop bit for bit, every broadcast form', () => {
      for (const dtype of DTYPES) {
        BROADCASTS.forEach(([sa, sb, out], s) => {
          const a = tensorOf(sa, 200 + s, dtype, true);
          const b = tensorOf(sb, 300 + s, dtype, true);
          for (const op of BINARY) {
            const got = callWithoutMutation((x: Tensor, y: Tensor) => k.binary(op, x, y, out), [a, b]);
            const size = out.reduce((p, d) => p * d, 1);
            const want = Array.from({ length: size }, (_, i) => {
              const index = unravel(i, out);
              return BINARY_REFERENCE[op](broadcastRead(a, index), broadcastRead(b, index));
            });
            expectIdentical(got, make(dtype === 'float32' ? Float32Array.from(want) : Float64Array.from(want), out));
          }
        });
      }
    });

    it('reductions agree with the JS kernels: max, min, argmax, argmin bit for bit; sum and logsumexp to rounding', () => {
      const shapes = [[0], [1], [7], [3, 0], [4, 1], [5, 67], [67, 5], [2, 9, 3], [3, 4, 5, 6]];
      for (const dtype of DTYPES) {
        shapes.forEach((shape, s) => {
          for (const specials of [false, true]) {
            const x = tensorOf(shape, 400 + s, dtype, specials);
            // Every contiguous block of axes, as the op layer hands them over.
            for (let first = 0; first < shape.length; first++) {
              for (let last = first; last < shape.length; last++) {
                const axes = Array.from({ length: last - first + 1 }, (_, i) => first + i);
                if (axes.some((ax) => shape[ax] === 0)) continue; // only sum allows empty axes (op layer)
                for (const op of REDUCE) {
                  const got = callWithoutMutation((t: Tensor) => k.reduce(op, t, axes), [x]);
                  const want = jsKernels.reduce(op, x, axes);
                  if (op === 'sum' || op === 'logsumexp') {
                    const scale = jsKernels.reduce(op === 'sum' ? 'sum' : 'max', jsKernels.unary('abs', x, 0), axes).data;
                    expect(got.shape).toEqual(want.shape);
                    expectNear(got, want.data, scale.map((v) => Math.max(v, 1)), tolerance(dtype));
                  } else expectIdentical(got, want);
                }
              }
            }
          }
        });
      }
    });

    it('sums over an empty axis give zeros of the right shape', () => {
      for (const dtype of DTYPES) expectIdentical(k.reduce('sum', tensorOf([3, 0, 2], 1, dtype), [1]), make(dtype === 'float32' ? new Float32Array(6) : new Float64Array(6), [3, 1, 2]));
    });

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

    it('where agrees with the JS kernel', () => {
      const cond = tensorOf([6, 1], 5, 'float64', true);
      const a = tensorOf([6, 7], 6, 'float64', true);
      const b = tensorOf([7], 7, 'float64', true);
      expectIdentical(k.where(cond, a, b, [6, 7]), jsKernels.where(cond, a, b, [6, 7]));
    });
  });
}

describe('kernel conformance: backends present', () => {
  it('registers js, threads where there are cores to share, and wasm where WebAssembly SIMD exists (Node 20 has it)', () => {
    expect([...backends().keys()]).toEqual(['js', ...(availableThreads() > 1 ? ['threads'] : []), 'wasm']);
    expect(runtime).toBeDefined();
  });
});
