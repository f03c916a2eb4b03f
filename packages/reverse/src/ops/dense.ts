/**
 * A differentiable fused dense layer $A = \sigma(X W^\top + b)$: one node in the Wengert list
 * instead of matmul, add and σ, computed by @theta/tensor's fused `denseForward`.
 *
 * The node saves Z (as a constant: only the masks of the piecewise σ read it) and its output A;
 * σ′ is read from A wherever it is smooth, so the VJP stays differentiable:
 *
 * | σ | σ′ from |
 * | --- | --- |
 * | identity | 1 |
 * | sigmoid | A(1 − A) |
 * | tanh | 1 − A² |
 * | relu | [Z > 0] |
 * | leakyRelu | 1 or α by [Z > 0] |
 * | elu | 1 or A + α by [Z > 0] |
 * | softplus | σ(Z) = 1 − e^{−A} |
 *
 * First-order sweeps (plain cotangent and primals) run @theta/tensor's fused `denseBackward`;
 * inside an enclosing trace the VJP is written with the differentiable ops, so `grad(grad(f))`
 * and `hessianVectorProduct` see through it. FLOPs (X $[N, k]$, W $[n, k]$): forward
 * $2Nnk + Nn$ (+ $Nn$ for σ ≠ identity); VJP: X $2Nnk$, W $2Nnk$ + δ, b $(N - 1)n$, where
 * δ costs $Nn$ times 1 (relu, leakyRelu), 2 (elu, softplus) or 3 (sigmoid, tanh).
 *
 * @module
 */
import * as T from '@theta/tensor';
import type { Rule } from '../rule.js';
import { primalAt, topN } from '../tape.js';
import { TracedValue, shapeOf, type Value } from '../value.js';
import { add, mul, neg, sub } from './arithmetic.js';
import { matmul } from './matmul.js';
import { sum } from './reduce.js';
import { safeMul } from './safe.js';
import { expm1, square } from './unary.js';
import { where } from './where.js';

/** The node's parameters: σ, α, the constant Z, and whether ∂X is needed. */
interface DenseParams {
  readonly activation: T.DenseActivation;
  readonly alpha: number;
  readonly z: T.Tensor;
  readonly propagate: boolean;
}

/** FLOPs per element of δ = g ⊙ σ′. */
const deltaFlops: Readonly<Record<T.DenseActivation, number>> = { identity: 0, relu: 1, leakyRelu: 1, elu: 2, softplus: 2, sigmoid: 3, tanh: 3 };

/** δ = g ⊙ σ′(Z), with the differentiable ops (σ′ from A where it is smooth). */
function deltaOf(g: Value, a: Value, { activation, alpha, z }: DenseParams): Value {
  switch (activation) {
    case 'identity':
      return g;
    case 'sigmoid':
      return safeMul(g, mul(a, sub(1, a)));
    case 'tanh':
      return safeMul(g, sub(1, square(a)));
    case 'relu':
      return safeMul(g, T.step(z));
    case 'leakyRelu':
      return safeMul(g, T.leakyReluDerivative(z, alpha));
    case 'elu':
      return safeMul(g, where(T.step(z), 1, add(a, alpha)));
    case 'softplus':
      // a = ln(1 + eᶻ) ⇒ e^{−a} = 1 − σ(z): σ(z) = −expm1(−a), accurate at both ends.
      return safeMul(g, neg(expm1(neg(a))));
  }
}

const denseRule: Rule<DenseParams, readonly [Value, Value, Value]> = {
  op: 'dense',
  vjp: (g, inputs, out, params, j) => denseRule.vjpAll?.(g, inputs, out, params)[j] as Value,
  vjpAll: (g, [x, w], out, params) => {
    // First order: everything plain, so one fused kernel call gives all three.
    if (T.isTensor(g) && T.isTensor(x) && T.isTensor(w) && T.isTensor(out)) {
      const { activation, alpha, z, propagate } = params;
      const r = T.denseBackward(g, x, w, { activation, alpha, z, a: out, propagate });
      return [r.dInput, r.dW, r.db];
    }
    const delta = deltaOf(g, out, params);
    return [params.propagate ? matmul(delta, w) : undefined, matmul(delta, x, { transposeA: true }), sum(delta, { axis: 0 })];
  },
  cost: ([x, w], _out, { activation }) => {
    const [N = 0, k = 0] = shapeOf(x);
    const n = shapeOf(w)[0] ?? 0;
    const product = 2 * N * n * k;
    const delta = deltaFlops[activation] * N * n;
    return {
      forward: product + N * n + (activation === 'identity' ? 0 : N * n),
      backward: [product, product + delta, Math.max(0, N - 1) * n],
    };
  },
};

/** The default α of each σ, as @theta/tensor's kernels take it. */
const alphaOf = (options: T.DenseOptions): number =>
  options.alpha ?? (options.activation === 'leakyRelu' ? 0.01 : options.activation === 'elu' ? 1 : 0);

/** Z (plain, for the masks) and A (recorded in every active trace) of one dense layer. */
function forward(X: Value, W: Value, b: Value, activation: T.DenseActivation, alpha: number): { readonly z: T.Tensor; readonly a: Value } {
  const tape = topN([X, W, b], 'dense');
  if (tape === undefined) return T.denseForward(X as T.Tensor, W as T.Tensor, b as T.Tensor, { activation, alpha });
  const x = primalAt(X, tape);
  const w = primalAt(W, tape);
  const c = primalAt(b, tape);
  const inner = forward(x, w, c, activation, alpha);
  const propagate = X instanceof TracedValue && X.tape === tape;
  const params: DenseParams = { activation, alpha, z: inner.z, propagate };
  return { z: inner.z, a: tape.push(denseRule, [X, W, b], [x, w, c] as const, inner.a, params) };
}

/**
 * One dense layer, fused and differentiable: $A = \sigma(X W^\top + b)$ for a batch X $[N, k]$
 * (rows are examples), weights W $[n, k]$ and bias b $[n]$, with σ one of
 * @theta/tensor's `DenseActivation`s (`identity` when absent) and its α. Equal to
 * `σ(add(matmul(X, W, { transposeB: true }), b))` to rounding, but recorded as ONE `dense`
 * node whose VJP is the δ-equations: $\delta = \bar A \odot \sigma'(Z)$,
 * $\bar X = \delta W$, $\bar W = \delta^\top X$, $\bar b = \sum_{\text{rows}} \delta$.
 * Throws @theta/tensor's `ShapeError`/`DTypeError`/`DomainError` as `T.denseForward` does.
 *
 * @since 0.1.0
 * @category Linear algebra
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * import * as T from '@theta/tensor';
 * const X = T.tensor([[1, 2]]);
 * const b = T.tensor([0]);
 * const layer = (W: R.Value) => R.sum(R.dense(X, W, b, { activation: 'relu' }));
 * console.log(T.item(layer(T.tensor([[1, 1]]))), T.toNested(R.grad(layer)(T.tensor([[1, 1]])))); // 3 [[1, 2]]
 * ```
 */
export function dense(X: T.Tensor, W: T.Tensor, b: T.Tensor, options?: T.DenseOptions): T.Tensor;
export function dense(X: Value, W: Value, b: Value, options?: T.DenseOptions): Value;
export function dense(X: Value, W: Value, b: Value, options: T.DenseOptions = {}): Value {
  return forward(X, W, b, options.activation ?? 'identity', alphaOf(options)).a;
}
