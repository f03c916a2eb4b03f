/**
 * Matrix products: `matmul` (2-D and batched, with transpose flags), `dot`, `outer`.
 *
 * @module
 */
import { DTypeError, ShapeError } from '../core/errors.js';
import { expectTensor } from '../core/operand.js';
import { broadcastShapes, broadcastStrides } from '../core/shape.js';
import { allocate, make, sizeOf, type Tensor } from '../core/tensor.js';
import { kernels } from '../kernels/backend.js';

/**
 * Options of {@link matmul}.
 *
 * @since 0.1.0
 * @category Linear algebra
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const options: T.MatmulOptions = { transposeB: true };
 * console.log(T.matmul(T.ones([2, 3]), T.ones([4, 3]), options).shape); // [2, 4]
 * ```
 */
export interface MatmulOptions {
  /** Multiply by aᵀ (the last two axes swapped) instead of a. */
  readonly transposeA?: boolean;
  /** Multiply by bᵀ (the last two axes swapped) instead of b. */
  readonly transposeB?: boolean;
}

const matrixView = (x: Tensor, batch: number, rows: number, cols: number): Tensor =>
  make(x.data.subarray(batch * rows * cols, (batch + 1) * rows * cols), [rows, cols]);

/**
 * The matrix product op(a) · op(b) over the last two axes, where op transposes when its flag
 * is set; leading (batch) axes broadcast as in NumPy. In the notes' batch convention the
 * weighted inputs of layer l are `Z = matmul(A, W, { transposeB: true })`, i.e. $Z^l = A^{l-1} (W^l)^T$.
 *
 * @since 0.1.0
 * @category Linear algebra
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const A = T.tensor([[1, 2], [3, 4]]);
 * console.log(T.toNested(T.matmul(A, T.eye(2)))); // [[1, 2], [3, 4]]
 * console.log(T.toNested(T.matmul(A, A, { transposeA: true }))); // Aᵀ·A = [[10, 14], [14, 20]]
 * ```
 */
export function matmul(a: Tensor, b: Tensor, options: MatmulOptions = {}): Tensor {
  const x = expectTensor('matmul', 'a', a);
  const y = expectTensor('matmul', 'b', b);
  if (x.dtype !== y.dtype) throw new DTypeError({ op: 'matmul', argument: 'b', expected: x.dtype, actual: y.dtype });
  if (x.shape.length < 2) throw new ShapeError({ op: 'matmul', argument: 'a', expected: 'at least 2 axes (use dot for vectors)', actual: x.shape });
  if (y.shape.length < 2) throw new ShapeError({ op: 'matmul', argument: 'b', expected: 'at least 2 axes (use dot for vectors)', actual: y.shape });
  const transposeA = options.transposeA ?? false;
  const transposeB = options.transposeB ?? false;
  const [ra, ca] = x.shape.slice(-2) as [number, number];
  const [rb, cb] = y.shape.slice(-2) as [number, number];
  const m = transposeA ? ca : ra;
  const k = transposeA ? ra : ca;
  const kb = transposeB ? cb : rb;
  const n = transposeB ? rb : cb;
  if (k !== kb) {
    throw new ShapeError({
      op: 'matmul',
      argument: 'b',
      expected: `${k} rows in ${transposeB ? 'bᵀ' : 'b'} to match the ${k} columns of ${transposeA ? 'aᵀ' : 'a'} (a: [${x.shape.join(', ')}])`,
      actual: y.shape,
    });
  }
  if (x.shape.length === 2 && y.shape.length === 2) return kernels().matmul(x, y, transposeA, transposeB);

  // Batched: broadcast the leading axes, then one 2-D product per batch entry.
  const batchShape = broadcastShapes('matmul', x.shape.slice(0, -2), y.shape.slice(0, -2));
  const batches = sizeOf(batchShape);
  const sa = broadcastStrides(x.shape.slice(0, -2), batchShape);
  const sb = broadcastStrides(y.shape.slice(0, -2), batchShape);
  const out = allocate(x.dtype, batches * m * n);
  const index = new Array<number>(batchShape.length).fill(0);
  for (let t = 0; t < batches; t++) {
    let ia = 0;
    let ib = 0;
    for (let d = 0; d < batchShape.length; d++) {
      ia += (index[d] as number) * (sa[d] as number);
      ib += (index[d] as number) * (sb[d] as number);
    }
    const c = kernels().matmul(matrixView(x, ia, ra, ca), matrixView(y, ib, rb, cb), transposeA, transposeB);
    out.set(c.data, t * m * n);
    for (let d = batchShape.length - 1; d >= 0; d--) {
      index[d] = (index[d] as number) + 1;
      if ((index[d] as number) < (batchShape[d] as number)) break;
      index[d] = 0;
    }
  }
  return make(out, [...batchShape, m, n]);
}

/**
 * Dot product of two vectors (a scalar tensor), or matrix · vector (a vector).
 *
 * @since 0.1.0
 * @category Linear algebra
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.item(T.dot(T.tensor([1, 2, 3]), T.tensor([4, 5, 6])))); // 32
 * console.log(T.toArray(T.dot(T.eye(2), T.tensor([7, 8])))); // [7, 8]
 * ```
 */
export function dot(a: Tensor, b: Tensor): Tensor {
  const x = expectTensor('dot', 'a', a);
  const y = expectTensor('dot', 'b', b);
  if (y.shape.length !== 1) throw new ShapeError({ op: 'dot', argument: 'b', expected: 'a vector', actual: y.shape });
  if (x.shape.length === 1) {
    if (x.shape[0] !== y.shape[0]) throw new ShapeError({ op: 'dot', argument: 'b', expected: x.shape, actual: y.shape });
    return make(matmul(make(x.data, [1, x.data.length]), make(y.data, [y.data.length, 1])).data, []);
  }
  if (x.shape.length !== 2) throw new ShapeError({ op: 'dot', argument: 'a', expected: 'a vector or a matrix', actual: x.shape });
  const r = matmul(x, make(y.data, [y.data.length, 1]));
  return make(r.data, [x.shape[0] as number]);
}

/**
 * Outer product $a b^T$ of two vectors: an [a.length, b.length] matrix.
 *
 * @since 0.1.0
 * @category Linear algebra
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.toNested(T.outer(T.tensor([1, 2]), T.tensor([3, 4])))); // [[3, 4], [6, 8]]
 * ```
 */
export function outer(a: Tensor, b: Tensor): Tensor {
  const x = expectTensor('outer', 'a', a);
  const y = expectTensor('outer', 'b', b);
  if (x.shape.length !== 1) throw new ShapeError({ op: 'outer', argument: 'a', expected: 'a vector', actual: x.shape });
  if (y.shape.length !== 1) throw new ShapeError({ op: 'outer', argument: 'b', expected: 'a vector', actual: y.shape });
  return matmul(make(x.data, [x.data.length, 1]), make(y.data, [1, y.data.length]));
}
