/**
 * Uniform floats in [min, max).
 *
 * @module
 */
import { DomainError } from '../core/errors.js';
import { make, type DType, type Tensor } from '../core/tensor.js';
import { float32AtOrAbove, float32Below, nextDown64 } from './float-steps.js';
import { assertKey, type Key } from './key.js';
import { keyBlocks } from './threefry.js';
import { checkDType, checkFinite, checkShape } from './validate.js';

/** Threefry blocks made per pass: 16 KiB of words, which stays in the L1 cache. */
const CHUNK = 2048;
const TWO_POW_MINUS_53 = 1.1102230246251565e-16;
const TWO_POW_MINUS_24 = 5.960464477539063e-8;

/**
 * Options of {@link uniform}.
 *
 * @since 0.1.0
 * @category Random
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const options: T.UniformOptions = { min: -1, max: 1, dtype: 'float32' };
 * console.log(T.uniform(T.key(0), [2], options).dtype); // float32
 * ```
 */
export interface UniformOptions {
  /** Lower bound, included; 0 when absent. */
  readonly min?: number;
  /** Upper bound, excluded; 1 when absent. */
  readonly max?: number;
  /** Element type; `float64` when absent. */
  readonly dtype?: DType;
}

/**
 * Uniform draws in [min, max) (default [0, 1)) of the given shape (default `[]`, a scalar).
 * Element `i` (row-major) depends only on `key` and `i`, so a longer draw extends a shorter
 * one and the shape only arranges the numbers.
 *
 * - float64: element i is `min + u·(max − min)` with u = (top 53 bits of the Threefry block
 *   i of `key`, read as the 64-bit integer `words[0]·2³² + words[1]`) / 2⁵³, in
 *   [0, 1 − 2⁻⁵³].
 * - float32: element i takes the 32-bit word i of the key's stream (word `i mod 2` of block
 *   ⌊i/2⌋) and uses its top 24 bits: u = (word >>> 8) / 2²⁴, then rounds `min + u·(max − min)`
 *   to float32.
 *
 * Every value r satisfies `min ≤ r < max`, also when rounding lands on `max` (it is moved
 * to the largest float below `max`). Test vector: `uniform(key(0), [3])` is
 * `[0.41845711171638655, 0.21629545460551136, 0.9653214611189975]` in every engine.
 *
 * Throws `DomainError` unless `min` and `max` are finite with `min < max` and a finite
 * `max − min` (for float32, some float32 must lie in [min, max)); `ShapeError` for a bad
 * shape; `DTypeError` for an unknown dtype.
 *
 * @since 0.1.0
 * @category Random
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const u = T.uniform(T.key(0), [3]);
 * console.log(T.toArray(u)); // [0.41845711171638655, 0.21629545460551136, 0.9653214611189975]
 * const limit = Math.sqrt(6 / (64 + 16)); // Glorot: W ~ U(−limit, limit) for n_l = 16, n_{l−1} = 64
 * const W = T.uniform(T.key(7), [16, 64], { min: -limit, max: limit, dtype: 'float32' });
 * console.log(W.shape, W.dtype); // [16, 64] float32
 * ```
 */
export function uniform(key: Key, shape: readonly number[] = [], options: UniformOptions = {}): Tensor {
  assertKey('uniform', key);
  const size = checkShape('uniform', shape);
  const dtype = checkDType('uniform', options.dtype);
  const min = checkFinite('uniform', 'min', options.min ?? 0);
  const max = checkFinite('uniform', 'max', options.max ?? 1);
  if (!(max > min) || !Number.isFinite(max - min)) {
    throw new DomainError({ op: 'uniform', parameter: 'max', value: max, expected: `a finite number > min (${min}) with max − min finite` });
  }
  return make(dtype === 'float64' ? uniform64(key, size, min, max) : uniform32(key, size, min, max), shape);
}

function uniform64(key: Key, size: number, min: number, max: number): Float64Array {
  const out = new Float64Array(size);
  const span = max - min;
  const top = nextDown64(max);
  const words = new Uint32Array(2 * Math.min(CHUNK, size));
  for (let start = 0; start < size; start += CHUNK) {
    const m = Math.min(CHUNK, size - start);
    keyBlocks(key, start, words, m);
    for (let j = 0; j < m; j++) {
      // The top 53 of the 64 bits: w0·2²¹ + ⌊w1 / 2¹¹⌋ is an exact integer below 2⁵³.
      const u = ((words[2 * j] as number) * 2097152 + ((words[2 * j + 1] as number) >>> 11)) * TWO_POW_MINUS_53;
      const v = min + u * span;
      out[start + j] = v < max ? v : top;
    }
  }
  return out;
}

function uniform32(key: Key, size: number, min: number, max: number): Float32Array {
  const bottom = float32AtOrAbove(min);
  const top = float32Below(max);
  if (!(bottom <= top)) {
    throw new DomainError({ op: 'uniform', parameter: 'max', value: max, expected: `a number such that some float32 lies in [min, max) = [${min}, ${max})` });
  }
  const out = new Float32Array(size);
  const span = max - min;
  const words = new Uint32Array(2 * Math.min(CHUNK, Math.ceil(size / 2)));
  for (let start = 0; start < size; start += 2 * CHUNK) {
    const m = Math.min(2 * CHUNK, size - start);
    keyBlocks(key, start / 2, words, Math.ceil(m / 2));
    for (let j = 0; j < m; j++) {
      const v = Math.fround(min + ((words[j] as number) >>> 8) * TWO_POW_MINUS_24 * span);
      out[start + j] = v < bottom ? bottom : v > top ? top : v;
    }
  }
  return out;
}
