// Naive reference implementations the tests hold the kernels against. Test-only.
import fc from 'fast-check';
import * as T from '../index.js';

/** Multi-index of flat position `flat` in `shape` (row-major). */
export function unravel(flat: number, shape: readonly number[]): number[] {
  const index = new Array<number>(shape.length).fill(0);
  for (let d = shape.length - 1; d >= 0; d--) {
    const n = shape[d] as number;
    index[d] = flat % n;
    flat = Math.floor(flat / n);
  }
  return index;
}

/** Flat position of a multi-index in `shape`. */
export function ravel(index: readonly number[], shape: readonly number[]): number {
  let flat = 0;
  for (let d = 0; d < shape.length; d++) flat = flat * (shape[d] as number) + (index[d] as number);
  return flat;
}

/** Element of x at the multi-index of an output it is broadcast to (right-aligned, 1 → 0). */
export function broadcastRead(x: T.Tensor, outIndex: readonly number[]): number {
  const offset = outIndex.length - x.shape.length;
  const index = x.shape.map((d, i) => (d === 1 ? 0 : (outIndex[i + offset] as number)));
  return x.data[ravel(index, x.shape)] as number;
}

/** Arbitrary shape with rank in [minRank, maxRank] and lengths in [0 or 1, maxLength]. */
export const shapeArb = (minRank: number, maxRank: number, maxLength = 4, allowEmpty = false) =>
  fc.array(fc.integer({ min: allowEmpty ? 0 : 1, max: maxLength }), { minLength: minRank, maxLength: maxRank });

/** A pair of shapes that broadcast together: the second drops leading axes and sets some to 1. */
export const broadcastPairArb = fc
  .tuple(shapeArb(0, 4), fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), fc.integer({ min: 0, max: 4 }), fc.boolean())
  .map(([shape, ones, drop, swap]) => {
    const other = shape.slice(Math.min(drop, shape.length)).map((d, i) => (ones[i] ? 1 : d));
    return swap ? ([other, shape] as const) : ([shape, other] as const);
  });

/** A tensor of the shape with values from a deterministic sequence seeded by `seed`. */
export function seeded(shape: readonly number[], seed: number, dtype: T.DType = 'float64', scale = 4): T.Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  const values: number[] = [];
  let s = (seed * 2654435761) >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    // xorshift32: a tiny deterministic stream, independent of the library's own PRNG.
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    values.push((s / 2 ** 32 - 0.5) * 2 * scale);
  }
  return T.fromArray(values, shape, { dtype });
}
