/**
 * Masks: which leaves of Θ a transform touches, decided from each leaf's shape and path.
 *
 * @module
 */
import type * as T from '@theta/tensor';

/**
 * Picks leaves of Θ by their shape and path (`[0].W`, `[1].b`, as `T.Tree.paths` names them).
 * It must decide from the leaf's shape and path alone: it is asked about Θ's leaves in `init`
 * and about the gradients' (same shapes, same paths) in `update`.
 *
 * @since 0.1.0
 * @category Combinators
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as O from '@theta/optim';
 * const firstLayerOnly: O.Mask = (_leaf, path) => path.startsWith('[0]');
 * console.log(firstLayerOnly(T.zeros([2]), '[0].b'), firstLayerOnly(T.zeros([2]), '[1].b')); // true false
 * ```
 */
export type Mask = (leaf: T.Tensor, path: string) => boolean;

/**
 * Selects the weight matrices W of Θ — leaves of rank ≥ 2 — and leaves the bias vectors b out,
 * as the notes' penalty λ‖W‖² does. Pass it as `mask` to weight decay.
 *
 * @since 0.1.0
 * @category Combinators
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as O from '@theta/optim';
 * const theta = [{ W: T.ones([2, 3]), b: T.ones([2]) }];
 * console.log(T.Tree.paths(theta).filter((p, i) => O.weightsOnly(T.Tree.leaves(theta)[i]!, p))); // ['[0].W']
 * ```
 */
export const weightsOnly: Mask = (leaf) => leaf.shape.length >= 2;

/** Every leaf: the default mask. */
export const everyLeaf: Mask = () => true;
