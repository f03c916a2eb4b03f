/**
 * The gradient of a scalar function of many inputs, in ⌈n / chunk⌉ forward passes.
 *
 * @module
 */
import type { Num } from './dual.js';
import { TypeMismatchError } from './errors.js';
import { chunkSize, forwardPasses } from './passes.js';
import { flatten, unflatten, type Like, type Point, type Structure } from './point.js';

/**
 * Options of `gradient`, `jacobian` and `hessian`.
 *
 * @since 0.1.0
 * @category Transforms
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * const options: D.GradientOptions = { chunk: 1 }; // one input per pass
 * console.log(D.gradient((x: D.Vector) => D.mul(x[0]!, x[1]!), options)([2, 3])); // [ 3, 2 ]
 * ```
 */
export interface GradientOptions {
  /**
   * How many inputs each forward pass seeds (the chunk size): a finite integer ≥ 1. Larger
   * chunks mean fewer passes, each carrying more partials. Default: up to 8, spread evenly
   * (beyond 8 the partials no longer fit V8's on-heap typed arrays and each pass slows down).
   */
  readonly chunk?: number;
}

const describeStructure = (s: Structure): string => {
  if (s.kind === 'vector') return `an array of length ${s.length}`;
  return s.kind === 'record' ? `a record with keys [${s.keys.join(', ')}]` : 'a number';
};

/** Shared by gradient, valueAndGradient and hessian, which differ only in their name and result. */
export function gradientWith<X extends Point>(
  op: string,
  f: (x: X) => Num,
  options: GradientOptions,
): (x: X) => [Num, Like<X>] {
  chunkSize(op, 1, options.chunk); // reject a bad chunk when the transform is made, not first used
  return (x) => {
    const flat = flatten(op, 'x', x);
    const chunk = chunkSize(op, flat.leaves.length, options.chunk);
    const { value, partials } = forwardPasses(op, f as (x: Point) => unknown, flat, chunk);
    if (value.structure.kind !== 'scalar') {
      throw new TypeMismatchError({
        op,
        argument: 'f(x)',
        expected: 'a number or Dual (for array or record outputs use jacobian, or sum them first)',
        actual: describeStructure(value.structure),
      });
    }
    return [value.leaves[0]!, unflatten(flat.structure, partials[0]!) as Like<X>];
  };
}

/**
 * The gradient $\nabla f(x)$ of $f: \mathbb R^n \to \mathbb R$, shaped like `x` (a number, an
 * array or a record). Runs $\lceil n / \text{chunk} \rceil$ forward passes, each carrying a chunk
 * of partials (ForwardDiff.jl's chunk mode); `{ chunk: 1 }` is one pass per input. Forward mode
 * costs about $n / \text{chunk}$ evaluations of $f$: for many inputs reverse mode is cheaper.
 *
 * @since 0.1.0
 * @category Transforms
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * const f = (x: D.Vector) => D.add(D.mul(x[0]!, x[0]!), D.mul(3, x[1]!));
 * console.log(D.gradient(f)([2, 5]), D.gradient(f, { chunk: 1 })([2, 5])); // [ 4, 3 ] [ 4, 3 ]
 * ```
 */
export function gradient<X extends Point>(f: (x: X) => Num, options: GradientOptions = {}): (x: X) => Like<X> {
  const run = gradientWith('gradient', f, options);
  return (x) => run(x)[1];
}

/**
 * $[f(x), \nabla f(x)]$ from the same forward passes.
 *
 * @since 0.1.0
 * @category Transforms
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * const f = (p: { w: D.Num; b: D.Num }) => D.add(D.mul(p.w, 2), p.b);
 * console.log(D.valueAndGradient(f)({ w: 1, b: 3 })); // [ 5, { w: 2, b: 1 } ]
 * ```
 */
export function valueAndGradient<X extends Point>(
  f: (x: X) => Num,
  options: GradientOptions = {},
): (x: X) => [Num, Like<X>] {
  return gradientWith('valueAndGradient', f, options);
}
