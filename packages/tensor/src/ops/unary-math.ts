/**
 * Elementwise mathematical functions of one tensor.
 *
 * @module
 */
import { expectTensor } from '../core/operand.js';
import type { Tensor } from '../core/tensor.js';
import { kernels } from '../kernels/backend.js';
import type { UnaryOp } from '../kernels/types.js';

/** Builds the public function for a kernel op: check the argument, run the kernel. */
export const unary = (op: UnaryOp) => (x: Tensor): Tensor => kernels().unary(op, expectTensor(op, 'x', x), 0);

/**
 * −x, elementwise.
 * @since 0.1.0
 * @category Elementwise
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.toArray(T.neg(T.tensor([1, -2])))); // [-1, 2]
 * ```
 */
export const neg = unary('neg');

/**
 * |x|, elementwise.
 * @since 0.1.0
 * @category Elementwise
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.toArray(T.abs(T.tensor([-3, 2])))); // [3, 2]
 * ```
 */
export const abs = unary('abs');

/**
 * sign(x) ∈ {−1, 0, 1}, elementwise (NaN stays NaN).
 * @since 0.1.0
 * @category Elementwise
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.toArray(T.sign(T.tensor([-3, 0, 2])))); // [-1, 0, 1]
 * ```
 */
export const sign = unary('sign');

/**
 * eˣ, elementwise.
 * @since 0.1.0
 * @category Elementwise
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.toArray(T.exp(T.tensor([0, 1])))); // [1, 2.718281828459045]
 * ```
 */
export const exp = unary('exp');

/**
 * eˣ − 1, accurate for small x.
 * @since 0.1.0
 * @category Elementwise
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.toArray(T.expm1(T.tensor([1e-10])))); // [1.00000000005e-10]
 * ```
 */
export const expm1 = unary('expm1');

/**
 * Natural logarithm ln x, elementwise (ln 0 = −∞, ln of a negative number is NaN).
 * @since 0.1.0
 * @category Elementwise
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.toArray(T.log(T.tensor([1, Math.E])))); // [0, 1]
 * ```
 */
export const log = unary('log');

/**
 * ln(1 + x), accurate for small x.
 * @since 0.1.0
 * @category Elementwise
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.toArray(T.log1p(T.tensor([1e-10])))); // [9.9999999995e-11]
 * ```
 */
export const log1p = unary('log1p');

/**
 * √x, elementwise.
 * @since 0.1.0
 * @category Elementwise
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.toArray(T.sqrt(T.tensor([4, 9])))); // [2, 3]
 * ```
 */
export const sqrt = unary('sqrt');

/**
 * x², elementwise.
 * @since 0.1.0
 * @category Elementwise
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.toArray(T.square(T.tensor([-3, 2])))); // [9, 4]
 * ```
 */
export const square = unary('square');

/**
 * 1 / x, elementwise.
 * @since 0.1.0
 * @category Elementwise
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.toArray(T.reciprocal(T.tensor([2, 4])))); // [0.5, 0.25]
 * ```
 */
export const reciprocal = unary('reciprocal');

/**
 * sin x, elementwise (radians).
 * @since 0.1.0
 * @category Elementwise
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.toArray(T.sin(T.tensor([0])))); // [0]
 * ```
 */
export const sin = unary('sin');

/**
 * cos x, elementwise (radians).
 * @since 0.1.0
 * @category Elementwise
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.toArray(T.cos(T.tensor([0])))); // [1]
 * ```
 */
export const cos = unary('cos');

/**
 * tan x, elementwise (radians).
 * @since 0.1.0
 * @category Elementwise
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.toArray(T.tan(T.tensor([0])))); // [0]
 * ```
 */
export const tan = unary('tan');

/**
 * A 0/1 tensor: 1 where x is finite, 0 where it is NaN or ±∞.
 * @since 0.1.0
 * @category Elementwise
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.toArray(T.isFinite(T.tensor([1, NaN, Infinity])))); // [1, 0, 0]
 * ```
 */
export const isFinite = unary('isFinite');
