/**
 * The elementwise activations that need no parameter: identity, sigmoid, tanh, relu, softplus
 * and gelu. Each gives σ and σ′ in closed form; the δ-equations multiply by σ′ elementwise.
 *
 * @module
 */
import * as R from '@theta/reverse';
import * as T from '@theta/tensor';
import type { Tensor } from '@theta/tensor';
import type { Activation, ActivationName, Differentiable } from './types.js';

/** One function of z for tensors and traced values alike (R's ops already are). */
export const differentiable = (f: (z: R.Value) => R.Value): Differentiable => f as Differentiable;

/** Builds an elementwise activation; `delta` defaults to σ′(z) ⊙ g. */
const elementwise = (
  name: ActivationName,
  apply: Differentiable,
  derivative: (z: Tensor) => Tensor,
  delta: (z: Tensor, a: Tensor, upstream: Tensor) => Tensor = (z, _a, g) => T.mul(derivative(z), g),
): Activation => Object.freeze({ name, elementwise: true, apply, derivative, delta });

/**
 * The identity $\sigma(z) = z$, $\sigma'(z) = 1$: the usual output of a regression network.
 *
 * @since 0.1.0
 * @category Activations
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as N from '@theta/nn';
 * console.log(T.toArray(N.identity.apply(T.tensor([-2, 3])))); // [-2, 3]
 * ```
 */
export const identity: Activation = elementwise(
  'identity',
  differentiable((z) => z),
  (z) => T.fullLike(z, 1),
  (_z, _a, g) => g,
);

/**
 * The logistic function $\sigma(z) = 1/(1 + e^{-z})$ with $\sigma'(z) = \sigma(z)(1 - \sigma(z))$.
 * Stable for any z: `sigmoid(±800)` is 1 and 0, never NaN. The δ-equations reuse $a = \sigma(z)$.
 *
 * @since 0.1.0
 * @category Activations
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as N from '@theta/nn';
 * console.log(T.toArray(N.sigmoid.apply(T.tensor([-800, 0, 800])))); // [0, 0.5, 1]
 * ```
 */
export const sigmoid: Activation = elementwise(
  'sigmoid',
  R.sigmoid,
  T.sigmoidDerivative,
  (_z, a, g) => T.mul(T.mul(a, T.sub(1, a)), g),
);

/**
 * The hyperbolic tangent $\sigma(z) = \tanh z$ with $\sigma'(z) = 1 - \tanh^2 z$.
 *
 * @since 0.1.0
 * @category Activations
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as N from '@theta/nn';
 * console.log(T.toArray(N.tanh.derivative(T.tensor([0])))); // [1]
 * ```
 */
export const tanh: Activation = elementwise(
  'tanh',
  R.tanh,
  T.tanhDerivative,
  (_z, a, g) => T.mul(T.sub(1, T.mul(a, a)), g),
);

/**
 * The rectifier $\sigma(z) = \max(z, 0)$ with $\sigma'(z) = 1$ for $z > 0$ and 0 otherwise
 * (0 at the kink z = 0, as TensorFlow and PyTorch choose).
 *
 * @since 0.1.0
 * @category Activations
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as N from '@theta/nn';
 * console.log(T.toArray(N.relu.apply(T.tensor([-1, 2])))); // [0, 2]
 * ```
 */
export const relu: Activation = elementwise('relu', R.relu, T.reluDerivative);

/**
 * The softplus $\sigma(z) = \ln(1 + e^{z})$, a smooth rectifier, with $\sigma'(z) = 1/(1 + e^{-z})$,
 * the logistic function. Computed as $\max(z, 0) + \ln(1 + e^{-|z|})$ so softplus(1000) = 1000.
 *
 * @since 0.1.0
 * @category Activations
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as N from '@theta/nn';
 * console.log(T.toArray(N.softplus.apply(T.tensor([1000])))); // [1000]
 * ```
 */
export const softplus: Activation = elementwise('softplus', R.softplus, T.sigmoid);

/** √(2/π) and the cubic coefficient of the tanh form of GELU. */
const GELU_C = Math.sqrt(2 / Math.PI);
const GELU_K = 0.044715;

/** tanh(√(2/π)(z + 0.044715 z³)), shared by σ and σ′. */
const geluInner = (z: R.Value): R.Value => R.tanh(R.mul(R.add(z, R.mul(R.mul(R.mul(z, z), z), GELU_K)), GELU_C));

/**
 * The Gaussian error linear unit in its tanh form (the default of JAX's `jax.nn.gelu` and of
 * GPT-2): $\sigma(z) = \tfrac12 z (1 + t)$ with $t = \tanh(\sqrt{2/\pi}(z + 0.044715 z^3))$, and
 * $\sigma'(z) = \tfrac12 (1 + t) + \tfrac12 z (1 - t^2) \sqrt{2/\pi}(1 + 3 \cdot 0.044715 z^2)$.
 *
 * @since 0.1.0
 * @category Activations
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as N from '@theta/nn';
 * console.log(T.toArray(N.gelu.apply(T.tensor([0, 10])))); // [0, 10]
 * ```
 */
export const gelu: Activation = elementwise(
  'gelu',
  differentiable((z) => R.mul(R.mul(z, 0.5), R.add(geluInner(z), 1))),
  (z) => {
    const t = geluInner(z) as Tensor;
    const slope = T.mul(T.add(T.mul(T.mul(z, z), 3 * GELU_K), 1), GELU_C);
    const outer = T.mul(T.add(t, 1), 0.5);
    return T.add(outer, T.mul(T.mul(T.mul(z, 0.5), T.sub(1, T.mul(t, t))), slope));
  },
);
