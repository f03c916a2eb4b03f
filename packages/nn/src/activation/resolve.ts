/**
 * Between the JSON form of an activation (a name, or `{ name, alpha }`) and its value.
 *
 * @module
 */
import * as T from '@theta/tensor';
import { gelu, identity, relu, sigmoid, softplus, tanh } from './elementwise.js';
import { elu, leakyRelu } from './parameterised.js';
import { softmax } from './softmax.js';
import type { Activation, ActivationName, ActivationSpec } from './types.js';

const fixed: Readonly<Record<Exclude<ActivationName, 'leakyRelu' | 'elu'>, Activation>> = {
  identity, sigmoid, tanh, relu, softplus, gelu, softmax,
};

/**
 * Every activation name, in a stable order.
 *
 * @since 0.1.0
 * @category Activations
 * @example
 * ```ts
 * import * as N from '@theta/nn';
 * console.log(N.activationNames.includes('gelu')); // true
 * ```
 */
export const activationNames: readonly ActivationName[] = Object.freeze([
  'identity', 'sigmoid', 'tanh', 'relu', 'leakyRelu', 'elu', 'softplus', 'gelu', 'softmax',
] as const);

const isName = (value: unknown): value is ActivationName =>
  typeof value === 'string' && (activationNames as readonly string[]).includes(value);

/**
 * The activation named by a spec (or the activation itself, which is its own spec).
 * An unknown name, a parameter where none is taken, or α out of range is a `DomainError`.
 *
 * @since 0.1.0
 * @category Activations
 * @example
 * ```ts
 * import * as N from '@theta/nn';
 * console.log(N.activation({ name: 'elu', alpha: 0.5 }).alpha); // 0.5
 * ```
 */
export function activation(spec: ActivationSpec | Activation): Activation {
  const name: unknown = typeof spec === 'string' ? spec : typeof spec === 'object' && spec !== null ? spec.name : undefined;
  if (!isName(name)) {
    throw new T.DomainError({ op: 'activation', parameter: 'name', value: name ?? spec, expected: `one of ${activationNames.join(', ')}` });
  }
  const alpha = typeof spec === 'object' ? spec.alpha : undefined;
  if (name === 'leakyRelu') return leakyRelu(alpha);
  if (name === 'elu') return elu(alpha);
  if (alpha !== undefined) {
    throw new T.DomainError({ op: 'activation', parameter: 'alpha', value: alpha, expected: `absent: '${name}' takes no parameter` });
  }
  return fixed[name];
}

/**
 * The JSON form of an activation: its name, or `{ name, alpha }` for leakyRelu and elu.
 *
 * @since 0.1.0
 * @category Activations
 * @example
 * ```ts
 * import * as N from '@theta/nn';
 * console.log(N.activationSpec(N.leakyRelu(0.2))); // { name: 'leakyRelu', alpha: 0.2 }
 * ```
 */
export function activationSpec(sigma: Activation | ActivationSpec): ActivationSpec {
  const a = activation(sigma);
  return a.alpha === undefined ? a.name : Object.freeze({ name: a.name, alpha: a.alpha });
}
