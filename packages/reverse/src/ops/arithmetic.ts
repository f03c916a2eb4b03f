/**
 * Differentiable arithmetic, elementwise with NumPy broadcasting. A cotangent flowing to a
 * broadcast operand is summed back to its shape (`unbroadcast`), the adjoint of broadcasting.
 *
 * | op | z | ∂z/∂a | ∂z/∂b | FLOPs fwd / VJP a / VJP b (per element) |
 * | --- | --- | --- | --- | --- |
 * | add | a + b | 1 | 1 | 1 / 0 / 0 |
 * | sub | a − b | 1 | −1 | 1 / 0 / 1 |
 * | mul | a · b | b | a | 1 / 1 / 1 |
 * | div | a / b | 1/b | −z/b | 1 / 2 / 3 |
 * | pow | aᵇ | b·aᵇ⁻¹ | z·ln a | 1 / 4 / 3 |
 * | maximum | max(a, b) | [a > b] (½ at ties) | [b > a] (½ at ties) | 1 / 1 / 1 |
 * | minimum | min(a, b) | [a < b] (½ at ties) | [b < a] (½ at ties) | 1 / 1 / 1 |
 * | neg | −a | −1 | | 1 / 1 |
 *
 * @module
 */
import * as T from '@theta/tensor';
import { stopGradient, type Value } from '../value.js';
import { unbroadcast } from './layout.js';
import { binaryOp, elementwiseCost, unaryOp, zero, type BinaryOp, type ElementwiseRule, type UnaryOp, type UnaryRule } from './primitive.js';
import { safeMul } from './safe.js';
import { log, reciprocal } from './unary.js';

const addRule: ElementwiseRule = {
  op: 'add',
  vjp: (g, [a, b], _z, _p, j) => unbroadcast(g, j === 0 ? a : b),
  cost: elementwiseCost(1, [0, 0]),
  scalar: { value: (x, y) => x + y, d0: () => 1, d1: () => 1 },
};

/**
 * $z = a + b$, elementwise with broadcasting. VJP: $\bar a = \bar z$, $\bar b = \bar z$
 * (summed over broadcast axes).
 *
 * @since 0.1.0
 * @category Arithmetic
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * console.log(R.add(2, 3), R.grad((x: R.Value) => R.add(x, x))(5)); // 5 2
 * ```
 */
export const add: BinaryOp = binaryOp(addRule, T.add);

const subRule: ElementwiseRule = {
  op: 'sub',
  vjp: (g, [a, b], _z, _p, j) => (j === 0 ? unbroadcast(g, a) : unbroadcast(neg(g), b)),
  cost: elementwiseCost(1, [0, 1]),
  scalar: { value: (x, y) => x - y, d0: () => 1, d1: () => -1 },
};

/**
 * $z = a - b$. VJP: $\bar a = \bar z$, $\bar b = -\bar z$.
 *
 * @since 0.1.0
 * @category Arithmetic
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * console.log(R.sub(2, 3), R.grad((b: R.Value) => R.sub(1, b))(5)); // -1 -1
 * ```
 */
export const sub: BinaryOp = binaryOp(subRule, T.sub);

const mulRule: ElementwiseRule = {
  op: 'mul',
  vjp: (g, [a, b], _z, _p, j) => (j === 0 ? unbroadcast(safeMul(g, b), a) : unbroadcast(safeMul(g, a), b)),
  cost: elementwiseCost(1, [1, 1]),
  scalar: { value: (x, y) => x * y, d0: (_x, y) => y, d1: (x) => x },
};

/**
 * $z = a \cdot b$, elementwise. VJP: $\bar a = \bar z\, b$, $\bar b = \bar z\, a$.
 *
 * @since 0.1.0
 * @category Arithmetic
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * // fan-out: d(x·x)/dx = 2x
 * console.log(R.mul(2, 3), R.grad((x: R.Value) => R.mul(x, x))(3)); // 6 6
 * ```
 */
export const mul: BinaryOp = binaryOp(mulRule, T.mul);

const divRule: ElementwiseRule = {
  op: 'div',
  vjp: (g, [a, b], z, _p, j) => (j === 0 ? unbroadcast(safeMul(g, reciprocal(b)), a) : unbroadcast(safeMul(g, neg(div(z, b))), b)),
  cost: elementwiseCost(1, [2, 3]),
  scalar: { value: (x, y) => x / y, d0: (_x, y) => 1 / y, d1: (_x, y, z) => -z / y },
};

/**
 * $z = a / b$. VJP: $\bar a = \bar z / b$, $\bar b = -\bar z\, z / b$ (reusing the output).
 *
 * @since 0.1.0
 * @category Arithmetic
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * console.log(R.div(1, 4), R.grad((b: R.Value) => R.div(1, b))(2)); // 0.25 -0.25
 * ```
 */
export const div: BinaryOp = binaryOp(divRule, T.div);

const powRule: ElementwiseRule = {
  op: 'pow',
  // b·a^(b−1) and z·ln a, with 0 · ∞ = 0 so that pow(0, 0) and a⁰ have finite rules.
  vjp: (g, [a, b], z, _p, j) =>
    j === 0 ? unbroadcast(safeMul(g, safeMul(b, pow(a, sub(b, 1)))), a) : unbroadcast(safeMul(g, safeMul(z, log(a))), b),
  cost: elementwiseCost(1, [4, 3]),
  scalar: {
    value: (x, y) => Math.pow(x, y),
    d0: (x, y) => (y === 0 ? 0 : y * Math.pow(x, y - 1)),
    d1: (x, _y, z) => (z === 0 ? 0 : z * Math.log(x)),
  },
};

/**
 * $z = a^b$. VJP: $\bar a = \bar z\, b\, a^{b-1}$, $\bar b = \bar z\, z \ln a$ (NaN for a < 0
 * when b is differentiated, as the real power is not differentiable there).
 *
 * @since 0.1.0
 * @category Arithmetic
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * console.log(R.pow(2, 3), R.grad((x: R.Value) => R.pow(x, 3))(2)); // 8 12
 * ```
 */
export const pow: BinaryOp = binaryOp(powRule, T.pow);

/** The share of a max/min cotangent that goes to the operand that won: 1, ½ at a tie, 0. */
const share = (win: (x: number, y: number) => boolean, compare: (a: T.TensorLike, b: T.TensorLike) => T.Tensor) =>
  (a: Value, b: Value): Value => {
    const x = stopGradient(a);
    const y = stopGradient(b);
    if (typeof x === 'number' && typeof y === 'number') return win(x, y) ? 1 : x === y ? 0.5 : 0;
    return T.add(compare(x, y), T.mul(T.equal(x, y), 0.5));
  };
const maxShare = share((x, y) => x > y, T.greater);
const minShare = share((x, y) => x < y, T.less);

const extremumRule = (op: string, winner: (a: Value, b: Value) => Value, value: (x: number, y: number) => number): ElementwiseRule => ({
  op,
  vjp: (g, [a, b], _z, _p, j) => (j === 0 ? unbroadcast(safeMul(g, winner(a, b)), a) : unbroadcast(safeMul(g, winner(b, a)), b)),
  cost: elementwiseCost(1, [1, 1]),
  scalar: { value, d0: (x, y) => winner(x, y) as number, d1: (x, y) => winner(y, x) as number },
});

/**
 * $z = \max(a, b)$, elementwise (NaN propagates). VJP: the cotangent goes to the larger
 * operand, split in halves at a tie (as JAX).
 *
 * @since 0.1.0
 * @category Arithmetic
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * console.log(R.maximum(2, 3), R.grad((x: R.Value) => R.maximum(x, 1))(2)); // 3 1
 * ```
 */
export const maximum: BinaryOp = binaryOp(extremumRule('maximum', maxShare, Math.max), T.maximum);

/**
 * $z = \min(a, b)$, elementwise. VJP: the cotangent goes to the smaller operand, halves at a tie.
 *
 * @since 0.1.0
 * @category Arithmetic
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * console.log(R.minimum(2, 3), R.grad((x: R.Value) => R.minimum(x, 1))(2)); // 2 0
 * ```
 */
export const minimum: BinaryOp = binaryOp(extremumRule('minimum', minShare, Math.min), T.minimum);

const negRule: UnaryRule = {
  op: 'neg',
  vjp: (g) => neg(g),
  cost: elementwiseCost(1, [1]),
  scalar: { value: (x) => -x, d0: () => -1, d1: zero },
};

/**
 * $z = -a$. VJP: $\bar a = -\bar z$.
 *
 * @since 0.1.0
 * @category Arithmetic
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * console.log(R.neg(2), R.grad((x: R.Value) => R.neg(x))(2)); // -2 -1
 * ```
 */
export const neg: UnaryOp = unaryOp(negRule, T.neg);
