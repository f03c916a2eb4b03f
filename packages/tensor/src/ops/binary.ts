/**
 * Elementwise arithmetic of two tensors with NumPy broadcasting. Either side may be a plain
 * number, which stands for a scalar of the other side's dtype.
 *
 * @module
 */
import { commonDType, operand, type TensorLike } from '../core/operand.js';
import { broadcastShapes } from '../core/shape.js';
import type { Tensor } from '../core/tensor.js';
import { kernels } from '../kernels/backend.js';
import type { BinaryOp } from '../kernels/types.js';

/** Builds the public function for a kernel op: check dtypes, broadcast shapes, run the kernel. */
export const binary = (op: BinaryOp) => (a: TensorLike, b: TensorLike): Tensor => {
  const dtype = commonDType(op, a, b);
  const x = operand(op, 'a', a, dtype);
  const y = operand(op, 'b', b, dtype);
  return kernels().binary(op, x, y, broadcastShapes(op, x.shape, y.shape));
};

/**
 * a + b with broadcasting.
 * @since 0.1.0
 * @category Arithmetic
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const Z = T.add(T.tensor([[1, 2], [3, 4]]), T.tensor([10, 20])); // bias added to each row
 * console.log(T.toNested(Z)); // [[11, 22], [13, 24]]
 * ```
 */
export const add = binary('add');

/**
 * a − b with broadcasting.
 * @since 0.1.0
 * @category Arithmetic
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.toArray(T.sub(T.tensor([3, 4]), 1))); // [2, 3]
 * ```
 */
export const sub = binary('sub');

/**
 * a ⊙ b (Hadamard product) with broadcasting.
 * @since 0.1.0
 * @category Arithmetic
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.toArray(T.mul(T.tensor([3, 4]), T.tensor([2, 0.5])))); // [6, 2]
 * ```
 */
export const mul = binary('mul');

/**
 * a / b with broadcasting.
 * @since 0.1.0
 * @category Arithmetic
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.toArray(T.div(T.tensor([3, 4]), 2))); // [1.5, 2]
 * ```
 */
export const div = binary('div');

/**
 * aᵇ with broadcasting (IEEE `Math.pow` semantics).
 * @since 0.1.0
 * @category Arithmetic
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.toArray(T.pow(T.tensor([2, 3]), 2))); // [4, 9]
 * ```
 */
export const pow = binary('pow');

/**
 * Elementwise max(a, b) with broadcasting; NaN propagates.
 * @since 0.1.0
 * @category Arithmetic
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.toArray(T.maximum(T.tensor([-1, 2]), 0))); // [0, 2]
 * ```
 */
export const maximum = binary('maximum');

/**
 * Elementwise min(a, b) with broadcasting; NaN propagates.
 * @since 0.1.0
 * @category Arithmetic
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.toArray(T.minimum(T.tensor([-1, 2]), 0))); // [-1, 0]
 * ```
 */
export const minimum = binary('minimum');
