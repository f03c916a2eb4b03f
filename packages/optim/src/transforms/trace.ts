/**
 * Momentum: a decaying sum of past gradients (heavy ball), optionally with Nesterov's look-ahead.
 *
 * @module
 */
import * as T from '@theta/tensor';
import { finish, fusable } from '../internal/fusion.js';
import { allocateLike, sameDType, withBase, zipLeaves } from '../internal/leaves.js';
import * as V from '../internal/validate.js';
import type { GradientTransformation } from '../transform.js';

/**
 * State of {@link trace}: the velocity v, shaped like Θ.
 *
 * @since 0.1.0
 * @category Transforms
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as O from '@theta/optim';
 * const state: O.TraceState = O.trace().init({ w: T.ones([2]) });
 * console.log(T.toArray((state.velocity as { w: T.Tensor }).w)); // [0, 0]
 * ```
 */
export type TraceState = {
  /** v_t = g_t + β v_{t−1}, a tree shaped like Θ (zeros at first). */
  readonly velocity: T.TensorTree;
};

/**
 * Options of {@link trace}.
 *
 * @since 0.1.0
 * @category Transforms
 * @example
 * ```ts
 * import * as O from '@theta/optim';
 * const options: O.TraceOptions = { decay: 0.9, nesterov: true };
 * const nesterovTrace = O.trace(options);
 * ```
 */
export interface TraceOptions {
  /** β ∈ [0, 1), how much of the velocity survives a step. Default 0.9. */
  readonly decay?: number;
  /** Return Nesterov's look-ahead g_t + β v_t instead of v_t. Default false. */
  readonly nesterov?: boolean;
}

const op = 'trace';

/**
 * Accumulates a velocity and returns it (Polyak's heavy ball), or with `nesterov` the
 * look-ahead (Sutskever et al. 2013, in the form that needs only the gradient at Θ):
 *
 * $$v_t = g_t + \beta v_{t-1}, \qquad u_t = v_t \;\text{ or, with Nesterov, }\; u_t = g_t + \beta v_t$$
 *
 * Followed by `scaleByLearningRate(η)` this is `momentum` / `nesterov`: Θ ← Θ − η u_t. The
 * velocity keeps the dtype of the Θ it was built from.
 *
 * @since 0.1.0
 * @category Transforms
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as O from '@theta/optim';
 * const momentum = O.trace({ decay: 0.5 });
 * const theta = { w: T.tensor([0]) };
 * const g = { w: T.tensor([1]) };
 * const [u1, s1] = momentum.update(g, momentum.init(theta), theta);
 * const [u2] = momentum.update(g, s1, theta);
 * console.log(T.toArray(u1.w), T.toArray(u2.w)); // [1] [1.5]
 * ```
 */
export function trace(options?: TraceOptions): GradientTransformation<TraceState> {
  const given = V.options(op, options, ['decay', 'nesterov']);
  const decay = V.unitInterval(op, 'decay', given.decay ?? 0.9);
  const nesterov = V.flag(op, 'nesterov', given.nesterov ?? false);
  return fusable<TraceState>(
    (theta) => ({ velocity: T.Tree.map(theta, T.zerosLike) }),
    (grads, state, _theta, factor, base) => {
      const [updates, velocity] = zipLeaves(op, withBase([grads, state.velocity], base), ['grads', 'state.velocity', 'theta'], [base ?? grads, state.velocity], (leaves) => {
        const gLeaf = leaves[0] as T.Tensor;
        const previous = leaves[1] as T.Tensor;
        const baseLeaf = leaves[2];
        // O.step with one dtype throughout: the backend's fused kernel (one SIMD pass on wasm),
        // the arithmetic of traceLeaf below exactly.
        if (baseLeaf !== undefined && sameDType([gLeaf, previous, baseLeaf])) {
          const r = T.momentumStep(baseLeaf, gLeaf, previous, { decay, nesterov, factor });
          return [r.theta, r.velocity];
        }
        const g = gLeaf.data;
        const v0 = previous.data;
        const v = allocateLike(previous);
        // Without Nesterov, a scale or Θ, the updates are the velocity itself: no second array.
        const separate = nesterov || factor !== 1 || baseLeaf !== undefined;
        // The updates are the velocity (its dtype) or, with Nesterov, a new leaf of g's dtype.
        const updateLike = nesterov ? gLeaf : previous;
        const out = separate ? allocateLike(baseLeaf ?? updateLike) : v;
        traceLeaf(decay, nesterov, separate, factor, g, v0, v, out, baseLeaf?.data, updateLike.dtype === 'float32');
        const velocityLeaf = T.fromData(v, previous.shape);
        if (!separate) return [velocityLeaf, velocityLeaf];
        return [T.fromData(out, previous.shape), velocityLeaf];
      });
      return [updates as typeof grads, { velocity: velocity as T.TensorTree }];
    },
  );
}

/** One leaf: the new velocity into v and, when `separate`, the (scaled, Θ-added) update into out. */
function traceLeaf(decay: number, nesterov: boolean, separate: boolean, factor: number, g: T.TypedArray, v0: T.TypedArray, v: T.TypedArray, out: T.TypedArray, base: T.TypedArray | undefined, f32: boolean): void {
  for (let i = 0; i < g.length; i++) {
    v[i] = (g[i] as number) + decay * (v0[i] as number);
    if (separate) {
      const raw = nesterov ? (g[i] as number) + decay * (v[i] as number) : (v[i] as number);
      out[i] = finish(raw, factor, f32, base, i);
    }
  }
}
