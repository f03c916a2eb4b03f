/**
 * Reading a tensor back into plain numbers, converting dtypes, and printing.
 *
 * @module
 */
import { ShapeError } from './errors.js';
import { expectTensor } from './operand.js';
import { allocate, make, type DType, type Nested, type Tensor } from './tensor.js';

/**
 * The elements as a flat array of numbers, row-major (a copy).
 *
 * @since 0.1.0
 * @category Conversions
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.toArray(T.tensor([[1, 2], [3, 4]]))); // [1, 2, 3, 4]
 * ```
 */
export const toArray = (x: Tensor): number[] => Array.from(expectTensor('toArray', 'x', x).data);

/**
 * The elements as nested arrays in the tensor's shape (a number for a scalar).
 *
 * @since 0.1.0
 * @category Conversions
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.toNested(T.fromArray([1, 2, 3, 4], [2, 2]))); // [[1, 2], [3, 4]]
 * ```
 */
export function toNested(x: Tensor): Nested {
  const t = expectTensor('toNested', 'x', x);
  const build = (axis: number, offset: number): Nested => {
    if (axis === t.shape.length) return t.data[offset] as number;
    const length = t.shape[axis] as number;
    const stride = t.shape.slice(axis + 1).reduce((a, b) => a * b, 1);
    return Array.from({ length }, (_, i) => build(axis + 1, offset + i * stride));
  };
  return build(0, 0);
}

/**
 * The single number of a tensor with one element.
 *
 * @since 0.1.0
 * @category Conversions
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.item(T.sum(T.ones([3])))); // 3
 * ```
 */
export function item(x: Tensor): number {
  const t = expectTensor('item', 'x', x);
  if (t.data.length !== 1) throw new ShapeError({ op: 'item', argument: 'x', expected: 'exactly one element', actual: t.shape });
  return t.data[0] as number;
}

/**
 * The same values in another dtype (float64 → float32 rounds to nearest). Returns x itself
 * when the dtype already matches, which is safe since tensors are immutable.
 *
 * @since 0.1.0
 * @category Conversions
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.astype(T.tensor([0.1]), 'float32').data[0]); // 0.10000000149011612
 * ```
 */
export function astype(x: Tensor, dtype: DType): Tensor {
  const t = expectTensor('astype', 'x', x);
  if (t.dtype === dtype) return t;
  const out = allocate(dtype, t.data.length);
  out.set(t.data);
  return make(out, t.shape);
}

/**
 * Options of {@link format}.
 *
 * @since 0.1.0
 * @category Conversions
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const options: T.FormatOptions = { digits: 3 };
 * console.log(T.format(T.tensor([Math.PI]), options)); // tensor([3.14], float64)
 * ```
 */
export interface FormatOptions {
  /** Significant digits per element (default 6). */
  readonly digits?: number;
  /** Elements shown per axis before eliding the middle with … (default 6). */
  readonly edgeItems?: number;
}

/**
 * A readable multi-line rendering with shape-aware brackets, aligned columns and elision of
 * large axes, like NumPy's repr.
 *
 * @since 0.1.0
 * @category Conversions
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.format(T.eye(2)));
 * // tensor([[1, 0],
 * //         [0, 1]], float64)
 * ```
 */
export function format(x: Tensor, options: FormatOptions = {}): string {
  const t = expectTensor('format', 'x', x);
  const digits = options.digits ?? 6;
  const edge = options.edgeItems ?? 6;
  const show = (v: number): string => (Number.isInteger(v) && Math.abs(v) < 1e15 ? String(v) : Number(v.toPrecision(digits)).toString());
  const cells = Array.from(t.data, show);
  const width = cells.reduce((w, c) => Math.max(w, c.length), 0);
  const indent = 'tensor('.length;
  const render = (axis: number, offset: number): string => {
    if (axis === t.shape.length) return (cells[offset] as string).padStart(width);
    const length = t.shape[axis] as number;
    const stride = t.shape.slice(axis + 1).reduce((a, b) => a * b, 1);
    const picks = length > 2 * edge ? [...Array(edge).keys(), -1, ...Array.from({ length: edge }, (_, i) => length - edge + i)] : [...Array(length).keys()];
    const parts = picks.map((i) => (i === -1 ? '…' : render(axis + 1, offset + i * stride)));
    const separator = axis === t.shape.length - 1 ? ', ' : `,${'\n'.repeat(t.shape.length - axis - 1)}${' '.repeat(indent + axis + 1)}`;
    return `[${parts.join(separator)}]`;
  };
  const body = t.shape.length === 0 ? show(t.data[0] as number) : render(0, 0);
  return `tensor(${body}, ${t.dtype})`;
}
