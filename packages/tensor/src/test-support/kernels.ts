// The backends every kernel conformance test runs against, and the tensors and checks they
// share (test-only: conformance.test.ts, conformance-dense.test.ts).
import { expect } from 'vitest';
import { make, type DType, type Tensor } from '../core/tensor.js';
import { backends } from '../kernels/backend.js';
import type { Kernels } from '../kernels/types.js';
import { wasmKernels } from '../kernels/wasm/kernels.js';
import { instantiateSync } from '../kernels/wasm/runtime.js';
export const runtime = instantiateSync();
export const suites: [string, Kernels][] = [...backends()];
if (runtime !== undefined) suites.push(['wasm, no size limits', wasmKernels(runtime, { matmul: 0, elementwise: 0, transcendental: true, update: 0 })]);
// The other build of the WebAssembly kernels, where it runs (the tests run with relaxed SIMD on).
const other = runtime === undefined ? undefined : instantiateSync(runtime.variant === 'relaxed' ? 'simd' : 'relaxed');
if (other !== undefined) suites.push([`wasm, ${other.variant} build`, wasmKernels(other)]);
/** The suites whose matmul runs the `relaxed` build (fused multiply-adds: other roundings than the JS kernel's). */
export const fusedSuites: ReadonlySet<string> = new Set([
  ...(runtime?.variant === 'relaxed' ? ['wasm', 'threads', 'wasm, no size limits'] : []),
  ...(other?.variant === 'relaxed' ? ['wasm, relaxed build'] : []),
]);

export const DTYPES: readonly DType[] = ['float64', 'float32'];
export const tolerance = (dtype: DType): number => (dtype === 'float64' ? 1e-12 : 1e-5);
export const SPECIALS = [NaN, Infinity, -Infinity, 0, -0, 1, -1, 0.5, -2.5, 1e-300, -1e-300, 30, -30, 800, -800];

/** Deterministic values in [−scale, scale) (an LCG), with specials mixed in when asked. */
export function tensorOf(shape: readonly number[], seed: number, dtype: DType, specials = false, scale = 2): Tensor {
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
export function expectIdentical(got: Tensor, want: Tensor): void {
  expect(got.shape).toEqual(want.shape);
  expect(got.dtype).toBe(want.dtype);
  const g = Array.from(got.data);
  const w = Array.from(want.data);
  g.forEach((v, i) => {
    if (!Object.is(v, w[i])) expect.fail(`entry ${i}: ${v} vs ${w[i]}`);
  });
}

/** |got − want| ≤ rtol·scale for each entry (scale ≥ |want|), same NaN and infinity positions. */
export function expectNear(got: Tensor, want: ArrayLike<number>, scale: ArrayLike<number>, rtol: number): void {
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

/** The naive matmul in float64, and Σ|a·b| per entry (the scale of any summation's rounding). */
export function naiveMatmul(a: Tensor, b: Tensor, m: number, k: number, n: number, ta: boolean, tb: boolean) {
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
