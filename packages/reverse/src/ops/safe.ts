/**
 * Numerical edge cases of the sweep, in one place.
 *
 * A cotangent that is exactly zero carries no information, so its product with a local
 * derivative is zero even where that derivative is infinite or NaN: 0 · ∞ = 0 here, not NaN.
 * This is what keeps `where(x > 0, log(x), 0)` NaN-free at x = 0: the branch not taken gets a
 * zero cotangent, and log′(0) = ∞ must not turn it into NaN. Every elementwise VJP multiplies
 * through {@link safeMul}; for finite operands it is the ordinary product.
 *
 * @module
 */
import * as T from '@theta/tensor';
import { binaryOp, elementwiseCost, type BinaryOp, type ElementwiseRule } from './primitive.js';
import { unbroadcast } from './layout.js';

/** a · b, except that 0 times anything (∞ and NaN included) is 0. */
function safeMulTensor(a: T.TensorLike, b: T.TensorLike): T.Tensor {
  const product = T.mul(a, b);
  // Only a non-finite product can be a 0 · ∞ or 0 · NaN: check before masking.
  if (T.Tree.findNonFinite(product) === undefined) return product;
  return T.where(T.maximum(T.equal(a, 0), T.equal(b, 0)), 0, product);
}

/** Rule of z = a ⊙ b with zero winning: ā = sumTo(z̄ ⊙ b), b̄ = sumTo(z̄ ⊙ a), both safe again. */
export const safeMulRule: ElementwiseRule = {
  op: 'safeMul',
  vjp: (g, [a, b], _z, _p, j) => (j === 0 ? unbroadcast(safeMul(g, b), a) : unbroadcast(safeMul(g, a), b)),
  cost: elementwiseCost(1, [1, 1]),
  scalar: { value: (x, y) => (x === 0 || y === 0 ? 0 : x * y), d0: (_x, y) => y, d1: (x) => x },
};

/**
 * The product a ⊙ b in which zero wins: `safeMul(0, Infinity) = 0` and `safeMul(0, NaN) = 0`.
 * VJP rules multiply cotangents through it, so a zero cotangent never becomes NaN.
 *
 * @since 0.1.0
 * @category Elementwise
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * console.log(R.safeMul(0, Infinity), R.safeMul(0, NaN), R.safeMul(2, 3)); // 0 0 6
 * ```
 */
export const safeMul: BinaryOp = binaryOp(safeMulRule, safeMulTensor);
