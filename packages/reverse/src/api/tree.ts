/**
 * Trees of values (Θ = array of {W, b}, records, arrays) as the transforms see them: numeric
 * leaves — tensors, numbers, traced values — are differentiable; `null`/`undefined` are empty
 * subtrees; anything else (a string, a boolean, a function) is rejected with its tree path.
 *
 * @module
 */
import * as T from '@theta/tensor';
import { TracedValue, describe, type Value } from '../value.js';
import type { Tape } from '../tape.js';

/** A tree flattened to its leaves in a fixed order, and the way back. */
export interface Flat {
  /** Numeric leaves, depth first, record keys in insertion order. */
  readonly leaves: readonly Value[];
  /** Path of each leaf, e.g. `args[0][1].W`. */
  readonly paths: readonly string[];
  /** The same structure with new leaves, in the same order. */
  readonly rebuild: (values: readonly unknown[]) => unknown;
}

const isRecord = (v: unknown): v is Readonly<Record<string, unknown>> =>
  typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;

const isLeaf = (v: unknown): v is Value => typeof v === 'number' || T.isTensor(v) || v instanceof TracedValue;

const child = (path: string, key: string | number): string => (typeof key === 'number' ? `${path}[${key}]` : `${path}.${key}`);

/** Flattens a tree of values; `op` and the root `path` name the culprit of a bad leaf. */
export function flatten(tree: unknown, path: string, op: string): Flat {
  const leaves: Value[] = [];
  const paths: string[] = [];
  const walk = (v: unknown, p: string): ((next: () => unknown) => unknown) => {
    if (isLeaf(v)) {
      leaves.push(v);
      paths.push(p);
      return (next) => next();
    }
    if (v === null || v === undefined) return () => v;
    if (Array.isArray(v)) {
      const parts = v.map((c, i) => walk(c, child(p, i)));
      return (next) => parts.map((part) => part(next));
    }
    if (isRecord(v)) {
      const keys = Object.keys(v);
      const parts = keys.map((k) => walk(v[k], child(p, k)));
      return (next) => Object.fromEntries(keys.map((k, i) => [k, (parts[i] as (n: () => unknown) => unknown)(next)]));
    }
    throw new T.DTypeError({ op, argument: p, expected: 'a differentiable leaf (a Tensor or a number), an array or a record of them', actual: describe(v) });
  };
  const build = walk(tree, path);
  return {
    leaves,
    paths,
    rebuild: (values) => {
      let i = 0;
      return build(() => values[i++]);
    },
  };
}

/** The tree with every value traced by `tape` replaced by its primal; everything else kept. */
export function primalTree(tree: unknown, tape: Tape): unknown {
  if (tree instanceof TracedValue) return tree.tape === tape ? tree.value : tree;
  if (Array.isArray(tree)) return tree.map((t) => primalTree(t, tape));
  if (isRecord(tree)) return Object.fromEntries(Object.keys(tree).map((k) => [k, primalTree(tree[k], tape)]));
  return tree;
}
