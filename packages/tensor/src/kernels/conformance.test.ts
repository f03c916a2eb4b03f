// One kernel test suite, run against every registered backend (and the WebAssembly kernels
// with every size limit off, so that edge sizes 0, 1 and odd lengths run in WebAssembly too).
// Each backend is held against independent references (naive loops in float64) to 1e-12
// relative in float64 and 1e-5 in float32, and against the JS kernels, the reference backend,
// bit for bit wherever IEEE arithmetic makes the answer unique (NaN, ±0, ±∞ included).
// (The fused dense layers have their own file, conformance-dense.test.ts.)
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { callWithoutMutation } from '@theta/testing';
import { make, type DType, type Tensor } from '../core/tensor.js';
import { DTYPES, expectIdentical, expectNear, fusedSuites, naiveMatmul, runtime, SPECIALS, suites, tensorOf, tolerance } from '../test-support/kernels.js';
import { broadcastRead, unravel } from '../test-support/reference.js';
import { backends } from './backend.js';
import { jsKernels } from './js/index.js';
import type { BinaryOp, ReduceOp, UnaryOp } from './types.js';
import { availableThreads } from './workers/index.js';

const forms = [[false, false], [false, true], [true, false], [true, true]] as const;


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

    // A fused multiply-add rounds once where the JS kernel rounds twice: the relaxed build's bits
    // differ (it is held to the naive loop's bound above, and shown to fuse in runtime.test.ts).
    if (!fusedSuites.has(name)) {
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
    }

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
