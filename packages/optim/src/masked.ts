/**
 * Masking: run a transform on some leaves of Θ only, and pass the others through.
 *
 * @module
 */
import * as T from '@theta/tensor';
import * as V from './internal/validate.js';
import type { Mask } from './mask.js';
import type { GradientTransformation } from './transform.js';

/**
 * State of {@link masked}: the inner transform's state, built on Θ with the unselected leaves
 * replaced by `null` (so no moments are stored for them).
 *
 * @since 0.1.0
 * @category Combinators
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as O from '@theta/optim';
 * const onlyW = O.masked(O.trace(), O.weightsOnly);
 * const state: O.MaskedState<O.TraceState> = onlyW.init([{ W: T.zeros([2, 2]), b: T.zeros([2]) }]);
 * const [layer] = state.inner.velocity as readonly { readonly W: T.Tensor; readonly b: null }[];
 * console.log(layer!.W.shape, layer!.b); // [2, 2] null
 * ```
 */
export type MaskedState<S extends T.TensorTree> = {
  /** The inner transform's state over the selected leaves. */
  readonly inner: S;
};

/** Path of a child, the way `T.Tree` names it: `[i]` under an array, `.key` under a record. */
const childPath = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;

const isRecord = (x: unknown): x is Readonly<Record<string, T.TensorTree>> =>
  typeof x === 'object' && x !== null && !Array.isArray(x) && !T.isTensor(x);

/** The tree with every unselected tensor leaf replaced by `null` (a static leaf). */
function hide(tree: T.TensorTree, mask: Mask, path = ''): T.TensorTree {
  if (T.isTensor(tree)) return mask(tree, path) ? tree : null;
  if (Array.isArray(tree)) return tree.map((t: T.TensorTree, k) => hide(t, mask, childPath(path, k)));
  if (isRecord(tree)) {
    const out: Record<string, T.TensorTree> = {};
    for (const k of Object.keys(tree)) out[k] = hide(tree[k] as T.TensorTree, mask, childPath(path, k));
    return out;
  }
  return tree;
}

/** The inner updates where there are some, the original gradients where the leaf was hidden. */
function merge(grads: T.TensorTree, inner: T.TensorTree): T.TensorTree {
  if (T.isTensor(grads)) return T.isTensor(inner) ? inner : grads;
  if (Array.isArray(grads)) return grads.map((g: T.TensorTree, k) => merge(g, (inner as readonly T.TensorTree[])[k] as T.TensorTree));
  if (isRecord(grads)) {
    const out: Record<string, T.TensorTree> = {};
    for (const k of Object.keys(grads)) out[k] = merge(grads[k] as T.TensorTree, (inner as Record<string, T.TensorTree>)[k] as T.TensorTree);
    return out;
  }
  return grads;
}

/**
 * Applies `inner` to the leaves the mask selects and passes the other leaves' updates through
 * unchanged (Optax's `masked`). The inner transform sees Θ and the gradients with the
 * unselected leaves replaced by `null`, so its state holds nothing for them.
 *
 * @since 0.1.0
 * @category Combinators
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as O from '@theta/optim';
 * const clipWeights = O.masked(O.clip(0.1), O.weightsOnly);
 * const grads = [{ W: T.tensor([[5]]), b: T.tensor([5]) }];
 * const [u] = clipWeights.update(grads, clipWeights.init(grads), grads);
 * console.log(T.toNested(u[0]!.W), T.toArray(u[0]!.b)); // [[0.1]] [5]
 * ```
 */
export function masked<S extends T.TensorTree>(inner: GradientTransformation<S>, mask: Mask): GradientTransformation<MaskedState<S>> {
  const selects = V.callable<Mask>('masked', 'mask', mask);
  return {
    init: (theta) => ({ inner: inner.init(hide(theta, selects)) }),
    update: (grads, state, theta) => {
      const [updates, next] = inner.update(hide(grads, selects), state.inner, hide(theta, selects));
      return [merge(grads, updates) as typeof grads, { inner: next }];
    },
  };
}
