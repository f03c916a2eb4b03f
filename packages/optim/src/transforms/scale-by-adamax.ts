/**
 * AdaMax's scaling: Adam with the second moment replaced by an exponentially weighted ∞-norm.
 *
 * @module
 */
import * as T from '@theta/tensor';
import { finish, fusable } from '../internal/fusion.js';
import { allocateLike, withBase, zipLeaves } from '../internal/leaves.js';
import * as V from '../internal/validate.js';
import { biasCorrection, incrementCount, safeDivide } from '../numerics.js';
import type { GradientTransformation } from '../transform.js';

/**
 * State of {@link scaleByAdamax}: the step count, the first moment and the weighted ∞-norm.
 *
 * @since 0.1.0
 * @category Transforms
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as O from '@theta/optim';
 * const state: O.ScaleByAdamaxState = O.scaleByAdamax().init({ w: T.zeros([2]) });
 * console.log(state.count); // 0
 * ```
 */
export type ScaleByAdamaxState = {
  /** Updates made so far, saturating at `MAX_COUNT`. */
  readonly count: number;
  /** m_t = β₁ m_{t−1} + (1 − β₁) g_t, shaped like Θ. */
  readonly mu: T.TensorTree;
  /** u_t = max(β₂ u_{t−1}, |g_t| + ε), shaped like Θ. */
  readonly infinityNorm: T.TensorTree;
};

/**
 * Options of {@link scaleByAdamax}.
 *
 * @since 0.1.0
 * @category Transforms
 * @example
 * ```ts
 * import * as O from '@theta/optim';
 * const options: O.ScaleByAdamaxOptions = { beta1: 0.9, beta2: 0.999, eps: 1e-8 };
 * const adamaxScaling = O.scaleByAdamax(options);
 * ```
 */
export interface ScaleByAdamaxOptions {
  /** β₁ ∈ [0, 1), the decay of the first moment. Default 0.9. */
  readonly beta1?: number;
  /** β₂ ∈ [0, 1), the decay of the ∞-norm. Default 0.999. */
  readonly beta2?: number;
  /** ε ≥ 0 added to |g| inside the max, so the norm is never 0. Default 1e-8 (the paper has none). */
  readonly eps?: number;
}

const op = 'scaleByAdamax';

/**
 * AdaMax (Kingma & Ba 2015, Algorithm 2): only the first moment needs a bias correction.
 *
 * $$m_t = \beta_1 m_{t-1} + (1-\beta_1) g_t, \qquad n_t = \max(\beta_2 n_{t-1}, |g_t| + \epsilon), \qquad u_t = \frac{m_t}{(1-\beta_1^t)\, n_t}$$
 *
 * With ε = 0 this is the paper's algorithm; where $n_t = 0$ (all gradients so far 0) the update is 0.
 *
 * @since 0.1.0
 * @category Transforms
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as O from '@theta/optim';
 * const scaling = O.scaleByAdamax({ eps: 0 });
 * const theta = { w: T.tensor([0, 0]) };
 * const [u] = scaling.update({ w: T.tensor([0.5, -8]) }, scaling.init(theta), theta);
 * console.log(T.toArray(u.w)); // [1, -1]
 * ```
 */
export function scaleByAdamax(options?: ScaleByAdamaxOptions): GradientTransformation<ScaleByAdamaxState> {
  const given = V.options(op, options, ['beta1', 'beta2', 'eps']);
  const beta1 = V.unitInterval(op, 'beta1', given.beta1 ?? 0.9);
  const beta2 = V.unitInterval(op, 'beta2', given.beta2 ?? 0.999);
  const eps = V.nonNegative(op, 'eps', given.eps ?? 1e-8);
  return fusable<ScaleByAdamaxState>(
    (theta) => ({ count: 0, mu: T.Tree.map(theta, T.zerosLike), infinityNorm: T.Tree.map(theta, T.zerosLike) }),
    (grads, state, _theta, factor, base) => {
      const count = incrementCount(state.count);
      const correction = biasCorrection(beta1, count);
      const [updates, mu, infinityNorm] = zipLeaves(op, withBase([grads, state.mu, state.infinityNorm], base), ['grads', 'state.mu', 'state.infinityNorm', 'theta'], [base ?? grads, state.mu, state.infinityNorm], (leaves) => {
        const gLeaf = leaves[0] as T.Tensor;
        const muLeaf = leaves[1] as T.Tensor;
        const normLeaf = leaves[2] as T.Tensor;
        const g = gLeaf.data;
        const m0 = muLeaf.data;
        const n0 = normLeaf.data;
        const m = allocateLike(muLeaf);
        const n = allocateLike(normLeaf);
        const baseLeaf = leaves[3];
        const u = allocateLike(baseLeaf ?? gLeaf);
        adamaxLeaf(beta1, beta2, eps, correction, factor, g, m0, n0, m, n, u, baseLeaf?.data, gLeaf.dtype === 'float32');
        return [T.fromData(u, gLeaf.shape), T.fromData(m, muLeaf.shape), T.fromData(n, normLeaf.shape)];
      });
      return [updates as typeof grads, { count, mu: mu as T.TensorTree, infinityNorm: infinityNorm as T.TensorTree }];
    },
  );
}

/** One leaf: the new moment and ∞-norm into m and n, and the (scaled, Θ-added) update into out. */
function adamaxLeaf(beta1: number, beta2: number, eps: number, correction: number, factor: number, g: T.TypedArray, m0: T.TypedArray, n0: T.TypedArray, m: T.TypedArray, n: T.TypedArray, out: T.TypedArray, base: T.TypedArray | undefined, f32: boolean): void {
  for (let i = 0; i < g.length; i++) {
    const gi = g[i] as number;
    m[i] = beta1 * (m0[i] as number) + (1 - beta1) * gi;
    n[i] = Math.max(beta2 * (n0[i] as number), Math.abs(gi) + eps);
    out[i] = finish(safeDivide(m[i] as number, correction * (n[i] as number)), factor, f32, base, i);
  }
}
