/**
 * Small typed arrays as views on shared slabs.
 *
 * V8 gives a typed array of more than 64 bytes an ArrayBuffer of its own: a backing store, a GC
 * extension and external-memory bookkeeping, about 1.5 µs however short the array (measured,
 * Node 20), where a view on an existing ArrayBuffer costs about 0.1 µs. Tensors are immutable,
 * so every op allocates its result, and a training step of a small network makes dozens of
 * arrays of tens to thousands of elements: their allocation was a fifth of such a step.
 *
 * Arrays of 65 bytes to 16 KiB are cut from slabs, one per size class (the powers of two from
 * 128 B to 16 KiB); a slab holds 16 arrays of its class's size and is fresh, zeroed memory, so
 * a view starts as zeros, like `new Float64Array(n)`. A slab lives while any of its views does:
 * a small array kept alive keeps at most 32× its own bytes (16 × its class, which is less than
 * twice the array). Shorter arrays are allocated on V8's heap and longer ones get their own
 * buffer. Public as {@link allocateData}, for code that builds tensors with `fromData`.
 *
 * @module
 */
import { DomainError, DTypeError } from './errors.js';
import type { DType, TypedArray } from './tensor.js';

/** Arrays up to this many bytes are allocated on V8's heap (its typed_array_max_size_in_heap). */
const ON_HEAP = 64;
/** The largest size class, in bytes. */
const LARGEST = 16 * 1024;
/** Arrays of a class per slab. */
const PER_SLAB = 16;

/** The current slab of each size class (index: log₂ of the class's bytes) and the next free byte in it. */
const slabs: (ArrayBuffer | undefined)[] = [];
const next: number[] = [];

/** A zero-filled typed array of `length` elements of the dtype. */
export function zeroed(dtype: DType, length: number): TypedArray {
  const float32 = dtype === 'float32';
  const bytes = length * (float32 ? 4 : 8);
  if (bytes <= ON_HEAP || bytes > LARGEST) return float32 ? new Float32Array(length) : new Float64Array(length);
  const c = 32 - Math.clz32(bytes - 1); // the class: 2^c ≥ bytes
  let slab = slabs[c];
  let at = next[c] as number;
  if (slab === undefined || at + bytes > slab.byteLength) {
    slab = new ArrayBuffer(PER_SLAB << c);
    slabs[c] = slab;
    at = 0;
  }
  next[c] = at + ((bytes + 7) & ~7); // 8-byte steps keep every view aligned for float64
  return float32 ? new Float32Array(slab, at, length) : new Float64Array(slab, at, length);
}

/**
 * A fresh, zero-filled typed array of `length` elements of the dtype, to fill and then wrap with
 * {@link fromData}: the way Theta's kernels and packages make their results. A short array
 * (65 B to 16 KiB) is a view on a slab it shares with others, since V8 gives any typed array over
 * 64 bytes an ArrayBuffer of its own at about 1.5 µs, however short; so read its bytes through
 * `byteOffset` and `byteLength`, never the whole `buffer`, and never transfer that buffer.
 *
 * @since 0.1.0
 * @category Constructors
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const out = T.allocateData('float32', 3);
 * for (let i = 0; i < out.length; i++) out[i] = i * i;
 * console.log(T.toArray(T.fromData(out, [3]))); // [0, 1, 4]
 * ```
 */
export function allocateData(dtype: DType, length: number): TypedArray {
  if (dtype !== 'float64' && dtype !== 'float32') {
    throw new DTypeError({ op: 'allocateData', argument: 'dtype', expected: "'float64' or 'float32'", actual: String(dtype) });
  }
  if (!Number.isInteger(length) || length < 0) {
    throw new DomainError({ op: 'allocateData', parameter: 'length', value: length, expected: 'an integer ≥ 0' });
  }
  return zeroed(dtype, length);
}
