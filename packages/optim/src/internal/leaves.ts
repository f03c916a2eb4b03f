/**
 * Leaf-by-leaf loops for the hot transforms. Composing tensor ops would allocate one
 * intermediate per op and leaf; these read the inputs' typed arrays once, write one fresh array
 * per output (of the dtype the output keeps) and adopt it with `T.fromData` — inputs are read,
 * never written.
 *
 * Each transform's loop is a module-level function (`adamLeaf`, `traceLeaf`, …) called with
 * plain arguments, not a closure made inside `update`: V8 would compile a fresh closure's long
 * loop on the stack before the code after the loop ever ran, and throw that code away on
 * every update (a benchmark saw ~1,200 deoptimisations and twice the time).
 */
import * as T from '@theta/tensor';

/** A fresh zero-filled array of x's dtype and length (float32 stays float32). */
export const allocateLike = (x: T.Tensor): T.TypedArray => T.allocateData(x.dtype, x.data.length);

const sameShape = (a: readonly number[], b: readonly number[]): boolean =>
  a.length === b.length && a.every((d, i) => d === b[i]);

/** Throws a ShapeError unless `actual` has `expected`'s shape. */
export function checkShape(op: string, argument: string, path: string, expected: T.Tensor, actual: T.Tensor): void {
  if (!sameShape(expected.shape, actual.shape)) {
    throw new T.ShapeError({ op, argument: `${argument} at '${path || '(root)'}'`, expected: expected.shape, actual: actual.shape });
  }
}

/**
 * Walks trees of one structure leaf by leaf (the first tree gives the structure) and lets `f`
 * return several tensors per leaf: output k is rebuilt in the structure of `shapes[k]`. Leaf
 * shapes must match the first tree's; names are for error messages.
 */
export function zipLeaves(
  op: string,
  trees: readonly [T.TensorTree, ...T.TensorTree[]],
  names: readonly string[],
  shapes: readonly T.TensorTree[],
  f: (leaves: readonly T.Tensor[], path: string) => readonly T.Tensor[],
): T.TensorTree[] {
  const results = new Map<string, readonly T.Tensor[]>();
  T.Tree.zipWithAll(trees, (leaves, path) => {
    const first = leaves[0] as T.Tensor;
    for (let k = 1; k < leaves.length; k++) checkShape(op, names[k] ?? `tree ${k}`, path, first, leaves[k] as T.Tensor);
    const out = f(leaves, path);
    results.set(path, out);
    return first;
  });
  return shapes.map((tree, k) => T.Tree.map(tree, (_leaf, path) => (results.get(path) as readonly T.Tensor[])[k] as T.Tensor));
}

/** Whether all the leaves have one dtype (then a fused step may run on the backend's kernel). */
export const sameDType = (leaves: readonly T.Tensor[]): boolean => leaves.every((x) => x.dtype === leaves[0]?.dtype);

/** The input trees of a fused kernel, with Θ appended when the kernel writes Θ + update. */
export const withBase = (trees: readonly [T.TensorTree, ...T.TensorTree[]], base: T.TensorTree | undefined): readonly [T.TensorTree, ...T.TensorTree[]] =>
  base === undefined ? trees : [...trees, base];
