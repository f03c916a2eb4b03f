/**
 * Adam's scaling: bias-corrected first and second moments of the gradient (NAdam as an option).
 *
 * @module
 */
import * as T from '@theta/tensor';
import { finish, fusable } from '../internal/fusion.js';
import { allocateLike, sameDType, withBase, zipLeaves } from '../internal/leaves.js';
import * as V from '../internal/validate.js';
import { biasCorrection, incrementCount, safeDivide } from '../numerics.js';
import type { GradientTransformation } from '../transform.js';

/**
 * State of {@link scaleByAdam}: the step count and the two moment estimates, shaped like Θ.
 *
 * @since 0.1.0
 * @category Transforms
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as O from '@theta/optim';
 * const state: O.ScaleByAdamState = O.scaleByAdam().init([{ W: T.zeros([2, 2]), b: T.zeros([2]) }]);
 * console.log(state.count, T.Tree.leaves(state.mu).length); // 0 2
 * ```
 */
export type ScaleByAdamState = {
  /** Updates made so far (t − 1 during update t), saturating at `MAX_COUNT`. */
  readonly count: number;
  /** m_t = β₁ m_{t−1} + (1 − β₁) g_t, the first moment, shaped like Θ. */
  readonly mu: T.TensorTree;
  /** v_t = β₂ v_{t−1} + (1 − β₂) g_t², the second moment, shaped like Θ. */
  readonly nu: T.TensorTree;
};

/**
 * Options of {@link scaleByAdam}.
 *
 * @since 0.1.0
 * @category Transforms
 * @example
 * ```ts
 * import * as O from '@theta/optim';
 * const options: O.ScaleByAdamOptions = { beta1: 0.9, beta2: 0.999, eps: 0, epsRoot: 1e-8 };
 * const epsInsideTheRoot = O.scaleByAdam(options);
 * ```
 */
export interface ScaleByAdamOptions {
  /** β₁ ∈ [0, 1), the decay of the first moment. Default 0.9. */
  readonly beta1?: number;
  /** β₂ ∈ [0, 1), the decay of the second moment. Default 0.999. */
  readonly beta2?: number;
  /** ε ≥ 0 added outside the square root, as in the paper. Default 1e-8. */
  readonly eps?: number;
  /** ε ≥ 0 added inside the square root (keeps the root differentiable at 0). Default 0. */
  readonly epsRoot?: number;
  /** Use Nesterov's look-ahead on the first moment (NAdam, Dozat 2016). Default false. */
  readonly nesterov?: boolean;
}

const op = 'scaleByAdam';

/**
 * Adam's scaling (Kingma & Ba 2015, Algorithm 1) with the update's sign left to
 * `scaleByLearningRate`. At step t = 1, 2, …
 *
 * $$m_t = \beta_1 m_{t-1} + (1-\beta_1) g_t, \qquad v_t = \beta_2 v_{t-1} + (1-\beta_2) g_t^2$$
 * $$\hat m_t = \frac{m_t}{1-\beta_1^t}, \qquad \hat v_t = \frac{v_t}{1-\beta_2^t}, \qquad u_t = \frac{\hat m_t}{\sqrt{\hat v_t + \epsilon_\text{root}} + \epsilon}$$
 *
 * ε (`eps`) sits outside the square root as in the paper; `epsRoot` adds one inside instead
 * (or as well). The corrections $1-\beta^t$ are computed by `biasCorrection`, finite from step 1.
 * With `nesterov` the first moment looks one step ahead (NAdam):
 * $\hat m_t = \beta_1 m_t / (1-\beta_1^{t+1}) + (1-\beta_1) g_t / (1-\beta_1^t)$.
 *
 * @since 0.1.0
 * @category Transforms
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as O from '@theta/optim';
 * const scaling = O.scaleByAdam({ eps: 0 });
 * const theta = { w: T.tensor([0, 0]) };
 * const [u] = scaling.update({ w: T.tensor([0.5, -8]) }, scaling.init(theta), theta);
 * console.log(T.toArray(u.w)); // [1, -1]: step one is the sign of g
 * ```
 */
export function scaleByAdam(options?: ScaleByAdamOptions): GradientTransformation<ScaleByAdamState> {
  const given = V.options(op, options, ['beta1', 'beta2', 'eps', 'epsRoot', 'nesterov']);
  const beta1 = V.unitInterval(op, 'beta1', given.beta1 ?? 0.9);
  const beta2 = V.unitInterval(op, 'beta2', given.beta2 ?? 0.999);
  const eps = V.nonNegative(op, 'eps', given.eps ?? 1e-8);
  const epsRoot = V.nonNegative(op, 'epsRoot', given.epsRoot ?? 0);
  const nesterov = V.flag(op, 'nesterov', given.nesterov ?? false);
  return fusable<ScaleByAdamState>(
    (theta) => ({ count: 0, mu: T.Tree.map(theta, T.zerosLike), nu: T.Tree.map(theta, T.zerosLike) }),
    (grads, state, _theta, factor, base) => {
      const count = incrementCount(state.count);
      const c1 = biasCorrection(beta1, count);
      const c2 = biasCorrection(beta2, count);
      // NAdam weighs the moment by the next step's correction and the gradient by this one's.
      const momentWeight = nesterov ? beta1 / biasCorrection(beta1, incrementCount(count)) : 1 / c1;
      const gradientWeight = nesterov ? (1 - beta1) / c1 : 0;
      const coefficients: AdamCoefficients = { beta1, beta2, eps, epsRoot, momentWeight, gradientWeight, inverseC2: 1 / c2, factor };
      const [updates, mu, nu] = zipLeaves(op, withBase([grads, state.mu, state.nu], base), ['grads', 'state.mu', 'state.nu', 'theta'], [base ?? grads, state.mu, state.nu], (leaves) => {
        const gLeaf = leaves[0] as T.Tensor;
        const muLeaf = leaves[1] as T.Tensor;
        const nuLeaf = leaves[2] as T.Tensor;
        const baseLeaf = leaves[3];
        // O.step with one dtype throughout: the backend's fused kernel (one SIMD pass on wasm),
        // the arithmetic of adamLeaf below exactly.
        if (baseLeaf !== undefined && sameDType([gLeaf, muLeaf, nuLeaf, baseLeaf])) {
          const r = T.adamStep(baseLeaf, gLeaf, muLeaf, nuLeaf, coefficients);
          return [r.theta, r.mu, r.nu];
        }
        const g = gLeaf.data;
        const m0 = muLeaf.data;
        const v0 = nuLeaf.data;
        const m = allocateLike(muLeaf);
        const v = allocateLike(nuLeaf);
        const u = allocateLike(baseLeaf ?? gLeaf);
        adamLeaf(coefficients, g, m0, v0, m, v, u, baseLeaf?.data, gLeaf.dtype === 'float32');
        return [T.fromData(u, gLeaf.shape), T.fromData(m, muLeaf.shape), T.fromData(v, nuLeaf.shape)];
      });
      return [updates as typeof grads, { count, mu: mu as T.TensorTree, nu: nu as T.TensorTree }];
    },
  );
}

/** Adam's numbers for one update, the same for every leaf and element. */
interface AdamCoefficients {
  readonly beta1: number;
  readonly beta2: number;
  readonly eps: number;
  readonly epsRoot: number;
  readonly momentWeight: number;
  readonly gradientWeight: number;
  readonly inverseC2: number;
  readonly factor: number;
}

/** One leaf: the new moments into m and v, and the (scaled, Θ-added) update into out. */
function adamLeaf(c: AdamCoefficients, g: T.TypedArray, m0: T.TypedArray, v0: T.TypedArray, m: T.TypedArray, v: T.TypedArray, out: T.TypedArray, base: T.TypedArray | undefined, f32: boolean): void {
  const { beta1, beta2, eps, epsRoot, momentWeight, gradientWeight, inverseC2, factor } = c;
  for (let i = 0; i < g.length; i++) {
    const gi = g[i] as number;
    const mi = beta1 * (m0[i] as number) + (1 - beta1) * gi;
    const vi = beta2 * (v0[i] as number) + (1 - beta2) * gi * gi;
    m[i] = mi;
    v[i] = vi;
    const raw = safeDivide(momentWeight * mi + gradientWeight * gi, Math.sqrt(vi * inverseC2 + epsRoot) + eps);
    out[i] = finish(raw, factor, f32, base, i);
  }
}
