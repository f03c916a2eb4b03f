/**
 * Flattening a tree into its leaves plus a structure, and rebuilding it.
 *
 * @module
 */
import { ShapeError } from '../core/errors.js';
import { isTensor, type Tensor } from '../core/tensor.js';
import { leaves, map, type TensorTree } from './tree.js';

/**
 * The structure of a tree with its tensor leaves taken out (`null` marks where each went).
 *
 * @since 0.1.0
 * @category Trees
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const { structure } = T.Tree.flatten({ W: T.zeros([1]), name: 'layer' });
 * console.log(structure.leafCount); // 1
 * ```
 */
export interface TreeStructure {
  /** The tree with every tensor replaced by a placeholder (static leaves kept). */
  readonly skeleton: TensorTree;
  /** How many tensor leaves the tree holds. */
  readonly leafCount: number;
}

/**
 * A tree taken apart by {@link flatten}: its leaves and its structure.
 *
 * @since 0.1.0
 * @category Trees
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const flat: T.Tree.Flattened = T.Tree.flatten([T.zeros([2])]);
 * console.log(flat.leaves.length); // 1
 * ```
 */
export interface Flattened {
  /** The tensor leaves, depth-first. */
  readonly leaves: readonly Tensor[];
  /** Where the leaves go back. */
  readonly structure: TreeStructure;
}

/**
 * Splits a tree into its tensor leaves (depth-first) and its structure.
 *
 * @since 0.1.0
 * @category Trees
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const theta = [{ W: T.ones([2, 2]), b: T.zeros([2]) }];
 * const { leaves, structure } = T.Tree.flatten(theta);
 * const back = T.Tree.unflatten(structure, leaves);
 * console.log(T.Tree.allClose(theta, back)); // true
 * ```
 */
export function flatten(tree: TensorTree): Flattened {
  const found = leaves(tree);
  const placeholder = Object.freeze({ _tag: 'Tensor', shape: [], dtype: 'float64', data: new Float64Array(1) }) as Tensor;
  return { leaves: found, structure: { skeleton: map(tree, () => placeholder), leafCount: found.length } };
}

/**
 * Rebuilds a tree from its structure and leaves (the inverse of {@link flatten}).
 *
 * @since 0.1.0
 * @category Trees
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const { structure } = T.Tree.flatten({ a: T.zeros([1]), b: T.zeros([1]) });
 * const rebuilt = T.Tree.unflatten(structure, [T.ones([1]), T.full([1], 2)]);
 * console.log(T.Tree.leaves(rebuilt).map(T.item)); // [1, 2]
 * ```
 */
export function unflatten<A extends TensorTree = TensorTree>(structure: TreeStructure, values: readonly Tensor[]): A {
  if (values.length !== structure.leafCount) {
    throw new ShapeError({ op: 'Tree.unflatten', argument: 'leaves', expected: `${structure.leafCount} leaves`, actual: `${values.length} leaves` });
  }
  let next = 0;
  return map(structure.skeleton, (_x, path) => {
    const leaf = values[next++];
    if (!isTensor(leaf)) throw new ShapeError({ op: 'Tree.unflatten', argument: `leaves[${next - 1}] (${path})`, expected: 'a tensor', actual: typeof leaf });
    return leaf;
  }) as A;
}
