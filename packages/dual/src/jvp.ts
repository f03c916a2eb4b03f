/**
 * The Jacobian-vector product: one forward pass with the tangent `v` seeded on the inputs.
 *
 * @module
 */
import { Dual, freshTag, primalOf, tangentOf, type Num } from './dual.js';
import { flatten, leavesLike, unflatten, type Like, type Point } from './point.js';

/**
 * The Jacobian-vector product of $f: \mathbb R^n \to \mathbb R^m$: returns $[f(x), J_f(x)\,v]$
 * from one forward pass, where every input $x_i$ carries the tangent $v_i$. Points are numbers,
 * arrays or records; `v` must have the structure of `x` (a different length or key set is a
 * `ShapeError`). Cost: about that of one evaluation of $f$, whatever $m$ is.
 *
 * @since 0.1.0
 * @category Transforms
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * const polar = (p: { r: D.Num; theta: D.Num }) => [D.mul(p.r, D.cos(p.theta)), D.mul(p.r, D.sin(p.theta))];
 * const [xy, dxy] = D.jvp(polar)({ r: 2, theta: 0 }, { r: 0, theta: 1 });
 * console.log(xy, dxy); // [ 2, 0 ] [ 0, 2 ]
 * ```
 */
export function jvp<X extends Point, Y extends Point>(f: (x: X) => Y): (x: X, v: X) => [Like<Y>, Like<Y>] {
  return (x, v) => {
    const flat = flatten('jvp', 'x', x);
    const tangents = leavesLike('jvp', 'v', flat.structure, v);
    const tag = freshTag();
    const seeded = flat.leaves.map((xi, i) => new Dual(tag, xi, tangents[i]!));
    const out = flatten('jvp', 'f(x)', f(unflatten(flat.structure, seeded) as X));
    const value = out.leaves.map((y) => primalOf(y, tag));
    const tangent = out.leaves.map((y) => tangentOf(y, tag) as Num);
    return [unflatten(out.structure, value) as Like<Y>, unflatten(out.structure, tangent) as Like<Y>];
  };
}
