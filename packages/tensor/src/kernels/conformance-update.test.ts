// The per-parameter passes of a training step (scaledAdd, allFinite) on every backend, and on
// the WebAssembly kernels with the size limit off (so lengths 0–8 and odd tails run there too),
// held bit for bit against naive loops written here: base + fround(factor·x) in float32 (the
// product in float64), base + factor·x in float64 — IEEE makes each result unique.
import { describe, expect, it } from 'vitest';
import { callWithoutMutation } from '@theta/testing';
import { make, type DType, type Tensor } from '../core/tensor.js';
import { backends } from './backend.js';
import type { Kernels } from './types.js';
import { wasmKernels } from './wasm/kernels.js';
import { instantiateSync } from './wasm/runtime.js';

const runtime = instantiateSync();
const suites: [string, Kernels][] = [...backends()];
if (runtime !== undefined) suites.push(['wasm, no size limits', wasmKernels(runtime, { matmul: 0, elementwise: 0, transcendental: true, update: 0 })]);

const SPECIALS = [NaN, Infinity, -Infinity, 0, -0, 1e-40, -1e-310, 3.4e38, -1.7e308, 0.1];
const LENGTHS = [0, 1, 2, 3, 4, 5, 7, 8, 9, 31, 1023, 1024, 1025, 4099];

/** Deterministic values (an LCG) of `dtype`; every `every`-th one a special value. */
function data(n: number, seed: number, dtype: DType, every = 0): Tensor {
  const out = dtype === 'float32' ? new Float32Array(n) : new Float64Array(n);
  let s = (seed >>> 0) || 1;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = every > 0 && i % every === every - 1 ? SPECIALS[(s >>> 8) % SPECIALS.length]! : (s / 2 ** 31 - 1) * 3;
  }
  return make(out, [n]);
}

/** The reference step, one element at a time. */
function naiveScaledAdd(base: Tensor, x: Tensor, factor: number): number[] {
  const f32 = base.dtype === 'float32';
  return Array.from(base.data, (b, i) => {
    const product = factor * (x.data[i] as number);
    return f32 ? Math.fround(b + Math.fround(product)) : b + product;
  });
}

for (const [name, k] of suites) {
  describe(`${name}: training-step passes`, () => {
    for (const dtype of ['float64', 'float32'] as const) {
      it(`scaledAdd, ${dtype}: the naive step bit for bit, every length, NaN/±∞/−0/subnormals included, inputs untouched`, () => {
        for (const n of LENGTHS) {
          for (const factor of [-0.05, 1e-3 / 3, -1, 0, 2.5e10]) {
            const base = data(n, n + 1, dtype, 7);
            const x = data(n, n + 2, dtype, 5);
            const got = callWithoutMutation(k.scaledAdd.bind(k), [base, x, factor]);
            expect(got.dtype).toBe(dtype);
            expect(got.shape).toEqual([n]);
            const want = naiveScaledAdd(base, x, factor);
            got.data.forEach((v, i) => {
              if (!Object.is(v, want[i])) expect.fail(`n = ${n}, factor ${factor}, entry ${i}: ${v} vs ${want[i]}`);
            });
          }
        }
      });

      it(`allFinite, ${dtype}: agrees with a naive scan, one non-finite value at any position`, () => {
        for (const n of LENGTHS) {
          const clean = data(n, n + 3, dtype);
          expect(k.allFinite(clean)).toBe(true);
          // Huge finite values are finite: v · 0 must not overflow into a false alarm.
          const huge = make(clean.data.map((v, i) => (i % 2 === 0 ? (dtype === 'float32' ? 3.4e38 : 1.7e308) : -v)), [n]);
          expect(k.allFinite(huge)).toBe(true);
          for (const position of n === 0 ? [] : [0, n - 1, Math.floor(n / 2)]) {
            for (const bad of [NaN, Infinity, -Infinity]) {
              const copy = clean.data.slice();
              copy[position] = bad;
              expect(k.allFinite(make(copy, [n]))).toBe(false);
            }
          }
        }
      });
    }
  });
}
