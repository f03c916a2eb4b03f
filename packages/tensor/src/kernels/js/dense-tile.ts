/**
 * Small products for the fused dense backward, straight from row-major storage without
 * packing: out[r, s] = Σ_t A(r, t) · B(t, s), with A(r, t) = a[r·ar + t·at] (any strides: δ or
 * δᵀ) and B(t, s) = b[t·ldb + s] (rows of X or W, contiguous along s). A 4 × 4 register tile
 * reads 4 values of A and 4 contiguous values of B per step — 8 loads per 16 multiply-adds,
 * as the packed micro-kernel, without the packing that dominates small layers. Edges fall back
 * to single sums. Sums are float64; a float32 result is rounded once, on store.
 *
 * Written twice (float64 and float32 storage) so each typed-array access stays monomorphic.
 */

/** The product into `out` ([rows, cols], fresh), float64 storage. */
export function tile64(a: Float64Array, ar: number, at: number, b: Float64Array, ldb: number, out: Float64Array, rows: number, depth: number, cols: number): void {
  const R4 = rows - (rows % 4);
  const S4 = cols - (cols % 4);
  for (let r = 0; r < R4; r += 4) {
    const a0 = r * ar, a1 = a0 + ar, a2 = a1 + ar, a3 = a2 + ar;
    for (let s = 0; s < S4; s += 4) {
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
      let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
      let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
      for (let t = 0, ta = 0, tb = s; t < depth; t = (t + 1) | 0, ta = (ta + at) | 0, tb = (tb + ldb) | 0) {
        const x0 = a[(a0 + ta) | 0]!, x1 = a[(a1 + ta) | 0]!, x2 = a[(a2 + ta) | 0]!, x3 = a[(a3 + ta) | 0]!;
        const y0 = b[tb]!, y1 = b[(tb + 1) | 0]!, y2 = b[(tb + 2) | 0]!, y3 = b[(tb + 3) | 0]!;
        c00 += x0 * y0; c01 += x0 * y1; c02 += x0 * y2; c03 += x0 * y3;
        c10 += x1 * y0; c11 += x1 * y1; c12 += x1 * y2; c13 += x1 * y3;
        c20 += x2 * y0; c21 += x2 * y1; c22 += x2 * y2; c23 += x2 * y3;
        c30 += x3 * y0; c31 += x3 * y1; c32 += x3 * y2; c33 += x3 * y3;
      }
      let o = r * cols + s;
      out[o] = c00; out[o + 1] = c01; out[o + 2] = c02; out[o + 3] = c03;
      o += cols;
      out[o] = c10; out[o + 1] = c11; out[o + 2] = c12; out[o + 3] = c13;
      o += cols;
      out[o] = c20; out[o + 1] = c21; out[o + 2] = c22; out[o + 3] = c23;
      o += cols;
      out[o] = c30; out[o + 1] = c31; out[o + 2] = c32; out[o + 3] = c33;
    }
  }
  // Edges: the last cols % 4 columns of the tiled rows, then the last rows % 4 rows whole.
  for (let r = 0; r < rows; r++) {
    for (let s = r < R4 ? S4 : 0; s < cols; s++) {
      let sum = 0;
      for (let t = 0; t < depth; t++) sum += a[r * ar + t * at]! * b[t * ldb + s]!;
      out[r * cols + s] = sum;
    }
  }
}

/** The product into `out` ([rows, cols], fresh), float32 storage (rounded once, on store). */
export function tile32(a: Float32Array, ar: number, at: number, b: Float32Array, ldb: number, out: Float32Array, rows: number, depth: number, cols: number): void {
  const R4 = rows - (rows % 4);
  const S4 = cols - (cols % 4);
  for (let r = 0; r < R4; r += 4) {
    const a0 = r * ar, a1 = a0 + ar, a2 = a1 + ar, a3 = a2 + ar;
    for (let s = 0; s < S4; s += 4) {
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
      let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
      let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
      for (let t = 0, ta = 0, tb = s; t < depth; t = (t + 1) | 0, ta = (ta + at) | 0, tb = (tb + ldb) | 0) {
        const x0 = a[(a0 + ta) | 0]!, x1 = a[(a1 + ta) | 0]!, x2 = a[(a2 + ta) | 0]!, x3 = a[(a3 + ta) | 0]!;
        const y0 = b[tb]!, y1 = b[(tb + 1) | 0]!, y2 = b[(tb + 2) | 0]!, y3 = b[(tb + 3) | 0]!;
        c00 += x0 * y0; c01 += x0 * y1; c02 += x0 * y2; c03 += x0 * y3;
        c10 += x1 * y0; c11 += x1 * y1; c12 += x1 * y2; c13 += x1 * y3;
        c20 += x2 * y0; c21 += x2 * y1; c22 += x2 * y2; c23 += x2 * y3;
        c30 += x3 * y0; c31 += x3 * y1; c32 += x3 * y2; c33 += x3 * y3;
      }
      let o = r * cols + s;
      out[o] = c00; out[o + 1] = c01; out[o + 2] = c02; out[o + 3] = c03;
      o += cols;
      out[o] = c10; out[o + 1] = c11; out[o + 2] = c12; out[o + 3] = c13;
      o += cols;
      out[o] = c20; out[o + 1] = c21; out[o + 2] = c22; out[o + 3] = c23;
      o += cols;
      out[o] = c30; out[o + 1] = c31; out[o + 2] = c32; out[o + 3] = c33;
    }
  }
  // Edges: the last cols % 4 columns of the tiled rows, then the last rows % 4 rows whole.
  for (let r = 0; r < rows; r++) {
    for (let s = r < R4 ? S4 : 0; s < cols; s++) {
      let sum = 0;
      for (let t = 0; t < depth; t++) sum += a[r * ar + t * at]! * b[t * ldb + s]!;
      out[r * cols + s] = sum;
    }
  }
}
