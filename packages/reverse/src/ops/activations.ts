/**
 * Differentiable activation functions σ, with the rules that back propagation multiplies by:
 * δ = σ′(z) ⊙ ∂C/∂a. Each reuses its output where that is the cheaper form (σ′ = σ(1 − σ)).
 *
 * | op | σ(x) | σ′(x) | FLOPs fwd / VJP (per element) |
 * | --- | --- | --- | --- |
 * | tanh | tanh x | 1 − z² | 1 / 3 |
 * | sigmoid | 1/(1 + e⁻ˣ) | z(1 − z) | 1 / 3 |
 * | logSigmoid | ln σ(x) | σ(−x) | 1 / 3 |
 * | softplus | ln(1 + eˣ) | σ(x) | 1 / 2 |
 * | relu | max(x, 0) | [x > 0] (0 at 0) | 1 / 1 |
 * | leakyRelu | x or αx | 1 or α (α at 0) | 1 / 1 |
 * | elu | x or α(eˣ − 1) | 1 or z + α (z + α at 0) | 1 / 2 |
 *
 * @module
 */
import * as T from '@theta/tensor';
import { stopGradient, type Value } from '../value.js';
import { add, mul, neg, sub } from './arithmetic.js';
import { elementwiseCost, unaryOp, zero, type ParametricOp, type UnaryOp, type UnaryRule } from './primitive.js';
import { safeMul } from './safe.js';
import { square } from './unary.js';
import { where } from './where.js';

const sigmoidScalar = (x: number): number => {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
};
const softplusScalar = (x: number): number => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));

/** A rule whose VJP is z̄ · `local(x, z, α)` and whose scalar partial is `d`. */
const rule = (
  op: string,
  value: (x: number, alpha: number) => number,
  d: (x: number, z: number, alpha: number) => number,
  local: (x: Value, z: Value, alpha: number) => Value,
  backwardFlops: number,
): UnaryRule => ({
  op,
  vjp: (g, [x], z, alpha) => safeMul(g, local(x, z, alpha)),
  cost: elementwiseCost(1, [backwardFlops]),
  scalar: { value, d0: (x, alpha, z) => d(x, z, alpha), d1: zero },
});

/**
 * $z = \tanh x$. VJP: $\bar x = \bar z\,(1 - z^2)$.
 *
 * @since 0.1.0
 * @category Activations
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * console.log(R.tanh(0), R.grad(R.tanh)(0)); // 0 1
 * ```
 */
export const tanh: UnaryOp = unaryOp(rule('tanh', Math.tanh, (_x, z) => 1 - z * z, (_x, z) => sub(1, square(z)), 3), T.tanh);

/**
 * The logistic function $\sigma(x) = 1/(1 + e^{-x})$, stable at both ends.
 * VJP: $\bar x = \bar z\, z(1 - z)$ — the rule saves the output.
 *
 * @since 0.1.0
 * @category Activations
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * console.log(R.sigmoid(0), R.grad(R.sigmoid)(0)); // 0.5 0.25
 * ```
 */
export const sigmoid: UnaryOp = unaryOp(rule('sigmoid', sigmoidScalar, (_x, z) => z * (1 - z), (_x, z) => mul(z, sub(1, z)), 3), T.sigmoid);

/**
 * $z = \ln \sigma(x)$, finite where `log(sigmoid(x))` underflows. VJP: $\bar x = \bar z\, \sigma(-x)$.
 *
 * @since 0.1.0
 * @category Activations
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * console.log(R.logSigmoid(-300), R.grad(R.logSigmoid)(-300)); // -300 1
 * ```
 */
export const logSigmoid: UnaryOp = unaryOp(
  rule('logSigmoid', (x) => -softplusScalar(-x), (x) => sigmoidScalar(-x), (x) => sigmoid(neg(x)), 3),
  T.logSigmoid,
);

/**
 * $z = \ln(1 + e^x)$, stable. VJP: $\bar x = \bar z\, \sigma(x)$.
 *
 * @since 0.1.0
 * @category Activations
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * console.log(R.softplus(1000), R.grad(R.softplus)(0)); // 1000 0.5
 * ```
 */
export const softplus: UnaryOp = unaryOp(rule('softplus', softplusScalar, (x) => sigmoidScalar(x), (x) => sigmoid(x), 2), T.softplus);

/** [x > 0] as a constant (NaN stays NaN), for the piecewise-linear rules. */
const positive = (x: Value): T.Tensor | number => {
  const s = stopGradient(x);
  return typeof s === 'number' ? (s > 0 ? 1 : s === s ? 0 : s) : T.step(s);
};

/**
 * $z = \max(x, 0)$. VJP: $\bar x = \bar z\,[x > 0]$ (relu′(0) = 0, as @theta/tensor's `reluDerivative`).
 *
 * @since 0.1.0
 * @category Activations
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * console.log(R.relu(-1), R.grad(R.relu)(2), R.grad(R.relu)(0)); // 0 1 0
 * ```
 */
export const relu: UnaryOp = unaryOp(
  rule('relu', (x) => (x > 0 ? x : x === x ? 0 : x), (x) => (x > 0 ? 1 : x === x ? 0 : x), (x) => positive(x), 1),
  T.relu,
);

/**
 * $z = x$ for x > 0, $\alpha x$ otherwise (α = 0.01 by default). VJP: $\bar x = \bar z$ or $\alpha \bar z$.
 *
 * @since 0.1.0
 * @category Activations
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * console.log(R.leakyRelu(-2, 0.1), R.grad((x: R.Value) => R.leakyRelu(x, 0.1))(-2)); // -0.2 0.1
 * ```
 */
export const leakyRelu: ParametricOp = unaryOp(
  rule('leakyRelu', (x, a) => (x > 0 ? x : a * x), (x, _z, a) => (x > 0 ? 1 : x === x ? a : x), (x, _z, a) => {
    const s = stopGradient(x);
    return typeof s === 'number' ? (s > 0 ? 1 : a) : T.leakyReluDerivative(s, a);
  }, 1),
  T.leakyRelu,
  0.01,
);

/**
 * $z = x$ for x > 0, $\alpha(e^x - 1)$ otherwise (α = 1 by default).
 * VJP: $\bar x = \bar z$ or $\bar z\,(z + \alpha)$, which reuses the output.
 *
 * @since 0.1.0
 * @category Activations
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * console.log(R.elu(0), R.grad((x: R.Value) => R.elu(x))(0)); // 0 1
 * ```
 */
export const elu: ParametricOp = unaryOp(
  rule('elu', (x, a) => (x > 0 ? x : a * Math.expm1(x)), (x, z, a) => (x > 0 ? 1 : z + a), (x, z, a) => where(positive(x), 1, add(z, a)), 2),
  T.elu,
  1,
);
