/**
 * The activations with a parameter α: leakyRelu(α) and elu(α). Each call validates α and
 * returns a fresh activation value that carries α (so model files can store it).
 *
 * @module
 */
import * as R from '@theta/reverse';
import * as T from '@theta/tensor';
import { differentiable } from './elementwise.js';
import type { Activation } from './types.js';

/**
 * The leaky rectifier $\sigma(z) = z$ for $z > 0$ and $\alpha z$ otherwise, with
 * $\sigma'(z) = 1$ or $\alpha$ (α at z = 0). α must be a finite number in [0, 1);
 * 0.01 by default, as in PyTorch.
 *
 * @since 0.1.0
 * @category Activations
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as N from '@theta/nn';
 * const sigma = N.leakyRelu(0.1);
 * console.log(T.toArray(sigma.apply(T.tensor([-2, 3])))); // [-0.2, 3]
 * ```
 */
export function leakyRelu(alpha = 0.01): Activation {
  if (typeof alpha !== 'number' || !Number.isFinite(alpha) || alpha < 0 || alpha >= 1) {
    throw new T.DomainError({ op: 'leakyRelu', parameter: 'alpha', value: alpha, expected: 'a finite number in [0, 1)' });
  }
  const derivative = (z: T.Tensor): T.Tensor => T.leakyReluDerivative(z, alpha);
  return Object.freeze({
    name: 'leakyRelu' as const,
    alpha,
    elementwise: true,
    apply: differentiable((z) => R.leakyRelu(z, alpha)),
    derivative,
    delta: (z: T.Tensor, _a: T.Tensor, g: T.Tensor) => T.mul(derivative(z), g),
  });
}

/**
 * The exponential linear unit $\sigma(z) = z$ for $z > 0$ and $\alpha(e^{z} - 1)$ otherwise,
 * with $\sigma'(z) = 1$ or $\alpha e^{z}$. α must be a finite number > 0; 1 by default.
 *
 * @since 0.1.0
 * @category Activations
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as N from '@theta/nn';
 * const sigma = N.elu(1);
 * console.log(T.toArray(sigma.derivative(T.tensor([0.5, -0.5])))[0]); // 1
 * ```
 */
export function elu(alpha = 1): Activation {
  if (typeof alpha !== 'number' || !Number.isFinite(alpha) || alpha <= 0) {
    throw new T.DomainError({ op: 'elu', parameter: 'alpha', value: alpha, expected: 'a finite number > 0' });
  }
  const derivative = (z: T.Tensor): T.Tensor => T.eluDerivative(z, alpha);
  return Object.freeze({
    name: 'elu' as const,
    alpha,
    elementwise: true,
    apply: differentiable((z) => R.elu(z, alpha)),
    derivative,
    delta: (z: T.Tensor, _a: T.Tensor, g: T.Tensor) => T.mul(derivative(z), g),
  });
}
