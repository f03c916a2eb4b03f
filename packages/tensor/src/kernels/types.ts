/**
 * The kernel interface: the only place where numbers are crunched. Everything above it
 * (ops, trees, autodiff, networks) calls these functions, so a faster backend (WebAssembly
 * SIMD, worker threads, WebGPU) replaces them without touching the math above.
 *
 * Kernels take and return tensors rather than raw arrays so that a backend may keep its
 * results where it computes them; arguments are validated by the ops before they get here.
 */
import type { Tensor } from '../core/tensor.js';
import type { AdamCoefficients, AdamStepResult, MomentumCoefficients, MomentumStepResult } from '../ops/optimiser-steps.js';

/** Elementwise functions of one argument; `alpha` parameterises leakyRelu and elu. */
export type UnaryOp =
  | 'neg' | 'abs' | 'sign' | 'exp' | 'expm1' | 'log' | 'log1p' | 'sqrt' | 'square' | 'reciprocal'
  | 'sin' | 'cos' | 'tan' | 'tanh' | 'sigmoid' | 'logSigmoid' | 'softplus' | 'relu' | 'leakyRelu' | 'elu'
  | 'sigmoidDerivative' | 'tanhDerivative' | 'reluDerivative' | 'leakyReluDerivative' | 'eluDerivative'
  | 'step' | 'isFinite';

/** Elementwise functions of two broadcast arguments. Comparisons return 1 or 0. */
export type BinaryOp =
  | 'add' | 'sub' | 'mul' | 'div' | 'pow' | 'maximum' | 'minimum'
  | 'equal' | 'notEqual' | 'less' | 'lessEqual' | 'greater' | 'greaterEqual';

/** Reductions along axes. */
export type ReduceOp = 'sum' | 'max' | 'min' | 'argmax' | 'argmin' | 'logsumexp';

/**
 * The activations the fused dense kernels apply while they write a layer's output; `alpha`
 * parameterises leakyRelu (slope below 0) and elu (saturation).
 */
export type DenseActivation = 'identity' | 'sigmoid' | 'tanh' | 'relu' | 'leakyRelu' | 'elu' | 'softplus';

/** One dense layer's forward values: Z = X Wᵀ + b and A = σ(Z), both [N, n]. */
export interface DenseValues {
  /** The weighted inputs Z, [N, n]. */
  readonly z: Tensor;
  /** The activations A = σ(Z), [N, n]; the same tensor as `z` for the identity. */
  readonly a: Tensor;
}

/** One dense layer's gradients from the δ-equations. */
export interface DenseGradients {
  /** δ = g ⊙ σ′(Z), [N, n]; `upstream` itself for the identity. */
  readonly delta: Tensor;
  /** ∂C/∂W = δᵀ X, [n, k]. */
  readonly dW: Tensor;
  /** ∂C/∂b = Σ over rows of δ, [n]. */
  readonly db: Tensor;
  /** ∂C/∂X = δ W, [N, k]; undefined when not asked for. */
  readonly dInput: Tensor | undefined;
}

/** A backend: one implementation of every kernel. */
export interface Kernels {
  /** Short name for reports: `js`, `wasm`, … */
  readonly name: string;
  /**
   * C = op(A) · op(B) for 2-D tensors, where op transposes when the flag is set.
   * Shapes are already checked: op(A) is m × k and op(B) is k × n.
   */
  matmul(a: Tensor, b: Tensor, transposeA: boolean, transposeB: boolean): Tensor;
  /** y_i = f(x_i). */
  unary(op: UnaryOp, x: Tensor, alpha: number): Tensor;
  /** z = f(a, b) with NumPy broadcasting to `outShape` (already computed and checked). */
  binary(op: BinaryOp, a: Tensor, b: Tensor, outShape: readonly number[]): Tensor;
  /** Reduces the sorted, unique `axes`; the result keeps those axes with length 1. */
  reduce(op: ReduceOp, x: Tensor, axes: readonly number[]): Tensor;
  /** where(cond, a, b) with all three broadcast to `outShape`. */
  where(cond: Tensor, a: Tensor, b: Tensor, outShape: readonly number[]): Tensor;
  /**
   * A dense layer forward: Z = X Wᵀ + b and A = σ(Z) with X [N, k], W [n, k], b [n], all of one
   * dtype (checked by the op). Bias and activation are applied as the output is written.
   */
  denseForward(x: Tensor, w: Tensor, b: Tensor, activation: DenseActivation, alpha: number): DenseValues;
  /**
   * A dense layer backward (the δ-equations): δ = g ⊙ σ′(Z) (σ′ read from `z`, or from `a` for
   * sigmoid and tanh; `g` is δ itself for the identity), then ∂C/∂W = δᵀ X, ∂C/∂b = Σ_rows δ
   * and, when `propagate`, ∂C/∂X = δ W. Shapes and the needed z/a are checked by the op.
   */
  denseBackward(
    upstream: Tensor, z: Tensor | undefined, a: Tensor | undefined, x: Tensor, w: Tensor,
    activation: DenseActivation, alpha: number, propagate: boolean,
  ): DenseGradients;
  /**
   * base + factor·x, elementwise, for two tensors of one shape and dtype: the product formed in
   * float64 and, for float32, rounded to float32 before the add (an SGD step's arithmetic).
   */
  scaledAdd(base: Tensor, x: Tensor, factor: number): Tensor;
  /** Whether every element of `x` is finite (no NaN, no ±∞). */
  allFinite(x: Tensor): boolean;
  /** One leaf of a fused momentum step (see ops/optimiser-steps.ts); all tensors of one shape and dtype. */
  momentumStep(theta: Tensor, grad: Tensor, velocity: Tensor, coefficients: MomentumCoefficients): MomentumStepResult;
  /** One leaf of a fused Adam step (see ops/optimiser-steps.ts); all tensors of one shape and dtype. */
  adamStep(theta: Tensor, grad: Tensor, mu: Tensor, nu: Tensor, coefficients: AdamCoefficients): AdamStepResult;
}
