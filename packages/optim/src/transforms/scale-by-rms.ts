/**
 * RMSprop's scaling: divide by the root of an exponential moving average of squared gradients.
 *
 * @module
 */
import * as T from '@theta/tensor';
import { finish, fusable } from '../internal/fusion.js';
import { allocateLike, withBase, zipLeaves } from '../internal/leaves.js';
import * as V from '../internal/validate.js';
import { safeDivide } from '../numerics.js';
import type { GradientTransformation } from '../transform.js';

/**
 * State of {@link scaleByRms}: the moving average s of squared gradients, shaped like Θ.
 *
 * @since 0.1.0
 * @category Transforms
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as O from '@theta/optim';
 * const state: O.ScaleByRmsState = O.scaleByRms().init({ w: T.zeros([3]) });
 * console.log(T.toArray((state.meanSquare as { w: T.Tensor }).w)); // [0, 0, 0]
 * ```
 */
export type ScaleByRmsState = {
  /** s_t = ρ s_{t−1} + (1 − ρ) g_t², a tree shaped like Θ. */
  readonly meanSquare: T.TensorTree;
};

/**
 * Options of {@link scaleByRms}.
 *
 * @since 0.1.0
 * @category Transforms
 * @example
 * ```ts
 * import * as O from '@theta/optim';
 * const options: O.ScaleByRmsOptions = { decay: 0.99, eps: 1e-8 };
 * const rmsScaling = O.scaleByRms(options);
 * ```
 */
export interface ScaleByRmsOptions {
  /** ρ ∈ [0, 1), the decay of the moving average. Default 0.9. */
  readonly decay?: number;
  /** ε ≥ 0 added outside the square root. Default 1e-8. */
  readonly eps?: number;
  /** ε ≥ 0 added inside the square root. Default 0. */
  readonly epsRoot?: number;
  /** s_0 ≥ 0, the value the average starts from. Default 0. */
  readonly initialScale?: number;
}

const op = 'scaleByRms';

/**
 * Scales each coordinate by the inverse root of a moving average of its squared gradients
 * (Hinton, Neural Networks for Machine Learning, lecture 6e), without bias correction:
 *
 * $$s_t = \rho\, s_{t-1} + (1-\rho)\, g_t^2, \qquad u_t = \frac{g_t}{\sqrt{s_t + \epsilon_\text{root}} + \epsilon}$$
 *
 * Where s + ε_root is exactly 0 the update is 0.
 *
 * @since 0.1.0
 * @category Transforms
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as O from '@theta/optim';
 * const scaling = O.scaleByRms({ decay: 0.75, eps: 0 });
 * const theta = { w: T.tensor([0]) };
 * const [u] = scaling.update({ w: T.tensor([2]) }, scaling.init(theta), theta);
 * console.log(T.toArray(u.w)); // [2]: 2 / √(0.25 · 4)
 * ```
 */
export function scaleByRms(options?: ScaleByRmsOptions): GradientTransformation<ScaleByRmsState> {
  const given = V.options(op, options, ['decay', 'eps', 'epsRoot', 'initialScale']);
  const decay = V.unitInterval(op, 'decay', given.decay ?? 0.9);
  const eps = V.nonNegative(op, 'eps', given.eps ?? 1e-8);
  const epsRoot = V.nonNegative(op, 'epsRoot', given.epsRoot ?? 0);
  const initial = V.nonNegative(op, 'initialScale', given.initialScale ?? 0);
  return fusable<ScaleByRmsState>(
    (theta) => ({ meanSquare: T.Tree.map(theta, (x) => T.fullLike(x, initial)) }),
    (grads, state, _theta, factor, base) => {
      const [updates, meanSquare] = zipLeaves(op, withBase([grads, state.meanSquare], base), ['grads', 'state.meanSquare', 'theta'], [base ?? grads, state.meanSquare], (leaves) => {
        const gLeaf = leaves[0] as T.Tensor;
        const previous = leaves[1] as T.Tensor;
        const g = gLeaf.data;
        const s0 = previous.data;
        const s = allocateLike(previous);
        const baseLeaf = leaves[2];
        const u = allocateLike(baseLeaf ?? gLeaf);
        rmsLeaf(decay, eps, epsRoot, factor, g, s0, s, u, baseLeaf?.data, gLeaf.dtype === 'float32');
        return [T.fromData(u, gLeaf.shape), T.fromData(s, previous.shape)];
      });
      return [updates as typeof grads, { meanSquare: meanSquare as T.TensorTree }];
    },
  );
}

/** One leaf: the new mean square into s and the (scaled, Θ-added) update into out. */
function rmsLeaf(decay: number, eps: number, epsRoot: number, factor: number, g: T.TypedArray, s0: T.TypedArray, s: T.TypedArray, out: T.TypedArray, base: T.TypedArray | undefined, f32: boolean): void {
  for (let i = 0; i < g.length; i++) {
    const gi = g[i] as number;
    s[i] = decay * (s0[i] as number) + (1 - decay) * gi * gi;
    out[i] = finish(safeDivide(gi, Math.sqrt((s[i] as number) + epsRoot) + eps), factor, f32, base, i);
  }
}
