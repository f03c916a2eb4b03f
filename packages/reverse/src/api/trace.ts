/**
 * The notes' algorithm as two explicit steps: `trace` evaluates f once into a Wengert list,
 * `sweep` seeds the output's adjoint and returns the adjoints of every node. `named` labels a
 * node so that the table can show the notes' letters.
 *
 * @module
 */
import * as T from '@theta/tensor';
import { internals, makeGraph, type Graph } from '../graph.js';
import { likePrimal, sweepTape, zeroLike } from '../sweep.js';
import { tapeOf } from '../tape.js';
import { TracedValue, shapeOf, sizeOf, type Traced, type Value } from '../value.js';
import { normaliseArgnums, one, record } from './record.js';
import { primalTree } from './tree.js';
import type { Argnums } from './types.js';
import { seedsFor } from './vjp.js';

/**
 * Options of {@link trace}.
 *
 * @since 0.1.0
 * @category Transforms
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * const options: R.TraceOptions = { argnums: 0 };
 * console.log(R.trace((x: R.Value, n: number) => R.pow(x, n), options)(2, 3).inputs); // [0]
 * ```
 */
export interface TraceOptions {
  /** Which arguments become input nodes (default: all). */
  readonly argnums?: Argnums;
}

/**
 * Evaluates f once and records its Wengert list: the leaves of the arguments become the
 * input nodes x_1 … x_d, and every differentiable op on them appends a node
 * x_i = g_i(x_pa(i)). Returns the immutable {@link Graph}.
 *
 * @typeParam F - f: trees of tensors and numbers in, a tree of them out.
 *
 * @since 0.1.0
 * @category Transforms
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * // The notes' f(x) = √(x² + exp(x²)), with the notes' names.
 * const f = (x: R.Value) => {
 *   const a = R.named('a', R.square(x));
 *   const b = R.named('b', R.exp(a));
 *   const c = R.named('c', R.add(a, b));
 *   return R.named('d', R.sqrt(c));
 * };
 * const graph = R.trace(f)(1);
 * console.log(graph.nodes.map((n) => `${n.name}=${n.op}(${n.parents})`).join(' '));
 * // args[0]=input() a=square(0) b=exp(1) c=add(1,2) d=sqrt(3)
 * ```
 */
export function trace<F extends (...args: never[]) => unknown>(f: F, options: TraceOptions = {}): (...args: Parameters<F>) => Graph {
  return (...args: Parameters<F>) => {
    const recording = record('trace', f, args, normaliseArgnums('trace', options.argnums, args.length));
    return makeGraph(recording.tape, recording.result, primalTree(recording.result, recording.tape));
  };
}

/**
 * Gives a traced value a name for the Wengert table and the Graphviz drawing (`a`, `b`, … as
 * in the notes). Returns the value itself; untraced values pass through unchanged.
 *
 * @typeParam V - The value's type, returned unchanged.
 *
 * @since 0.1.0
 * @category Inspection
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * const graph = R.trace((x: R.Value) => R.named('y', R.mul(x, 2)))(1);
 * console.log(graph.nodes[1]!.name); // y
 * ```
 */
export function named<V extends Value>(name: string, value: V): V {
  if (tapeOf(value, 'named') !== undefined) (value as unknown as TracedValue).tape.names.set((value as Traced).id, name);
  return value;
}

/**
 * The reverse sweep over a recorded graph, as a pure step: seeds ∂f/∂x_D = 1 (f must return
 * one scalar) or the given cotangent (shaped like f's output), and returns the adjoint
 * ∂f/∂x_i of every node, by id — zeros for nodes the output does not depend on. The graph is
 * not changed, so sweeping twice gives identical numbers.
 *
 * @since 0.1.0
 * @category Transforms
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * const graph = R.trace((x: R.Value, y: R.Value) => R.mul(x, y))(2, 3);
 * console.log(R.sweep(graph)); // [3, 2, 1]
 * ```
 */
export function sweep(graph: Graph, cotangent?: unknown): readonly Value[] {
  const { tape, outputLeaves, outputPaths } = internals(graph, 'sweep');
  let seeds;
  if (cotangent === undefined) {
    const out = outputLeaves[0];
    if (outputLeaves.length !== 1 || out === undefined || sizeOf(out) !== 1) {
      throw new T.ShapeError({
        op: 'sweep',
        argument: 'cotangent',
        expected: 'a cotangent shaped like f\'s output (it is seeded with 1 only when f returns one scalar)',
        actual: outputLeaves.length === 1 && out !== undefined ? shapeOf(out) : `${outputLeaves.length} outputs`,
      });
    }
    seeds = out instanceof TracedValue && out.tape === tape ? [[out.id, one(out.value)] as const] : [];
  } else seeds = seedsFor(tape, { leaves: outputLeaves, paths: outputPaths }, cotangent);
  const adjoints = sweepTape(tape, seeds);
  const out = new Array<Value>(tape.size);
  if (adjoints instanceof Float64Array) {
    for (let i = 0; i < tape.size; i++) out[i] = adjoints[i] as number; // the scalar sweep: numbers throughout
  } else {
    for (let i = 0; i < tape.size; i++) {
      const a = adjoints[i];
      out[i] = a === undefined ? zeroLike(tape.valueOf(i)) : likePrimal(a, tape.valueOf(i));
    }
  }
  return Object.freeze(out);
}
