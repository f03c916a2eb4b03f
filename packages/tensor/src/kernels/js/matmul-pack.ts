/**
 * Packing for the blocked matmul: copies a block of op(A) or op(B), in whichever of the four
 * storage layouts it arrives, into the one contiguous float64 layout the micro-kernel reads.
 * Packing is O(block) work against O(block × kc) arithmetic; it buys sequential, unit-stride
 * loads in the hot loop, one code path for all transpose forms, and float32 inputs widened to
 * float64 once instead of on every multiply-add.
 *
 * Each function is written twice (float64 and float32 sources) so that every typed-array load
 * site in V8 sees a single array type and stays monomorphic.
 */
import { MR, NR } from './matmul-micro.js';

/*
 * Layouts, from `offset` in `dst`. A block of op(A) (rows i0…i0+mc, columns p0…p0+kc) becomes
 * ⌈mc/MR⌉ micro-panels of kc × MR values: element (i0 + r + ii, p0 + p) lands at
 * r·kc + p·MR + ii for r a multiple of MR. A block of op(B) (rows p0…p0+kc, columns j0…j0+nc)
 * becomes ⌈nc/NR⌉ micro-panels of kc × NR values: element (p0 + p, j0 + s + jj) lands at
 * s·kc + p·NR + jj. Rows (columns) past the edge are zero, so the micro-kernel always runs full
 * tiles; their results are never stored.
 */

/** Packs the op(A) block from float64 storage; `a` is m × k, or k × m when transposed. */
export function packA64(a: Float64Array, transposed: boolean, m: number, k: number, i0: number, mc: number, p0: number, kc: number, dst: Float64Array, offset: number): void {
  for (let r = 0; r < mc; r += MR) {
    const rows = Math.min(MR, mc - r);
    const base = offset + r * kc;
    if (transposed) {
      // Column p of the micro-panel is MR consecutive values of row p0 + p of the stored A.
      for (let p = 0, d = base, s = p0 * m + i0 + r; p < kc; p++, d += MR, s += m) {
        for (let ii = 0; ii < rows; ii++) dst[d + ii] = a[s + ii]!;
        for (let ii = rows; ii < MR; ii++) dst[d + ii] = 0;
      }
    } else if (rows === MR) {
      // Four rows of the stored A read side by side, written as one stream.
      const s0 = (i0 + r) * k + p0;
      for (let p = 0, d = base, s = s0; p < kc; p++, d += MR, s++) {
        dst[d] = a[s]!;
        dst[d + 1] = a[s + k]!;
        dst[d + 2] = a[s + 2 * k]!;
        dst[d + 3] = a[s + 3 * k]!;
      }
    } else {
      for (let ii = 0; ii < MR; ii++) {
        const s0 = (i0 + r + ii) * k + p0;
        for (let p = 0, d = base + ii; p < kc; p++, d += MR) dst[d] = ii < rows ? a[s0 + p]! : 0;
      }
    }
  }
}

/** {@link packA64} for float32 storage. */
export function packA32(a: Float32Array, transposed: boolean, m: number, k: number, i0: number, mc: number, p0: number, kc: number, dst: Float64Array, offset: number): void {
  for (let r = 0; r < mc; r += MR) {
    const rows = Math.min(MR, mc - r);
    const base = offset + r * kc;
    if (transposed) {
      for (let p = 0, d = base, s = p0 * m + i0 + r; p < kc; p++, d += MR, s += m) {
        for (let ii = 0; ii < rows; ii++) dst[d + ii] = a[s + ii]!;
        for (let ii = rows; ii < MR; ii++) dst[d + ii] = 0;
      }
    } else if (rows === MR) {
      const s0 = (i0 + r) * k + p0;
      for (let p = 0, d = base, s = s0; p < kc; p++, d += MR, s++) {
        dst[d] = a[s]!;
        dst[d + 1] = a[s + k]!;
        dst[d + 2] = a[s + 2 * k]!;
        dst[d + 3] = a[s + 3 * k]!;
      }
    } else {
      for (let ii = 0; ii < MR; ii++) {
        const s0 = (i0 + r + ii) * k + p0;
        for (let p = 0, d = base + ii; p < kc; p++, d += MR) dst[d] = ii < rows ? a[s0 + p]! : 0;
      }
    }
  }
}

/** Packs the op(B) block from float64 storage; `b` is k × n, or n × k when transposed. */
export function packB64(b: Float64Array, transposed: boolean, k: number, n: number, p0: number, kc: number, j0: number, nc: number, dst: Float64Array, offset: number): void {
  for (let s = 0; s < nc; s += NR) {
    const cols = Math.min(NR, nc - s);
    const base = offset + s * kc;
    if (!transposed) {
      // Row p of the micro-panel is NR consecutive values of row p0 + p of the stored B.
      for (let p = 0, d = base, q = p0 * n + j0 + s; p < kc; p++, d += NR, q += n) {
        for (let jj = 0; jj < cols; jj++) dst[d + jj] = b[q + jj]!;
        for (let jj = cols; jj < NR; jj++) dst[d + jj] = 0;
      }
    } else if (cols === NR) {
      // Four rows of the stored Bᵀ read side by side, written as one stream.
      const q0 = (j0 + s) * k + p0;
      for (let p = 0, d = base, q = q0; p < kc; p++, d += NR, q++) {
        dst[d] = b[q]!;
        dst[d + 1] = b[q + k]!;
        dst[d + 2] = b[q + 2 * k]!;
        dst[d + 3] = b[q + 3 * k]!;
      }
    } else {
      for (let jj = 0; jj < NR; jj++) {
        const q0 = (j0 + s + jj) * k + p0;
        for (let p = 0, d = base + jj; p < kc; p++, d += NR) dst[d] = jj < cols ? b[q0 + p]! : 0;
      }
    }
  }
}

/** {@link packB64} for float32 storage. */
export function packB32(b: Float32Array, transposed: boolean, k: number, n: number, p0: number, kc: number, j0: number, nc: number, dst: Float64Array, offset: number): void {
  for (let s = 0; s < nc; s += NR) {
    const cols = Math.min(NR, nc - s);
    const base = offset + s * kc;
    if (!transposed) {
      for (let p = 0, d = base, q = p0 * n + j0 + s; p < kc; p++, d += NR, q += n) {
        for (let jj = 0; jj < cols; jj++) dst[d + jj] = b[q + jj]!;
        for (let jj = cols; jj < NR; jj++) dst[d + jj] = 0;
      }
    } else if (cols === NR) {
      const q0 = (j0 + s) * k + p0;
      for (let p = 0, d = base, q = q0; p < kc; p++, d += NR, q++) {
        dst[d] = b[q]!;
        dst[d + 1] = b[q + k]!;
        dst[d + 2] = b[q + 2 * k]!;
        dst[d + 3] = b[q + 3 * k]!;
      }
    } else {
      for (let jj = 0; jj < NR; jj++) {
        const q0 = (j0 + s + jj) * k + p0;
        for (let p = 0, d = base + jj; p < kc; p++, d += NR) dst[d] = jj < cols ? b[q0 + p]! : 0;
      }
    }
  }
}
