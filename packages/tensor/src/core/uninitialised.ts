/**
 * Typed arrays for results that are written whole right away (a copy out of WebAssembly memory,
 * a gather), without the zero fill `new Float32Array(n)` pays for.
 *
 * A large array is fresh memory for every result, since tensors are immutable and never
 * disposed; zeroing it first is a full extra pass over it. In Node, `Buffer.allocUnsafeSlow`
 * hands out an unzeroed, unpooled ArrayBuffer (byteOffset 0, so any float alignment holds);
 * elsewhere, and below a few thousand elements, the array comes from slab.ts (zeroed, and for
 * short arrays far cheaper than a buffer of their own). Internal: not exported from the package.
 *
 * @module
 */
import { zeroed } from './slab.js';
import type { DType, TypedArray } from './tensor.js';

/** Node's Buffer, where there is one: only the function used here is typed. */
const bytes = (globalThis as { readonly Buffer?: { allocUnsafeSlow?: (size: number) => Uint8Array } }).Buffer?.allocUnsafeSlow;

/** Below this many elements a zero fill costs less than an ArrayBuffer of their own. */
const LEAST = 4096;

/**
 * A typed array of `length` elements whose contents are unspecified: the caller must write
 * every element before anything reads it or it leaves the function.
 */
export function uninitialised(dtype: DType, length: number): TypedArray {
  const float32 = dtype === 'float32';
  if (bytes === undefined || length < LEAST) return zeroed(dtype, length);
  const raw = bytes(length * (float32 ? 4 : 8));
  return float32 ? new Float32Array(raw.buffer, raw.byteOffset, length) : new Float64Array(raw.buffer, raw.byteOffset, length);
}

/** A fresh array holding elements [from, from + length) of `source`. */
export function copyOf(source: TypedArray, from: number, length: number): TypedArray {
  const out = uninitialised(source instanceof Float32Array ? 'float32' : 'float64', length);
  out.set(source.subarray(from, from + length));
  return out;
}
