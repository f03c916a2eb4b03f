/**
 * The fused dense backward kernel: the δ-equations of one layer,
 *
 *   δ = g ⊙ σ′(Z),   ∂C/∂W = δᵀ X,   ∂C/∂b = Σ_rows δ,   ∂C/∂X = δ W,
 *
 * in three passes over memory: one elementwise pass that forms δ and sums the bias gradient
 * as it goes (the column sums live in the scratch arena), then the two products: unpacked
 * 4 × 4 tiles for small layers on the JS backend, else the backend's matmul (packed and
 * register-tiled here, SIMD in the WebAssembly backend). For the identity, g already is δ: it
 * is shared, not copied, and the pass only sums it.
 */
import { allocate, make, type Tensor } from '../../core/tensor.js';
import type { DenseActivation, DenseGradients, Kernels } from '../types.js';
import { scratch } from './arena.js';
import { columnSums, deltaAndBias } from './dense-activation.js';
import { composedDelta } from './dense-composed.js';
import { DENSE_DIRECT_LIMIT, type BackendParts } from './dense-forward.js';
import { tile32, tile64 } from './dense-tile.js';

/**
 * δ, ∂C/∂W, ∂C/∂b and (when `propagate`) ∂C/∂X for one layer; `backend` runs the products.
 * `own` says which of the backend's kernels are plain JS: with JS elementwise kernels the fused
 * JS pass is the fastest way to form δ, otherwise the backend's own (faster) ones do; with the
 * JS matmul, small layers skip packing (dense-tile.ts).
 */
export function denseBackward(
  backend: Kernels, own: BackendParts, upstream: Tensor, z: Tensor | undefined, a: Tensor | undefined, x: Tensor, w: Tensor,
  activation: DenseActivation, alpha: number, propagate: boolean,
): DenseGradients {
  const [N, n] = upstream.shape as [number, number];
  if (!own.elementwise) {
    // Faster elementwise kernels of the backend's own form δ and the bias sum.
    const { delta, db } = composedDelta(backend, upstream, z, a, activation, alpha);
    return { delta, dW: backend.matmul(delta, x, true, false), db, dInput: propagate ? backend.matmul(delta, w, false, false) : undefined };
  }
  const sums = scratch(n);
  let delta = upstream;
  if (activation === 'identity') {
    columnSums(upstream.data, sums, N, n);
  } else {
    const data = allocate(upstream.dtype, N * n);
    deltaAndBias(activation, alpha, upstream.data, z?.data, a?.data, data, sums, N, n);
    delta = make(data, upstream.shape);
  }
  // Copy the sums out of the arena before anything else runs (float32 rounds here, once).
  const db = allocate(upstream.dtype, n);
  for (let j = 0; j < n; j++) db[j] = sums[j]!;
  const k = x.shape[1] as number;
  if (own.matmul && N * n * k < DENSE_DIRECT_LIMIT) {
    // Small layers: both products straight from δ, X and W, no packing.
    const d = delta.data;
    const dW = allocate(upstream.dtype, n * k);
    const dInput = propagate ? allocate(upstream.dtype, N * k) : undefined;
    if (dW instanceof Float64Array) {
      tile64(d as Float64Array, 1, n, x.data as Float64Array, k, dW, n, N, k); // δᵀ X: A(j, i) = δ[i, j]
      if (dInput !== undefined) tile64(d as Float64Array, n, 1, w.data as Float64Array, k, dInput as Float64Array, N, n, k); // δ W
    } else {
      tile32(d as Float32Array, 1, n, x.data as Float32Array, k, dW, n, N, k);
      if (dInput !== undefined) tile32(d as Float32Array, n, 1, w.data as Float32Array, k, dInput as Float32Array, N, n, k);
    }
    return { delta, dW: make(dW, Object.freeze([n, k])), db: make(db, Object.freeze([n])), dInput: dInput === undefined ? undefined : make(dInput, Object.freeze([N, k])) };
  }
  return {
    delta,
    dW: backend.matmul(delta, x, true, false),
    db: make(db, Object.freeze([n])),
    dInput: propagate ? backend.matmul(delta, w, false, false) : undefined,
  };
}
