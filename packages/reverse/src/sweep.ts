/**
 * The reverse sweep: a pure function of a finished Wengert list and the seed cotangents. It
 * walks the nodes from x_D back to x_1 and, for every parent i of node j, adds the term
 * ∂f/∂x_j · ∂g_j/∂x_i into x̄_i — the notes' ∂f/∂x_i = Σ_{j : i ∈ pa(j)} ∂f/∂x_j ∂g_j/∂x_i.
 * Evaluation order is a topological order, so when the walk reaches node i its adjoint is
 * complete. Nothing is written to the list; the adjoints come back as a new array.
 *
 * Two sweeps share that loop:
 * - `sweepScalar`: every node holds a plain number and the seeds are numbers. Adjoints live in
 *   one Float64Array and each step is `x̄_i += z̄ · ∂g/∂x_i` with the rule's scalar partial.
 *   Zero adjoints are skipped (0 · ∞ would otherwise make NaN).
 * - `sweepGeneral`: anything else. Each step calls the rule's VJP, written with the
 *   differentiable ops, so the sweep of an inner trace is itself recorded by the enclosing
 *   traces — which is all that `grad(grad(f))` needs.
 *
 * @module
 */
import * as T from '@theta/tensor';
import { add } from './ops/arithmetic.js';
import { inputRule } from './rule.js';
import type { Tape } from './tape.js';
import { stopGradient, type Value } from './value.js';

/** Seed cotangents: node id and its cotangent. */
export type Seeds = readonly (readonly [number, Value])[];

/** Adjoints of every node by the general sweep; `undefined` where no cotangent arrived. */
export function sweepGeneral(tape: Tape, seeds: Seeds): (Value | undefined)[] {
  const adjoint = new Array<Value | undefined>(tape.size).fill(undefined);
  const accumulate = (i: number, term: Value): void => {
    const previous = adjoint[i];
    adjoint[i] = previous === undefined ? term : add(previous, term);
  };
  for (const [id, g] of seeds) accumulate(id, g);
  for (let i = tape.size - 1; i >= 0; i--) {
    const g = adjoint[i];
    const rule = tape.rules[i];
    if (g === undefined || rule === undefined || rule === inputRule) continue;
    const parents = tape.parentsOf(i);
    const { inputs, params } = tape.inputsOf(i);
    const out = tape.valueOf(i);
    const all = rule.vjpAll?.(g, inputs as never, out, params as never);
    for (let j = 0; j < parents.length; j++) {
      const p = parents[j] as number;
      if (p < 0) continue;
      const term = all === undefined ? rule.vjp(g, inputs as never, out, params as never, j) : all[j];
      if (term !== undefined) accumulate(p, term);
    }
  }
  return adjoint;
}

/** Adjoints of every node of an all-scalar list by the fast sweep. */
export function sweepScalar(tape: Tape, seeds: readonly (readonly [number, number])[]): Float64Array {
  const adjoint = new Float64Array(tape.size);
  for (const [id, g] of seeds) adjoint[id] = (adjoint[id] as number) + g;
  const { rules, p0, p1, num, k } = tape;
  for (let i = tape.size - 1; i >= 0; i--) {
    const g = adjoint[i] as number;
    if (g === 0) continue;
    const s = (rules[i] as (typeof rules)[number]).scalar;
    if (s === undefined) continue;
    const a = p0[i] as number;
    const b = p1[i] as number;
    const x = a >= 0 ? (num[a] as number) : (k[i] as number);
    const y = b >= 0 ? (num[b] as number) : (k[i] as number);
    const z = num[i] as number;
    if (a >= 0) adjoint[a] = (adjoint[a] as number) + g * s.d0(x, y, z);
    if (b >= 0) adjoint[b] = (adjoint[b] as number) + g * s.d1(x, y, z);
  }
  return adjoint;
}

/** True when the fast scalar sweep applies. */
export const scalarSweepApplies = (tape: Tape, seeds: Seeds): boolean =>
  tape.generalCount === 0 && seeds.every(([, g]) => typeof g === 'number');

/** Adjoints of every node, by whichever sweep applies; `undefined` (or 0, for scalars) where none arrived. */
export function sweepTape(tape: Tape, seeds: Seeds): ArrayLike<Value | undefined> {
  return scalarSweepApplies(tape, seeds) ? sweepScalar(tape, seeds as readonly (readonly [number, number])[]) : sweepGeneral(tape, seeds);
}

/** Zero with the shape, dtype and kind (number or tensor) of `v`. */
export function zeroLike(v: Value): T.Tensor | number {
  const x = stopGradient(v);
  return typeof x === 'number' ? 0 : T.zerosLike(x);
}

/** A cotangent in the kind of its primal: numbers for numbers, tensors for tensors. */
export function likePrimal(adjoint: Value, primal: Value): Value {
  const p = stopGradient(primal);
  if (typeof p === 'number') return T.isTensor(adjoint) ? T.item(adjoint) : adjoint;
  return typeof adjoint === 'number' ? T.full(p.shape, adjoint, { dtype: p.dtype }) : adjoint;
}
