/**
 * Composition: transforms applied one after another, their states kept side by side.
 *
 * @module
 */
import * as T from '@theta/tensor';
import { applyUpdates } from './apply-updates.js';
import { learningRateStepOf, scaledUpdateOf, steppedOf, withStepped } from './internal/fusion.js';
import type { GradientTransformation, StateOf } from './transform.js';

/**
 * The state of `chain(a, b, …)`: the tuple `[state of a, state of b, …]`.
 *
 * @since 0.1.0
 * @category Combinators
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as O from '@theta/optim';
 * const parts = [O.scaleByAdam(), O.scaleByLearningRate(1e-3)] as const;
 * const state: O.ChainState<typeof parts> = O.chain(...parts).init({ w: T.zeros([2]) });
 * console.log(state.length, state[0].count, state[1].count); // 2 0 0
 * ```
 */
export type ChainState<Ts extends readonly GradientTransformation<any>[]> = { readonly [K in keyof Ts]: StateOf<Ts[K]> };

/**
 * Applies transforms in order, each to the previous one's updates (Optax's `chain`). `init`
 * returns the tuple of their states and `update` threads each state through its own transform:
 * `adam(η) = chain(scaleByAdam(), scaleByLearningRate(η))`. Every transform sees the same Θ.
 * A built-in scaling directly followed by `scaleByLearningRate` runs as one pass per leaf, with
 * the same result, so put the learning rate right after the scaling when you can.
 *
 * @since 0.1.0
 * @category Combinators
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as O from '@theta/optim';
 * const optimiser = O.chain(O.clipByGlobalNorm(1), O.trace({ decay: 0.9 }), O.scaleByLearningRate(0.1));
 * const theta = { w: T.tensor([0, 0]) };
 * const [clipState, traceState, lrState] = optimiser.init(theta);
 * const [updates] = optimiser.update({ w: T.tensor([3, 4]) }, [clipState, traceState, lrState], theta);
 * console.log(T.toArray(updates.w)); // ≈ [-0.06, -0.08]: clipped to norm 1, then −η
 * ```
 */
export function chain<const Ts extends readonly GradientTransformation<any>[]>(...transforms: Ts): GradientTransformation<ChainState<Ts>> {
  transforms.forEach((t, i) => {
    if (typeof t !== 'object' || t === null || typeof t.init !== 'function' || typeof t.update !== 'function') {
      throw new T.DomainError({ op: 'chain', parameter: `transforms[${i}]`, value: t, expected: 'a gradient transformation { init, update }' });
    }
  });
  const chained: GradientTransformation<ChainState<Ts>> = {
    init: (theta) => transforms.map((t) => t.init(theta)) as unknown as ChainState<Ts>,
    update: (grads, state, theta) => run(transforms, grads, state, theta, false) as unknown as readonly [typeof grads, ChainState<Ts>],
  };
  return withStepped(chained, (grads, state, theta) => run(transforms, grads, state, theta, true) as unknown as readonly [typeof theta, ChainState<Ts>]);
}

/**
 * Threads the updates and the states through the transforms. A scaling followed by the
 * learning rate runs as one fused pass; with `apply`, the result is Θ + updates, fused into the
 * last pass when the chain ends that way (see internal/fusion).
 */
function run(transforms: readonly GradientTransformation<any>[], grads: T.TensorTree, state: unknown, theta: T.TensorTree, apply: boolean): readonly [T.TensorTree, T.TensorTree] {
  const states = state as readonly T.TensorTree[];
  if (!Array.isArray(states) || states.length !== transforms.length) {
    throw new T.ShapeError({ op: 'chain.update', argument: 'state', expected: `an array of ${transforms.length} states`, actual: Array.isArray(states) ? `an array of ${states.length}` : typeof states });
  }
  const lastIndex = transforms.length - 1;
  let out = grads;
  let isTheta = false; // whether `out` already holds Θ + updates
  const next: T.TensorTree[] = [];
  for (let i = 0; i < transforms.length; i++) {
    const t = transforms[i] as GradientTransformation<any>;
    const scaled = scaledUpdateOf<T.TensorTree>(t);
    const learningRate = i < lastIndex ? learningRateStepOf<T.TensorTree>(transforms[i + 1] as GradientTransformation<any>) : undefined;
    const stepped = apply && i === lastIndex ? steppedOf<T.TensorTree>(t) : undefined;
    if (scaled !== undefined && learningRate !== undefined) {
      const base = apply && i + 1 === lastIndex ? theta : undefined;
      const [u, s] = scaled(out, states[i], theta, learningRate.factor(states[i + 1]), base);
      next.push(s, learningRate.next(states[i + 1]));
      [out, isTheta] = [u, base !== undefined];
      i += 1;
    } else if (stepped !== undefined) {
      const [updated, s] = stepped(out, states[i], theta);
      next.push(s);
      [out, isTheta] = [updated, true];
    } else {
      const [u, s] = t.update(out, states[i], theta);
      next.push(s);
      out = u;
    }
  }
  return [apply && !isTheta ? applyUpdates(theta, out) : out, next];
}
