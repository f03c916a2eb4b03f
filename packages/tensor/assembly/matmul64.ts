// float64 matmul, C = op(A) · op(B), with f64x2 SIMD: the BLIS loop nest of the JS kernel
// (src/kernels/js/matmul.ts), with a 4 × 4 register tile held in eight f64x2 accumulators.
import { blockLength, imin, madd64 } from './blocking';

/** Rows of the register tile (and of each packed A micro-panel). */
const MR: i32 = 4;
/** Columns of the register tile (and of each packed B micro-panel). */
const NR: i32 = 4;
/** Depth block: a kc × 4 micro-panel of either operand is 8 KiB, L1-resident. */
const KC: i32 = 256;
/** Rows of op(A) per packed block: mc × kc doubles = 192 KiB, L2-resident. */
const MC: i32 = 96;
/** Columns of op(B) per packed panel: kc × nc doubles = 1 MiB. */
const NC: i32 = 512;

/** Bytes of scratch the kernel needs at most: packed B panel, packed A block, one edge tile. */
export const SCRATCH64: i32 = (NC + MC) * KC * 8 + MR * NR * 8;

/** Copies `kc` groups of `width` ≤ 4 consecutive doubles (group p at src + p·stride) as groups of 4, zero-padded. */
function packContiguous(src: usize, stride: usize, kc: i32, width: i32, dst: usize): void {
  if (width == 4) {
    for (let p = 0; p < kc; p++) {
      v128.store(dst, v128.load(src));
      v128.store(dst, v128.load(src, 16), 16);
      src += stride << 3;
      dst += 32;
    }
    return;
  }
  for (let p = 0; p < kc; p++) {
    for (let w = 0; w < 4; w++) store<f64>(dst + (<usize>w << 3), w < width ? load<f64>(src + (<usize>w << 3)) : 0.0);
    src += stride << 3;
    dst += 32;
  }
}

/** Gathers `width` ≤ 4 lines (line w at src + w·stride, read for kc steps) into groups of 4 per step, zero-padded. */
function packStrided(src: usize, stride: usize, kc: i32, width: i32, dst: usize): void {
  const s = stride << 3;
  if (width == 4) {
    let p = 0;
    // Two steps at a time: a 4 × 2 block transposed with two shuffles per pair of lines.
    for (; p + 1 < kc; p += 2) {
      const x0 = v128.load(src);
      const x1 = v128.load(src + s);
      const x2 = v128.load(src + 2 * s);
      const x3 = v128.load(src + 3 * s);
      v128.store(dst, f64x2.shuffle(x0, x1, 0, 2));
      v128.store(dst, f64x2.shuffle(x2, x3, 0, 2), 16);
      v128.store(dst, f64x2.shuffle(x0, x1, 1, 3), 32);
      v128.store(dst, f64x2.shuffle(x2, x3, 1, 3), 48);
      src += 16;
      dst += 64;
    }
    if (p < kc) {
      store<f64>(dst, load<f64>(src));
      store<f64>(dst, load<f64>(src + s), 8);
      store<f64>(dst, load<f64>(src + 2 * s), 16);
      store<f64>(dst, load<f64>(src + 3 * s), 24);
    }
    return;
  }
  for (let p = 0; p < kc; p++) {
    for (let w = 0; w < 4; w++) store<f64>(dst + (<usize>w << 3), w < width ? load<f64>(src + <usize>w * s) : 0.0);
    src += 8;
    dst += 32;
  }
}

/** C tile (4 × 4 at c, row stride ldc bytes) = Ã · B̃ (or += when `accumulate`) over kc steps of the packed micro-panels. */
// @ts-ignore: decorator
@inline function micro(pa: usize, pb: usize, kc: i32, c: usize, ldc: usize, accumulate: bool): void {
  let c00 = f64x2.splat(0), c01 = f64x2.splat(0);
  let c10 = f64x2.splat(0), c11 = f64x2.splat(0);
  let c20 = f64x2.splat(0), c21 = f64x2.splat(0);
  let c30 = f64x2.splat(0), c31 = f64x2.splat(0);
  for (let p = 0; p < kc; p++) {
    const b0 = v128.load(pb);
    const b1 = v128.load(pb, 16);
    let a = v128.load64_splat(pa);
    c00 = madd64(a, b0, c00);
    c01 = madd64(a, b1, c01);
    a = v128.load64_splat(pa, 8);
    c10 = madd64(a, b0, c10);
    c11 = madd64(a, b1, c11);
    a = v128.load64_splat(pa, 16);
    c20 = madd64(a, b0, c20);
    c21 = madd64(a, b1, c21);
    a = v128.load64_splat(pa, 24);
    c30 = madd64(a, b0, c30);
    c31 = madd64(a, b1, c31);
    pa += 32;
    pb += 32;
  }
  // The first depth block writes C; later ones add to it (C is never zero-filled first).
  if (!accumulate) {
    v128.store(c, c00);
    v128.store(c, c01, 16);
    c += ldc;
    v128.store(c, c10);
    v128.store(c, c11, 16);
    c += ldc;
    v128.store(c, c20);
    v128.store(c, c21, 16);
    c += ldc;
    v128.store(c, c30);
    v128.store(c, c31, 16);
    return;
  }
  v128.store(c, f64x2.add(v128.load(c), c00));
  v128.store(c, f64x2.add(v128.load(c, 16), c01), 16);
  c += ldc;
  v128.store(c, f64x2.add(v128.load(c), c10));
  v128.store(c, f64x2.add(v128.load(c, 16), c11), 16);
  c += ldc;
  v128.store(c, f64x2.add(v128.load(c), c20));
  v128.store(c, f64x2.add(v128.load(c, 16), c21), 16);
  c += ldc;
  v128.store(c, f64x2.add(v128.load(c), c30));
  v128.store(c, f64x2.add(v128.load(c, 16), c31), 16);
}

/**
 * C = op(A) · op(B) in float64. `a` holds A as m × k (k × m when ta), `b` holds B as k × n
 * (n × k when tb), `c` receives m × n; `scratch` has SCRATCH64 bytes. All pointers are byte
 * addresses in this module's memory, 16-byte aligned.
 */
export function matmul64(a: usize, b: usize, c: usize, m: i32, k: i32, n: i32, ta: bool, tb: bool, scratch: usize): void {
  if (m == 0 || n == 0) return;
  if (k == 0) {
    memory.fill(c, 0, <usize>m * <usize>n * 8);
    return;
  }
  const kcMax = blockLength(k, KC, 1);
  const mcMax = blockLength(m, MC, MR);
  const ncMax = blockLength(n, NC, NR);
  const packedB = scratch;
  const packedA = scratch + <usize>(ncMax * kcMax) * 8;
  const edge = packedA + <usize>(mcMax * kcMax) * 8;
  const ldc = <usize>n << 3;
  for (let jc = 0; jc < n; jc += ncMax) {
    const nc = imin(ncMax, n - jc);
    for (let pc = 0; pc < k; pc += kcMax) {
      const kc = imin(kcMax, k - pc);
      // Pack the kc × nc panel of op(B) into ⌈nc/4⌉ micro-panels of kc × 4.
      for (let s = 0; s < nc; s += NR) {
        const dst = packedB + <usize>(s * kc) * 8;
        const width = imin(NR, nc - s);
        if (tb) packStrided(b + (<usize>(jc + s) * <usize>k + <usize>pc) * 8, <usize>k, kc, width, dst);
        else packContiguous(b + (<usize>pc * <usize>n + <usize>(jc + s)) * 8, <usize>n, kc, width, dst);
      }
      for (let ic = 0; ic < m; ic += mcMax) {
        const mc = imin(mcMax, m - ic);
        // Pack the mc × kc block of op(A) into ⌈mc/4⌉ micro-panels of kc × 4.
        for (let r = 0; r < mc; r += MR) {
          const dst = packedA + <usize>(r * kc) * 8;
          const width = imin(MR, mc - r);
          if (ta) packContiguous(a + (<usize>pc * <usize>m + <usize>(ic + r)) * 8, <usize>m, kc, width, dst);
          else packStrided(a + (<usize>(ic + r) * <usize>k + <usize>pc) * 8, <usize>k, kc, width, dst);
        }
        for (let jr = 0; jr < nc; jr += NR) {
          const cols = imin(NR, nc - jr);
          const pb = packedB + <usize>(jr * kc) * 8;
          for (let ir = 0; ir < mc; ir += MR) {
            const rows = imin(MR, mc - ir);
            const pa = packedA + <usize>(ir * kc) * 8;
            const tile = c + (<usize>(ic + ir) * <usize>n + <usize>(jc + jr)) * 8;
            if (rows == MR && cols == NR) {
              micro(pa, pb, kc, tile, ldc, pc > 0);
            } else {
              // Edge tile: compute it whole into scratch, keep only the part inside C.
              micro(pa, pb, kc, edge, NR * 8, false);
              for (let i = 0; i < rows; i++) {
                for (let j = 0; j < cols; j++) {
                  const at = tile + <usize>i * ldc + (<usize>j << 3);
                  const e = load<f64>(edge + <usize>(i * NR + j) * 8);
                  store<f64>(at, pc > 0 ? load<f64>(at) + e : e);
                }
              }
            }
          }
        }
      }
    }
  }
}
