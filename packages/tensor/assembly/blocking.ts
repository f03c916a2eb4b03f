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
