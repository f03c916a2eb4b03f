/**
 * The architecture as data — layer sizes and one activation per layer — and its validation.
 *
 * @module
 */
import * as T from '@theta/tensor';
import { activation, activationSpec } from '../activation/resolve.js';
import type { Activation, ActivationSpec } from '../activation/types.js';

/**
 * An architecture in plain, JSON-ready form: the sizes $[n_0, \dots, n_L]$ and the
 * activations $\sigma^1, \dots, \sigma^L$ (one per layer, the last is the output's).
 * `mlp(...).spec` is always of this form, and model files store it.
 *
 * @since 0.1.0
 * @category Model
 * @example
 * ```ts
 * import * as N from '@theta/nn';
 * const spec: N.MlpSpec = { sizes: [2, 2, 1], activations: ['sigmoid', 'identity'] };
 * console.log(N.mlp(spec).spec.activations); // ['sigmoid', 'identity']
 * ```
 */
export interface MlpSpec {
  /** The number of nodes per layer, input first: $[n_0, n_1, \dots, n_L]$. */
  readonly sizes: readonly number[];
  /** $\sigma^1, \dots, \sigma^L$ as names or `{ name, alpha }` records. */
  readonly activations: readonly ActivationSpec[];
}

/**
 * What {@link mlp} accepts: the sizes, and either one activation per layer or
 * `{ hidden, output }` (σ of every hidden layer, and $\sigma^L$). Activations may be names,
 * `{ name, alpha }` records, or activation values such as `N.leakyRelu(0.1)`.
 *
 * @since 0.1.0
 * @category Model
 * @example
 * ```ts
 * import * as N from '@theta/nn';
 * const options: N.MlpOptions = { sizes: [784, 128, 64, 10], activations: { hidden: 'relu', output: 'identity' } };
 * console.log(N.mlp(options).spec.activations); // ['relu', 'relu', 'identity']
 * ```
 */
export interface MlpOptions {
  /** The number of nodes per layer, input first: $[n_0, n_1, \dots, n_L]$, integers ≥ 1. */
  readonly sizes: readonly number[];
  /** One activation per layer ($\sigma^1 \dots \sigma^L$), or the hidden one and the output one. */
  readonly activations:
    | readonly (ActivationSpec | Activation)[]
    | {
        /** σ of every hidden layer, $\sigma^1 \dots \sigma^{L-1}$. */
        readonly hidden: ActivationSpec | Activation;
        /** σ of the output layer, $\sigma^L$. */
        readonly output: ActivationSpec | Activation;
      };
}

/** Validates the options; returns the JSON form and the activation values. */
export function resolveSpec(options: MlpOptions): { readonly spec: MlpSpec; readonly activations: readonly Activation[] } {
  if (typeof options !== 'object' || options === null) {
    throw new T.DomainError({ op: 'mlp', parameter: 'options', value: options, expected: 'a record { sizes, activations }' });
  }
  const { sizes } = options;
  if (!Array.isArray(sizes) || sizes.length < 2) {
    throw new T.DomainError({ op: 'mlp', parameter: 'sizes', value: sizes, expected: 'an array of at least two layer sizes [n_0, …, n_L]' });
  }
  sizes.forEach((n: unknown, i) => {
    if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1) {
      throw new T.DomainError({ op: 'mlp', parameter: `sizes[${i}]`, value: n, expected: 'an integer ≥ 1' });
    }
  });
  const layers = sizes.length - 1;
  const given = options.activations;
  let list: readonly (ActivationSpec | Activation)[];
  if (Array.isArray(given)) {
    if (given.length !== layers) {
      throw new T.DomainError({ op: 'mlp', parameter: 'activations', value: given, expected: `${layers} activations, one per layer σ^1 … σ^${layers}` });
    }
    list = given;
  } else if (typeof given === 'object' && given !== null && 'hidden' in given && 'output' in given) {
    list = Array.from({ length: layers }, (_, i) => (i === layers - 1 ? given.output : given.hidden));
  } else {
    throw new T.DomainError({ op: 'mlp', parameter: 'activations', value: given, expected: 'an array of activations or { hidden, output }' });
  }
  const activations = list.map((a, i) => {
    try {
      return activation(a);
    } catch (e) {
      if (!T.DomainError.is(e)) throw e;
      throw new T.DomainError({ op: 'mlp', parameter: `activations[${i}] (σ^${i + 1})`, value: e.value, expected: e.expected });
    }
  });
  activations.forEach((a, i) => {
    if (a.name === 'softmax' && i !== layers - 1) {
      throw new T.DomainError({ op: 'mlp', parameter: `activations[${i}] (σ^${i + 1})`, value: 'softmax', expected: 'an elementwise activation: softmax is for the output layer only' });
    }
  });
  if (activations[layers - 1]?.name === 'softmax' && sizes[layers] === 1) {
    throw new T.DomainError({ op: 'mlp', parameter: `sizes[${layers}]`, value: 1, expected: 'at least 2 output nodes for softmax (one node is constant 1: use sigmoid)' });
  }
  const spec: MlpSpec = Object.freeze({
    sizes: Object.freeze(sizes.slice()),
    activations: Object.freeze(activations.map(activationSpec)),
  });
  return { spec, activations: Object.freeze(activations) };
}
