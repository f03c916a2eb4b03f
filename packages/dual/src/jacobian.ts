/**
 * The full Jacobian of f: ℝⁿ → ℝᵐ, by the chunked forward passes of `gradient`.
 *
 * @module
 */
import type { Num } from './dual.js';
import type { GradientOptions } from './gradient.js';
import { chunkSize, forwardPasses } from './passes.js';
import { flatten, unflatten, type Like, type Point } from './point.js';

/**
 * The Jacobian of a function from `X` to `Y`: for each output, its gradient shaped like `X`.
 * An array output gives rows (`J[i][j] = ∂y_i/∂x_j`), a record output a record of gradients,
 * a scalar output the gradient itself.
 *
 * @since 0.1.0
 * @category Transforms
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * const J: D.Jacobian<D.Vector, D.Vector> = D.jacobian((x: D.Vector) => [D.mul(x[0]!, x[1]!)])([2, 3]);
 * console.log(J); // [ [ 3, 2 ] ]
 * ```
 */
export type Jacobian<X, Y> = Y extends Num
  ? Like<X>
  : Y extends readonly Num[]
    ? Like<X>[]
    : { -readonly [K in keyof Y]: Like<X> };

/** Shared by jacobian and hessian, which differ only in their name. */
export function jacobianWith<X extends Point, Y extends Point>(
  op: string,
  f: (x: X) => Y,
  options: GradientOptions,
): (x: X) => Jacobian<X, Y> {
  chunkSize(op, 1, options.chunk); // reject a bad chunk when the transform is made, not first used
  return (x) => {
    const flat = flatten(op, 'x', x);
    const chunk = chunkSize(op, flat.leaves.length, options.chunk);
    const { value, partials } = forwardPasses(op, f as (x: Point) => unknown, flat, chunk);
    const rows = partials.map((row) => unflatten(flat.structure, row));
    return unflatten(value.structure, rows) as Jacobian<X, Y>;
  };
}

/**
 * The Jacobian $J_f(x)$ of $f: \mathbb R^n \to \mathbb R^m$, $J_{ij} = \partial f_i/\partial x_j$,
 * from $\lceil n / \text{chunk} \rceil$ forward passes. Inputs and outputs may be numbers,
 * arrays or records; the result nests the input's structure inside the output's.
 *
 * @since 0.1.0
 * @category Transforms
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * const f = (p: { r: D.Num; theta: D.Num }) => ({
 *   x: D.mul(p.r, D.cos(p.theta)),
 *   y: D.mul(p.r, D.sin(p.theta)),
 * });
 * console.log(D.jacobian(f)({ r: 2, theta: 0 })); // { x: { r: 1, theta: 0 }, y: { r: 0, theta: 2 } }
 * ```
 */
export function jacobian<X extends Point, Y extends Point>(
  f: (x: X) => Y,
  options: GradientOptions = {},
): (x: X) => Jacobian<X, Y> {
  return jacobianWith('jacobian', f, options);
}
