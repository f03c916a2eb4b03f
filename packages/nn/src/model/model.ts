/**
 * What a model file holds: the architecture and Θ, decoded.
 *
 * @module
 */
import type * as T from '@theta/tensor';
import type { MlpSpec } from '../mlp/spec.js';
import type { Theta } from '../mlp/theta.js';

/**
 * A decoded model file: the architecture in JSON form, the dtype and Θ. Rebuild the network
 * with `N.mlp(model.spec)`.
 *
 * @since 0.1.0
 * @category Model files
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as N from '@theta/nn';
 * const model: N.Model = { spec: { sizes: [1, 1], activations: ['identity'] }, dtype: 'float64', theta: [{ W: T.ones([1, 1]), b: T.zeros([1]) }] };
 * console.log(N.mlp(model.spec).apply(model.theta, T.tensor([[3]])).shape); // [1, 1]
 * ```
 */
export interface Model {
  /** The architecture: sizes and activations. */
  readonly spec: MlpSpec;
  /** The element type of every tensor of Θ. */
  readonly dtype: T.DType;
  /** The parameters. */
  readonly theta: Theta;
}

/**
 * The `format` tag every model file starts with.
 *
 * @since 0.1.0
 * @category Model files
 * @example
 * ```ts
 * import * as N from '@theta/nn';
 * console.log(N.modelFormat); // theta-mlp
 * ```
 */
export const modelFormat = 'theta-mlp';

/**
 * The version of the model file layout that `encode` writes and `decode` reads.
 *
 * @since 0.1.0
 * @category Model files
 * @example
 * ```ts
 * import * as N from '@theta/nn';
 * console.log(N.modelVersion); // 1
 * ```
 */
export const modelVersion = 1;
