/**
 * The finished Wengert list as an immutable value: what `trace` returns, what the sweep and
 * the inspection functions read.
 *
 * @module
 */
import * as T from '@theta/tensor';
import { flatten } from './api/tree.js';
import { inputRule } from './rule.js';
import type { Tape } from './tape.js';
import { TracedValue, type Traced, type Value } from './value.js';

/**
 * One node x_i = g_i(x_pa(i)) of a Wengert list.
 *
 * @since 0.1.0
 * @category Model
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * const graph = R.trace((x: R.Value) => R.exp(x))(0);
 * const node: R.WengertNode = graph.nodes[1]!;
 * console.log(node.id, node.op, node.parents, node.value); // 1 exp [0] 1
 * ```
 */
export interface WengertNode {
  /** Position in evaluation order (0 for x_1); parents always have smaller ids. */
  readonly id: number;
  /** The elementary function g_i: `input`, `add`, `exp`, `matmul`, … */
  readonly op: string;
  /** Ids of the parent nodes pa(i), by argument position; constants are not nodes and are left out. */
  readonly parents: readonly number[];
  /** The value x_i: a number on the scalar path, a tensor otherwise (traced when nested). */
  readonly value: T.Tensor | Traced | number;
  /** The name given with {@link named}, or the argument path of an input (`args[0][1].W`). */
  readonly name: string | undefined;
}

/**
 * A recorded Wengert list: the nodes in evaluation order, inputs x_1 … x_d first, and the ids
 * of the output leaves (x_D, the last node, when f returns one value it computed last).
 * Immutable; the reverse sweep ({@link sweep}) reads it and returns new adjoints.
 *
 * @since 0.1.0
 * @category Model
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * const graph: R.Graph = R.trace((x: R.Value, y: R.Value) => R.mul(x, y))(2, 3);
 * console.log(graph.size, graph.inputs, graph.outputs, graph.output); // 3 [0, 1] [2] 6
 * ```
 */
export interface Graph {
  /** Discriminant. */
  readonly _tag: 'Graph';
  /** Number of nodes D. */
  readonly size: number;
  /** Nesting level of the trace (1 unless it ran inside another transform). */
  readonly level: number;
  /** Ids of the input nodes x_1 … x_d, in argument-tree order. */
  readonly inputs: readonly number[];
  /** Id of each output leaf (depth-first), or −1 for a leaf that does not depend on the inputs. */
  readonly outputs: readonly number[];
  /** f's result with plain values in place of traced ones. */
  readonly output: unknown;
  /** The nodes in evaluation order (built on first access). */
  readonly nodes: readonly WengertNode[];
}

let readTape: (graph: RecordedGraph) => Tape;

/** The one implementation of Graph; it keeps the compact list private. */
class RecordedGraph implements Graph {
  readonly _tag = 'Graph' as const;
  readonly size: number;
  readonly level: number;
  readonly inputs: readonly number[];
  readonly outputs: readonly number[];
  readonly output: unknown;
  /** The output leaves as f returned them (traced values included) and their paths, for the sweep. */
  readonly outputLeaves: readonly Value[];
  /** Path of each output leaf. */
  readonly outputPaths: readonly string[];
  readonly #tape: Tape;
  #nodes: readonly WengertNode[] | undefined;

  constructor(tape: Tape, result: unknown, output: unknown) {
    this.#tape = tape;
    this.size = tape.size;
    this.level = tape.level;
    this.inputs = Object.freeze(tape.inputs.slice());
    const flat = flatten(result, 'output', 'trace');
    this.outputLeaves = Object.freeze(flat.leaves.slice());
    this.outputPaths = Object.freeze(flat.paths.slice());
    this.outputs = Object.freeze(this.outputLeaves.map((v) => (v instanceof TracedValue && v.tape === tape ? v.id : -1)));
    this.output = output;
    Object.freeze(this);
  }

  get nodes(): readonly WengertNode[] {
    if (this.#nodes === undefined) {
      const tape = this.#tape;
      const nodes: WengertNode[] = [];
      for (let i = 0; i < tape.size; i++) {
        const rule = tape.rules[i];
        nodes.push(
          Object.freeze({
            id: i,
            op: rule === undefined ? 'unknown' : rule.op,
            parents: Object.freeze(rule === inputRule ? [] : tape.parentsOf(i).filter((p) => p >= 0)),
            value: tape.valueOf(i) as T.Tensor | Traced | number,
            name: tape.names.get(i),
          }),
        );
      }
      this.#nodes = Object.freeze(nodes);
    }
    return this.#nodes;
  }

  static {
    readTape = (graph) => graph.#tape;
  }
}

/** Wraps a closed tape and f's result as a Graph. */
export const makeGraph = (tape: Tape, result: unknown, output: unknown): Graph => new RecordedGraph(tape, result, output);

/** The compact list and output leaves behind a Graph; a typed error for anything else. */
export function internals(graph: Graph, op: string): { readonly tape: Tape; readonly outputLeaves: readonly Value[]; readonly outputPaths: readonly string[] } {
  if (!(graph instanceof RecordedGraph)) {
    throw new T.DTypeError({ op, argument: 'graph', expected: 'a Graph returned by R.trace', actual: typeof graph });
  }
  return { tape: readTape(graph), outputLeaves: graph.outputLeaves, outputPaths: graph.outputPaths };
}
