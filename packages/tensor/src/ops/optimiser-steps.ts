/**
 * Fused optimiser steps: one leaf of Θ updated together with its optimiser state in one pass —
 * one WebAssembly SIMD call on the `wasm` backend instead of a JS loop that reads five to seven
 * arrays. @theta/optim's `momentum`, `nesterov`, `adam` and `nadam` call these from `O.step`;
 * use those, not these, unless you write an optimiser. The arithmetic is theirs exactly (float64
 * throughout, float32 rounded where they round), so results are bit-identical on every backend.
 *
 * @module
 */
import { DTypeError, ShapeError } from '../core/errors.js';
import { expectTensor } from '../core/operand.js';
import type { Tensor } from '../core/tensor.js';
import { kernels } from '../kernels/backend.js';

/**
 * The numbers of one {@link momentumStep}: $v = g + \text{decay}\,v_0$, $u = v$ (or
 * $g + \text{decay}\,v$), $\Theta + \text{factor}\,u$.
 *
 * @since 0.1.0
 * @category Optimiser steps
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const sgdWithMomentum: T.MomentumCoefficients = { decay: 0.9, nesterov: false, factor: -0.01 };
 * console.log(sgdWithMomentum.factor); // -0.01
 * ```
 */
export interface MomentumCoefficients {
  /** The velocity's decay β. */
  readonly decay: number;
  /** Nesterov's look-ahead: u = g + decay·v. */
  readonly nesterov: boolean;
  /** The learning-rate factor, −η for descent. */
  readonly factor: number;
}

/**
 * What {@link momentumStep} returns: the new Θ leaf and the new velocity.
 *
 * @since 0.1.0
 * @category Optimiser steps
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const r: T.MomentumStepResult = T.momentumStep(T.ones([1]), T.ones([1]), T.zeros([1]), { decay: 0.9, nesterov: false, factor: -1 });
 * console.log(T.toArray(r.theta), T.toArray(r.velocity)); // [0] [1]
 * ```
 */
export interface MomentumStepResult {
  /** Θ + factor·u. */
  readonly theta: Tensor;
  /** The new velocity v. */
  readonly velocity: Tensor;
}

/**
 * The numbers of one {@link adamStep}: the decays, the two ε, the weights of the bias-corrected
 * moments at this step, and the learning-rate factor.
 *
 * @since 0.1.0
 * @category Optimiser steps
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const t = 3;
 * const step3: T.AdamCoefficients = { beta1: 0.9, beta2: 0.999, eps: 1e-8, epsRoot: 0, momentWeight: 1 / (1 - 0.9 ** t), gradientWeight: 0, inverseC2: 1 / (1 - 0.999 ** t), factor: -1e-3 };
 * console.log(step3.momentWeight.toFixed(3)); // 3.690
 * ```
 */
export interface AdamCoefficients {
  /** β₁, the first moment's decay. */
  readonly beta1: number;
  /** β₂, the second moment's decay. */
  readonly beta2: number;
  /** ε, added outside the square root. */
  readonly eps: number;
  /** ε_root, added inside it. */
  readonly epsRoot: number;
  /** wm: 1/(1 − β₁ᵗ), or NAdam's look-ahead weight. */
  readonly momentWeight: number;
  /** wg: 0, or NAdam's weight of the gradient. */
  readonly gradientWeight: number;
  /** c = 1/(1 − β₂ᵗ). */
  readonly inverseC2: number;
  /** The learning-rate factor, −η for descent. */
  readonly factor: number;
}

/**
 * What {@link adamStep} returns: the new Θ leaf and the new moments.
 *
 * @since 0.1.0
 * @category Optimiser steps
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const c = { beta1: 0.5, beta2: 0.5, eps: 0, epsRoot: 0, momentWeight: 2, gradientWeight: 0, inverseC2: 2, factor: -1 };
 * const r: T.AdamStepResult = T.adamStep(T.ones([1]), T.tensor([4]), T.zeros([1]), T.zeros([1]), c);
 * console.log(T.toArray(r.mu), T.toArray(r.nu), T.toArray(r.theta)); // [2] [8] [0]
 * ```
 */
export interface AdamStepResult {
  /** Θ + factor·u. */
  readonly theta: Tensor;
  /** The new first moment m. */
  readonly mu: Tensor;
  /** The new second moment v. */
  readonly nu: Tensor;
}

/** Checks that every tensor has the first one's shape and dtype. */
function sameLeaves(op: string, names: readonly string[], tensors: readonly unknown[]): void {
  const first = expectTensor(op, names[0]!, tensors[0]);
  tensors.forEach((t, i) => {
    const x = expectTensor(op, names[i]!, t);
    if (x.dtype !== first.dtype) throw new DTypeError({ op, argument: names[i]!, expected: `${first.dtype} (the dtype of '${names[0]}')`, actual: x.dtype });
    if (x.shape.length !== first.shape.length || x.shape.some((d, k) => d !== first.shape[k])) {
      throw new ShapeError({ op, argument: names[i]!, expected: first.shape, actual: x.shape });
    }
  });
}

/**
 * One leaf of a momentum step: $v = g + \beta v_0$, $u = v$ (Nesterov: $u = g + \beta v$),
 * $\Theta' = \Theta + c\,u$ with $c = -\eta$ for descent. All tensors of one shape and dtype.
 *
 * @since 0.1.0
 * @category Optimiser steps
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const { theta, velocity } = T.momentumStep(T.tensor([1, 1]), T.tensor([2, -2]), T.tensor([1, 0]), { decay: 0.5, nesterov: false, factor: -0.1 });
 * console.log(T.toArray(velocity), T.toArray(theta)); // [2.5, -2] [0.75, 1.2]
 * ```
 */
export function momentumStep(theta: Tensor, grad: Tensor, velocity: Tensor, coefficients: MomentumCoefficients): MomentumStepResult {
  sameLeaves('momentumStep', ['theta', 'grad', 'velocity'], [theta, grad, velocity]);
  return kernels().momentumStep(theta, grad, velocity, coefficients);
}

/**
 * One leaf of an Adam step: $m = \beta_1 m_0 + (1-\beta_1) g$, $v = \beta_2 v_0 + (1-\beta_2) g^2$,
 * $u = (w_m m + w_g g) / (\sqrt{v c + \epsilon_\text{root}} + \epsilon)$ (0 where that
 * denominator is 0), $\Theta' = \Theta + \text{factor}\cdot u$. Adam's bias corrections are
 * $w_m = 1/(1-\beta_1^t)$, $w_g = 0$, $c = 1/(1-\beta_2^t)$. All tensors of one shape and dtype.
 *
 * @since 0.1.0
 * @category Optimiser steps
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const zero = T.zeros([2]);
 * const first = { beta1: 0.9, beta2: 0.999, eps: 0, epsRoot: 0, momentWeight: 1 / 0.1, gradientWeight: 0, inverseC2: 1 / 0.001, factor: -0.1 };
 * const { theta } = T.adamStep(T.tensor([1, 1]), T.tensor([0.5, -8]), zero, zero, first);
 * console.log(T.toArray(theta).map((x) => +x.toFixed(12))); // [0.9, 1.1]: step one is −η·sign(g)
 * ```
 */
export function adamStep(theta: Tensor, grad: Tensor, mu: Tensor, nu: Tensor, coefficients: AdamCoefficients): AdamStepResult {
  sameLeaves('adamStep', ['theta', 'grad', 'mu', 'nu'], [theta, grad, mu, nu]);
  return kernels().adamStep(theta, grad, mu, nu, coefficients);
}
