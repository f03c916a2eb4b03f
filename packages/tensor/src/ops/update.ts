/**
 * The two passes a training step makes over every parameter: the update $\Theta + c\,g$ and the
 * check that nothing has become NaN or infinite — one pass each, on the active backend.
 *
 * @module
 */
import { DomainError, DTypeError, ShapeError } from '../core/errors.js';
import { expectTensor } from '../core/operand.js';
import type { Tensor } from '../core/tensor.js';
import { kernels } from '../kernels/backend.js';

/**
 * $\text{base} + \text{factor} \cdot x$ elementwise, in one pass: an SGD step
 * $\Theta - \eta\,\partial C/\partial\Theta$ is `addScaled(theta, grad, -eta)`. Both tensors must
 * have one shape and one dtype (no broadcasting). The product is formed in float64 — the factor
 * is not rounded — and for float32 rounded to float32 before the add, exactly as
 * `@theta/optim`'s fused steps round it.
 *
 * @since 0.1.0
 * @category Arithmetic
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const theta = T.tensor([1, 2, 3]);
 * const grad = T.tensor([10, -10, 0]);
 * console.log(T.toArray(T.addScaled(theta, grad, -0.1))); // [0, 3, 3]
 * ```
 */
export function addScaled(base: Tensor, x: Tensor, factor: number): Tensor {
  const op = 'addScaled';
  expectTensor(op, 'base', base);
  expectTensor(op, 'x', x);
  if (typeof factor !== 'number') throw new DomainError({ op, parameter: 'factor', value: factor, expected: 'a number' });
  if (x.dtype !== base.dtype) throw new DTypeError({ op, argument: 'x', expected: `${base.dtype} (the dtype of 'base')`, actual: x.dtype });
  if (x.shape.length !== base.shape.length || x.shape.some((d, i) => d !== base.shape[i])) {
    throw new ShapeError({ op, argument: 'x', expected: base.shape, actual: x.shape });
  }
  return kernels().scaledAdd(base, x, factor);
}

/**
 * Whether every element of `x` is finite — no NaN, no ±∞ — in one branch-free pass
 * (`T.Tree.findNonFinite` says where, for a whole tree).
 *
 * @since 0.1.0
 * @category Reductions
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.allFinite(T.tensor([1, -2, 1e308])), T.allFinite(T.tensor([1, NaN]))); // true false
 * ```
 */
export function allFinite(x: Tensor): boolean {
  expectTensor('allFinite', 'x', x);
  return kernels().allFinite(x);
}
