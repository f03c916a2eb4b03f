/**
 * The fused dense forward kernel: Z = X Wᵀ + b and A = σ(Z) for X [N, k], W [n, k], b [n].
 *
 * Two paths, chosen by size:
 * - Small layers (the 2-50-50-1 networks, where per-call overhead is the cost): one pass.
 *   A 4 × 4 register tile of Z is summed in float64 straight from four rows of X and four rows
 *   of W — both contiguous along k, since W is stored [n, k], so Wᵀ needs no packing — the bias
 *   is added as the tile is stored, and σ is applied to each row of Z while it is still in L1.
 *   Z and A are the only arrays allocated.
 * - Large layers: the backend's own matmul (the packed, register-tiled one here, the SIMD one in
 *   the WebAssembly backend, which composes this kernel with its matmul), whose fresh result
 *   becomes Z as the bias is added in place; σ follows row by row in the same pass. A backend
 *   whose elementwise kernels are faster than a scalar JS pass (wasm SIMD) runs this epilogue
 *   on them instead (dense-composed.ts), until it fuses the whole layer natively.
 *
 * Float32: the small path rounds Z once (from the float64 sum plus the bias); the large path
 * rounds the product, then Z — as the unfused ops do. A is σ of the stored Z in both.
 */
import { allocate, make, type Tensor } from '../../core/tensor.js';
import type { DenseActivation, DenseValues, Kernels } from '../types.js';
import { activateRange } from './dense-activation.js';
import { composedEpilogue } from './dense-composed.js';

/** Which of the backend's kernels are the plain-JS siblings of this file. */
export interface BackendParts {
  /** `matmul` is the plain-JS one. */
  readonly matmul: boolean;
  /** `unary`, `binary` and `reduce` are the plain-JS ones. */
  readonly elementwise: boolean;
}

/**
 * Below this many multiply-adds (or with fewer than 4 rows or outputs) the unpacked tile loop
 * is as fast as packing for the blocked matmul or faster (measured on V8 11, shared 2-core
 * Xeon: 32 × 50 × 50 and 16 × 100 × 100 1.0–1.5× the speed of blocked + epilogue across runs,
 * 64 × 128 × 64 a tie), and it needs no scratch. Above it the backend's matmul runs.
 */
export const DENSE_DIRECT_LIMIT = 1 << 17;

/** Below this many multiply-adds no matmul beats the direct loop (the JS matmul's own limit). */
const TINY = 512;

/**
 * Z = X Wᵀ + b, A = σ(Z); `backend` supplies the matmul of the large path. `own` says which of
 * its kernels are plain JS: only with the JS matmul does the unpacked tile win up to
 * {@link DENSE_DIRECT_LIMIT}; a faster (SIMD) matmul takes every layer but the thin and the tiny.
 */
export function denseForward(backend: Kernels, own: BackendParts, x: Tensor, w: Tensor, b: Tensor, activation: DenseActivation, alpha: number): DenseValues {
  const [N, k] = x.shape as [number, number];
  const n = w.shape[0] as number;
  const shape = Object.freeze([N, n]);
  let zData;
  if (N * n * k < (own.matmul ? DENSE_DIRECT_LIMIT : TINY) || N < 4 || n < 4) {
    zData = allocate(x.dtype, N * n);
    if (zData instanceof Float64Array) direct64(x.data as Float64Array, w.data as Float64Array, b.data as Float64Array, zData, N, k, n);
    else direct32(x.data as Float32Array, w.data as Float32Array, b.data as Float32Array, zData, N, k, n);
  } else {
    const c = backend.matmul(x, w, false, true);
    // A backend with faster elementwise kernels of its own runs the epilogue on them.
    if (!own.elementwise) return composedEpilogue(backend, c, b, activation, alpha);
    // A fresh product that nobody else holds yet: it becomes Z.
    zData = c.data;
    addBias(zData, b.data, N, n);
  }
  const z = make(zData, shape);
  if (activation === 'identity') return { z, a: z };
  const aData = allocate(x.dtype, N * n);
  // One row at a time, while the row of Z is hot.
  for (let o = 0; o < N * n; o += n) activateRange(activation, alpha, zData, aData, o, o + n);
  return { z, a: make(aData, shape) };
}

/** z[i, j] += b[j], in place, on a fresh product. */
function addBias(z: Float64Array | Float32Array, b: Float64Array | Float32Array, N: number, n: number): void {
  for (let o = 0; o < N * n; o += n) {
    for (let j = 0; j < n; j = (j + 1) | 0) z[(o + j) | 0] = z[(o + j) | 0]! + b[j]!;
  }
}

/**
 * The one-pass small path, float64: 4 × 4 tiles of Z, each sixteen dot products of four rows of
 * X with four rows of W read in place (both contiguous along k, so no packing), 8 loads per 16
 * multiply-adds; the edges fall back to single dot products. The bias is added as Z is stored.
 */
function direct64(x: Float64Array, w: Float64Array, b: Float64Array, z: Float64Array, N: number, k: number, n: number): void {
  const N4 = N - (N % 4);
  const n4 = n - (n % 4);
  for (let i = 0; i < N4; i += 4) {
    const xa = i * k, xb = xa + k, xc = xb + k, xd = xc + k;
    for (let j = 0; j < n4; j += 4) {
      const wa = j * k, wb = wa + k, wc = wb + k, wd = wc + k;
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
      let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
      let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
      for (let p = 0; p < k; p = (p + 1) | 0) {
        const x0 = x[(xa + p) | 0]!, x1 = x[(xb + p) | 0]!, x2 = x[(xc + p) | 0]!, x3 = x[(xd + p) | 0]!;
        const w0 = w[(wa + p) | 0]!, w1 = w[(wb + p) | 0]!, w2 = w[(wc + p) | 0]!, w3 = w[(wd + p) | 0]!;
        c00 += x0 * w0; c01 += x0 * w1; c02 += x0 * w2; c03 += x0 * w3;
        c10 += x1 * w0; c11 += x1 * w1; c12 += x1 * w2; c13 += x1 * w3;
        c20 += x2 * w0; c21 += x2 * w1; c22 += x2 * w2; c23 += x2 * w3;
        c30 += x3 * w0; c31 += x3 * w1; c32 += x3 * w2; c33 += x3 * w3;
      }
      const b0 = b[j]!, b1 = b[j + 1]!, b2 = b[j + 2]!, b3 = b[j + 3]!;
      let o = i * n + j;
      z[o] = c00 + b0; z[o + 1] = c01 + b1; z[o + 2] = c02 + b2; z[o + 3] = c03 + b3;
      o += n;
      z[o] = c10 + b0; z[o + 1] = c11 + b1; z[o + 2] = c12 + b2; z[o + 3] = c13 + b3;
      o += n;
      z[o] = c20 + b0; z[o + 1] = c21 + b1; z[o + 2] = c22 + b2; z[o + 3] = c23 + b3;
      o += n;
      z[o] = c30 + b0; z[o + 1] = c31 + b1; z[o + 2] = c32 + b2; z[o + 3] = c33 + b3;
    }
    for (let r = i; r < i + 4; r++) dots64(x, w, b, z, r, n4, n, k, n);
  }
  for (let r = N4; r < N; r++) dots64(x, w, b, z, r, 0, n, k, n);
}

/** Z[r, j] = X[r, :] · W[j, :] + b[j] for j0 ≤ j < j1, four partial sums each. */
function dots64(x: Float64Array, w: Float64Array, b: Float64Array, z: Float64Array, r: number, j0: number, j1: number, k: number, n: number): void {
  const x0 = r * k;
  for (let j = j0; j < j1; j++) {
    const w0 = j * k;
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    let p = 0;
    for (; p + 3 < k; p = (p + 4) | 0) {
      const u = (x0 + p) | 0;
      const v = (w0 + p) | 0;
      s0 += x[u]! * w[v]!;
      s1 += x[(u + 1) | 0]! * w[(v + 1) | 0]!;
      s2 += x[(u + 2) | 0]! * w[(v + 2) | 0]!;
      s3 += x[(u + 3) | 0]! * w[(v + 3) | 0]!;
    }
    for (; p < k; p++) s0 += x[x0 + p]! * w[w0 + p]!;
    z[r * n + j] = s0 + s1 + (s2 + s3) + b[j]!;
  }
}

/**
 * The one-pass small path, float32 (sums in float64, Z rounded once): 4 × 4 tiles of Z, each sixteen dot products of four rows of
 * X with four rows of W read in place (both contiguous along k, so no packing), 8 loads per 16
 * multiply-adds; the edges fall back to single dot products. The bias is added as Z is stored.
 */
function direct32(x: Float32Array, w: Float32Array, b: Float32Array, z: Float32Array, N: number, k: number, n: number): void {
  const N4 = N - (N % 4);
  const n4 = n - (n % 4);
  for (let i = 0; i < N4; i += 4) {
    const xa = i * k, xb = xa + k, xc = xb + k, xd = xc + k;
    for (let j = 0; j < n4; j += 4) {
      const wa = j * k, wb = wa + k, wc = wb + k, wd = wc + k;
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
      let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
      let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
      for (let p = 0; p < k; p = (p + 1) | 0) {
        const x0 = x[(xa + p) | 0]!, x1 = x[(xb + p) | 0]!, x2 = x[(xc + p) | 0]!, x3 = x[(xd + p) | 0]!;
        const w0 = w[(wa + p) | 0]!, w1 = w[(wb + p) | 0]!, w2 = w[(wc + p) | 0]!, w3 = w[(wd + p) | 0]!;
        c00 += x0 * w0; c01 += x0 * w1; c02 += x0 * w2; c03 += x0 * w3;
        c10 += x1 * w0; c11 += x1 * w1; c12 += x1 * w2; c13 += x1 * w3;
        c20 += x2 * w0; c21 += x2 * w1; c22 += x2 * w2; c23 += x2 * w3;
        c30 += x3 * w0; c31 += x3 * w1; c32 += x3 * w2; c33 += x3 * w3;
      }
      const b0 = b[j]!, b1 = b[j + 1]!, b2 = b[j + 2]!, b3 = b[j + 3]!;
      let o = i * n + j;
      z[o] = c00 + b0; z[o + 1] = c01 + b1; z[o + 2] = c02 + b2; z[o + 3] = c03 + b3;
      o += n;
      z[o] = c10 + b0; z[o + 1] = c11 + b1; z[o + 2] = c12 + b2; z[o + 3] = c13 + b3;
      o += n;
      z[o] = c20 + b0; z[o + 1] = c21 + b1; z[o + 2] = c22 + b2; z[o + 3] = c23 + b3;
      o += n;
      z[o] = c30 + b0; z[o + 1] = c31 + b1; z[o + 2] = c32 + b2; z[o + 3] = c33 + b3;
    }
    for (let r = i; r < i + 4; r++) dots32(x, w, b, z, r, n4, n, k, n);
  }
  for (let r = N4; r < N; r++) dots32(x, w, b, z, r, 0, n, k, n);
}

/** Z[r, j] = X[r, :] · W[j, :] + b[j] for j0 ≤ j < j1, four partial sums each. */
function dots32(x: Float32Array, w: Float32Array, b: Float32Array, z: Float32Array, r: number, j0: number, j1: number, k: number, n: number): void {
  const x0 = r * k;
  for (let j = j0; j < j1; j++) {
    const w0 = j * k;
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    let p = 0;
    for (; p + 3 < k; p = (p + 4) | 0) {
      const u = (x0 + p) | 0;
      const v = (w0 + p) | 0;
      s0 += x[u]! * w[v]!;
      s1 += x[(u + 1) | 0]! * w[(v + 1) | 0]!;
      s2 += x[(u + 2) | 0]! * w[(v + 2) | 0]!;
      s3 += x[(u + 3) | 0]! * w[(v + 3) | 0]!;
    }
    for (; p < k; p++) s0 += x[x0 + p]! * w[w0 + p]!;
    z[r * n + j] = s0 + s1 + (s2 + s3) + b[j]!;
  }
}
