/**
 * What every transform does first: run f once under a fresh trace, with the leaves of the
 * chosen arguments bound as the input nodes x_1 … x_d — and then, after the sweep, put the
 * input adjoints back into trees shaped like those arguments.
 *
 * @module
 */
import * as T from '@theta/tensor';
import { likePrimal, zeroLike } from '../sweep.js';
import { closeTape, openTape, tapeOf, type Tape } from '../tape.js';
import { TracedValue, describe, shapeOf, sizeOf, stopGradient, type Value } from '../value.js';
import { flatten, type Flat } from './tree.js';
import type { Argnums } from './types.js';

/** One differentiated argument: its flattened tree and the ids of its input nodes. */
export interface Bound {
  /** Position of the argument. */
  readonly argnum: number;
  /** Its leaves and how to rebuild it. */
  readonly flat: Flat;
  /** Input node id of each leaf. */
  readonly ids: readonly number[];
}

/** A finished recording: the list, what f returned, and the bound arguments. */
export interface Recording {
  /** The Wengert list (closed). */
  readonly tape: Tape;
  /** f's result, with values traced by `tape` in it. */
  readonly result: unknown;
  /** The differentiated arguments. */
  readonly bound: readonly Bound[];
}

/** Checks `argnums` against the number of arguments and lists them. */
export function normaliseArgnums(op: string, argnums: Argnums | undefined, count: number): readonly number[] {
  const list = argnums === undefined ? [...Array(count).keys()] : typeof argnums === 'number' ? [argnums] : argnums;
  const seen = new Set<number>();
  for (const n of list) {
    if (!Number.isInteger(n) || n < 0 || n >= count || seen.has(n)) {
      throw new T.DomainError({ op, parameter: 'argnums', value: argnums, expected: `distinct integers in [0, ${count}) (f was called with ${count} arguments)` });
    }
    seen.add(n);
  }
  return list;
}

/** Runs `f(...args)` under a new trace, the leaves of `args[argnums]` bound as inputs. */
export function record(op: string, f: (...args: never[]) => unknown, args: readonly unknown[], argnums: readonly number[]): Recording {
  const tape = openTape();
  try {
    const callArgs = args.slice();
    const bound = argnums.map((argnum): Bound => {
      const flat = flatten(args[argnum], `args[${argnum}]`, op);
      const inputs = flat.leaves.map((leaf, i) => {
        tapeOf(leaf, op); // a traced value from a finished trace is rejected here, early
        const x = tape.input(leaf as T.Tensor | TracedValue | number);
        tape.names.set(x.id, flat.paths[i] as string);
        return x;
      });
      callArgs[argnum] = flat.rebuild(inputs);
      return { argnum, flat, ids: inputs.map((x) => x.id) };
    });
    return { tape, result: f(...(callArgs as never[])), bound };
  } finally {
    closeTape(tape);
  }
}

/** The seed ∂f/∂x_D = 1 for a scalar output; a typed error that says what to do otherwise. */
export function scalarSeed(op: string, tape: Tape, out: unknown): readonly (readonly [number, Value])[] {
  if (!(typeof out === 'number' || T.isTensor(out) || out instanceof TracedValue)) {
    throw new T.DTypeError({ op, argument: 'output of f', expected: 'a Tensor or a number (a scalar cost)', actual: describe(out) });
  }
  if (sizeOf(out) !== 1) {
    throw new T.ShapeError({
      op,
      argument: 'output of f',
      expected: 'a scalar (one element): reduce it with R.sum or R.mean, or use R.jacobian or R.vjp for a non-scalar output',
      actual: shapeOf(out),
    });
  }
  if (!(out instanceof TracedValue && out.tape === tape)) return []; // a constant: every gradient is zero
  return [[out.id, one(out.value)]];
}

/** 1 in the kind, shape and dtype of `v`. */
export function one(v: Value): Value {
  const p = stopGradient(v);
  return typeof p === 'number' ? 1 : T.full(p.shape, 1, { dtype: p.dtype });
}

/** The gradient tree of each bound argument, from the adjoints of the sweep. */
export function gradients(recording: Recording, adjoints: ArrayLike<Value | undefined>): unknown[] {
  return recording.bound.map(({ flat, ids }) =>
    flat.rebuild(
      ids.map((id, i) => {
        const leaf = flat.leaves[i] as Value;
        const a = adjoints[id];
        return a === undefined ? zeroLike(leaf) : likePrimal(a, leaf);
      }),
    ),
  );
}
