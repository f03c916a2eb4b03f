/**
 * Differentiable elementwise functions of one argument. Each rule multiplies the cotangent by
 * the local derivative g′, reusing the output z where it can (exp, sqrt, reciprocal, tan).
 *
 * | op | z | ∂z/∂x | FLOPs fwd / VJP (per element) |
 * | --- | --- | --- | --- |
 * | exp | eˣ | z | 1 / 1 |
 * | expm1 | eˣ − 1 | z + 1 | 1 / 2 |
 * | log | ln x | 1/x | 1 / 2 |
 * | log1p | ln(1 + x) | 1/(1 + x) | 1 / 3 |
 * | sqrt | √x | 1/(2z) | 1 / 2 |
 * | square | x² | 2x | 1 / 2 |
 * | reciprocal | 1/x | −z² | 1 / 3 |
 * | abs | \|x\| | sign x (0 at 0) | 1 / 1 |
 * | sin | sin x | cos x | 1 / 2 |
 * | cos | cos x | −sin x | 1 / 3 |
 * | tan | tan x | 1 + z² | 1 / 3 |
 *
 * @module
 */
import * as T from '@theta/tensor';
import { stopGradient, type Value } from '../value.js';
import { add, neg, div, mul } from './arithmetic.js';
import { elementwiseCost, unaryOp, zero, type UnaryOp, type UnaryRule } from './primitive.js';
import { safeMul } from './safe.js';

/** A rule whose VJP is z̄ · `local(x, z)` and whose scalar partial is `d`. */
const rule = (
  op: string,
  value: (x: number) => number,
  d: (x: number, z: number) => number,
  local: (x: Value, z: Value) => Value,
  backwardFlops: number,
): UnaryRule => ({
  op,
  vjp: (g, [x], z) => safeMul(g, local(x, z)),
  cost: elementwiseCost(1, [backwardFlops]),
  scalar: { value, d0: (x, _y, z) => d(x, z), d1: zero },
});

/**
 * $z = e^x$. VJP: $\bar x = \bar z\, z$ (the output is reused).
 *
 * @since 0.1.0
 * @category Elementwise
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * console.log(R.exp(0), R.grad(R.exp)(0)); // 1 1
 * ```
 */
export const exp: UnaryOp = unaryOp(rule('exp', Math.exp, (_x, z) => z, (_x, z) => z, 1), T.exp);

/**
 * $z = e^x - 1$, accurate near 0. VJP: $\bar x = \bar z\,(z + 1)$.
 *
 * @since 0.1.0
 * @category Elementwise
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * console.log(R.expm1(0), R.grad(R.expm1)(0)); // 0 1
 * ```
 */
export const expm1: UnaryOp = unaryOp(rule('expm1', Math.expm1, (_x, z) => z + 1, (_x, z) => add(z, 1), 2), T.expm1);

/**
 * $z = \ln x$. VJP: $\bar x = \bar z / x$.
 *
 * @since 0.1.0
 * @category Elementwise
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * console.log(R.log(1), R.grad(R.log)(4)); // 0 0.25
 * ```
 */
export const log: UnaryOp = unaryOp(rule('log', Math.log, (x) => 1 / x, (x) => reciprocal(x), 2), T.log);

/**
 * $z = \ln(1 + x)$, accurate near 0. VJP: $\bar x = \bar z / (1 + x)$.
 *
 * @since 0.1.0
 * @category Elementwise
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * console.log(R.log1p(0), R.grad(R.log1p)(1)); // 0 0.5
 * ```
 */
export const log1p: UnaryOp = unaryOp(rule('log1p', Math.log1p, (x) => 1 / (1 + x), (x) => reciprocal(add(x, 1)), 3), T.log1p);

/**
 * $z = \sqrt{x}$. VJP: $\bar x = \bar z / (2z)$ (the output is reused).
 *
 * @since 0.1.0
 * @category Elementwise
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * console.log(R.sqrt(4), R.grad(R.sqrt)(4)); // 2 0.25
 * ```
 */
export const sqrt: UnaryOp = unaryOp(rule('sqrt', Math.sqrt, (_x, z) => 0.5 / z, (_x, z) => div(0.5, z), 2), T.sqrt);

/**
 * $z = x^2$. VJP: $\bar x = 2x\,\bar z$.
 *
 * @since 0.1.0
 * @category Elementwise
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * console.log(R.square(3), R.grad(R.square)(3)); // 9 6
 * ```
 */
export const square: UnaryOp = unaryOp(rule('square', (x) => x * x, (x) => 2 * x, (x) => mul(x, 2), 2), T.square);

/**
 * $z = 1/x$. VJP: $\bar x = -\bar z\, z^2$.
 *
 * @since 0.1.0
 * @category Elementwise
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * console.log(R.reciprocal(4), R.grad(R.reciprocal)(2)); // 0.25 -0.25
 * ```
 */
export const reciprocal: UnaryOp = unaryOp(rule('reciprocal', (x) => 1 / x, (_x, z) => -z * z, (_x, z) => neg(square(z)), 3), T.reciprocal);

/**
 * $z = |x|$. VJP: $\bar x = \bar z \operatorname{sign} x$ (0 at x = 0, the subgradient JAX uses too).
 *
 * @since 0.1.0
 * @category Elementwise
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * console.log(R.abs(-2), R.grad(R.abs)(-2), R.grad(R.abs)(0)); // 2 -1 0
 * ```
 */
export const abs: UnaryOp = unaryOp(
  rule('abs', Math.abs, (x) => Math.sign(x), (x) => {
    const s = stopGradient(x);
    return typeof s === 'number' ? Math.sign(s) : T.sign(s);
  }, 1),
  T.abs,
);

/**
 * $z = \sin x$. VJP: $\bar x = \bar z \cos x$.
 *
 * @since 0.1.0
 * @category Elementwise
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * console.log(R.sin(0), R.grad(R.sin)(0)); // 0 1
 * ```
 */
export const sin: UnaryOp = unaryOp(rule('sin', Math.sin, (x) => Math.cos(x), (x) => cos(x), 2), T.sin);

/**
 * $z = \cos x$. VJP: $\bar x = -\bar z \sin x$.
 *
 * @since 0.1.0
 * @category Elementwise
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * console.log(R.cos(0), R.grad(R.cos)(0)); // 1 0
 * ```
 */
export const cos: UnaryOp = unaryOp(rule('cos', Math.cos, (x) => -Math.sin(x), (x) => neg(sin(x)), 3), T.cos);

/**
 * $z = \tan x$. VJP: $\bar x = \bar z\,(1 + z^2)$.
 *
 * @since 0.1.0
 * @category Elementwise
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * console.log(R.tan(0), R.grad(R.tan)(0)); // 0 1
 * ```
 */
export const tan: UnaryOp = unaryOp(rule('tan', Math.tan, (_x, z) => 1 + z * z, (_x, z) => add(1, square(z)), 3), T.tan);
