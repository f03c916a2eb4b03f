/**
 * Second order by nesting reverse mode in itself: the inner sweep runs inside the outer trace,
 * so it is recorded and can be swept again.
 *
 * @module
 */
import * as T from '@theta/tensor';
import { add, mul } from '../ops/arithmetic.js';
import { sum } from '../ops/reduce.js';
import { sameShape, shapeOf, stopGradient, type Value } from '../value.js';
import { grad } from './grad.js';
import { jacobian } from './jacobian.js';
import { flatten } from './tree.js';
import type { Gradient, Jacobian } from './types.js';

const op = 'hessianVectorProduct';

/** The leaves of x and v, checked to have the same structure and shapes (v's paths name a mismatch). */
function pair(x: unknown, v: unknown): [readonly Value[], readonly Value[]] {
  const left = flatten(x, 'x', op);
  const right = flatten(v, 'v', op);
  if (left.leaves.length !== right.leaves.length) {
    throw new T.ShapeError({ op, argument: 'v', expected: `a tree like x, with ${left.leaves.length} leaves`, actual: `${right.leaves.length} leaves` });
  }
  left.leaves.forEach((a, i) => {
    const b = right.leaves[i] as Value;
    if (!sameShape(shapeOf(a), shapeOf(b))) throw new T.ShapeError({ op, argument: right.paths[i] as string, expected: shapeOf(a), actual: shapeOf(b) });
  });
  return [left.leaves, right.leaves];
}

/** ⟨a, b⟩ summed over the leaves of two trees of equal structure. */
function inner(a: unknown, b: unknown): Value {
  const [left, right] = pair(a, b);
  let total: Value = 0;
  left.forEach((x, i) => {
    const v = right[i] as Value;
    const term = typeof stopGradient(x) === 'number' && typeof stopGradient(v) === 'number' ? mul(x, v) : sum(mul(x, v));
    total = i === 0 ? term : add(total, term);
  });
  return total;
}

/**
 * The Hessian-vector product H v = ∇(⟨∇f(x), v⟩) of a scalar f, without ever forming H: one
 * reverse sweep differentiated by another, at a small multiple of the cost of f. x and v are
 * trees of the same structure; the result has it too.
 *
 * @typeParam X - The type of x (and of the result).
 *
 * @since 0.1.0
 * @category Transforms
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * import * as T from '@theta/tensor';
 * // f(x) = Σ x³/3 has H = diag(2x)
 * const f = (x: R.Value) => R.sum(R.div(R.pow(x, 3), 3));
 * console.log(T.toArray(R.hessianVectorProduct(f)(T.tensor([1, 2]), T.tensor([1, 1])) as T.Tensor)); // [2, 4]
 * ```
 */
export function hessianVectorProduct<X>(f: (x: X) => Value): (x: X, v: X) => Gradient<X> {
  return (x, v) => {
    pair(x, v); // check v against x before any work
    return grad((y: X) => inner(grad(f)(y as never), v))(x as never) as Gradient<X>;
  };
}

/**
 * The Hessian of a scalar f of one tensor (or number) x: the reverse-mode Jacobian of its
 * gradient, of shape [...x, ...x] (a number when x is a number).
 *
 * @typeParam X - The type of x: a tensor or a number.
 *
 * @since 0.1.0
 * @category Transforms
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * import * as T from '@theta/tensor';
 * const f = (x: R.Value) => R.mul(R.sum(x), R.sum(x));
 * console.log(T.toNested(R.hessian(f)(T.tensor([1, 2])) as T.Tensor)); // [[2, 2], [2, 2]]
 * ```
 */
export function hessian<X extends Value>(f: (x: X) => Value): (x: X) => Jacobian<X> {
  return (x) => jacobian((y: X) => grad(f)(y as never) as Value)(x as never) as Jacobian<X>;
}
