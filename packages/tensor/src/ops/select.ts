/**
 * Picking parts of a tensor: `slice` (a box of indices) and `gather` (chosen indices along an
 * axis — how minibatches are drawn).
 *
 * @module
 */
import { DomainError, ShapeError } from '../core/errors.js';
import { expectTensor } from '../core/operand.js';
import { normaliseAxis, stridesOf } from '../core/shape.js';
import { allocate, make, sizeOf, type Tensor } from '../core/tensor.js';
import { uninitialised } from '../core/uninitialised.js';

/**
 * The box `begin[i] ≤ index_i < begin[i] + size[i]` of x; a size of −1 means "to the end".
 * Missing trailing axes are taken whole.
 *
 * @since 0.1.0
 * @category Indexing
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const x = T.tensor([[1, 2, 3], [4, 5, 6]]);
 * console.log(T.toNested(T.slice(x, [0, 1], [2, 2]))); // [[2, 3], [5, 6]]
 * ```
 */
export function slice(x: Tensor, begin: readonly number[], size?: readonly number[]): Tensor {
  const t = expectTensor('slice', 'x', x);
  const rank = t.shape.length;
  if (begin.length > rank) throw new ShapeError({ op: 'slice', argument: 'begin', expected: `at most ${rank} entries`, actual: begin });
  const starts = t.shape.map((_, i) => begin[i] ?? 0);
  const sizes = t.shape.map((d, i) => {
    const s = size?.[i] ?? -1;
    return s === -1 ? d - (starts[i] as number) : s;
  });
  t.shape.forEach((d, i) => {
    const b = starts[i] as number;
    const s = sizes[i] as number;
    if (!Number.isInteger(b) || !Number.isInteger(s) || b < 0 || s < 0 || b + s > d) {
      throw new ShapeError({ op: 'slice', argument: `axis ${i}`, expected: `begin + size ≤ ${d} (x: [${t.shape.join(', ')}])`, actual: `begin ${b}, size ${s}` });
    }
  });
  const strides = stridesOf(t.shape);
  const out = allocate(t.dtype, sizeOf(sizes));
  const inner = rank === 0 ? 1 : (sizes[rank - 1] as number);
  const rows = inner === 0 ? 0 : out.length / inner;
  const index = new Array<number>(Math.max(rank - 1, 0)).fill(0);
  for (let r = 0; r < rows; r++) {
    let offset = rank === 0 ? 0 : (starts[rank - 1] as number);
    for (let d = 0; d < rank - 1; d++) offset += ((starts[d] as number) + (index[d] as number)) * (strides[d] as number);
    out.set(t.data.subarray(offset, offset + inner), r * inner);
    for (let d = rank - 2; d >= 0; d--) {
      index[d] = (index[d] as number) + 1;
      if ((index[d] as number) < (sizes[d] as number)) break;
      index[d] = 0;
    }
  }
  return make(out, sizes);
}

/**
 * The entries `indices` along `axis` (rows by default): `gather(X, batch)` is the minibatch of
 * X with those sample indices. Indices may repeat (draws with replacement).
 *
 * @since 0.1.0
 * @category Indexing
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const X = T.tensor([[1, 1], [2, 2], [3, 3]]);
 * console.log(T.toNested(T.gather(X, [2, 0]))); // [[3, 3], [1, 1]]
 * ```
 */
export function gather(x: Tensor, indices: ArrayLike<number> | Tensor, axis = 0): Tensor {
  const t = expectTensor('gather', 'x', x);
  const ax = normaliseAxis('gather', t.shape.length, axis);
  const idx = 'data' in indices && '_tag' in indices ? indices.data : indices;
  const length = t.shape[ax] as number;
  const outer = sizeOf(t.shape.slice(0, ax));
  const inner = sizeOf(t.shape.slice(ax + 1));
  for (let j = 0; j < idx.length; j++) {
    const i = idx[j] as number;
    if (!Number.isInteger(i) || i < 0 || i >= length) {
      throw new DomainError({ op: 'gather', parameter: `indices[${j}]`, value: i, expected: `an integer in [0, ${length})` });
    }
  }
  // Every element is copied below, after the indices are checked.
  const out = uninitialised(t.dtype, outer * idx.length * inner);
  const data = t.data;
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < idx.length; j++) {
      const from = (o * length + (idx[j] as number)) * inner;
      const to = (o * idx.length + j) * inner;
      // A row of a few features (tabular data) is copied element by element: a subarray is an
      // object to allocate per row, dearer than the copy itself below a few dozen elements.
      if (inner < 32) for (let i = 0; i < inner; i++) out[to + i] = data[from + i] as number;
      else out.set(data.subarray(from, from + inner), to);
    }
  }
  const shape = t.shape.slice();
  shape[ax] = idx.length;
  return make(out, shape);
}
