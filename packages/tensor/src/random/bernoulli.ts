/**
 * Coin flips: 0/1 tensors.
 *
 * @module
 */
import { DomainError } from '../core/errors.js';
import { make, type Tensor, type TensorOptions } from '../core/tensor.js';
import { assertKey, type Key } from './key.js';
import { keyBlocks } from './threefry.js';
import { checkDType, checkShape } from './validate.js';

/** Threefry blocks made per pass. */
const CHUNK = 2048;
const TWO_POW_MINUS_53 = 1.1102230246251565e-16;

/**
 * A tensor of independent Bernoulli(p) draws: each element is 1 with probability `p` and 0
 * otherwise, of the given shape (default `[]`) and dtype (default `float64`). Element i is 1
 * exactly when $u_i < p$, with $u_i$ the float64 uniform of Threefry block i, so
 * `bernoulli(key, p, shape)` equals `less(uniform(key, shape), p)`; p = 0 gives
 * all zeros and p = 1 all ones. Dropout masks are `bernoulli(key, 1 − rate, shape)`.
 *
 * Throws `DomainError` unless `p` is a number in [0, 1].
 *
 * @since 0.1.0
 * @category Random
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const mask = T.bernoulli(T.key(0), 0.5, [8]);
 * console.log(T.toArray(mask).every((m) => m === 0 || m === 1)); // true
 * console.log(T.toArray(T.bernoulli(T.key(1), 1, [3]))); // [1, 1, 1]
 * ```
 */
export function bernoulli(key: Key, p: number, shape: readonly number[] = [], options: TensorOptions = {}): Tensor {
  assertKey('bernoulli', key);
  if (typeof p !== 'number' || !(p >= 0 && p <= 1)) {
    throw new DomainError({ op: 'bernoulli', parameter: 'p', value: p, expected: 'a probability in [0, 1]' });
  }
  const size = checkShape('bernoulli', shape);
  const dtype = checkDType('bernoulli', options.dtype);
  const out = dtype === 'float64' ? new Float64Array(size) : new Float32Array(size);
  const words = new Uint32Array(2 * Math.min(CHUNK, size));
  for (let start = 0; start < size; start += CHUNK) {
    const m = Math.min(CHUNK, size - start);
    keyBlocks(key, start, words, m);
    for (let j = 0; j < m; j++) {
      const u = ((words[2 * j] as number) * 2097152 + ((words[2 * j + 1] as number) >>> 11)) * TWO_POW_MINUS_53;
      out[start + j] = u < p ? 1 : 0;
    }
  }
  return make(out, shape);
}
