/**
 * Θ-trees: Θ, gradients and optimiser states are trees — arrays and records — whose leaves are
 * tensors. Other plain values (numbers, strings, booleans, null) are static: carried along
 * unchanged and compared for structure, never mapped. These helpers walk trees purely.
 *
 * @module
 */
import { ShapeError } from '../core/errors.js';
import { isTensor, type Tensor } from '../core/tensor.js';

/**
 * A tree of tensors: a tensor, an array of trees, or a record of trees (static leaves allowed).
 *
 * @since 0.1.0
 * @category Trees
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const theta: T.TensorTree = [{ W: T.zeros([2, 3]), b: T.zeros([2]) }];
 * console.log(T.Tree.leaves(theta).length); // 2
 * ```
 */
export type TensorTree = Tensor | Static | readonly TensorTree[] | { readonly [key: string]: TensorTree };

/**
 * Values carried unchanged by tree maps (a step counter, a name).
 *
 * @since 0.1.0
 * @category Trees
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const state: T.TensorTree = { count: 3 as T.Static, m: T.zeros([2]) };
 * console.log(T.Tree.leaves(state).length); // 1
 * ```
 */
export type Static = number | string | boolean | null | undefined;

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !isTensor(value) && !ArrayBuffer.isView(value);

/** Path of a child: `[i]` under an array, `.key` under a record (no dot at the root). */
export const childPath = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;

const describe = (value: unknown): string =>
  isTensor(value) ? `a tensor [${value.shape.join(', ')}]` : Array.isArray(value) ? `an array of ${value.length}` : isRecord(value) ? `a record {${Object.keys(value).join(', ')}}` : JSON.stringify(value) ?? String(value);

/**
 * Applies f to every tensor leaf, keeping the structure (and static leaves) as they are.
 *
 * @since 0.1.0
 * @category Trees
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const theta = [{ W: T.ones([2, 2]), b: T.ones([2]) }];
 * const halved = T.Tree.map(theta, (x) => T.mul(x, 0.5));
 * console.log(T.toArray(halved[0]!.b)); // [0.5, 0.5]
 * ```
 */
export function map<A extends TensorTree>(tree: A, f: (leaf: Tensor, path: string) => Tensor, path = ''): A {
  return mapOne(tree, f, path) as A;
}

/**
 * Combines two trees of the same structure leaf by leaf. A mismatch is a `ShapeError` naming
 * the first path where the trees differ.
 *
 * @since 0.1.0
 * @category Trees
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const theta = { W: T.ones([2]) };
 * const grads = { W: T.tensor([0.5, -1]) };
 * const next = T.Tree.zipWith(theta, grads, (w, g) => T.sub(w, T.mul(g, 0.1)));
 * console.log(T.toArray(next.W)); // [0.95, 1.1]
 * ```
 */
export function zipWith<A extends TensorTree>(a: A, b: TensorTree, f: (x: Tensor, y: Tensor, path: string) => Tensor): A {
  return zipTwo(a, b, f, '') as A;
}

/**
 * Combines any number of trees of one structure leaf by leaf (the first gives the result's
 * structure): what an optimiser uses to update Θ, its gradient and its moments at once.
 *
 * @since 0.1.0
 * @category Trees
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const [x, y, z] = [{ a: T.ones([1]) }, { a: T.ones([1]) }, { a: T.ones([1]) }];
 * const total = T.Tree.zipWithAll([x, y, z], ([p, q, r]) => T.add(T.add(p!, q!), r!));
 * console.log(T.toArray(total.a)); // [3]
 * ```
 */
export function zipWithAll<A extends TensorTree>(trees: readonly [A, ...TensorTree[]], f: (leaves: readonly Tensor[], path: string) => Tensor): A {
  return mapAll(trees, f, '', 'Tree.zipWithAll') as A;
}

// map and zipWith run on every training step (optimisers, checks): they get walkers of their
// own that allocate nothing but the result, where mapAll builds an array of subtrees per node.

/** {@link map}'s walk: one tree, so no structure to compare. */
function mapOne(tree: TensorTree, f: (leaf: Tensor, path: string) => Tensor, path: string): TensorTree {
  if (isTensor(tree)) return f(tree, path);
  if (Array.isArray(tree)) {
    const out: TensorTree[] = [];
    for (let k = 0; k < tree.length; k++) out.push(mapOne(tree[k] as TensorTree, f, childPath(path, k)));
    return out;
  }
  if (isRecord(tree)) {
    const out: Record<string, TensorTree> = {};
    for (const k of Object.keys(tree)) out[k] = mapOne(tree[k] as TensorTree, f, childPath(path, k));
    return out;
  }
  return tree as TensorTree;
}

/** {@link zipWith}'s walk: the checks and messages of mapAll for two trees. */
function zipTwo(a: TensorTree, b: TensorTree, f: (x: Tensor, y: Tensor, path: string) => Tensor, path: string): TensorTree {
  const mismatch = (expected: string): never => {
    throw new ShapeError({ op: 'Tree.zipWith', argument: `tree 1 at '${path || '(root)'}'`, expected, actual: describe(b) });
  };
  if (isTensor(a)) return isTensor(b) ? f(a, b, path) : mismatch('a tensor');
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || b.length !== a.length) mismatch(`an array of ${a.length}`);
    const out: TensorTree[] = [];
    for (let k = 0; k < a.length; k++) out.push(zipTwo(a[k] as TensorTree, (b as readonly TensorTree[])[k] as TensorTree, f, childPath(path, k)));
    return out;
  }
  if (isRecord(a)) {
    const keys = Object.keys(a);
    const same = isRecord(b) && Object.keys(b).length === keys.length && keys.every((k) => k in b);
    if (!same) mismatch(`a record {${keys.join(', ')}}`);
    const out: Record<string, TensorTree> = {};
    for (const k of keys) out[k] = zipTwo(a[k] as TensorTree, (b as Record<string, TensorTree>)[k] as TensorTree, f, childPath(path, k));
    return out;
  }
  return Object.is(a, b) ? (a as TensorTree) : mismatch(describe(a));
}

function mapAll(trees: readonly TensorTree[], f: (leaves: readonly Tensor[], path: string) => Tensor, path: string, op: string): TensorTree {
  const first = trees[0];
  const mismatch = (i: number, expected: string): never => {
    throw new ShapeError({ op, argument: `tree ${i} at '${path || '(root)'}'`, expected, actual: describe(trees[i]) });
  };
  if (isTensor(first)) {
    trees.forEach((t, i) => isTensor(t) || mismatch(i, 'a tensor'));
    return f(trees as readonly Tensor[], path);
  }
  if (Array.isArray(first)) {
    trees.forEach((t, i) => (Array.isArray(t) && t.length === first.length) || mismatch(i, `an array of ${first.length}`));
    return first.map((_, k) => mapAll(trees.map((t) => (t as readonly TensorTree[])[k] as TensorTree), f, childPath(path, k), op));
  }
  if (isRecord(first)) {
    const keys = Object.keys(first);
    const expected = `a record {${keys.join(', ')}}`;
    trees.forEach((t, i) => {
      const ok = isRecord(t) && Object.keys(t).length === keys.length && keys.every((k) => k in t);
      if (!ok) mismatch(i, expected);
    });
    const out: Record<string, TensorTree> = {};
    for (const k of keys) out[k] = mapAll(trees.map((t) => (t as Record<string, TensorTree>)[k] as TensorTree), f, childPath(path, k), op);
    return out;
  }
  trees.forEach((t, i) => Object.is(t, first) || mismatch(i, describe(first)));
  return first as TensorTree;
}

/**
 * Folds every tensor leaf, in depth-first order, into one value.
 *
 * @since 0.1.0
 * @category Trees
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const theta = [{ W: T.zeros([2, 3]), b: T.zeros([2]) }];
 * console.log(T.Tree.reduce(theta, 0, (n, x) => n + x.data.length)); // 8 parameters
 * ```
 */
export function reduce<B>(tree: TensorTree, initial: B, f: (acc: B, leaf: Tensor, path: string) => B, path = ''): B {
  if (isTensor(tree)) return f(initial, tree, path);
  if (Array.isArray(tree)) return tree.reduce<B>((acc, t, k) => reduce(t as TensorTree, acc, f, childPath(path, k)), initial);
  if (isRecord(tree)) return Object.keys(tree).reduce<B>((acc, k) => reduce(tree[k] as TensorTree, acc, f, childPath(path, k)), initial);
  return initial;
}

/**
 * The tensor leaves in depth-first order (array order, then record key order).
 *
 * @since 0.1.0
 * @category Trees
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.Tree.leaves({ W: T.zeros([1]), b: T.ones([1]) }).map(T.toArray)); // [[0], [1]]
 * ```
 */
export const leaves = (tree: TensorTree): Tensor[] => reduce<Tensor[]>(tree, [], (acc, x) => (acc.push(x), acc));

/**
 * The path of every tensor leaf (`[0].W`, `[0].b`, …), in the order of {@link leaves}.
 *
 * @since 0.1.0
 * @category Trees
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.Tree.paths([{ W: T.zeros([1]), b: T.zeros([1]) }])); // ['[0].W', '[0].b']
 * ```
 */
export const paths = (tree: TensorTree): string[] => reduce<string[]>(tree, [], (acc, _x, p) => (acc.push(p), acc));
