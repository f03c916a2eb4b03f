// Shared helpers of the blocked matmul kernels.

/** Splits `total` into ⌈total / limit⌉ nearly equal blocks and returns the block length, a multiple of `multiple`. */
export function blockLength(total: i32, limit: i32, multiple: i32): i32 {
  const blocks = (total + limit - 1) / limit;
  const length = (total + blocks - 1) / blocks;
  const rounded = ((length + multiple - 1) / multiple) * multiple;
  return rounded < limit ? rounded : limit;
}

/** min for i32 without going through Math (f64). */
// @ts-ignore: decorator
@inline export function imin(a: i32, b: i32): i32 {
  return a < b ? a : b;
}

// The micro-kernels' multiply-add c + a·b. The module is built twice (asconfig.json's targets):
// `release` with mul then add, rounding twice; `relaxed` with relaxed SIMD's madd, one fused
// multiply-add (one rounding) where the CPU has FMA, which doubles the kernels' arithmetic
// throughput. The untaken branch is never compiled, so `release` needs no relaxed SIMD.

/** c + a·b in f32x4 lanes: fused where the `relaxed` build runs on a CPU with FMA. */
// @ts-ignore: decorator
@inline export function madd32(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(c, f32x4.mul(a, b));
}

/** c + a·b in f64x2 lanes: fused where the `relaxed` build runs on a CPU with FMA. */
// @ts-ignore: decorator
@inline export function madd64(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f64x2.relaxed_madd(a, b, c);
  return f64x2.add(c, f64x2.mul(a, b));
}
