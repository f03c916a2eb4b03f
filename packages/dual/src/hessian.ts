/**
 * The Hessian as the Jacobian of the gradient: forward mode over forward mode, kept apart by tags.
 *
 * @module
 */
import type { Num } from './dual.js';
import { gradientWith, type GradientOptions } from './gradient.js';
import { jacobianWith, type Jacobian } from './jacobian.js';
import type { Like, Point } from './point.js';

/**
 * The Hessian of a scalar function of `X`: the Jacobian of its gradient (a matrix for an array
 * input, a record of records for a record input, a number for a number input).
 *
 * @since 0.1.0
 * @category Transforms
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * const H: D.Hessian<D.Vector> = D.hessian((x: D.Vector) => D.mul(x[0]!, x[1]!))([1, 2]);
 * console.log(H); // [ [ 0, 1 ], [ 1, 0 ] ]
 * ```
 */
export type Hessian<X> = Jacobian<X, Like<X>>;

/**
 * The Hessian $H_{ij} = \partial^2 f / \partial x_i \partial x_j$ of $f: \mathbb R^n \to \mathbb R$,
 * as `jacobian(gradient(f))`: the inner gradient's duals nest inside the outer Jacobian's, each
 * under its own tag. Both levels use the chunk size of `options`.
 *
 * @since 0.1.0
 * @category Transforms
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * // xᵀAx with A = [[1, 2], [0, 3]] has Hessian A + Aᵀ.
 * const f = ([a, b]: D.Vector) => D.add(D.add(D.mul(a!, a!), D.mul(2, D.mul(a!, b!))), D.mul(3, D.mul(b!, b!)));
 * console.log(D.hessian(f)([0.5, -1])); // [ [ 2, 2 ], [ 2, 6 ] ]
 * ```
 */
export function hessian<X extends Point>(f: (x: X) => Num, options: GradientOptions = {}): (x: X) => Hessian<X> {
  const gradientOf = gradientWith('hessian', f, options);
  return jacobianWith('hessian', (x: X) => gradientOf(x)[1] as Point, options) as (x: X) => Hessian<X>;
}
