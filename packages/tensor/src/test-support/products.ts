// Operands for the matrix-product tests of the worker-thread backends (test-only).
import { make, type DType, type Tensor } from '../core/tensor.js';

/** Deterministic values in [−1, 1) from a seed (an LCG), on a SharedArrayBuffer when `shared`. */
export const filled = (dtype: DType, length: number, seed: number, shared = false): Float32Array | Float64Array => {
  const size = dtype === 'float32' ? 4 : 8;
  const buffer = shared ? new SharedArrayBuffer(length * size) : new ArrayBuffer(length * size);
  const out = dtype === 'float32' ? new Float32Array(buffer) : new Float64Array(buffer);
  let state = (seed >>> 0) || 1;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out[i] = state / 2 ** 31 - 1;
  }
  return out;
};

/** Operands of op(A) · op(B) with op(A) m × k and op(B) k × n, stored as the flags say. */
export const operands = (dtype: DType, m: number, k: number, n: number, transposeA: boolean, transposeB: boolean, seed: number): [Tensor, Tensor] => [
  make(filled(dtype, m * k, seed), transposeA ? [k, m] : [m, k]),
  make(filled(dtype, k * n, seed + 1), transposeB ? [n, k] : [k, n]),
];

/** Whether a tensor's storage is shared memory (a threaded product's result). */
export const isShared = (t: Tensor): boolean => t.data.buffer instanceof SharedArrayBuffer;

/** The four transpose forms of op(A) · op(B). */
export const forms = [[false, false], [false, true], [true, false], [true, true]] as const;
