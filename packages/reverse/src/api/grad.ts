/**
 * `valueAndGrad` and `grad`: record f once, seed ∂f/∂x_D = 1 and sweep back. Thin layers over
 * the trace and the sweep, as JAX's.
 *
 * @module
 */
import * as T from '@theta/tensor';
import { sweepTape } from '../sweep.js';
import { describe } from '../value.js';
import { gradients, normaliseArgnums, record, scalarSeed } from './record.js';
import { primalTree } from './tree.js';
import type { Argnums, GradOptions, Grads, Primal } from './types.js';

/**
 * Turns a scalar cost f into a function that returns `[f(...args), ∇f]`, the gradient being a
 * tree shaped like the differentiated argument(s) (`argnums`, default 0). With `hasAux`, f
 * returns `[cost, aux]` and the value is `[cost, aux]` too. f runs once; the reverse sweep
 * costs a small multiple of that run, whatever the number of parameters.
 *
 * Errors: a non-scalar cost is a `ShapeError` that suggests `R.sum`/`R.mean` or `R.jacobian`;
 * a leaf that is not a tensor or a number (a string…) is a `DTypeError` naming its path.
 *
 * @typeParam F - f: trees of tensors and numbers in, one scalar (or `[cost, aux]`) out.
 * @typeParam N - The differentiated argument(s), from `options.argnums`.
 * @typeParam H - Whether f returns `[cost, aux]`, from `options.hasAux`.
 *
 * @since 0.1.0
 * @category Transforms
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * import * as T from '@theta/tensor';
 * const theta = [{ W: T.tensor([[1, 2]]), b: T.tensor([0.5]) }];
 * const X = T.tensor([[1, 1]]);
 * const cost = (th: typeof theta) => R.sum(R.square(R.add(R.matmul(X, th[0]!.W, { transposeB: true }), th[0]!.b)));
 * const [c, g] = R.valueAndGrad(cost)(theta);
 * console.log(T.item(c as T.Tensor), T.toNested(g[0]!.W), T.toArray(g[0]!.b)); // 12.25 [[7, 7]] [7]
 * ```
 */
export function valueAndGrad<F extends (...args: never[]) => unknown, const N extends Argnums = 0, const H extends boolean = false>(
  f: F,
  options: GradOptions<N, H> = {},
): <A extends Parameters<F>>(...args: A) => [Primal<ReturnType<F>>, Grads<A, N>] {
  const argnums: Argnums = options.argnums ?? 0;
  const hasAux = options.hasAux ?? false;
  return ((...args: unknown[]) => {
    const recording = record('grad', f, args, normaliseArgnums('grad', argnums, args.length));
    let cost = recording.result;
    if (hasAux) {
      if (!Array.isArray(cost) || cost.length !== 2) {
        throw new T.DTypeError({ op: 'grad', argument: 'output of f', expected: '[cost, aux] (hasAux is set)', actual: describe(cost) });
      }
      cost = cost[0];
    }
    const adjoints = sweepTape(recording.tape, scalarSeed('grad', recording.tape, cost));
    const grads = gradients(recording, adjoints);
    return [primalTree(recording.result, recording.tape), typeof argnums === 'number' ? grads[0] : grads];
  }) as never;
}

/**
 * Turns a scalar cost f into its gradient ∇f: a function returning a tree shaped like the
 * differentiated argument(s). `grad(grad(f))` is the second derivative: the sweep is itself
 * recorded by the enclosing trace.
 *
 * @typeParam F - f: trees of tensors and numbers in, one scalar (or `[cost, aux]`) out.
 * @typeParam N - The differentiated argument(s), from `options.argnums`.
 * @typeParam H - Whether f returns `[cost, aux]`, from `options.hasAux`.
 * @since 0.1.0
 * @category Transforms
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * const f = (x: R.Value) => R.mul(x, R.sin(x));
 * const df = R.grad(f);
 * console.log(df(0), R.grad(df)(0)); // 0 2
 * ```
 */
export function grad<F extends (...args: never[]) => unknown, const N extends Argnums = 0, const H extends boolean = false>(
  f: F,
  options: GradOptions<N, H> = {},
): <A extends Parameters<F>>(...args: A) => Grads<A, N> {
  const both = valueAndGrad(f, options);
  return ((...args: Parameters<F>) => both(...args)[1]) as never;
}
