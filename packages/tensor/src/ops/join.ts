/**
 * Joining tensors: `concat` along an existing axis, `stack` along a new one.
 *
 * @module
 */
import { DTypeError, ShapeError } from '../core/errors.js';
import { expectTensor } from '../core/operand.js';
import { normaliseAxis } from '../core/shape.js';
import { allocate, make, sizeOf, type Tensor } from '../core/tensor.js';
import { expandDims } from './layout.js';

/**
 * Joins tensors along an existing axis; all other axes must agree.
 *
 * @since 0.1.0
 * @category Indexing
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const x = T.concat([T.tensor([[1, 2]]), T.tensor([[3, 4]])], 0);
 * console.log(T.toNested(x)); // [[1, 2], [3, 4]]
 * ```
 */
export function concat(tensors: readonly Tensor[], axis = 0): Tensor {
  if (tensors.length === 0) throw new ShapeError({ op: 'concat', argument: 'tensors', expected: 'at least one tensor', actual: 'an empty list' });
  const parts = tensors.map((t, i) => expectTensor('concat', `tensors[${i}]`, t));
  const first = parts[0] as Tensor;
  const ax = normaliseAxis('concat', first.shape.length, axis);
  parts.forEach((t, i) => {
    if (t.dtype !== first.dtype) throw new DTypeError({ op: 'concat', argument: `tensors[${i}]`, expected: first.dtype, actual: t.dtype });
    const fits = t.shape.length === first.shape.length && t.shape.every((d, j) => j === ax || d === first.shape[j]);
    if (!fits) throw new ShapeError({ op: 'concat', argument: `tensors[${i}]`, expected: first.shape.map((d, j) => (j === ax ? '*' : d)).join(' × '), actual: t.shape });
  });
  const outer = sizeOf(first.shape.slice(0, ax));
  const inner = sizeOf(first.shape.slice(ax + 1));
  const total = parts.reduce((s, t) => s + (t.shape[ax] as number), 0);
  const out = allocate(first.dtype, outer * total * inner);
  for (let o = 0; o < outer; o++) {
    let at = o * total * inner;
    for (const t of parts) {
      const chunk = (t.shape[ax] as number) * inner;
      out.set(t.data.subarray(o * chunk, (o + 1) * chunk), at);
      at += chunk;
    }
  }
  const shape = first.shape.slice();
  shape[ax] = total;
  return make(out, shape);
}

/**
 * Stacks tensors of one shape along a new axis.
 *
 * @since 0.1.0
 * @category Indexing
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.stack([T.tensor([1, 2]), T.tensor([3, 4])]).shape); // [2, 2]
 * ```
 */
export function stack(tensors: readonly Tensor[], axis = 0): Tensor {
  if (tensors.length === 0) throw new ShapeError({ op: 'stack', argument: 'tensors', expected: 'at least one tensor', actual: 'an empty list' });
  const first = expectTensor('stack', 'tensors[0]', tensors[0]);
  tensors.forEach((t, i) => {
    const s = expectTensor('stack', `tensors[${i}]`, t).shape;
    if (s.length !== first.shape.length || s.some((d, j) => d !== first.shape[j])) {
      throw new ShapeError({ op: 'stack', argument: `tensors[${i}]`, expected: first.shape, actual: s });
    }
  });
  return concat(tensors.map((t) => expandDims(t, axis)), axis);
}
