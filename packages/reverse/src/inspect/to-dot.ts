/**
 * The Wengert list as a Graphviz drawing: one box per node, one arrow per parent edge.
 *
 * @module
 */
import type { Graph } from '../graph.js';
import { wengertTable, showValue, type WengertTableOptions } from './wengert-table.js';

/**
 * Options of {@link toDot}.
 *
 * @since 0.1.0
 * @category Inspection
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * const options: R.DotOptions = { adjoints: true, digits: 4 };
 * console.log(R.toDot(R.trace((x: R.Value) => R.exp(x))(0), options).includes('x̄ = 1')); // true
 * ```
 */
export interface DotOptions extends WengertTableOptions {
  /** Show each node's adjoint under its value (default false). */
  readonly adjoints?: boolean;
  /** Significant digits of the numbers shown (default 6). */
  readonly digits?: number;
}

/** One line of a label, with Graphviz's escapes. */
const escape = (s: string): string => s.replaceAll('\\', '\\\\').replaceAll('"', '\\"');

/**
 * Graphviz (`dot`) source for a recorded graph: nodes labelled `name = op`, their value (and
 * adjoint, with `adjoints: true`), inputs drawn as ellipses, edges from parents to children.
 * Render it with `dot -Tsvg`.
 *
 * @since 0.1.0
 * @category Inspection
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * const text = R.toDot(R.trace((x: R.Value) => R.sqrt(R.exp(x)))(0));
 * console.log(text.split('\n')[0], text.includes('n0 -> n1')); // digraph wengert { true
 * ```
 */
export function toDot(graph: Graph, options: DotOptions = {}): string {
  const digits = options.digits ?? 6;
  const rows = wengertTable(graph, options.cotangent === undefined ? {} : { cotangent: options.cotangent });
  const lines = ['digraph wengert {', '  rankdir=LR;', '  node [shape=box, fontname="Helvetica"];'];
  for (const r of rows) {
    const label = [`${r.name} = ${r.op}`, showValue(r.value, digits)];
    if (options.adjoints === true && r.adjoint !== undefined) label.push(`x̄ = ${showValue(r.adjoint, digits)}`);
    const shape = r.op === 'input' ? ', shape=ellipse' : '';
    // `\n` (backslash, n) is Graphviz's line break inside a label.
    lines.push(`  n${r.i - 1} [label="${label.map(escape).join('\\n')}"${shape}];`);
  }
  for (const r of rows) for (const p of new Set(r.parents)) lines.push(`  n${p - 1} -> n${r.i - 1};`);
  lines.push('}');
  return lines.join('\n');
}
