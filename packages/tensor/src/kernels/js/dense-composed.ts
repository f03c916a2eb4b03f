/**
 * The dense kernels' elementwise halves composed from a backend's own elementwise kernels.
 *
 * Used when the active backend replaces this file's siblings (`unary`, `binary`, `reduce`) with
 * faster ones — the WebAssembly backend's SIMD maps beat a scalar JS pass even after copying in
 * and out (measured: bias + relu over a 64 × 64 float64 Z, ~18 µs in wasm against ~40 µs for
 * the fused JS pass) — but not the dense kernels themselves. A backend that fuses them natively
 * overrides `denseForward`/`denseBackward` and never comes here.
 */
import { make, type Tensor } from '../../core/tensor.js';
import type { DenseActivation, Kernels, UnaryOp } from '../types.js';

/** σ′ as a unary kernel of z, for the activations that read σ′ from z. */
const derivativeOp: Partial<Record<DenseActivation, UnaryOp>> = {
  relu: 'reluDerivative', leakyRelu: 'leakyReluDerivative', elu: 'eluDerivative', softplus: 'sigmoid',
};

/** Z = C + b and A = σ(Z) on the backend's kernels; C is [N, n]. */
export function composedEpilogue(backend: Kernels, c: Tensor, b: Tensor, activation: DenseActivation, alpha: number): { readonly z: Tensor; readonly a: Tensor } {
  const z = backend.binary('add', c, b, c.shape);
  return { z, a: activation === 'identity' ? z : backend.unary(activation, z, alpha) };
}

/** δ = g ⊙ σ′ and Σ_rows δ on the backend's kernels (σ′ from a for sigmoid and tanh). */
export function composedDelta(backend: Kernels, g: Tensor, z: Tensor | undefined, a: Tensor | undefined, activation: DenseActivation, alpha: number): { readonly delta: Tensor; readonly db: Tensor } {
  let delta = g;
  if (activation !== 'identity') {
    const one = make(g.dtype === 'float32' ? new Float32Array([1]) : new Float64Array([1]), []);
    let slope: Tensor;
    if (activation === 'sigmoid') slope = backend.binary('mul', a!, backend.binary('sub', one, a!, g.shape), g.shape);
    else if (activation === 'tanh') slope = backend.binary('sub', one, backend.binary('mul', a!, a!, g.shape), g.shape);
    else slope = backend.unary(derivativeOp[activation]!, z!, alpha);
    delta = backend.binary('mul', slope, g, g.shape);
  }
  const sums = backend.reduce('sum', delta, [0]);
  return { delta, db: make(sums.data, [g.shape[1] as number]) };
}
