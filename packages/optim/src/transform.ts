/**
 * The shape every gradient method shares: a record of two pure functions (Optax's design).
 *
 * @module
 */
import type * as T from '@theta/tensor';

/**
 * A gradient method as data: `init(Θ)` builds its state, `update(grads, state, Θ)` turns
 * gradients into updates and returns the next state. Both are pure — the state is returned,
 * never hidden, and nothing passed in is written — so transforms compose with {@link chain}
 * and the new Θ is `applyUpdates(Θ, updates)`.
 *
 * Θ can be any tree of tensors (`T.TensorTree`), not only `[{ W, b }, …]`; updates mirror the
 * gradients' structure, shapes and dtypes. States are plain trees too: tensors for moments
 * (shaped like Θ) and plain numbers for step counters, which `T.Tree` helpers carry unchanged.
 *
 * @typeParam S - the state record this transform threads from one update to the next.
 * @since 0.1.0
 * @category Model
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as O from '@theta/optim';
 * const optimiser: O.GradientTransformation<O.ScaleByLearningRateState> = O.sgd(0.1);
 * const theta = { w: T.tensor([1, 2]) };
 * const state = optimiser.init(theta);
 * const [updates] = optimiser.update({ w: T.tensor([10, -10]) }, state, theta);
 * console.log(T.toArray(O.applyUpdates(theta, updates).w)); // [0, 3]
 * ```
 */
export interface GradientTransformation<S extends T.TensorTree = T.TensorTree> {
  /** Builds the initial state for Θ: moments shaped like Θ (zeros), counters at 0. */
  readonly init: (theta: T.TensorTree) => S;
  /** Maps gradients (or the previous transform's updates) and the state to `[updates, next state]`. */
  readonly update: <G extends T.TensorTree>(grads: G, state: S, theta: T.TensorTree) => readonly [G, S];
}

/**
 * The state of a transform that keeps none (clipping, weight decay): an empty record.
 *
 * @since 0.1.0
 * @category Model
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as O from '@theta/optim';
 * const state: O.EmptyState = O.clip(1).init({ w: T.zeros([2]) });
 * console.log(Object.keys(state).length); // 0
 * ```
 */
export type EmptyState = { readonly [key: string]: never };

/**
 * The state type of a transform: `StateOf<typeof adam>` style lookups for composed optimisers.
 *
 * @since 0.1.0
 * @category Model
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as O from '@theta/optim';
 * const optimiser = O.momentum(0.1);
 * const state: O.StateOf<typeof optimiser> = optimiser.init({ w: T.zeros([1]) });
 * console.log(state.length); // 2: [trace, learning rate]
 * ```
 */
export type StateOf<X> = X extends GradientTransformation<infer S> ? S : never;

/** The empty state, shared: it holds nothing, so sharing it is safe. */
export const emptyState: EmptyState = Object.freeze({});
