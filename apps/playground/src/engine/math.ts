/**
 * The mathematics panel's numbers for the current Θ and the minibatch the next step trains on:
 * δ^l and ‖∂C/∂W^l‖ per layer by the notes' δ-equations, the same gradient by reverse mode and
 * how far apart the two are, and the norms of the optimiser's state (Adam's m and v, …).
 */
import * as T from '@theta/tensor';
import type { Session, TrainingState } from './session.js';

/** The largest relative difference at which the δ-equations and reverse mode "agree". */
export const AGREEMENT_TOLERANCE = 1e-9;

/** Rows of δ^l kept for the panel's small heatmap. */
const DELTA_ROWS = 8;

/** One layer's numbers. */
export interface LayerMath {
  /** l, counting from 1 as the notes. */
  readonly layer: number;
  /** n_{l−1} → n_l. */
  readonly inputs: number;
  readonly nodes: number;
  /** σ^l. */
  readonly activation: string;
  /** ‖δ^l‖ over the minibatch (Frobenius). */
  readonly deltaNorm: number;
  /** The first rows of δ^l, row-major [rows, n_l], for a heatmap. */
  readonly deltaSample: readonly number[];
  /** How many rows `deltaSample` holds. */
  readonly deltaRows: number;
  /** ‖∂C/∂W^l‖ and ‖∂C/∂b^l‖. */
  readonly gradW: number;
  readonly gradB: number;
  /** ‖W^l‖, for scale. */
  readonly weightNorm: number;
  /** max |δ-equations − reverse mode| over ∂C/∂W^l and ∂C/∂b^l, and that relative to max |∂C/∂Θ^l|. */
  readonly maxDiff: number;
  readonly relDiff: number;
}

/** One named part of the optimiser's state. */
export interface StateEntry {
  /** What it is, e.g. `m (1st moment)`. */
  readonly label: string;
  /** Its global norm, or the counter's value. */
  readonly value: number;
  /** Whether `value` is a norm (true) or a count. */
  readonly isNorm: boolean;
}

/** Everything the mathematics panel shows. */
export interface MathSnapshot {
  /** The step this minibatch will be used for (1-based). */
  readonly step: number;
  /** Rows in the minibatch. */
  readonly batchSize: number;
  /** C(Θ) on the minibatch, penalty included. */
  readonly batchLoss: number;
  /** γ_t for this step. */
  readonly learningRate: number;
  /** Per layer, l = 1 … L. */
  readonly layers: readonly LayerMath[];
  /** The optimiser's state. */
  readonly optimiser: readonly StateEntry[];
  /** The largest relative difference over all layers, and whether it is within tolerance. */
  readonly maxRelDiff: number;
  readonly agree: boolean;
  /** The reverse-mode loss minus the δ-equation loss. */
  readonly lossDiff: number;
}

const stateLabels: Readonly<Record<string, string>> = {
  mu: 'm, 1st moment',
  nu: 'v, 2nd moment',
  velocity: 'velocity',
  meanSquare: 'mean of g²',
  sumOfSquares: 'Σ g²',
  infinityNorm: 'u, ∞-norm',
};

/** The named moments and counters inside an optimiser state tree. */
export function stateEntries(state: unknown): StateEntry[] {
  const out: StateEntry[] = [];
  const walk = (node: unknown): void => {
    if (node === null || typeof node !== 'object' || T.isTensor(node)) return;
    if (Array.isArray(node)) return node.forEach(walk);
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      const label = stateLabels[key];
      if (label !== undefined) out.push({ label, value: T.Tree.globalNorm(value as T.TensorTree), isNorm: true });
      else if (key === 'count' && typeof value === 'number' && !out.some((e) => !e.isNorm)) out.push({ label: 't, step count', value, isNorm: false });
      else walk(value);
    }
  };
  walk(state);
  // Moments first, the step counter last.
  return [...out.filter((e) => e.isNorm), ...out.filter((e) => !e.isNorm)];
}

const norm = (x: T.Tensor): number => T.item(T.norm(x));
const maxAbs = (x: T.Tensor): number => (x.shape.reduce((a, b) => a * b, 1) === 0 ? 0 : T.item(T.max(T.abs(x))));

/** The panel's numbers for `state` and the minibatch of step `state.step + 1`. */
export function mathSnapshot(session: Session, state: TrainingState): MathSnapshot {
  const batch = session.batchAt(state.step);
  const { net, backprop, reverse } = session.model;
  const byDelta = backprop(state.theta, batch.X, batch.t);
  const byReverse = reverse(state.theta, batch.X, batch.t);
  const layers = state.theta.map((p, l): LayerMath => {
    const delta = byDelta.deltas[l] as T.Tensor;
    const g = byDelta.grads[l]!;
    const r = byReverse.grads[l]!;
    const maxDiff = Math.max(maxAbs(T.sub(g.W, r.W)), maxAbs(T.sub(g.b, r.b)));
    const scale = Math.max(maxAbs(g.W), maxAbs(g.b), Number.MIN_VALUE);
    const rows = Math.min(DELTA_ROWS, delta.shape[0] as number);
    return {
      layer: l + 1,
      inputs: net.sizes[l] as number,
      nodes: net.sizes[l + 1] as number,
      activation: net.activations[l]!.name,
      deltaNorm: norm(delta),
      deltaSample: T.toArray(T.slice(delta, [0, 0], [rows, delta.shape[1] as number])),
      deltaRows: rows,
      gradW: norm(g.W),
      gradB: norm(g.b),
      weightNorm: norm(p.W),
      maxDiff,
      relDiff: maxDiff / scale,
    };
  });
  const maxRelDiff = Math.max(0, ...layers.map((l) => l.relDiff));
  return {
    step: state.step + 1,
    batchSize: batch.indices.length,
    batchLoss: byDelta.loss,
    learningRate: session.model.learningRate(state.step),
    layers,
    optimiser: stateEntries(state.optState),
    maxRelDiff,
    agree: maxRelDiff <= AGREEMENT_TOLERANCE && Number.isFinite(byReverse.loss),
    lossDiff: byReverse.loss - byDelta.loss,
  };
}
