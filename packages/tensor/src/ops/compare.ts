/**
 * Comparisons (returning 0/1 tensors of the operands' dtype) and `where`.
 *
 * @module
 */
import { commonDType, expectTensor, operand, type TensorLike } from '../core/operand.js';
import { broadcastShapes } from '../core/shape.js';
import type { Tensor } from '../core/tensor.js';
import { kernels } from '../kernels/backend.js';
import { binary } from './binary.js';

/**
 * 1 where a = b, else 0 (broadcast).
 * @since 0.1.0
 * @category Comparison
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.toArray(T.equal(T.tensor([1, 2]), 2))); // [0, 1]
 * ```
 */
export const equal = binary('equal');

/**
 * 1 where a ≠ b, else 0 (broadcast; NaN ≠ NaN).
 * @since 0.1.0
 * @category Comparison
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.toArray(T.notEqual(T.tensor([1, 2]), 2))); // [1, 0]
 * ```
 */
export const notEqual = binary('notEqual');

/**
 * 1 where a < b, else 0 (broadcast).
 * @since 0.1.0
 * @category Comparison
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.toArray(T.less(T.tensor([1, 2]), 2))); // [1, 0]
 * ```
 */
export const less = binary('less');

/**
 * 1 where a ≤ b, else 0 (broadcast).
 * @since 0.1.0
 * @category Comparison
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.toArray(T.lessEqual(T.tensor([1, 2, 3]), 2))); // [1, 1, 0]
 * ```
 */
export const lessEqual = binary('lessEqual');

/**
 * 1 where a > b, else 0 (broadcast).
 * @since 0.1.0
 * @category Comparison
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.toArray(T.greater(T.tensor([1, 3]), 2))); // [0, 1]
 * ```
 */
export const greater = binary('greater');

/**
 * 1 where a ≥ b, else 0 (broadcast).
 * @since 0.1.0
 * @category Comparison
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.toArray(T.greaterEqual(T.tensor([1, 2, 3]), 2))); // [0, 1, 1]
 * ```
 */
export const greaterEqual = binary('greaterEqual');

/**
 * Picks a where cond ≠ 0 and b elsewhere, all three broadcast together. Both branches are
 * evaluated before the call; only the picked values reach the result.
 * @since 0.1.0
 * @category Comparison
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const x = T.tensor([-1, 2]);
 * console.log(T.toArray(T.where(T.greater(x, 0), x, 0))); // [0, 2]
 * ```
 */
export function where(cond: Tensor, a: TensorLike, b: TensorLike): Tensor {
  const c = expectTensor('where', 'cond', cond);
  const dtype = commonDType('where', a, b);
  const x = operand('where', 'a', a, dtype);
  const y = operand('where', 'b', b, dtype);
  const shape = broadcastShapes('where', broadcastShapes('where', c.shape, x.shape), y.shape);
  return kernels().where(c, x, y, shape);
}
