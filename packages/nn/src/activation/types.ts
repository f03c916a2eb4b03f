/**
 * What an activation is: σ and its derivative σ′ in closed form, as one value that both the
 * δ-equations and reverse mode read.
 *
 * @module
 */
import type * as R from '@theta/reverse';
import type { Tensor } from '@theta/tensor';

/**
 * A function of z written with @theta/reverse ops: a tensor in gives a tensor out (computed
 * directly), a traced value in gives a traced value out (recorded for `R.grad`).
 *
 * @since 0.1.0
 * @category Activations
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * import * as T from '@theta/tensor';
 * import * as N from '@theta/nn';
 * const sigma: N.Differentiable = N.tanh.apply;
 * const slope = R.grad((z: R.Value) => R.sum(sigma(z)))(T.tensor([0]));
 * console.log(T.toArray(slope)); // [1]
 * ```
 */
export interface Differentiable {
  /** On a tensor: computes directly. */
  (z: Tensor): Tensor;
  /** On any value, traced ones included: records under `R.grad`. */
  (z: R.Value): R.Value;
}

/**
 * The names of the built-in activations.
 *
 * @since 0.1.0
 * @category Activations
 * @example
 * ```ts
 * import type * as N from '@theta/nn';
 * const hidden: N.ActivationName = 'tanh';
 * console.log(hidden); // tanh
 * ```
 */
export type ActivationName =
  | 'identity' | 'sigmoid' | 'tanh' | 'relu' | 'leakyRelu' | 'elu' | 'softplus' | 'gelu' | 'softmax';

/**
 * An activation as plain, JSON-ready data: a name, or a record with the name and the
 * parameter α of `leakyRelu` and `elu`. This is what model files store.
 *
 * @since 0.1.0
 * @category Activations
 * @example
 * ```ts
 * import type * as N from '@theta/nn';
 * const specs: N.ActivationSpec[] = ['relu', { name: 'leakyRelu', alpha: 0.1 }];
 * console.log(JSON.stringify(specs)); // ["relu",{"name":"leakyRelu","alpha":0.1}]
 * ```
 */
export type ActivationSpec =
  | ActivationName
  | {
      /** Which activation. */
      readonly name: ActivationName;
      /** α of `leakyRelu` or `elu`; absent for the others (and for their defaults). */
      readonly alpha?: number;
    };

/**
 * An activation function σ of layer l as a value: $a^l = \sigma(z^l)$ forward — written with
 * @theta/reverse ops, so reverse mode differentiates it — and the closed-form derivative
 * $\sigma'(z^l)$ that the δ-equations multiply by.
 *
 * Every function here is pure and takes whole batches: z is $[N, n_l]$.
 *
 * @since 0.1.0
 * @category Activations
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as N from '@theta/nn';
 * const sigma: N.Activation = N.sigmoid;
 * const z = T.tensor([[0, 2]]);
 * console.log(T.toArray(sigma.derivative(z))[0]); // 0.25
 * ```
 */
export interface Activation {
  /** Which activation this is. */
  readonly name: ActivationName;
  /** The parameter α of `leakyRelu` (slope for z < 0) and `elu` (saturation); absent otherwise. */
  readonly alpha?: number;
  /** True when $a_j$ depends on $z_j$ alone; false for softmax, whose σ′ is a full Jacobian. */
  readonly elementwise: boolean;
  /** $a = \sigma(z)$, computed stably, with @theta/reverse ops: differentiable by `R.grad`. */
  readonly apply: Differentiable;
  /**
   * $\sigma'(z)$ in closed form: same shape as z for elementwise activations; for softmax the
   * Jacobian $\partial a_j / \partial z_k = a_j(\delta_{jk} - a_k)$ of each row, shape $[N, K, K]$.
   */
  readonly derivative: (z: Tensor) => Tensor;
  /**
   * The δ-equations' product $\sigma'(z) \odot g$ for an upstream $g = \partial C / \partial a$
   * (a vector–Jacobian product for softmax). Given $a = \sigma(z)$ too, so it may reuse it.
   */
  readonly delta: (z: Tensor, a: Tensor, upstream: Tensor) => Tensor;
}
