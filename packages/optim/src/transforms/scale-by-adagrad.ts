/**
 * AdaGrad's per-parameter scaling: divide by the root of the sum of all past squared gradients.
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
 * State of {@link scaleByAdagrad}: the running sum G of squared gradients, shaped like Θ.
 *
 * @since 0.1.0
 * @category Transforms
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as O from '@theta/optim';
 * const state: O.ScaleByAdagradState = O.scaleByAdagrad({ initialAccumulator: 0.1 }).init({ w: T.zeros([2]) });
 * console.log(T.toArray((state.sumOfSquares as { w: T.Tensor }).w)); // [0.1, 0.1]
 * ```
 */
export type ScaleByAdagradState = {
  /** G_t = G_{t−1} + g_t ⊙ g_t, a tree shaped like Θ. */
  readonly sumOfSquares: T.TensorTree;
};

/**
 * Options of {@link scaleByAdagrad}.
 *
 * @since 0.1.0
 * @category Transforms
 * @example
 * ```ts
 * import * as O from '@theta/optim';
 * const options: O.ScaleByAdagradOptions = { eps: 1e-10, initialAccumulator: 0 };
 * const adagradScaling = O.scaleByAdagrad(options);
 * ```
 */
export interface ScaleByAdagradOptions {
  /** ε ≥ 0 added outside the square root. Default 1e-8. */
  readonly eps?: number;
  /** ε ≥ 0 added inside the square root. Default 0. */
  readonly epsRoot?: number;
  /** G_0 ≥ 0, the value the sum starts from. Default 0 (Duchi et al.; Keras and Optax use 0.1). */
  readonly initialAccumulator?: number;
}

const op = 'scaleByAdagrad';

/**
 * Scales each coordinate by the inverse root of its accumulated squared gradients (Duchi,
 * Hazan & Singer 2011), so rarely-moved parameters take larger steps:
 *
 * $$G_t = G_{t-1} + g_t^2, \qquad u_t = \frac{g_t}{\sqrt{G_t + \epsilon_\text{root}} + \epsilon}$$
 *
 * Where G + ε_root is exactly 0 (every gradient so far was 0) the update is 0.
 *
 * @since 0.1.0
 * @category Transforms
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as O from '@theta/optim';
 * const scaling = O.scaleByAdagrad({ eps: 0 });
 * const theta = { w: T.tensor([0, 0]) };
 * const [u] = scaling.update({ w: T.tensor([3, -4]) }, scaling.init(theta), theta);
 * console.log(T.toArray(u.w)); // [1, -1]: the first step is the sign of g
 * ```
 */
export function scaleByAdagrad(options?: ScaleByAdagradOptions): GradientTransformation<ScaleByAdagradState> {
  const given = V.options(op, options, ['eps', 'epsRoot', 'initialAccumulator']);
  const eps = V.nonNegative(op, 'eps', given.eps ?? 1e-8);
  const epsRoot = V.nonNegative(op, 'epsRoot', given.epsRoot ?? 0);
  const initial = V.nonNegative(op, 'initialAccumulator', given.initialAccumulator ?? 0);
  return fusable<ScaleByAdagradState>(
    (theta) => ({ sumOfSquares: T.Tree.map(theta, (x) => T.fullLike(x, initial)) }),
    (grads, state, _theta, factor, base) => {
      const [updates, sumOfSquares] = zipLeaves(op, withBase([grads, state.sumOfSquares], base), ['grads', 'state.sumOfSquares', 'theta'], [base ?? grads, state.sumOfSquares], (leaves) => {
        const gLeaf = leaves[0] as T.Tensor;
        const previous = leaves[1] as T.Tensor;
        const g = gLeaf.data;
        const s0 = previous.data;
        const s = allocateLike(previous);
        const baseLeaf = leaves[2];
        const u = allocateLike(baseLeaf ?? gLeaf);
        adagradLeaf(eps, epsRoot, factor, g, s0, s, u, baseLeaf?.data, gLeaf.dtype === 'float32');
        return [T.fromData(u, gLeaf.shape), T.fromData(s, previous.shape)];
      });
      return [updates as typeof grads, { sumOfSquares: sumOfSquares as T.TensorTree }];
    },
  );
}

/** One leaf: the new sum of squares into s and the (scaled, Θ-added) update into out. */
function adagradLeaf(eps: number, epsRoot: number, factor: number, g: T.TypedArray, s0: T.TypedArray, s: T.TypedArray, out: T.TypedArray, base: T.TypedArray | undefined, f32: boolean): void {
  for (let i = 0; i < g.length; i++) {
    const gi = g[i] as number;
    s[i] = (s0[i] as number) + gi * gi;
    out[i] = finish(safeDivide(gi, Math.sqrt((s[i] as number) + epsRoot) + eps), factor, f32, base, i);
  }
}
