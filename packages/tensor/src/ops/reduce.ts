/**
 * Reductions along any axes: sum, mean, max, min, argmax, argmin, logsumexp, norm.
 *
 * @module
 */
import { DomainError, ShapeError } from '../core/errors.js';
import { expectTensor } from '../core/operand.js';
import { normaliseAxes, reducedShape } from '../core/shape.js';
import { make, type Tensor } from '../core/tensor.js';
import { kernels } from '../kernels/backend.js';
import type { ReduceOp } from '../kernels/types.js';
import { div, mul } from './binary.js';
import { notEqual, where } from './compare.js';
import { transpose } from './layout.js';
import { abs, isFinite, sqrt, square } from './unary-math.js';

/**
 * Options of the reductions.
 *
 * @since 0.1.0
 * @category Reductions
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const options: T.ReduceOptions = { axis: 0, keepDims: true };
 * console.log(T.sum(T.ones([3, 2]), options).shape); // [1, 2]
 * ```
 */
export interface ReduceOptions {
  /** Axis or axes to reduce (negative counts from the end); all axes when absent. */
  readonly axis?: number | readonly number[];
  /** Keep reduced axes as length 1 (so the result broadcasts against x). */
  readonly keepDims?: boolean;
}

/** Reduces `axes` of x with the kernel, moving them together first when they are not. */
export function reduce(op: ReduceOp, x: Tensor, options: ReduceOptions = {}): Tensor {
  const t = expectTensor(op, 'x', x);
  const axes = normaliseAxes(op, t.shape.length, options.axis);
  const keepDims = options.keepDims ?? false;
  for (const a of axes) {
    if (t.shape[a] === 0 && op !== 'sum') {
      throw new ShapeError({ op, argument: 'x', expected: `a non-empty axis ${a}`, actual: t.shape });
    }
  }
  if (axes.length === 0) return t;
  let source = t;
  let blockAxes = axes;
  const contiguous = axes.every((a, i) => i === 0 || a === (axes[i - 1] as number) + 1);
  if (!contiguous) {
    // Move the reduced axes to the end so that they form one block.
    const kept = t.shape.map((_, i) => i).filter((i) => !axes.includes(i));
    source = transpose(t, [...kept, ...axes]);
    blockAxes = axes.map((_, i) => kept.length + i);
  }
  const r = kernels().reduce(op, source, blockAxes);
  return make(r.data, reducedShape(t.shape, axes, keepDims));
}

/**
 * Σ of the elements along the axes.
 * @since 0.1.0
 * @category Reductions
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const x = T.tensor([[1, 2], [3, 4]]);
 * console.log(T.item(T.sum(x)), T.toArray(T.sum(x, { axis: 0 }))); // 10 [4, 6]
 * ```
 */
export const sum = (x: Tensor, options: ReduceOptions = {}): Tensor => reduce('sum', x, options);

/**
 * Arithmetic mean along the axes (NaN for an empty axis, as 0/0).
 * @since 0.1.0
 * @category Reductions
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.toArray(T.mean(T.tensor([[1, 2], [3, 4]]), { axis: 1 }))); // [1.5, 3.5]
 * ```
 */
export function mean(x: Tensor, options: ReduceOptions = {}): Tensor {
  const t = expectTensor('mean', 'x', x);
  const axes = normaliseAxes('mean', t.shape.length, options.axis);
  const count = axes.reduce((n, a) => n * (t.shape[a] as number), 1);
  const s = reduce('sum', t, options);
  return div(s, count);
}

/**
 * Maximum along the axes; NaN wins.
 * @since 0.1.0
 * @category Reductions
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.toArray(T.max(T.tensor([[1, 5], [3, 4]]), { axis: 1 }))); // [5, 4]
 * ```
 */
export const max = (x: Tensor, options: ReduceOptions = {}): Tensor => reduce('max', x, options);

/**
 * Minimum along the axes; NaN wins.
 * @since 0.1.0
 * @category Reductions
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.toArray(T.min(T.tensor([[1, 5], [3, 4]]), { axis: 1 }))); // [1, 3]
 * ```
 */
export const min = (x: Tensor, options: ReduceOptions = {}): Tensor => reduce('min', x, options);

const singleAxis = (op: string, axis: number | undefined): ReduceOptions => {
  if (axis === undefined) return {};
  if (!Number.isInteger(axis)) throw new DomainError({ op, parameter: 'axis', value: axis, expected: 'one integer axis' });
  return { axis };
};

/**
 * Index of the first maximum along one axis (of the flattened tensor when `axis` is absent).
 * Indices are returned as numbers in a tensor of x's dtype.
 * @since 0.1.0
 * @category Reductions
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const logits = T.tensor([[0.1, 2, -1], [3, 0, 0]]);
 * console.log(T.toArray(T.argmax(logits, 1))); // [1, 0] — predicted classes
 * ```
 */
export function argmax(x: Tensor, axis?: number): Tensor {
  const t = expectTensor('argmax', 'x', x);
  const source = axis === undefined ? make(t.data, [t.data.length]) : t;
  return reduce('argmax', source, singleAxis('argmax', axis));
}

/**
 * Index of the first minimum along one axis (of the flattened tensor when `axis` is absent).
 * @since 0.1.0
 * @category Reductions
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.item(T.argmin(T.tensor([3, -1, 2])))); // 1
 * ```
 */
export function argmin(x: Tensor, axis?: number): Tensor {
  const t = expectTensor('argmin', 'x', x);
  const source = axis === undefined ? make(t.data, [t.data.length]) : t;
  return reduce('argmin', source, singleAxis('argmin', axis));
}

/**
 * $\log \sum_i e^{x_i}$ along the axes, shifted by the maximum so it never overflows; all −∞ gives −∞.
 * @since 0.1.0
 * @category Reductions
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.item(T.logsumexp(T.tensor([1000, 1000])))); // 1000.6931471805599
 * ```
 */
export const logsumexp = (x: Tensor, options: ReduceOptions = {}): Tensor => reduce('logsumexp', x, options);

/**
 * Options of {@link norm}.
 * @since 0.1.0
 * @category Reductions
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const options: T.NormOptions = { ord: 1 };
 * console.log(T.item(T.norm(T.tensor([3, -4]), options))); // 7
 * ```
 */
export interface NormOptions extends ReduceOptions {
  /** 2 (Euclidean/Frobenius, the default), 1 (sum of |x|) or Infinity (max |x|). */
  readonly ord?: 1 | 2 | typeof Infinity;
}

/**
 * Vector norm of the elements along the axes: ‖x‖₂ by default (over all elements this is the
 * Frobenius norm ‖W‖ of the notes' penalty λ‖W‖²). The 2-norm is scaled by max |x| first so
 * that it neither overflows nor underflows.
 * @since 0.1.0
 * @category Reductions
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.item(T.norm(T.tensor([3, 4])))); // 5
 * ```
 */
export function norm(x: Tensor, options: NormOptions = {}): Tensor {
  const t = expectTensor('norm', 'x', x);
  const ord = options.ord ?? 2;
  const a = abs(t);
  if (ord === 1) return reduce('sum', a, options);
  if (ord === Infinity) return reduce('max', a, options);
  if (ord !== 2) throw new DomainError({ op: 'norm', parameter: 'ord', value: ord, expected: '1, 2 or Infinity' });
  const keep = { ...options, keepDims: true };
  // Divide by the largest |x| (1 where that is 0 or not finite, which then passes through).
  const largest = reduce('max', a, keep);
  const scale = where(mul(isFinite(largest), notEqual(largest, 0)), largest, 1);
  const r = mul(sqrt(reduce('sum', square(div(a, scale)), keep)), scale);
  return make(r.data, reducedShape(t.shape, normaliseAxes('norm', t.shape.length, options.axis), options.keepDims ?? false));
}
