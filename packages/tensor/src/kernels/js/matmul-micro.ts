/**
 * The register-tiled heart of the blocked matmul: one 4 × 4 tile of C accumulated in sixteen
 * local doubles over a packed A micro-panel and a packed B micro-panel.
 *
 * Index arithmetic is written `(i + 1) | 0` on purpose: the `| 0` tells V8 the sum is an
 * int32 that may wrap, so it drops an overflow check per load (the bounds check still guards
 * every access). Measured on V8 11 (Node 20) that is worth ~10–15 % here.
 */

/** Rows of the register tile (and of each packed A micro-panel). */
export const MR = 4;
/** Columns of the register tile (and of each packed B micro-panel). */
export const NR = 4;

/**
 * C[cOffset…, 4 × 4 with row stride ldc] += Ã · B̃ over `kc` steps, where Ã holds `kc` groups
 * of MR values of op(A) (one column of the 4-row micro-panel each) from `aOffset`, and B̃ holds
 * `kc` groups of NR values of op(B) (one row of the 4-column micro-panel each) from `bOffset`.
 * Both live in the one `packed` array: a single array keeps one map check and one base pointer
 * per step instead of two (measured ~7–15 % faster on V8 11).
 */
export function microKernel(
  packed: Float64Array,
  aOffset: number,
  bOffset: number,
  kc: number,
  c: Float64Array,
  cOffset: number,
  ldc: number,
): void {
  let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
  let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
  let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
  let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
  let ia = aOffset;
  let ib = bOffset;
  for (let p = 0; p < kc; p = (p + 1) | 0) {
    const a0 = packed[ia]!;
    const a1 = packed[(ia + 1) | 0]!;
    const a2 = packed[(ia + 2) | 0]!;
    const a3 = packed[(ia + 3) | 0]!;
    const b0 = packed[ib]!;
    const b1 = packed[(ib + 1) | 0]!;
    const b2 = packed[(ib + 2) | 0]!;
    const b3 = packed[(ib + 3) | 0]!;
    c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
    c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
    c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
    c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
    ia = (ia + 4) | 0;
    ib = (ib + 4) | 0;
  }
  let ci = cOffset;
  c[ci] = c[ci]! + c00; c[(ci + 1) | 0] = c[(ci + 1) | 0]! + c01; c[(ci + 2) | 0] = c[(ci + 2) | 0]! + c02; c[(ci + 3) | 0] = c[(ci + 3) | 0]! + c03;
  ci = (ci + ldc) | 0;
  c[ci] = c[ci]! + c10; c[(ci + 1) | 0] = c[(ci + 1) | 0]! + c11; c[(ci + 2) | 0] = c[(ci + 2) | 0]! + c12; c[(ci + 3) | 0] = c[(ci + 3) | 0]! + c13;
  ci = (ci + ldc) | 0;
  c[ci] = c[ci]! + c20; c[(ci + 1) | 0] = c[(ci + 1) | 0]! + c21; c[(ci + 2) | 0] = c[(ci + 2) | 0]! + c22; c[(ci + 3) | 0] = c[(ci + 3) | 0]! + c23;
  ci = (ci + ldc) | 0;
  c[ci] = c[ci]! + c30; c[(ci + 1) | 0] = c[(ci + 1) | 0]! + c31; c[(ci + 2) | 0] = c[(ci + 2) | 0]! + c32; c[(ci + 3) | 0] = c[(ci + 3) | 0]! + c33;
}
