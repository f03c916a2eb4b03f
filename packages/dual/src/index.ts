/**
 * Forward-mode automatic differentiation with dual numbers.
 *
 * A dual number $v + \dot v\,\varepsilon$ (with $\varepsilon^2 = 0$) carries a tangent
 * $\dot v$ beside its value. Every elementary function computes its value and, in the same
 * step, multiplies the incoming tangent by its local derivative (its row in one table), so the
 * chain rule runs forward with the evaluation and one pass gives $f(x)$ and $f'(x)$ together.
 * Plain numbers are the constants: a function written over `Num = number | Dual` runs plainly
 * on numbers and differentiated on duals, unchanged.
 *
 * ## The notes' example
 *
 * Take $f(x) = \sqrt{x^2 + \exp(x^2)}$ and the notes' intermediate variables. Seeding
 * $\dot x = 1$, each line carries its tangent forward next to its value:
 *
 * | variable | value | tangent |
 * | --- | --- | --- |
 * | $a$ | $x^2$ | $\dot a = 2x\,\dot x$ |
 * | $b$ | $\exp(a)$ | $\dot b = b\,\dot a$ |
 * | $c$ | $a + b$ | $\dot c = \dot a + \dot b$ |
 * | $d$ | $\sqrt c = f(x)$ | $\dot d = \dot c / (2\sqrt c) = \dot c / (2d)$ |
 *
 * So $\dot d = 2x(1 + b) / (2d) = x(1 + b)/d$, the notes' $df/dx$. Forward mode reuses $b$ and
 * $d$ exactly as the notes' reverse sweep does; it only walks the list in the other direction.
 * Where the notes count 5 FLOPs for $f$ and 10 for the symbolic $f'$, the tangent column adds
 * about one multiply-add per line: the pair $(f, f')$ costs a small constant factor of $f$.
 *
 * ## When forward mode beats reverse mode
 *
 * One forward pass gives $J_f(x)\,v$, the derivative of **every output** along **one input
 * direction**, for about the cost of evaluating $f$ (a small constant factor) and no stored
 * trace. For $f: \mathbb R^n \to \mathbb R^m$ the full Jacobian takes $n$ passes forward (or
 * $\lceil n / \text{chunk} \rceil$ passes carrying a chunk of partials each) against $m$
 * sweeps in reverse mode. So forward mode wins with few inputs and many outputs ($n \ll m$):
 * derivatives of scalar functions, curves, Jacobian-vector products, sensitivities of a model
 * to a few hyperparameters. Reverse mode (`@theta/reverse`) wins for a scalar cost of many
 * parameters, such as $C(\Theta)$ of a network.
 *
 * ## Conventions
 *
 * Kinks take one documented value each: relu′(0) = 0, leakyRelu′(0) = slope and elu′(0) = α
 * (the left-hand derivative), abs′(0) = 0, sign′ = 0, and min/max split a tie evenly (½ each,
 * so max(x, x)′ = 1). NaN in gives NaN out, never a throw or a silent 0. A zero tangent stays
 * zero even against an infinite local derivative — a constant has no say — so √(0·x) has
 * derivative 0 and a chunked gradient equals the one-input-per-pass gradient exactly.
 *
 * ## Nesting
 *
 * Higher derivatives nest duals: the value of a dual may itself be a dual. Each
 * differentiation call takes a fresh tag, so an inner derivative never picks up the outer
 * tangent (the perturbation confusion that ForwardDiff.jl's tags prevent):
 * `derivative(x => x * derivative(y => x + y)(1))(1)` is 1, where untagged duals would give 2.
 *
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * const f = (x: D.Num): D.Num => {
 *   const a = D.mul(x, x); // a = x²
 *   const b = D.exp(a);    // b = exp(a)
 *   const c = D.add(a, b); // c = a + b
 *   return D.sqrt(c);      // d = √c = f(x)
 * };
 * const x = 0.7;
 * const [d, dd] = D.valueAndDerivative(f)(x);
 * const b = Math.exp(x * x);
 * // the notes' df/dx = x(1 + b)/d, to rounding
 * console.log(Math.abs((dd as number) - (x * (1 + b)) / (d as number)) < 1e-15); // true
 * ```
 *
 * @packageDocumentation
 */
export {
  Dual,
  freshTag,
  isDual,
  perturb,
  primal,
  primalOf,
  tangentOf,
  type Num,
  type Partials,
  type Tag,
  type Tangent,
} from './dual.js';
export { DomainError, ShapeError, TypeMismatchError, isDualError, type DualError } from './errors.js';
export type { Like, NumRecord, Point, Vector } from './point.js';

export { add, div, mul, neg, sub, sum } from './elementary/arithmetic.js';
export { cbrt, hypot, pow, powi, sqrt } from './elementary/power.js';
export { exp, expm1, log, log10, log1p, log2 } from './elementary/exponential.js';
export { acos, asin, atan, atan2, cos, sin, tan } from './elementary/trigonometric.js';
export { acosh, asinh, atanh, cosh, sinh, tanh } from './elementary/hyperbolic.js';
export { abs, max, min, sign } from './elementary/piecewise.js';
export { elu, leakyRelu, relu, sigmoid, softplus } from './elementary/activation.js';

export { derivative, nthDerivative, valueAndDerivative } from './derivative.js';
export { jvp } from './jvp.js';
export { gradient, valueAndGradient, type GradientOptions } from './gradient.js';
export { jacobian, type Jacobian } from './jacobian.js';
export { hessian, type Hessian } from './hessian.js';
