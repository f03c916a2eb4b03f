/**
 * `vjp`: the engine's most general entry. Record f once; return its value and a pullback that
 * maps any output cotangent ȳ to the input cotangents (Jᵀȳ), by a fresh reverse sweep per call.
 *
 * @module
 */
import * as T from '@theta/tensor';
import { sweepTape, type Seeds } from '../sweep.js';
import type { Tape } from '../tape.js';
import { TracedValue, sameShape, shapeOf, stopGradient, type Value } from '../value.js';
import { gradients, normaliseArgnums, record } from './record.js';
import { flatten, primalTree } from './tree.js';
import type { Argnums, Gradient, Grads, Primal } from './types.js';

/**
 * Options of {@link vjp} and {@link jacobian}.
 *
 * @typeParam N - The type of `argnums`.
 *
 * @since 0.1.0
 * @category Transforms
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * const options: R.VjpOptions<0> = { argnums: 0 };
 * const [, pullback] = R.vjp((a: R.Value, b: R.Value) => R.mul(a, b), options)(2, 3);
 * console.log(pullback(1)); // 3
 * ```
 */
export interface VjpOptions<N extends Argnums | undefined = undefined> {
  /** Which arguments to differentiate (default: all of them, as a tuple). */
  readonly argnums?: N;
}

/**
 * The pullback's result: a tuple with one gradient per argument when `argnums` is absent.
 *
 * @typeParam A - The argument types.
 * @typeParam N - The type of `argnums` (`undefined`: all arguments).
 *
 * @since 0.1.0
 * @category Model
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * const g: R.Pulled<[number, number], undefined> = [1, 2];
 * console.log(g); // [1, 2]
 * ```
 */
export type Pulled<A extends readonly unknown[], N> = N extends undefined ? { readonly [K in keyof A]: Gradient<A[K]> } : Grads<A, N>;

/**
 * Reverse mode in its general form: `vjp(f)(...args)` runs f once and returns `[y, pullback]`
 * where `pullback(ȳ)` = Jᵀȳ, the cotangents of the arguments — a tuple with one tree per
 * argument (or as `argnums` says). ȳ has the structure and shapes of y; a wrong shape is a
 * `ShapeError` that names both. The pullback is pure: call it as often as you like.
 *
 * @typeParam F - f: trees of tensors and numbers in, a tree of them out.
 * @typeParam N - The differentiated argument(s), from `options.argnums` (all when absent).
 *
 * @since 0.1.0
 * @category Transforms
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * import * as T from '@theta/tensor';
 * const [y, pullback] = R.vjp((x: R.Value) => R.mul(x, T.tensor([1, 2, 3])))(T.tensor([1, 1, 1]));
 * const [dx] = pullback(T.tensor([1, 0, 1]));
 * console.log(T.toArray(y as T.Tensor), T.toArray(dx as T.Tensor)); // [1, 2, 3] [1, 0, 3]
 * ```
 */
export function vjp<F extends (...args: never[]) => unknown, const N extends Argnums | undefined = undefined>(
  f: F,
  options: VjpOptions<N> = {},
): <A extends Parameters<F>>(...args: A) => [Primal<ReturnType<F>>, (cotangent: unknown) => Pulled<A, N>] {
  return ((...args: unknown[]) => {
    const recording = record('vjp', f, args, normaliseArgnums('vjp', options.argnums, args.length));
    const outputs = flatten(recording.result, 'output', 'vjp');
    const pullback = (cotangent: unknown): unknown => {
      const grads = gradients(recording, sweepTape(recording.tape, seedsFor(recording.tape, outputs, cotangent)));
      return typeof options.argnums === 'number' ? grads[0] : grads;
    };
    return [primalTree(recording.result, recording.tape), pullback];
  }) as never;
}

/** Matches a cotangent tree against the output leaves and seeds the traced ones. */
export function seedsFor(tape: Tape, output: { readonly leaves: readonly Value[]; readonly paths: readonly string[] }, cotangent: unknown): Seeds {
  const given = flatten(cotangent, 'cotangent', 'vjp');
  const where = (paths: readonly string[], root: string): string => paths.map((p) => p.slice(root.length) || '(root)').join(', ');
  if (where(given.paths, 'cotangent') !== where(output.paths, 'output')) {
    throw new T.ShapeError({
      op: 'vjp',
      argument: 'cotangent',
      expected: `a tree shaped like f's output, with leaves at ${where(output.paths, 'output')}`,
      actual: `leaves at ${where(given.paths, 'cotangent') || 'none'}`,
    });
  }
  const seeds: [number, Value][] = [];
  output.leaves.forEach((out, i) => {
    const ct = given.leaves[i] as Value;
    const expected = shapeOf(out);
    if (!sameShape(shapeOf(ct), expected)) {
      throw new T.ShapeError({ op: 'vjp', argument: given.paths[i] as string, expected: `[${expected.join(', ')}] (the shape of f's output)`, actual: shapeOf(ct) });
    }
    const primal = stopGradient(out);
    const plain = stopGradient(ct);
    if (typeof primal !== 'number' && typeof plain !== 'number' && plain.dtype !== primal.dtype) {
      throw new T.DTypeError({ op: 'vjp', argument: given.paths[i] as string, expected: `${primal.dtype} (the dtype of f's output)`, actual: plain.dtype });
    }
    if (out instanceof TracedValue && out.tape === tape) seeds.push([out.id, ct]);
  });
  return seeds;
}
