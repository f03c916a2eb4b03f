/**
 * `where`, and the ops whose derivative is zero almost everywhere (comparisons, sign): those
 * return constants, so a condition never carries a derivative.
 *
 * | op | z | VJP |
 * | --- | --- | --- |
 * | where | c ? a : b | ā = where(c, z̄, 0), b̄ = where(c, 0, z̄) (summed over broadcast axes) |
 *
 * NaN-safety: the branch not taken receives an exact zero cotangent, and every elementwise VJP
 * multiplies with zero winning (see `safeMul`), so `where(x > 0, log(x), 0)` has gradient 0 at
 * x = 0 even though log′(0) = ∞.
 *
 * @module
 */
import * as T from '@theta/tensor';
import type { Rule } from '../rule.js';
import { primalAt, top2 } from '../tape.js';
import { asTensor, sizeOf, stopGradient, type Value } from '../value.js';
import { unbroadcast } from './layout.js';

type Condition = T.Tensor | number;

const plainWhere = (c: Condition, a: Value, b: Value): T.Tensor | number =>
  typeof c === 'number' && typeof a === 'number' && typeof b === 'number' ? (c !== 0 ? a : b) : T.where(asTensor(c), a as T.Tensor, b as T.Tensor);

const whereRule: Rule<Condition, readonly [Value, Value]> = {
  op: 'where',
  vjp: (g, [a, b], _z, c, j) => (j === 0 ? unbroadcast(where(c, g, 0), a) : unbroadcast(where(c, 0, g), b)),
  cost: ([a, b], z) => ({ forward: 0, backward: [sizeOf(z) - sizeOf(a), sizeOf(z) - sizeOf(b)] }),
};

/**
 * $z = c\ ?\ a : b$ elementwise, with the three broadcast together. The condition is a constant
 * (its derivative is zero). VJP: $\bar a = \operatorname{where}(c, \bar z, 0)$,
 * $\bar b = \operatorname{where}(c, 0, \bar z)$ — the branch not taken gets exact zeros, and never NaN.
 *
 * @since 0.1.0
 * @category Selection
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * const safeLog = (x: R.Value) => R.where(R.greater(x, 0), R.log(x), 0);
 * console.log(R.grad(safeLog)(0), R.grad(safeLog)(2)); // 0 0.5
 * ```
 */
export function where(cond: Value, a: number, b: number): number;
export function where(cond: Value, a: T.Tensor | number, b: T.Tensor | number): T.Tensor;
export function where(cond: Value, a: Value, b: Value): Value;
export function where(cond: Value, a: Value, b: Value): Value {
  const c = stopGradient(cond);
  const tape = top2(a, b, 'where');
  if (tape === undefined) return plainWhere(c, a, b);
  const x = primalAt(a, tape);
  const y = primalAt(b, tape);
  // A scalar choice between scalars is the chosen operand itself: no node needed.
  if (typeof c === 'number' && typeof x === 'number' && typeof y === 'number') return c !== 0 ? a : b;
  return tape.push(whereRule, [a, b], [x, y], where(c, x, y), c);
}

/**
 * A comparison: 1 or 0 elementwise, always a constant (numbers in give a number out).
 *
 * @since 0.1.0
 * @category Model
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * const c: R.Comparison = R.less;
 * console.log(c(1, 2)); // 1
 * ```
 */
export interface Comparison {
  /** On two numbers: 1 or 0. */
  (a: number, b: number): number;
  /** On any values: a constant tensor (or number). */
  (a: Value, b: Value): T.Tensor | number;
}

const comparison = (scalar: (x: number, y: number) => boolean, plain: (a: T.TensorLike, b: T.TensorLike) => T.Tensor): Comparison =>
  ((a: Value, b: Value) => {
    const x = stopGradient(a);
    const y = stopGradient(b);
    return typeof x === 'number' && typeof y === 'number' ? (scalar(x, y) ? 1 : 0) : plain(x, y);
  }) as Comparison;

/**
 * [a = b] as 1 or 0, elementwise; a constant (comparisons have no derivative).
 *
 * @since 0.1.0
 * @category Selection
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * console.log(R.equal(2, 2), R.equal(2, 3)); // 1 0
 * ```
 */
export const equal: Comparison = comparison((x, y) => x === y, T.equal);

/**
 * [a ≠ b] as 1 or 0, elementwise; a constant.
 *
 * @since 0.1.0
 * @category Selection
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * console.log(R.notEqual(2, 3)); // 1
 * ```
 */
export const notEqual: Comparison = comparison((x, y) => x !== y, T.notEqual);

/**
 * [a < b] as 1 or 0, elementwise; a constant.
 *
 * @since 0.1.0
 * @category Selection
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * console.log(R.less(2, 3)); // 1
 * ```
 */
export const less: Comparison = comparison((x, y) => x < y, T.less);

/**
 * [a ≤ b] as 1 or 0, elementwise; a constant.
 *
 * @since 0.1.0
 * @category Selection
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * console.log(R.lessEqual(3, 3)); // 1
 * ```
 */
export const lessEqual: Comparison = comparison((x, y) => x <= y, T.lessEqual);

/**
 * [a > b] as 1 or 0, elementwise; a constant — the usual condition of {@link where}.
 *
 * @since 0.1.0
 * @category Selection
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * import * as T from '@theta/tensor';
 * console.log(T.toArray(R.greater(T.tensor([-1, 0, 2]), 0))); // [0, 0, 1]
 * ```
 */
export const greater: Comparison = comparison((x, y) => x > y, T.greater);

/**
 * [a ≥ b] as 1 or 0, elementwise; a constant.
 *
 * @since 0.1.0
 * @category Selection
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * console.log(R.greaterEqual(3, 3)); // 1
 * ```
 */
export const greaterEqual: Comparison = comparison((x, y) => x >= y, T.greaterEqual);

/**
 * sign x ∈ {−1, 0, 1}, elementwise; a constant (its derivative is zero wherever it exists).
 *
 * @since 0.1.0
 * @category Selection
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * console.log(R.sign(-3), R.grad((x: R.Value) => R.sign(x))(2)); // -1 0
 * ```
 */
export function sign(x: number): number;
export function sign(x: Value): T.Tensor | number;
export function sign(x: Value): T.Tensor | number {
  const s = stopGradient(x);
  return typeof s === 'number' ? Math.sign(s) : T.sign(s);
}
