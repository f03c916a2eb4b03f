/**
 * The elementwise halves of the fused dense kernels: σ applied to a run of Z as it is written,
 * and δ = g ⊙ σ′(Z) formed in the same pass that sums ∂C/∂b. Each switch runs once per call
 * (or per row), never per element, so every loop stays a tight monomorphic loop; the formulas
 * are the ones of unary.ts, so fused and unfused results agree bit for bit in float64.
 */
import type { TypedArray } from '../../core/tensor.js';
import type { DenseActivation } from '../types.js';
import { sigmoidScalar, softplusScalar } from './unary.js';

/** a[i] = σ(z[i]) for start ≤ i < end. */
export function activateRange(activation: DenseActivation, alpha: number, z: TypedArray, a: TypedArray, start: number, end: number): void {
  switch (activation) {
    case 'identity': for (let i = start; i < end; i++) a[i] = z[i]!; return;
    case 'sigmoid': for (let i = start; i < end; i++) a[i] = sigmoidScalar(z[i]!); return;
    case 'tanh': for (let i = start; i < end; i++) a[i] = Math.tanh(z[i]!); return;
    // `v > 0 ? v : …` keeps NaN as NaN, as the relu kernel does.
    case 'relu': for (let i = start; i < end; i++) { const v = z[i]!; a[i] = v > 0 ? v : v === v ? 0 : v; } return;
    case 'leakyRelu': for (let i = start; i < end; i++) { const v = z[i]!; a[i] = v > 0 ? v : alpha * v; } return;
    case 'elu': for (let i = start; i < end; i++) { const v = z[i]!; a[i] = v > 0 ? v : alpha * Math.expm1(v); } return;
    case 'softplus': for (let i = start; i < end; i++) a[i] = softplusScalar(z[i]!); return;
  }
}

/**
 * δ[i, j] = g[i, j] · σ′(z[i, j]) for an [rows, cols] batch, and sums[j] += δ[i, j] (the bias
 * gradient, accumulated in float64 from the stored, possibly float32-rounded, δ). σ′ is read
 * from `a` for sigmoid (a(1 − a)) and tanh (1 − a²), from `z` otherwise, exactly as the
 * activations' own δ-products do. One loop per activation, δ and the sum in the same iteration.
 */
export function deltaAndBias(
  activation: DenseActivation, alpha: number,
  g: TypedArray, z: TypedArray | undefined, a: TypedArray | undefined,
  delta: TypedArray, sums: Float64Array, rows: number, cols: number,
): void {
  // The op guarantees the array each activation reads; `?? g` only keeps the types simple.
  const zz = z ?? g;
  const aa = a ?? g;
  const size = rows * cols;
  switch (activation) {
    case 'identity':
      for (let o = 0; o < size; o = (o + cols) | 0) for (let j = 0; j < cols; j = (j + 1) | 0) { delta[o + j] = g[o + j]!; sums[j] = sums[j]! + delta[o + j]!; }
      return;
    case 'sigmoid':
      for (let o = 0; o < size; o = (o + cols) | 0) for (let j = 0; j < cols; j = (j + 1) | 0) { const s = aa[o + j]!; delta[o + j] = s * (1 - s) * g[o + j]!; sums[j] = sums[j]! + delta[o + j]!; }
      return;
    case 'tanh':
      for (let o = 0; o < size; o = (o + cols) | 0) for (let j = 0; j < cols; j = (j + 1) | 0) { const t = aa[o + j]!; delta[o + j] = (1 - t * t) * g[o + j]!; sums[j] = sums[j]! + delta[o + j]!; }
      return;
    // Conventions at the kink, as the derivative kernels: relu′(0) = 0, leakyRelu′(0) = α.
    case 'relu':
      for (let o = 0; o < size; o = (o + cols) | 0) for (let j = 0; j < cols; j = (j + 1) | 0) { const v = zz[o + j]!; delta[o + j] = (v > 0 ? 1 : v === v ? 0 : v) * g[o + j]!; sums[j] = sums[j]! + delta[o + j]!; }
      return;
    case 'leakyRelu':
      for (let o = 0; o < size; o = (o + cols) | 0) for (let j = 0; j < cols; j = (j + 1) | 0) { const v = zz[o + j]!; delta[o + j] = (v > 0 ? 1 : v === v ? alpha : v) * g[o + j]!; sums[j] = sums[j]! + delta[o + j]!; }
      return;
    case 'elu':
      for (let o = 0; o < size; o = (o + cols) | 0) for (let j = 0; j < cols; j = (j + 1) | 0) { const v = zz[o + j]!; delta[o + j] = (v > 0 ? 1 : alpha * Math.exp(v)) * g[o + j]!; sums[j] = sums[j]! + delta[o + j]!; }
      return;
    case 'softplus':
      for (let o = 0; o < size; o = (o + cols) | 0) for (let j = 0; j < cols; j = (j + 1) | 0) { delta[o + j] = sigmoidScalar(zz[o + j]!) * g[o + j]!; sums[j] = sums[j]! + delta[o + j]!; }
      return;
  }
}

/** sums[j] += x[i, j] over the rows of an [rows, cols] batch: the bias gradient of the identity. */
export function columnSums(x: TypedArray, sums: Float64Array, rows: number, cols: number): void {
  const size = rows * cols;
  for (let o = 0; o < size; o = (o + cols) | 0) for (let j = 0; j < cols; j = (j + 1) | 0) sums[j] = sums[j]! + x[o + j]!;
}
