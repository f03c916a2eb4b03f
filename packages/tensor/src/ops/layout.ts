/**
 * Views of the same elements in another shape or order: reshape, transpose, broadcastTo.
 * Reshape shares the (immutable) data; transpose and broadcast copy.
 *
 * @module
 */
import { DomainError, ShapeError } from '../core/errors.js';
import { expectTensor } from '../core/operand.js';
import { broadcastShapes, sameShape, stridesOf } from '../core/shape.js';
import { allocate, make, sizeOf, type Tensor } from '../core/tensor.js';
import { kernels } from '../kernels/backend.js';

/**
 * The same elements in a new shape; one length may be −1 and is inferred. No copy: the data
 * is shared, which is safe because tensors are never written.
 *
 * @since 0.1.0
 * @category Layout
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.reshape(T.arange(6), [2, -1]).shape); // [2, 3]
 * ```
 */
export function reshape(x: Tensor, shape: readonly number[]): Tensor {
  const t = expectTensor('reshape', 'x', x);
  const inferred = shape.filter((d) => d === -1).length;
  const known = sizeOf(shape.filter((d) => d !== -1));
  if (inferred > 1 || shape.some((d) => !Number.isInteger(d) || d < -1)) {
    throw new ShapeError({ op: 'reshape', argument: 'shape', expected: 'non-negative integers with at most one −1', actual: shape });
  }
  const target = shape.map((d) => (d === -1 ? (known === 0 ? 0 : t.data.length / known) : d));
  if (sizeOf(target) !== t.data.length || target.some((d) => !Number.isInteger(d))) {
    throw new ShapeError({ op: 'reshape', argument: 'shape', expected: `a shape with ${t.data.length} elements (x: [${t.shape.join(', ')}])`, actual: shape });
  }
  return make(t.data, target);
}

/**
 * Permutes the axes: result axis i is input axis `perm[i]`. Without `perm`, reverses the axes
 * (the matrix transpose for 2-D).
 *
 * @since 0.1.0
 * @category Layout
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.toNested(T.transpose(T.tensor([[1, 2, 3], [4, 5, 6]])))); // [[1, 4], [2, 5], [3, 6]]
 * ```
 */
export function transpose(x: Tensor, perm?: readonly number[]): Tensor {
  const t = expectTensor('transpose', 'x', x);
  const rank = t.shape.length;
  const axes = perm ?? Array.from({ length: rank }, (_, i) => rank - 1 - i);
  const valid = axes.length === rank && [...axes].sort((a, b) => a - b).every((a, i) => a === i);
  if (!valid) throw new ShapeError({ op: 'transpose', argument: 'perm', expected: `a permutation of 0…${rank - 1}`, actual: axes });
  const outShape = axes.map((a) => t.shape[a] as number);
  if (axes.every((a, i) => a === i)) return t;
  const inStrides = stridesOf(t.shape);
  const strides = axes.map((a) => inStrides[a] as number);
  const out = allocate(t.dtype, t.data.length);
  const src = t.data;
  if (rank === 2) {
    // The common case: a matrix transpose, walked in tiles so both sides stay in cache.
    const [rows, cols] = outShape as [number, number];
    const [s0, s1] = strides as [number, number];
    const B = 32;
    for (let i0 = 0; i0 < rows; i0 += B) {
      for (let j0 = 0; j0 < cols; j0 += B) {
        const iEnd = Math.min(i0 + B, rows);
        const jEnd = Math.min(j0 + B, cols);
        for (let i = i0; i < iEnd; i++) for (let j = j0; j < jEnd; j++) out[i * cols + j] = src[i * s0 + j * s1] as number;
      }
    }
    return make(out, outShape);
  }
  const index = new Array<number>(rank).fill(0);
  let offset = 0;
  for (let o = 0; o < out.length; o++) {
    out[o] = src[offset] as number;
    for (let d = rank - 1; d >= 0; d--) {
      index[d] = (index[d] as number) + 1;
      offset += strides[d] as number;
      if ((index[d] as number) < (outShape[d] as number)) break;
      offset -= (strides[d] as number) * (outShape[d] as number);
      index[d] = 0;
    }
  }
  return make(out, outShape);
}

/**
 * Repeats x along broadcast axes to the given shape (NumPy's `broadcast_to`, as a copy).
 *
 * @since 0.1.0
 * @category Layout
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.toNested(T.broadcastTo(T.tensor([1, 2]), [2, 2]))); // [[1, 2], [1, 2]]
 * ```
 */
export function broadcastTo(x: Tensor, shape: readonly number[]): Tensor {
  const t = expectTensor('broadcastTo', 'x', x);
  const out = broadcastShapes('broadcastTo', t.shape, shape);
  if (!sameShape(out, shape)) throw new ShapeError({ op: 'broadcastTo', argument: 'shape', expected: `a shape that [${t.shape.join(', ')}] broadcasts to`, actual: shape });
  return kernels().binary('add', t, make(allocate(t.dtype, sizeOf(shape)), shape), shape);
}

/**
 * Sums x over the axes along which `shape` was broadcast, giving a tensor of `shape`: the
 * adjoint of broadcasting, used by every VJP of a broadcasting op.
 *
 * @since 0.1.0
 * @category Layout
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.toArray(T.sumTo(T.ones([3, 2]), [2]))); // [3, 3]
 * ```
 */
export function sumTo(x: Tensor, shape: readonly number[]): Tensor {
  const t = expectTensor('sumTo', 'x', x);
  if (sameShape(t.shape, shape)) return t;
  const lead = t.shape.length - shape.length;
  if (lead < 0) throw new ShapeError({ op: 'sumTo', argument: 'shape', expected: `at most ${t.shape.length} axes`, actual: shape });
  const axes: number[] = [];
  t.shape.forEach((d, i) => {
    const target = i < lead ? undefined : shape[i - lead];
    if (target === undefined || (target === 1 && d !== 1)) axes.push(i);
    else if (target !== d) throw new ShapeError({ op: 'sumTo', argument: 'shape', expected: `a shape that broadcasts to [${t.shape.join(', ')}]`, actual: shape });
  });
  let r = t;
  // Reduce contiguous runs of axes, last first, keeping dims so indices stay valid.
  for (let end = axes.length - 1; end >= 0; ) {
    let start = end;
    while (start > 0 && axes[start - 1] === (axes[start] as number) - 1) start--;
    r = kernels().reduce('sum', r, axes.slice(start, end + 1));
    end = start - 1;
  }
  return make(r.data, shape);
}

/**
 * Inserts a length-1 axis at `axis` (NumPy's `expand_dims`).
 *
 * @since 0.1.0
 * @category Layout
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.expandDims(T.tensor([1, 2]), 0).shape); // [1, 2]
 * ```
 */
export function expandDims(x: Tensor, axis: number): Tensor {
  const t = expectTensor('expandDims', 'x', x);
  const rank = t.shape.length + 1;
  if (!Number.isInteger(axis) || axis < -rank || axis >= rank) {
    throw new DomainError({ op: 'expandDims', parameter: 'axis', value: axis, expected: `an integer in [${-rank}, ${rank})` });
  }
  const at = axis < 0 ? axis + rank : axis;
  return make(t.data, [...t.shape.slice(0, at), 1, ...t.shape.slice(at)]);
}
