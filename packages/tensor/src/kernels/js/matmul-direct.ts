/**
 * Direct loops for thin and tiny products (fewer than 4 rows or columns, or a handful of
 * multiply-adds), where packing into tiles would cost more than it saves. `rowStride` and
 * `depthStride` locate op(A)[i, p] at `a[i·rowStride + p·depthStride]`, which covers both A and
 * Aᵀ storage; op(B) is read along its contiguous direction.
 *
 * Each loop is written twice (float64 and float32 storage) so that every typed-array access
 * site stays monomorphic in V8: one shared copy measured ~30 % slower once both dtypes ran.
 */

/** Direct loops when op(B)'s columns are contiguous: each C entry is a dot product. */
export function directDot64(a: Float64Array, b: Float64Array, out: Float64Array, m: number, k: number, n: number, rowStride: number, depthStride: number): void {
  for (let i = 0; i < m; i++) {
    const a0 = i * rowStride;
    for (let j = 0; j < n; j++) {
      const b0 = j * k;
      // Four partial sums hide the latency of the floating-point adds.
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      let p = 0;
      if (depthStride === 1) {
        for (; p + 3 < k; p = (p + 4) | 0) {
          const x = (a0 + p) | 0;
          const y = (b0 + p) | 0;
          s0 += a[x]! * b[y]!;
          s1 += a[(x + 1) | 0]! * b[(y + 1) | 0]!;
          s2 += a[(x + 2) | 0]! * b[(y + 2) | 0]!;
          s3 += a[(x + 3) | 0]! * b[(y + 3) | 0]!;
        }
      }
      for (; p < k; p++) s0 += a[a0 + p * depthStride]! * b[b0 + p]!;
      out[i * n + j] = s0 + s1 + (s2 + s3);
    }
  }
}

/** Direct loops when op(B)'s rows are contiguous: C[i, :] = Σ_p op(A)[i, p] · B[p, :]. */
export function directRows64(a: Float64Array, b: Float64Array, out: Float64Array, m: number, k: number, n: number, rowStride: number, depthStride: number): void {
  for (let i = 0; i < m; i++) {
    const a0 = i * rowStride;
    const o = i * n;
    let p = 0;
    // Four rows of B per pass: one load and one store of the C row per four multiply-adds.
    for (; p + 3 < k; p += 4) {
      const x0 = a[a0 + p * depthStride]!;
      const x1 = a[a0 + (p + 1) * depthStride]!;
      const x2 = a[a0 + (p + 2) * depthStride]!;
      const x3 = a[a0 + (p + 3) * depthStride]!;
      const q0 = p * n;
      const q1 = q0 + n;
      const q2 = q1 + n;
      const q3 = q2 + n;
      for (let j = 0; j < n; j = (j + 1) | 0) {
        const c = (o + j) | 0;
        out[c] = out[c]! + x0 * b[(q0 + j) | 0]! + x1 * b[(q1 + j) | 0]! + x2 * b[(q2 + j) | 0]! + x3 * b[(q3 + j) | 0]!;
      }
    }
    for (; p < k; p++) {
      const x = a[a0 + p * depthStride]!;
      const q = p * n;
      for (let j = 0; j < n; j = (j + 1) | 0) out[(o + j) | 0] = out[(o + j) | 0]! + x * b[(q + j) | 0]!;
    }
  }
}

/** {@link directDot64} for float32 storage (sums still in float64). */
export function directDot32(a: Float32Array, b: Float32Array, out: Float32Array, m: number, k: number, n: number, rowStride: number, depthStride: number): void {
  for (let i = 0; i < m; i++) {
    const a0 = i * rowStride;
    for (let j = 0; j < n; j++) {
      const b0 = j * k;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      let p = 0;
      if (depthStride === 1) {
        for (; p + 3 < k; p = (p + 4) | 0) {
          const x = (a0 + p) | 0;
          const y = (b0 + p) | 0;
          s0 += a[x]! * b[y]!;
          s1 += a[(x + 1) | 0]! * b[(y + 1) | 0]!;
          s2 += a[(x + 2) | 0]! * b[(y + 2) | 0]!;
          s3 += a[(x + 3) | 0]! * b[(y + 3) | 0]!;
        }
      }
      for (; p < k; p++) s0 += a[a0 + p * depthStride]! * b[b0 + p]!;
      out[i * n + j] = s0 + s1 + (s2 + s3);
    }
  }
}

/** {@link directRows64} for float32 storage: each C row is summed in a float64 row first. */
export function directRows32(a: Float32Array, b: Float32Array, out: Float32Array, m: number, k: number, n: number, rowStride: number, depthStride: number): void {
  const row = new Float64Array(n);
  for (let i = 0; i < m; i++) {
    row.fill(0);
    const a0 = i * rowStride;
    let p = 0;
    for (; p + 3 < k; p += 4) {
      const x0 = a[a0 + p * depthStride]!;
      const x1 = a[a0 + (p + 1) * depthStride]!;
      const x2 = a[a0 + (p + 2) * depthStride]!;
      const x3 = a[a0 + (p + 3) * depthStride]!;
      const q0 = p * n;
      const q1 = q0 + n;
      const q2 = q1 + n;
      const q3 = q2 + n;
      for (let j = 0; j < n; j = (j + 1) | 0) {
        row[j] = row[j]! + x0 * b[(q0 + j) | 0]! + x1 * b[(q1 + j) | 0]! + x2 * b[(q2 + j) | 0]! + x3 * b[(q3 + j) | 0]!;
      }
    }
    for (; p < k; p++) {
      const x = a[a0 + p * depthStride]!;
      const q = p * n;
      for (let j = 0; j < n; j = (j + 1) | 0) row[j] = row[j]! + x * b[(q + j) | 0]!;
    }
    out.set(row, i * n);
  }
}
