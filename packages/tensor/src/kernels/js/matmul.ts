/**
 * The plain-JS matrix product kernel, C = op(A) · op(B) in all four transpose forms.
 *
 * Design (GotoBLAS / BLIS loop nest, scaled to what V8 does well):
 * - Large products are cut into blocks: kc = 256 steps of the inner dimension, mc = 128 rows
 *   of op(A) (a packed mc × kc block is 256 KiB, L2-resident), nc = 512 columns of op(B) (a
 *   packed kc × nc panel is 1 MiB). Each block is packed into contiguous float64 scratch
 *   (matmul-pack.ts), which also turns the four transpose forms into one layout.
 * - A 4 × 4 tile of C lives in 16 local doubles while the micro-kernel (matmul-micro.ts) streams
 *   a 4-row A micro-panel and a 4-column B micro-panel (8 KiB each, L1-resident): 8 loads per
 *   16 multiply-adds.
 * - Thin or tiny products (fewer than 4 rows or columns, or under 8³ multiply-adds) skip the
 *   packing and run direct loops (matmul-direct.ts): dot products when op(B)'s columns are
 *   contiguous, row updates over four rows of B at a time otherwise. (Padding a 1-row product
 *   to a 4-row tile would waste 3/4 of the work; above 8³ the packed path wins even at k = 1.)
 * - Every hot loop reads one typed-array type only (float32 and float64 paths are separate
 *   functions), so V8 keeps each access site monomorphic.
 *
 * Block sizes barely matter here (kc 128–512, mc 64–256, nc 256–1024 all measured within
 * noise): at ~3.5 GFLOP/s the micro-kernel is bound by V8's per-load bounds checks and the
 * spills of a 16-accumulator tile, not by memory. Unrolling its loop was ~10 % slower; 2 × 4,
 * 4 × 2, 3 × 4 and 4 × 8 tiles were no faster than 4 × 4.
 *
 * Precision: every sum is accumulated in float64 (JS numbers), also for float32 tensors, and
 * rounded to float32 once at the end; so a float32 result is usually the correctly rounded
 * value of the exact product of the float32 inputs, more accurate than tfjs, which accumulates
 * in float32. It costs no speed: JS arithmetic is float64 anyway.
 *
 * Scratch: the packed blocks reuse one module-level buffer whose size is bounded by the block
 * sizes above (at most 1.25 MiB); a float32 product also allocates one float64 m × n
 * accumulator per call.
 */
import type { TypedArray } from '../../core/tensor.js';
import { directDot32, directDot64, directRows32, directRows64 } from './matmul-direct.js';
import { MR, NR, microKernel } from './matmul-micro.js';
import { packA32, packA64, packB32, packB64 } from './matmul-pack.js';

/** Depth (inner-dimension) block: a kc × 4 micro-panel of either operand is 8 KiB. */
const KC = 256;
/** Rows of op(A) per packed block: mc × kc doubles = 256 KiB, to stay in L2. */
const MC = 128;
/** Columns of op(B) per packed panel: kc × nc doubles = 1 MiB. */
const NC = 512;
/** Below this many multiply-adds, packing costs more than it saves (measured: about 8³). */
const DIRECT_LIMIT = 512;

// Packed B panel then packed A block, reused between calls. Bounded by the block sizes: it never
// grows past (NC + MC)·KC doubles.
let packedScratch = new Float64Array(0);
const edgeTile = new Float64Array(MR * NR);

const scratch = (length: number): Float64Array =>
  packedScratch.length >= length ? packedScratch : (packedScratch = new Float64Array(length));

/** Splits `total` into ⌈total / limit⌉ nearly equal blocks and returns the block length. */
const blockLength = (total: number, limit: number, multiple: number): number => {
  const blocks = Math.ceil(total / limit);
  const length = Math.ceil(total / blocks);
  return Math.min(limit, Math.ceil(length / multiple) * multiple);
};

/**
 * Writes C = op(A) · op(B) into `out`, a fresh, zero-filled m × n array of the same dtype as
 * `a` and `b` (both Float64Array or both Float32Array). `a` holds A row-major as m × k, or as
 * k × m when `transposeA` (then op(A) = Aᵀ); `b` holds B as k × n, or n × k when `transposeB`.
 * Reads `a` and `b` only. Shapes are the caller's responsibility (the `matmul` op checks them).
 * Index arithmetic is int32 (`| 0`), so each array must hold fewer than 2³¹ elements (8 GiB of
 * float32).
 *
 * @param a - op(A)'s storage, `m * k` elements.
 * @param b - op(B)'s storage, `k * n` elements.
 * @param out - the result, `m * n` elements, zero on entry.
 * @param m - rows of op(A) and of C.
 * @param k - columns of op(A), rows of op(B).
 * @param n - columns of op(B) and of C.
 * @param transposeA - `a` stores Aᵀ (k × m).
 * @param transposeB - `b` stores Bᵀ (n × k).
 */
export function matmulInto(a: TypedArray, b: TypedArray, out: TypedArray, m: number, k: number, n: number, transposeA: boolean, transposeB: boolean): void {
  if (m === 0 || n === 0 || k === 0) return;
  if (m < MR || n < NR || m * n * k < DIRECT_LIMIT) {
    const rowStride = transposeA ? 1 : k;
    const depthStride = transposeA ? m : 1;
    // A single column of op(B) is contiguous whatever its flag says: take the dot-product loop.
    const dot = transposeB || n === 1;
    if (out instanceof Float32Array) {
      if (dot) directDot32(a as Float32Array, b as Float32Array, out, m, k, n, rowStride, depthStride);
      else directRows32(a as Float32Array, b as Float32Array, out, m, k, n, rowStride, depthStride);
    } else if (dot) directDot64(a as Float64Array, b as Float64Array, out, m, k, n, rowStride, depthStride);
    else directRows64(a as Float64Array, b as Float64Array, out, m, k, n, rowStride, depthStride);
    return;
  }
  if (out instanceof Float64Array) {
    blocked(a, b, out, m, k, n, transposeA, transposeB);
  } else {
    // Accumulate in float64 across all depth blocks; round to float32 once.
    const wide = new Float64Array(m * n);
    blocked(a, b, wide, m, k, n, transposeA, transposeB);
    out.set(wide);
  }
}

/** The blocked loop nest over packed blocks; `c` (m × n, row-major) is accumulated into. */
function blocked(a: TypedArray, b: TypedArray, c: Float64Array, m: number, k: number, n: number, transposeA: boolean, transposeB: boolean): void {
  const kcMax = blockLength(k, KC, 1);
  const mcMax = blockLength(m, MC, MR);
  const ncMax = blockLength(n, NC, NR);
  // B's panel first, then A's block, in one array (see microKernel).
  const aOffset = ncMax * kcMax;
  const packed = scratch(aOffset + mcMax * kcMax);
  for (let jc = 0; jc < n; jc += ncMax) {
    const nc = Math.min(ncMax, n - jc);
    for (let pc = 0; pc < k; pc += kcMax) {
      const kc = Math.min(kcMax, k - pc);
      if (b instanceof Float32Array) packB32(b, transposeB, k, n, pc, kc, jc, nc, packed, 0);
      else packB64(b, transposeB, k, n, pc, kc, jc, nc, packed, 0);
      for (let ic = 0; ic < m; ic += mcMax) {
        const mc = Math.min(mcMax, m - ic);
        if (a instanceof Float32Array) packA32(a, transposeA, m, k, ic, mc, pc, kc, packed, aOffset);
        else packA64(a, transposeA, m, k, ic, mc, pc, kc, packed, aOffset);
        macroKernel(packed, aOffset, c, mc, nc, kc, ic * n + jc, n);
      }
    }
  }
}

/** Runs the micro-kernel over every 4 × 4 tile of one mc × nc block of C. */
function macroKernel(packed: Float64Array, aOffset: number, c: Float64Array, mc: number, nc: number, kc: number, cOffset: number, ldc: number): void {
  for (let jr = 0; jr < nc; jr += NR) {
    const cols = Math.min(NR, nc - jr);
    for (let ir = 0; ir < mc; ir += MR) {
      const rows = Math.min(MR, mc - ir);
      const tile = cOffset + ir * ldc + jr;
      if (rows === MR && cols === NR) {
        microKernel(packed, aOffset + ir * kc, jr * kc, kc, c, tile, ldc);
      } else {
        // Edge tile: compute it whole into scratch, keep only the part inside C.
        edgeTile.fill(0);
        microKernel(packed, aOffset + ir * kc, jr * kc, kc, edgeTile, 0, NR);
        for (let i = 0; i < rows; i++) {
          for (let j = 0; j < cols; j++) c[tile + i * ldc + j] = c[tile + i * ldc + j]! + edgeTile[i * NR + j]!;
        }
      }
    }
  }
}
