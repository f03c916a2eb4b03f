/**
 * The FLOP cost model, applied to a recorded graph.
 *
 * Forward: each node costs what its rule declares (one FLOP per element for every elementwise
 * function, exp and √ included; 2mkn for a matmul; n − m additions to reduce n elements to m;
 * nothing for layout and selection). Backward: a node whose adjoint reaches the inputs costs its
 * VJP terms for its traced parents, plus the additions that sum its own adjoint when it has
 * several consumers (fan-out). Nodes the output does not depend on cost nothing backward, and
 * constants get no cotangent.
 *
 * @module
 */
import { internals, type Graph } from '../graph.js';
import { inputRule } from '../rule.js';
import type { Tape } from '../tape.js';
import { sizeOf } from '../value.js';

/**
 * FLOPs of one node under the cost model.
 *
 * @since 0.1.0
 * @category Inspection
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * const node: R.NodeFlops = R.flopCount(R.trace((x: R.Value) => R.exp(x))(0)).nodes[1]!;
 * console.log(node.forward, node.backward); // 1 1
 * ```
 */
export interface NodeFlops {
  /** FLOPs to compute the node's value. */
  readonly forward: number;
  /** FLOPs the reverse sweep spends at the node: its VJP terms and the sum of its adjoint. */
  readonly backward: number;
}

/**
 * FLOPs of a graph under the cost model: totals and one entry per node.
 *
 * @since 0.1.0
 * @category Inspection
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * const count: R.FlopCount = R.flopCount(R.trace((x: R.Value) => R.exp(R.mul(x, x)))(1));
 * console.log(count.forward, count.backward); // 2 4
 * ```
 */
export interface FlopCount {
  /** FLOPs of the forward evaluation. */
  readonly forward: number;
  /** FLOPs of the reverse sweep from the output(s). */
  readonly backward: number;
  /** The same, node by node (index = node id). */
  readonly nodes: readonly NodeFlops[];
}

/** Which nodes the outputs depend on (their adjoints are computed). */
function live(tape: Tape, outputs: readonly number[]): Uint8Array {
  const alive = new Uint8Array(tape.size);
  for (const id of outputs) if (id >= 0) alive[id] = 1;
  for (let i = tape.size - 1; i >= 0; i--) {
    if (alive[i] === 0 || tape.rules[i] === inputRule) continue;
    for (const p of tape.parentsOf(i)) if (p >= 0) alive[p] = 1;
  }
  return alive;
}

/** Per-node FLOPs of a tape under the cost model. */
export function costs(tape: Tape, outputs: readonly number[]): { forward: number; backward: number }[] {
  const alive = live(tape, outputs);
  const incoming = new Int32Array(tape.size);
  for (const id of outputs) if (id >= 0) incoming[id] = (incoming[id] as number) + 1;
  const nodes = [];
  for (let i = 0; i < tape.size; i++) nodes.push({ forward: 0, backward: 0 });
  for (let i = 0; i < tape.size; i++) {
    const rule = tape.rules[i];
    if (rule === undefined || rule === inputRule) continue;
    const { inputs, params } = tape.inputsOf(i);
    const cost = rule.cost(inputs as never, tape.valueOf(i), params as never);
    const node = nodes[i] as { forward: number; backward: number };
    node.forward = cost.forward;
    if (alive[i] === 0) continue;
    tape.parentsOf(i).forEach((p, j) => {
      if (p < 0) return;
      node.backward += cost.backward[j] ?? 0;
      incoming[p] = (incoming[p] as number) + 1;
    });
  }
  // Summing k contributions into one adjoint takes k − 1 additions per element.
  for (let i = 0; i < tape.size; i++) {
    const k = incoming[i] as number;
    if (k > 1) (nodes[i] as { backward: number }).backward += (k - 1) * sizeOf(tape.valueOf(i));
  }
  return nodes;
}

/**
 * Counts the FLOPs of a recorded graph under the documented cost model (see the package
 * overview): forward evaluation and reverse sweep, in total and node by node.
 *
 * @since 0.1.0
 * @category Inspection
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * import * as T from '@theta/tensor';
 * const A = T.ones([32, 50]);
 * const graph = R.trace((W: R.Value) => R.matmul(A, W))(T.ones([50, 50]));
 * console.log(R.flopCount(graph).forward); // 160000 (= 2·32·50·50)
 * ```
 */
export function flopCount(graph: Graph): FlopCount {
  const { tape } = internals(graph, 'flopCount');
  const nodes = costs(tape, graph.outputs);
  return {
    forward: nodes.reduce((s, n) => s + n.forward, 0),
    backward: nodes.reduce((s, n) => s + n.backward, 0),
    nodes,
  };
}
