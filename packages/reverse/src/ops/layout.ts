/**
 * Differentiable layout ops: they move elements and compute nothing (0 FLOPs), so each VJP is
 * the opposite move. Broadcasting and summing back (`sumTo`) are each other's adjoints.
 *
 * | op | forward | VJP |
 * | --- | --- | --- |
 * | reshape | z = reshape(x, s) | x̄ = reshape(z̄, shape x) |
 * | transpose | z = transpose(x, p) | x̄ = transpose(z̄, p⁻¹) |
 * | broadcastTo | z = broadcastTo(x, s) | x̄ = sumTo(z̄, shape x) |
 * | sumTo | z = sumTo(x, s) | x̄ = broadcastTo(z̄, shape x) |
 * | expandDims | z = expandDims(x, a) | x̄ = reshape(z̄, shape x) |
 *
 * @module
 */
import * as T from '@theta/tensor';
import type { Cost, Rule } from '../rule.js';
import { primalAt, tapeOf } from '../tape.js';
import { asTensor, sameShape, shapeOf, sizeOf, type Value } from '../value.js';

type Unary<P> = Rule<P, readonly [Value]>;

/** Layout moves are free; `sums` counts additions (summing a broadcast back). */
const moves = (forwardSums: (x: Value, z: Value) => number, backwardSums: (x: Value, z: Value) => number) =>
  ([x]: readonly [Value], z: Value): Cost => ({ forward: forwardSums(x, z), backward: [backwardSums(x, z)] });
const none = (): number => 0;
const shrink = (x: Value, z: Value): number => sizeOf(x) - sizeOf(z);
const grow = (x: Value, z: Value): number => sizeOf(z) - sizeOf(x);

const reshapeRule: Unary<readonly number[]> = { op: 'reshape', vjp: (g, [x]) => reshape(g, shapeOf(x)), cost: moves(none, none) };

/**
 * The same elements in a new shape (one axis may be −1 and is inferred).
 * VJP: $\bar x = \operatorname{reshape}(\bar z, \text{shape of } x)$.
 *
 * @since 0.1.0
 * @category Layout
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * import * as T from '@theta/tensor';
 * console.log(R.reshape(T.tensor([1, 2, 3, 4]), [2, -1]).shape); // [2, 2]
 * ```
 */
export function reshape(x: T.Tensor | number, shape: readonly number[]): T.Tensor;
export function reshape(x: Value, shape: readonly number[]): Value;
export function reshape(x: Value, shape: readonly number[]): Value {
  const tape = tapeOf(x, 'reshape');
  if (tape === undefined) return T.reshape(asTensor(x), shape);
  const inner = primalAt(x, tape);
  return tape.push(reshapeRule, [x], [inner], reshape(inner, shape), shape);
}

const inverse = (perm: readonly number[]): number[] => {
  const inv = new Array<number>(perm.length);
  perm.forEach((p, i) => (inv[p] = i));
  return inv;
};

const transposeRule: Unary<readonly number[] | undefined> = {
  op: 'transpose',
  // The reversal (no perm) is its own inverse.
  vjp: (g, _x, _z, perm) => transpose(g, perm === undefined ? undefined : inverse(perm)),
  cost: moves(none, none),
};

/**
 * Permutes the axes (reverses them when `perm` is absent).
 * VJP: $\bar x = \operatorname{transpose}(\bar z, p^{-1})$.
 *
 * @since 0.1.0
 * @category Layout
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * import * as T from '@theta/tensor';
 * console.log(T.toNested(R.transpose(T.tensor([[1, 2], [3, 4]])))); // [[1, 3], [2, 4]]
 * ```
 */
export function transpose(x: T.Tensor, perm?: readonly number[]): T.Tensor;
export function transpose(x: Value, perm?: readonly number[]): Value;
export function transpose(x: Value, perm?: readonly number[]): Value {
  const tape = tapeOf(x, 'transpose');
  if (tape === undefined) return T.transpose(asTensor(x), perm);
  const inner = primalAt(x, tape);
  return tape.push(transposeRule, [x], [inner], transpose(inner, perm), perm);
}

const broadcastToRule: Unary<readonly number[]> = { op: 'broadcastTo', vjp: (g, [x]) => sumTo(g, shapeOf(x)), cost: moves(none, grow) };

/**
 * Repeats x along broadcast axes to `shape` (NumPy rules).
 * VJP: $\bar x = \operatorname{sumTo}(\bar z, \text{shape of } x)$, summing over the repeats.
 *
 * @since 0.1.0
 * @category Layout
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * import * as T from '@theta/tensor';
 * console.log(T.toNested(R.broadcastTo(T.tensor([1, 2]), [2, 2]))); // [[1, 2], [1, 2]]
 * ```
 */
export function broadcastTo(x: T.Tensor | number, shape: readonly number[]): T.Tensor;
export function broadcastTo(x: Value, shape: readonly number[]): Value;
export function broadcastTo(x: Value, shape: readonly number[]): Value {
  const tape = tapeOf(x, 'broadcastTo');
  if (tape === undefined) return T.broadcastTo(asTensor(x), shape);
  const inner = primalAt(x, tape);
  return tape.push(broadcastToRule, [x], [inner], broadcastTo(inner, shape), shape);
}

const sumToRule: Unary<readonly number[]> = { op: 'sumTo', vjp: (g, [x]) => broadcastTo(g, shapeOf(x)), cost: moves(shrink, none) };

/**
 * Sums x down to `shape`, a shape that broadcasts to x's: the adjoint of broadcasting.
 * VJP: $\bar x = \operatorname{broadcastTo}(\bar z, \text{shape of } x)$.
 *
 * @since 0.1.0
 * @category Layout
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * import * as T from '@theta/tensor';
 * console.log(T.toArray(R.sumTo(T.tensor([[1, 2], [3, 4]]), [2]))); // [4, 6]
 * ```
 */
export function sumTo(x: T.Tensor | number, shape: readonly number[]): T.Tensor;
export function sumTo(x: Value, shape: readonly number[]): Value;
export function sumTo(x: Value, shape: readonly number[]): Value {
  const tape = tapeOf(x, 'sumTo');
  if (tape === undefined) return T.sumTo(asTensor(x), shape);
  const inner = primalAt(x, tape);
  return tape.push(sumToRule, [x], [inner], sumTo(inner, shape), shape);
}

const expandDimsRule: Unary<number> = { op: 'expandDims', vjp: (g, [x]) => reshape(g, shapeOf(x)), cost: moves(none, none) };

/**
 * Inserts a length-1 axis at `axis`. VJP: $\bar x = \operatorname{reshape}(\bar z, \text{shape of } x)$.
 *
 * @since 0.1.0
 * @category Layout
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * import * as T from '@theta/tensor';
 * console.log(R.expandDims(T.tensor([1, 2]), 0).shape); // [1, 2]
 * ```
 */
export function expandDims(x: T.Tensor | number, axis: number): T.Tensor;
export function expandDims(x: Value, axis: number): Value;
export function expandDims(x: Value, axis: number): Value {
  const tape = tapeOf(x, 'expandDims');
  if (tape === undefined) return T.expandDims(asTensor(x), axis);
  const inner = primalAt(x, tape);
  return tape.push(expandDimsRule, [x], [inner], expandDims(inner, axis), axis);
}

/** A cotangent `g` of a broadcast result, summed back to the shape of the operand `like`. */
export function unbroadcast(g: Value, like: Value): Value {
  const shape = shapeOf(like);
  return sameShape(shapeOf(g), shape) ? g : sumTo(g, shape);
}
