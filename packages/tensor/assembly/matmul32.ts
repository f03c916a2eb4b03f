// float32 matmul, C = op(A) · op(B), with f32x4 SIMD: the loop nest of matmul64.ts with a
// 4 × 8 register tile in eight f32x4 accumulators. Sums are accumulated in float32 lanes (the
// JS kernel accumulates in float64): each entry of C carries a relative rounding error of
// order k·2⁻²⁴ of Σ|a·b| in the worst case, like tfjs and BLAS sgemm.
import { blockLength, imin, madd32 } from './blocking';

/** Rows of the register tile (and of each packed A micro-panel). */
const MR: i32 = 4;
/** Columns of the register tile (and of each packed B micro-panel). */
const NR: i32 = 8;
/** Depth block: a kc × 8 micro-panel of op(B) is 8 KiB, L1-resident. */
const KC: i32 = 256;
/** Rows of op(A) per packed block: mc × kc floats = 128 KiB, L2-resident. */
const MC: i32 = 128;
/** Columns of op(B) per packed panel: kc × nc floats = 1 MiB. */
const NC: i32 = 1024;

/** Bytes of scratch the kernel needs at most: packed B panel, packed A block, one edge tile. */
export const SCRATCH32: i32 = (NC + MC) * KC * 4 + MR * NR * 4;

/** Copies `kc` groups of `width` ≤ `group` consecutive floats (group p at src + p·stride) as groups of `group`, zero-padded. */
function packContiguous(src: usize, stride: usize, kc: i32, width: i32, group: i32, dst: usize): void {
  const step = <usize>group << 2;
  if (width == group) {
    for (let p = 0; p < kc; p++) {
      for (let w = 0; w < group; w += 4) v128.store(dst + (<usize>w << 2), v128.load(src + (<usize>w << 2)));
      src += stride << 2;
      dst += step;
    }
    return;
  }
  for (let p = 0; p < kc; p++) {
    for (let w = 0; w < group; w++) store<f32>(dst + (<usize>w << 2), w < width ? load<f32>(src + (<usize>w << 2)) : f32(0));
    src += stride << 2;
    dst += step;
  }
}

/** Gathers `width` ≤ `group` lines (line w at src + w·stride, read for kc steps) into groups of `group` per step, zero-padded. */
function packStrided(src: usize, stride: usize, kc: i32, width: i32, group: i32, dst: usize): void {
  const s = stride << 2;
  const step = <usize>group << 2;
  if (width == group) {
    let p = 0;
    // Four steps at a time: 4 × 4 blocks transposed with eight shuffles.
    for (; p + 3 < kc; p += 4) {
      for (let w = 0; w < group; w += 4) {
        const line = src + <usize>w * s;
        const x0 = v128.load(line);
        const x1 = v128.load(line + s);
        const x2 = v128.load(line + 2 * s);
        const x3 = v128.load(line + 3 * s);
        const t0 = f32x4.shuffle(x0, x1, 0, 4, 1, 5);
        const t1 = f32x4.shuffle(x0, x1, 2, 6, 3, 7);
        const t2 = f32x4.shuffle(x2, x3, 0, 4, 1, 5);
        const t3 = f32x4.shuffle(x2, x3, 2, 6, 3, 7);
        const d = dst + (<usize>w << 2);
        v128.store(d, f32x4.shuffle(t0, t2, 0, 1, 4, 5));
        v128.store(d + step, f32x4.shuffle(t0, t2, 2, 3, 6, 7));
        v128.store(d + 2 * step, f32x4.shuffle(t1, t3, 0, 1, 4, 5));
        v128.store(d + 3 * step, f32x4.shuffle(t1, t3, 2, 3, 6, 7));
      }
      src += 16;
      dst += 4 * step;
    }
    for (; p < kc; p++) {
      for (let w = 0; w < group; w++) store<f32>(dst + (<usize>w << 2), load<f32>(src + <usize>w * s));
      src += 4;
      dst += step;
    }
    return;
  }
  for (let p = 0; p < kc; p++) {
    for (let w = 0; w < group; w++) store<f32>(dst + (<usize>w << 2), w < width ? load<f32>(src + <usize>w * s) : f32(0));
    src += 4;
    dst += step;
  }
}

/** C tile (4 × 8 at c, row stride ldc bytes) = Ã · B̃ (or += when `accumulate`) over kc steps of the packed micro-panels. */
// @ts-ignore: decorator
@inline function micro(pa: usize, pb: usize, kc: i32, c: usize, ldc: usize, accumulate: bool): void {
  let c00 = f32x4.splat(0), c01 = f32x4.splat(0);
  let c10 = f32x4.splat(0), c11 = f32x4.splat(0);
  let c20 = f32x4.splat(0), c21 = f32x4.splat(0);
  let c30 = f32x4.splat(0), c31 = f32x4.splat(0);
  for (let p = 0; p < kc; p++) {
    const b0 = v128.load(pb);
    const b1 = v128.load(pb, 16);
    let a = v128.load32_splat(pa);
    c00 = madd32(a, b0, c00);
    c01 = madd32(a, b1, c01);
    a = v128.load32_splat(pa, 4);
    c10 = madd32(a, b0, c10);
    c11 = madd32(a, b1, c11);
    a = v128.load32_splat(pa, 8);
    c20 = madd32(a, b0, c20);
    c21 = madd32(a, b1, c21);
    a = v128.load32_splat(pa, 12);
    c30 = madd32(a, b0, c30);
    c31 = madd32(a, b1, c31);
    pa += 16;
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
  v128.store(c, f32x4.add(v128.load(c), c00));
  v128.store(c, f32x4.add(v128.load(c, 16), c01), 16);
  c += ldc;
  v128.store(c, f32x4.add(v128.load(c), c10));
  v128.store(c, f32x4.add(v128.load(c, 16), c11), 16);
  c += ldc;
  v128.store(c, f32x4.add(v128.load(c), c20));
  v128.store(c, f32x4.add(v128.load(c, 16), c21), 16);
  c += ldc;
  v128.store(c, f32x4.add(v128.load(c), c30));
  v128.store(c, f32x4.add(v128.load(c, 16), c31), 16);
}

/**
 * C = op(A) · op(B) in float32. `a` holds A as m × k (k × m when ta), `b` holds B as k × n
 * (n × k when tb), `c` receives m × n; `scratch` has SCRATCH32 bytes. All pointers are byte
 * addresses in this module's memory, 16-byte aligned.
 */
export function matmul32(a: usize, b: usize, c: usize, m: i32, k: i32, n: i32, ta: bool, tb: bool, scratch: usize): void {
  if (m == 0 || n == 0) return;
  if (k == 0) {
    memory.fill(c, 0, <usize>m * <usize>n * 4);
    return;
  }
  const kcMax = blockLength(k, KC, 1);
  const mcMax = blockLength(m, MC, MR);
  const ncMax = blockLength(n, NC, NR);
  const packedB = scratch;
  const packedA = scratch + <usize>(ncMax * kcMax) * 4;
  const edge = packedA + <usize>(mcMax * kcMax) * 4;
  const ldc = <usize>n << 2;
  for (let jc = 0; jc < n; jc += ncMax) {
    const nc = imin(ncMax, n - jc);
    for (let pc = 0; pc < k; pc += kcMax) {
      const kc = imin(kcMax, k - pc);
      for (let s = 0; s < nc; s += NR) {
        const dst = packedB + <usize>(s * kc) * 4;
        const width = imin(NR, nc - s);
        if (tb) packStrided(b + (<usize>(jc + s) * <usize>k + <usize>pc) * 4, <usize>k, kc, width, NR, dst);
        else packContiguous(b + (<usize>pc * <usize>n + <usize>(jc + s)) * 4, <usize>n, kc, width, NR, dst);
      }
      for (let ic = 0; ic < m; ic += mcMax) {
        const mc = imin(mcMax, m - ic);
        for (let r = 0; r < mc; r += MR) {
          const dst = packedA + <usize>(r * kc) * 4;
          const width = imin(MR, mc - r);
          if (ta) packContiguous(a + (<usize>pc * <usize>m + <usize>(ic + r)) * 4, <usize>m, kc, width, MR, dst);
          else packStrided(a + (<usize>(ic + r) * <usize>k + <usize>pc) * 4, <usize>k, kc, width, MR, dst);
        }
        for (let jr = 0; jr < nc; jr += NR) {
          const cols = imin(NR, nc - jr);
          const pb = packedB + <usize>(jr * kc) * 4;
          for (let ir = 0; ir < mc; ir += MR) {
            const rows = imin(MR, mc - ir);
            const pa = packedA + <usize>(ir * kc) * 4;
            const tile = c + (<usize>(ic + ir) * <usize>n + <usize>(jc + jr)) * 4;
            if (rows == MR && cols == NR) {
              micro(pa, pb, kc, tile, ldc, pc > 0);
            } else {
              micro(pa, pb, kc, edge, NR * 4, false);
              for (let i = 0; i < rows; i++) {
                for (let j = 0; j < cols; j++) {
                  const at = tile + <usize>i * ldc + (<usize>j << 2);
                  const e = load<f32>(edge + <usize>(i * NR + j) * 4);
                  store<f32>(at, pc > 0 ? load<f32>(at) + e : e);
                }
              }
            }
          }
        }
      }
    }
  }
}
