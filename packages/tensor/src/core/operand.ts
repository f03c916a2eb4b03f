/**
 * Argument checks shared by the ops: turning `Tensor | number` into a tensor and matching
 * dtypes, with uniform messages ("argument 'b' passed to 'add' …").
 */
import { DTypeError } from './errors.js';
import { isTensor, make, allocate, type DType, type Tensor } from './tensor.js';

/**
 * A tensor, or a plain number that stands for a scalar of the other operand's dtype.
 *
 * @since 0.1.0
 * @category Model
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const two: T.TensorLike = 2;
 * console.log(T.toArray(T.mul(T.ones([2]), two))); // [2, 2]
 * ```
 */
export type TensorLike = Tensor | number;

const describe = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'an array (use T.tensor to convert)' : typeof value === 'object' ? 'an object' : typeof value;

/** Checks that `value` is a tensor; otherwise a DTypeError naming op and argument. */
export function expectTensor(op: string, argument: string, value: unknown): Tensor {
  if (isTensor(value)) return value;
  throw new DTypeError({ op, argument, expected: 'a Tensor', actual: describe(value) });
}

/** A tensor from a `TensorLike`; numbers become scalars of `dtype`. */
export function operand(op: string, argument: string, value: unknown, dtype: DType): Tensor {
  if (typeof value === 'number') {
    const data = allocate(dtype, 1);
    data[0] = value;
    return make(data, []);
  }
  if (isTensor(value)) return value;
  throw new DTypeError({ op, argument, expected: 'a Tensor or a number', actual: describe(value) });
}

/** The common dtype of two operands: a tensor's dtype wins over a number's; two tensors must agree. */
export function commonDType(op: string, a: unknown, b: unknown): DType {
  const da = isTensor(a) ? a.dtype : undefined;
  const db = isTensor(b) ? b.dtype : undefined;
  if (da !== undefined && db !== undefined && da !== db) {
    throw new DTypeError({ op, argument: 'b', expected: `${da} (the dtype of 'a'; convert with T.astype)`, actual: db });
  }
  return da ?? db ?? 'float64';
}
