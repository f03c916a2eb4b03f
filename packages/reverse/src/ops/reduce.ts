/**
 * Differentiable reductions along axes. Each VJP broadcasts the cotangent back over the
 * reduced axes (`expand`), then weights it.
 *
 * | op | z | x̄ | FLOPs fwd / VJP |
 * | --- | --- | --- | --- |
 * | sum | Σ x | expand(z̄) | n − m / 0 |
 * | max, min | max x | expand(z̄) · [x = z] / #ties | n − m / n |
 * | logsumexp | ln Σ eˣ | expand(z̄) · e^(x − z) | 4n + m / 5n |
 * | norm (ord 2) | √Σ x² | expand(z̄) · x / z (0 where z = 0) | 2n / 2n |
 *
 * n is the number of input elements and m of output elements. `mean`, and `norm` with ord 1
 * or ∞, are built from these; argmax and argmin are constants.
 *
 * @module
 */
import * as T from '@theta/tensor';
import type { Rule } from '../rule.js';
import { primalAt, tapeOf } from '../tape.js';
import { asTensor, sameShape, shapeOf, sizeOf, stopGradient, type Value } from '../value.js';
import { div, sub } from './arithmetic.js';
import { broadcastTo, reshape } from './layout.js';
import { safeMul } from './safe.js';
import { abs, exp } from './unary.js';
import { equal, where } from './where.js';

/** Normalised reduction parameters: sorted unique axes, and whether they are kept. */
interface Axes {
  readonly axes: readonly number[];
  readonly keepDims: boolean;
}

const normalise = (x: Value, options: T.ReduceOptions): Axes => {
  const rank = shapeOf(x).length;
  const list = options.axis === undefined ? [...Array(rank).keys()] : typeof options.axis === 'number' ? [options.axis] : options.axis;
  const axes = [...new Set(list.map((a) => (a < 0 ? a + rank : a)))].sort((p, q) => p - q);
  return { axes, keepDims: options.keepDims ?? false };
};

/** A reduced value `g` broadcast back to the shape of x (the adjoint of the reduction's shape change). */
function expand(g: Value, x: Value, { axes }: Axes): Value {
  const shape = shapeOf(x);
  const kept = shape.map((d, i) => (axes.includes(i) ? 1 : d));
  const r = sameShape(shapeOf(g), kept) ? g : reshape(g, kept);
  return sameShape(kept, shape) ? r : broadcastTo(r, shape);
}

type ReduceRule = Rule<Axes, readonly [Value]>;

/** The shape every reduction shares: plain → compute; traced → compute one level down and record. */
const reduction = (plain: (x: T.Tensor, options: T.ReduceOptions) => T.Tensor, rule: ReduceRule): ReduceOp => {
  function reduce(x: Value, options: T.ReduceOptions = {}): Value {
    const tape = tapeOf(x, rule.op);
    if (tape === undefined) return plain(asTensor(x), options);
    const inner = primalAt(x, tape);
    return tape.push(rule, [x], [inner], reduce(inner, options), normalise(x, options));
  }
  return reduce as ReduceOp;
};

/**
 * A reduction: tensors in give a tensor, traced values a traced value.
 *
 * @since 0.1.0
 * @category Model
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * import * as T from '@theta/tensor';
 * const r: R.ReduceOp = R.sum;
 * console.log(T.toArray(r(T.ones([2, 3]), { axis: 0 }))); // [2, 2, 2]
 * ```
 */
export interface ReduceOp {
  /** On a tensor or number: a tensor. */
  (x: T.Tensor | number, options?: T.ReduceOptions): T.Tensor;
  /** On any value. */
  (x: Value, options?: T.ReduceOptions): Value;
}

const shrinking = ([x]: readonly [Value], z: Value) => sizeOf(x) - sizeOf(z);

const sumRule: ReduceRule = {
  op: 'sum',
  vjp: (g, [x], _z, axes) => expand(g, x, axes),
  cost: (inputs, z) => ({ forward: shrinking(inputs, z), backward: [0] }),
};

/**
 * $z = \sum x$ over `axis` (all axes when absent). VJP: $\bar x = \bar z$ broadcast back.
 *
 * @since 0.1.0
 * @category Reductions
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * import * as T from '@theta/tensor';
 * const x = T.tensor([[1, 2], [3, 4]]);
 * console.log(T.item(R.sum(x)), T.toNested(R.grad((v: R.Value) => R.sum(v))(x))); // 10 [[1, 1], [1, 1]]
 * ```
 */
export const sum: ReduceOp = reduction(T.sum, sumRule);

/**
 * The mean over `axis`: `sum` divided by the count, so its VJP is $\bar z / n$ broadcast back.
 *
 * @since 0.1.0
 * @category Reductions
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * import * as T from '@theta/tensor';
 * console.log(T.toArray(R.grad((v: R.Value) => R.mean(v))(T.tensor([1, 2, 3, 4])))); // [0.25, 0.25, 0.25, 0.25]
 * ```
 */
export function mean(x: T.Tensor | number, options?: T.ReduceOptions): T.Tensor;
export function mean(x: Value, options?: T.ReduceOptions): Value;
export function mean(x: Value, options: T.ReduceOptions = {}): Value {
  if (tapeOf(x, 'mean') === undefined) return T.mean(asTensor(x), options);
  const { axes } = normalise(x, options);
  const shape = shapeOf(x);
  return div(sum(x, options), axes.reduce((n, a) => n * (shape[a] as number), 1));
}

/** [x = z] shared among ties: the weights of a max/min cotangent. A constant. */
function winners(x: Value, z: Value, axes: Axes): T.Tensor {
  const primal = stopGradient(x);
  const hits = T.equal(asTensor(primal), asTensor(stopGradient(expand(stopGradient(z), primal, axes))));
  return T.div(hits, T.sum(hits, { axis: axes.axes, keepDims: true }));
}

const extremumRule = (op: string): ReduceRule => ({
  op,
  vjp: (g, [x], z, axes) => safeMul(expand(g, x, axes), winners(x, z, axes)),
  cost: (inputs, z) => ({ forward: shrinking(inputs, z), backward: [sizeOf(inputs[0])] }),
});
const maxRule = extremumRule('max');
const minRule = extremumRule('min');

/**
 * The largest element along `axis`. VJP: $\bar z$ goes to the maximal elements, shared
 * equally among ties (as JAX).
 *
 * @since 0.1.0
 * @category Reductions
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * import * as T from '@theta/tensor';
 * console.log(T.toArray(R.grad((v: R.Value) => R.max(v))(T.tensor([1, 3, 2])))); // [0, 1, 0]
 * ```
 */
export const max: ReduceOp = reduction(T.max, maxRule);

/**
 * The smallest element along `axis`. VJP: $\bar z$ goes to the minimal elements, shared among ties.
 *
 * @since 0.1.0
 * @category Reductions
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * import * as T from '@theta/tensor';
 * console.log(T.toArray(R.grad((v: R.Value) => R.min(v))(T.tensor([1, 1, 2])))); // [0.5, 0.5, 0]
 * ```
 */
export const min: ReduceOp = reduction(T.min, minRule);

const logsumexpRule: ReduceRule = {
  op: 'logsumexp',
  // The softmax e^(x − z), shifted by the (constant) maximum as the forward pass is: stable,
  // and exact where e^(x − z) would inherit z's rounding.
  vjp: (g, [x], _z, axes) => {
    const m = T.max(asTensor(stopGradient(x)), { axis: axes.axes, keepDims: true });
    const e = exp(sub(x, m));
    return safeMul(expand(g, x, axes), div(e, sum(e, { axis: axes.axes, keepDims: true })));
  },
  cost: ([x], z) => ({ forward: 4 * sizeOf(x) + sizeOf(z), backward: [5 * sizeOf(x)] }),
};

/**
 * $z = \ln \sum e^x$ along `axis`, stable for large |x|. VJP: $\bar x = \bar z\, e^{x - z}$ (the softmax).
 *
 * @since 0.1.0
 * @category Reductions
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * import * as T from '@theta/tensor';
 * console.log(T.toArray(R.grad((v: R.Value) => R.logsumexp(v))(T.tensor([1000, 1000])))); // [0.5, 0.5]
 * ```
 */
export const logsumexp: ReduceOp = reduction(T.logsumexp, logsumexpRule);

const norm2Rule: ReduceRule = {
  op: 'norm',
  // x / z, with the subgradient 0 where z = 0.
  vjp: (g, [x], z, axes) => safeMul(expand(g, x, axes), div(x, expand(where(equal(z, 0), 1, z), x, axes))),
  cost: ([x]) => ({ forward: 2 * sizeOf(x), backward: [2 * sizeOf(x)] }),
};
const norm2 = reduction((x, options) => T.norm(x, options), norm2Rule);

/**
 * The vector norm along `axis`: ord 2 (Euclidean, the default, computed without overflow), 1
 * (Σ|x|) or ∞ (max |x|). VJP for ord 2: $\bar x = \bar z\, x / z$ (0 where z = 0).
 *
 * @since 0.1.0
 * @category Reductions
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * import * as T from '@theta/tensor';
 * console.log(T.toArray(R.grad((v: R.Value) => R.norm(v))(T.tensor([3, 4])))); // [0.6, 0.8]
 * ```
 */
export function norm(x: T.Tensor | number, options?: T.NormOptions): T.Tensor;
export function norm(x: Value, options?: T.NormOptions): Value;
export function norm(x: Value, options: T.NormOptions = {}): Value {
  if (tapeOf(x, 'norm') === undefined) return T.norm(asTensor(x), options);
  const { ord, ...reduce } = options;
  if (ord === 1) return sum(abs(x), reduce);
  if (ord === Infinity) return max(abs(x), reduce);
  if (ord !== undefined && ord !== 2) throw new T.DomainError({ op: 'norm', parameter: 'ord', value: ord, expected: '1, 2 or Infinity' });
  return norm2(x, reduce);
}

/**
 * Index of the largest element (along `axis`, or of the flattened tensor); a constant.
 *
 * @since 0.1.0
 * @category Reductions
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * import * as T from '@theta/tensor';
 * console.log(T.item(R.argmax(T.tensor([1, 3, 2])))); // 1
 * ```
 */
export const argmax = (x: Value, axis?: number): T.Tensor => T.argmax(asTensor(stopGradient(x)), axis);

/**
 * Index of the smallest element (along `axis`, or of the flattened tensor); a constant.
 *
 * @since 0.1.0
 * @category Reductions
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * import * as T from '@theta/tensor';
 * console.log(T.item(R.argmin(T.tensor([1, 3, 0])))); // 2
 * ```
 */
export const argmin = (x: Value, axis?: number): T.Tensor => T.argmin(asTensor(stopGradient(x)), axis);
