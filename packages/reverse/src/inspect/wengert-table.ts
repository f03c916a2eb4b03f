/**
 * The Wengert list as a table, for teaching: one row per node with its value, its adjoint and
 * its cost, numbered x_1 … x_D as in the notes.
 *
 * @module
 */
import * as T from '@theta/tensor';
import { sweep } from '../api/trace.js';
import { internals, type Graph } from '../graph.js';
import { sizeOf, TracedValue, type Traced, type Value } from '../value.js';
import { costs } from './flop-count.js';

/**
 * One row of {@link wengertTable}. Indices count from 1, as the notes' x_1 … x_D.
 *
 * @since 0.1.0
 * @category Inspection
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * const [, row]: R.WengertRow[] = R.wengertTable(R.trace((x: R.Value) => R.exp(x))(0));
 * console.log(row!.i, row!.op, row!.parents, row!.value, row!.adjoint); // 2 exp [1] 1 1
 * ```
 */
export interface WengertRow {
  /** i in x_i (1-based). */
  readonly i: number;
  /** The node's name, `x<i>` when it has none. */
  readonly name: string;
  /** The elementary function g_i. */
  readonly op: string;
  /** pa(i), 1-based. */
  readonly parents: readonly number[];
  /** The value x_i. */
  readonly value: T.Tensor | Traced | number;
  /** The adjoint ∂f/∂x_i, when the graph has one scalar output or a cotangent was given. */
  readonly adjoint: Value | undefined;
  /** FLOPs to compute x_i. */
  readonly flopsForward: number;
  /** FLOPs the reverse sweep spends at node i (its VJP terms and the sum of its adjoint). */
  readonly flopsBackward: number;
}

/**
 * Options of {@link wengertTable}.
 *
 * @since 0.1.0
 * @category Inspection
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * import * as T from '@theta/tensor';
 * const graph = R.trace((x: R.Value) => R.mul(x, 2))(T.tensor([1, 2]));
 * const options: R.WengertTableOptions = { cotangent: T.tensor([1, 0]) };
 * console.log(T.toArray(R.wengertTable(graph, options)[0]!.adjoint as T.Tensor)); // [2, 0]
 * ```
 */
export interface WengertTableOptions {
  /** Cotangent to seed the sweep with (default: 1, when f returns one scalar). */
  readonly cotangent?: unknown;
}

/**
 * The Wengert list of a recorded graph as rows `{ i, name, op, parents, value, adjoint,
 * flopsForward, flopsBackward }`. Adjoints come from a reverse sweep seeded with 1 (f must
 * return one scalar) or with `options.cotangent`; without either, they are `undefined`.
 *
 * @since 0.1.0
 * @category Inspection
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * const f = (x: R.Value) => R.named('d', R.sqrt(R.named('c', R.add(R.named('a', R.square(x)), R.named('b', R.exp(R.square(x)))))));
 * const rows = R.wengertTable(R.trace(f)(1));
 * console.log(rows.map((r) => r.name).join(' ')); // args[0] a x3 b c d
 * ```
 */
export function wengertTable(graph: Graph, options: WengertTableOptions = {}): readonly WengertRow[] {
  const { tape, outputLeaves } = internals(graph, 'wengertTable');
  const scalarOutput = outputLeaves.length === 1 && sizeOf(outputLeaves[0] as Value) === 1;
  const adjoints = options.cotangent !== undefined ? sweep(graph, options.cotangent) : scalarOutput ? sweep(graph) : undefined;
  const flops = costs(tape, graph.outputs);
  return graph.nodes.map((node, id) => ({
    i: id + 1,
    name: node.name ?? `x${id + 1}`,
    op: node.op,
    parents: node.parents.map((p) => p + 1),
    value: node.value,
    adjoint: adjoints?.[id],
    flopsForward: flops[id]?.forward ?? 0,
    flopsBackward: flops[id]?.backward ?? 0,
  }));
}

/** A value in a few characters: a number, a small tensor's entries, or a shape. */
export function showValue(v: Value | undefined, digits = 6): string {
  if (v === undefined) return '';
  if (v instanceof TracedValue) return `traced (level ${v.level})`;
  const number = (x: number): string => (Number.isInteger(x) && Math.abs(x) < 1e15 ? String(x) : Number(x.toPrecision(digits)).toString());
  if (typeof v === 'number') return number(v);
  const t = v as T.Tensor;
  const values = T.toArray(t);
  if (values.length <= 4) return t.shape.length === 0 ? number(values[0] as number) : `[${values.map(number).join(', ')}]${t.shape.length > 1 ? ` (${t.shape.join('×')})` : ''}`;
  return `${t.dtype}[${t.shape.join('×')}]`;
}

/**
 * The rows of {@link wengertTable} as a plain-text (Markdown) table, for a console or a page.
 *
 * @since 0.1.0
 * @category Inspection
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * console.log(R.formatWengertTable(R.wengertTable(R.trace((x: R.Value) => R.exp(x))(0))));
 * // | i | name    | op    | parents | value | adjoint | FLOPs fwd | FLOPs bwd |
 * // …
 * ```
 */
export function formatWengertTable(rows: readonly WengertRow[], digits = 6): string {
  const header = ['i', 'name', 'op', 'parents', 'value', 'adjoint', 'FLOPs fwd', 'FLOPs bwd'];
  const cells = rows.map((r) => [String(r.i), r.name, r.op, r.parents.join(', '), showValue(r.value, digits), showValue(r.adjoint, digits), String(r.flopsForward), String(r.flopsBackward)]);
  const widths = header.map((h, c) => Math.max(h.length, ...cells.map((row) => (row[c] as string).length)));
  const line = (row: readonly string[]): string => `| ${row.map((cell, c) => cell.padEnd(widths[c] as number)).join(' | ')} |`;
  return [line(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...cells.map(line)].join('\n');
}
