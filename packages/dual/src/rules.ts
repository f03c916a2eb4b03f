/**
 * The table: every elementary function's plain-number evaluation beside its derivative rule,
 * one row each, as JAX keeps `jvp_rules[op]` next to its primitives. A rule is written with the
 * package's own `Num` functions, so the derivative it returns differentiates again (nesting).
 * Rules receive the primal arguments and the output `y` (exp and tanh reuse what they computed).
 *
 * Conventions at kinks, chosen once here: relu′(0) = 0, leakyRelu′(0) = slope and elu′(0) = α
 * (the left-hand derivative); abs′(0) = 0 and sign′ = 0; min and max split a tie evenly
 * (½ to each argument, as JAX does); hypot′ at the origin is 0. NaN in gives NaN out. The
 * chain step `ẏ = ẋ · dy/dx` keeps a zero tangent at zero even when dy/dx is infinite or NaN
 * (see `chain` in `tangent.ts`).
 *
 * @module
 */
import { primal, type Dual, type Num } from './dual.js';
import { liftBinary, liftParametric, liftUnary } from './lift.js';
// Function declarations are bound before any module body runs, so this cycle is safe: the
// table holds each function, and each function reads its row only when it is called.
import { add, div, mul, neg, sub } from './elementary/arithmetic.js';
import { exp, expm1, log, log10, log1p, log2 } from './elementary/exponential.js';
import { cbrt, hypot, pow, powi, sqrt } from './elementary/power.js';
import { acos, asin, atan, atan2, cos, sin, tan } from './elementary/trigonometric.js';
import { acosh, asinh, atanh, cosh, sinh, tanh } from './elementary/hyperbolic.js';
import { abs, max, min, sign } from './elementary/piecewise.js';
import { elu, leakyRelu, relu, sigmoid, softplus } from './elementary/activation.js';

/** dy/dx at x given y; plain numbers in give a plain number out. */
type Derivative = { (x: number, y: number): number; (x: Num, y: Num): Num };
/** dy/dx for a function with a plain-number parameter p. */
type ParametricDerivative = { (x: number, y: number, p: number): number; (x: Num, y: Num, p: number): Num };
/** One partial derivative of y = g(a, b). */
type Partial = { (a: number, b: number, y: number): number; (a: Num, b: Num, y: Num): Num };

/** A row for y = f(x). */
export interface UnaryRule {
  /** f itself, over Num (the general path applies it one level down). */
  readonly op: (x: Num) => Num;
  /** The general path for a dual argument: nested or chunked tangents, via `liftUnary`. */
  readonly lift: (x: Dual) => Dual;
  /** f on plain numbers. */
  readonly value: (x: number) => number;
  /** dy/dx. */
  readonly derivative: Derivative;
}
/** A row for y = f(x; p) with a plain-number parameter p. */
export interface ParametricRule {
  /** f itself, over Num. */
  readonly op: (x: Num, p: number) => Num;
  /** The general path for a dual argument, via `liftParametric`. */
  readonly lift: (x: Dual, p: number) => Dual;
  /** f on plain numbers. */
  readonly value: (x: number, p: number) => number;
  /** dy/dx. */
  readonly derivative: ParametricDerivative;
}
/** A row for y = g(a, b). */
export interface BinaryRule {
  /** g itself, over Num. */
  readonly op: (a: Num, b: Num) => Num;
  /** The general path when a dual is involved, via `liftBinary`. */
  readonly lift: (a: Num, b: Num) => Num;
  /** g on plain numbers. */
  readonly value: (a: number, b: number) => number;
  /** ∂y/∂a. */
  readonly partialA: Partial;
  /** ∂y/∂b. */
  readonly partialB: Partial;
}

// The casts are sound because every Num function maps plain numbers to plain numbers.
// `lift` is bound here so that each function's call into its general path stays one short call
// (the fast paths are sized for the engine's inlining budget).
const unary = (
  op: (x: Num) => Num,
  value: (x: number) => number,
  derivative: (x: Num, y: Num) => Num,
): UnaryRule => {
  const row: UnaryRule = { op, value, derivative: derivative as Derivative, lift: (x) => liftUnary(x, row) };
  return row;
};
const parametric = (
  op: (x: Num, p: number) => Num,
  value: (x: number, p: number) => number,
  derivative: (x: Num, y: Num, p: number) => Num,
): ParametricRule => {
  const lift = (x: Dual, p: number): Dual => liftParametric(x, p, row);
  const row: ParametricRule = { op, value, derivative: derivative as ParametricDerivative, lift };
  return row;
};
const binary = (
  op: (a: Num, b: Num) => Num,
  value: (a: number, b: number) => number,
  partialA: (a: Num, b: Num, y: Num) => Num,
  partialB: (a: Num, b: Num, y: Num) => Num,
): BinaryRule => {
  const lift = (a: Num, b: Num): Num => liftBinary(a, b, row);
  const row: BinaryRule = { op, value, partialA: partialA as Partial, partialB: partialB as Partial, lift };
  return row;
};

/** 1 for x > 0, 0 for x ≤ 0, NaN for NaN: never a silent 0 for NaN. */
const step = (x: Num): number => {
  const p = primal(x);
  return p > 0 ? 1 : p <= 0 ? 0 : NaN;
};
/** ∂max(a, b)/∂a: 1 when a wins, 0 when it loses, ½ on a tie, NaN if either is NaN. */
const wins = (a: Num, b: Num): number => {
  const p = primal(a);
  const q = primal(b);
  return p > q ? 1 : p < q ? 0 : p === q ? 0.5 : NaN;
};
/** σ(x) without overflow: exp of a non-positive number only. */
const logistic = (x: number): number => {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
};
/** log(1 + eˣ) without overflow: softplus(1000) = 1000. */
const softplusValue = (x: number): number => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
/** 1 / √(1 − x²), shared by asin and acos. */
const inverseSqrtOneMinusSquare = (x: Num): Num => div(1, sqrt(sub(1, mul(x, x))));
/** a² + b², shared by atan2's partials. */
const radiusSquared = (a: Num, b: Num): Num => add(mul(a, a), mul(b, b));

/**
 * Every elementary function, one row each: the function itself, its value on plain numbers, and
 * its derivative (or both partials), given the arguments and the output y.
 */
export const rules = {
  add: binary(add, (a, b) => a + b, () => 1, () => 1),
  sub: binary(sub, (a, b) => a - b, () => 1, () => -1),
  mul: binary(mul, (a, b) => a * b, (_, b) => b, (a) => a),
  div: binary(div, (a, b) => a / b, (_, b) => div(1, b), (_, b, y) => neg(div(y, b))),
  neg: unary(neg, (x) => -x, () => -1),
  // b·a^(b−1); a constant zero exponent has derivative 0 even at a = 0 (not 0·∞).
  pow: binary(
    pow,
    (a, b) => Math.pow(a, b),
    (a, b) => (b === 0 ? 0 : mul(b, pow(a, sub(b, 1)))),
    (a, b, y) => (primal(a) === 0 && primal(b) > 0 ? 0 : mul(y, log(a))),
  ),
  powi: parametric(powi, (x, n) => Math.pow(x, n), (x, _, n) => (n === 0 ? 0 : mul(n, powi(x, n - 1)))),
  sqrt: unary(sqrt, (x) => Math.sqrt(x), (_, y) => div(0.5, y)),
  cbrt: unary(cbrt, (x) => Math.cbrt(x), (_, y) => div(1, mul(3, mul(y, y)))),
  hypot: binary(
    hypot,
    (a, b) => Math.hypot(a, b),
    (a, _, y) => (primal(y) === 0 ? 0 : div(a, y)),
    (_, b, y) => (primal(y) === 0 ? 0 : div(b, y)),
  ),
  exp: unary(exp, (x) => Math.exp(x), (_, y) => y),
  expm1: unary(expm1, (x) => Math.expm1(x), (_, y) => add(y, 1)),
  log: unary(log, (x) => Math.log(x), (x) => div(1, x)),
  log1p: unary(log1p, (x) => Math.log1p(x), (x) => div(1, add(1, x))),
  log2: unary(log2, (x) => Math.log2(x), (x) => div(Math.LOG2E, x)),
  log10: unary(log10, (x) => Math.log10(x), (x) => div(Math.LOG10E, x)),
  sin: unary(sin, (x) => Math.sin(x), (x) => cos(x)),
  cos: unary(cos, (x) => Math.cos(x), (x) => neg(sin(x))),
  tan: unary(tan, (x) => Math.tan(x), (_, y) => add(1, mul(y, y))),
  asin: unary(asin, (x) => Math.asin(x), inverseSqrtOneMinusSquare),
  acos: unary(acos, (x) => Math.acos(x), (x) => neg(inverseSqrtOneMinusSquare(x))),
  atan: unary(atan, (x) => Math.atan(x), (x) => div(1, add(1, mul(x, x)))),
  // atan2(a, b) is the angle of the point (b, a): ∂/∂a = b / r², ∂/∂b = −a / r².
  atan2: binary(
    atan2,
    (a, b) => Math.atan2(a, b),
    (a, b) => div(b, radiusSquared(a, b)),
    (a, b) => neg(div(a, radiusSquared(a, b))),
  ),
  sinh: unary(sinh, (x) => Math.sinh(x), (x) => cosh(x)),
  cosh: unary(cosh, (x) => Math.cosh(x), (x) => sinh(x)),
  tanh: unary(tanh, (x) => Math.tanh(x), (_, y) => sub(1, mul(y, y))),
  asinh: unary(asinh, (x) => Math.asinh(x), (x) => div(1, hypot(x, 1))),
  acosh: unary(acosh, (x) => Math.acosh(x), (x) => div(1, sqrt(mul(sub(x, 1), add(x, 1))))),
  atanh: unary(atanh, (x) => Math.atanh(x), (x) => div(1, mul(sub(1, x), add(1, x)))),
  abs: unary(abs, (x) => Math.abs(x), (x) => {
    const p = primal(x);
    return p > 0 ? 1 : p < 0 ? -1 : p === 0 ? 0 : NaN;
  }),
  sign: unary(sign, (x) => Math.sign(x), (x) => (Number.isNaN(primal(x)) ? NaN : 0)),
  min: binary(min, (a, b) => Math.min(a, b), (a, b) => wins(b, a), (a, b) => wins(a, b)),
  max: binary(max, (a, b) => Math.max(a, b), (a, b) => wins(a, b), (a, b) => wins(b, a)),
  // σ′ = σ(x)·σ(−x): the same as σ(1 − σ), without cancelling to 0 for large x.
  sigmoid: unary(sigmoid, logistic, (x, y) => mul(y, sigmoid(neg(x)))),
  softplus: unary(softplus, softplusValue, (x) => sigmoid(x)),
  relu: unary(relu, (x) => Math.max(x, 0), step),
  leakyRelu: parametric(
    leakyRelu,
    (x, slope) => (x > 0 ? x : slope * x),
    (x, _, slope) => {
      const s = step(x);
      return s === 0 ? slope : s;
    },
  ),
  elu: parametric(
    elu,
    (x, alpha) => (x > 0 ? x : alpha * Math.expm1(x)),
    (x, _, alpha) => (step(x) === 1 ? 1 : mul(alpha, exp(x))),
  ),
};
