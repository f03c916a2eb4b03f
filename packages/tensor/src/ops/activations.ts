/**
 * The activation functions σ of the notes and their derivatives σ′, elementwise and
 * numerically stable. Derivatives take the pre-activation z, as the δ-equations use σ′(z^l).
 *
 * @module
 */
import { DomainError } from '../core/errors.js';
import { expectTensor } from '../core/operand.js';
import type { Tensor } from '../core/tensor.js';
import { kernels } from '../kernels/backend.js';
import type { UnaryOp } from '../kernels/types.js';
import { unary } from './unary-math.js';

const withAlpha = (op: UnaryOp) => (x: Tensor, alpha: number): Tensor => {
  if (!Number.isFinite(alpha)) throw new DomainError({ op, parameter: 'alpha', value: alpha, expected: 'a finite number' });
  return kernels().unary(op, expectTensor(op, 'x', x), alpha);
};

/**
 * tanh z, elementwise.
 * @since 0.1.0
 * @category Activations
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.toArray(T.tanh(T.tensor([0, 1000])))); // [0, 1]
 * ```
 */
export const tanh = unary('tanh');

/**
 * The logistic function $\sigma(z) = 1 / (1 + e^{-z})$, stable at both ends: `sigmoid(±800)` is 1 and 0.
 * @since 0.1.0
 * @category Activations
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.toArray(T.sigmoid(T.tensor([-800, 0, 800])))); // [0, 0.5, 1]
 * ```
 */
export const sigmoid = unary('sigmoid');

/**
 * $\ln \sigma(z) = -\operatorname{softplus}(-z)$, finite where ln(sigmoid(z)) would underflow: `logSigmoid(−300) = −300`.
 * @since 0.1.0
 * @category Activations
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.toArray(T.logSigmoid(T.tensor([-300])))); // [-300]
 * ```
 */
export const logSigmoid = unary('logSigmoid');

/**
 * $\operatorname{softplus}(z) = \ln(1 + e^z)$, computed as max(z, 0) + ln(1 + e^(−|z|)): `softplus(1000) = 1000`.
 * @since 0.1.0
 * @category Activations
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.toArray(T.softplus(T.tensor([1000, 0])))); // [1000, 0.6931471805599453]
 * ```
 */
export const softplus = unary('softplus');

/**
 * The rectifier max(z, 0).
 * @since 0.1.0
 * @category Activations
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.toArray(T.relu(T.tensor([-1, 0, 2])))); // [0, 0, 2]
 * ```
 */
export const relu = unary('relu');

/**
 * Leaky rectifier: z for z > 0, αz otherwise.
 * @since 0.1.0
 * @category Activations
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.toArray(T.leakyRelu(T.tensor([-2, 3]), 0.1))); // [-0.2, 3]
 * ```
 */
export const leakyRelu = withAlpha('leakyRelu');

/**
 * Exponential linear unit: z for z > 0, α(eᶻ − 1) otherwise.
 * @since 0.1.0
 * @category Activations
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.toArray(T.elu(T.tensor([0, 2]), 1))); // [0, 2]
 * ```
 */
export const elu = withAlpha('elu');

/**
 * σ′(z) = σ(z)(1 − σ(z)).
 * @since 0.1.0
 * @category Activations
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.toArray(T.sigmoidDerivative(T.tensor([0])))); // [0.25]
 * ```
 */
export const sigmoidDerivative = unary('sigmoidDerivative');

/**
 * tanh′(z) = 1 − tanh²(z).
 * @since 0.1.0
 * @category Activations
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.toArray(T.tanhDerivative(T.tensor([0])))); // [1]
 * ```
 */
export const tanhDerivative = unary('tanhDerivative');

/**
 * relu′(z): 1 for z > 0, else 0 — the convention at the kink is relu′(0) = 0.
 * @since 0.1.0
 * @category Activations
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.toArray(T.reluDerivative(T.tensor([-1, 0, 2])))); // [0, 0, 1]
 * ```
 */
export const reluDerivative = unary('reluDerivative');

/**
 * leakyRelu′(z): 1 for z > 0, else α (so α at z = 0).
 * @since 0.1.0
 * @category Activations
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.toArray(T.leakyReluDerivative(T.tensor([-1, 2]), 0.1))); // [0.1, 1]
 * ```
 */
export const leakyReluDerivative = withAlpha('leakyReluDerivative');

/**
 * elu′(z): 1 for z > 0, else αeᶻ.
 * @since 0.1.0
 * @category Activations
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.toArray(T.eluDerivative(T.tensor([0, 2]), 1))); // [1, 1]
 * ```
 */
export const eluDerivative = withAlpha('eluDerivative');

/**
 * Heaviside step: 1 for z > 0, else 0 (NaN stays NaN). Useful as a mask.
 * @since 0.1.0
 * @category Activations
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.toArray(T.step(T.tensor([-1, 0, 3])))); // [0, 0, 1]
 * ```
 */
export const step = unary('step');
