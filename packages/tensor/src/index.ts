/**
 * # @theta/tensor
 *
 * Immutable n-d arrays of float64 (the default) or float32, the kernels that compute with
 * them, Θ-trees, PRNG keys and typed errors — the ground every other Theta package stands on.
 *
 * ```ts
 * import * as T from '@theta/tensor';
 * const X = T.tensor([[0, 1], [1, 0]]);        // a batch of N = 2 inputs with n_0 = 2 features
 * const W = T.tensor([[0.5, -0.5], [1, 1]]);   // W^1: [n_1, n_0]
 * const b = T.tensor([0.1, 0]);                // b^1: [n_1]
 * const A = T.sigmoid(T.add(T.matmul(X, W, { transposeB: true }), b)); // a^1 = σ(W x + b) per row
 * ```
 *
 * Nothing here mutates its arguments: every function returns a new tensor, and tensors are
 * never written after construction, so sharing them is always safe.
 *
 * @packageDocumentation
 */
export type { DType, TypedArray, Tensor, TensorOptions, Nested } from './core/tensor.js';
export { tensor, fromArray, fromData, scalar, zeros, ones, full, eye, arange, linspace, zerosLike, fullLike, isTensor } from './core/tensor.js';
export { allocateData } from './core/slab.js';
export { toArray, toNested, item, astype, format } from './core/convert.js';
export type { FormatOptions } from './core/convert.js';
export type { TensorLike } from './core/operand.js';
export { ShapeError, DTypeError, DomainError, NonFiniteError, DecodeError, isThetaError } from './core/errors.js';
export type { ThetaError } from './core/errors.js';

export { neg, abs, sign, exp, expm1, log, log1p, sqrt, square, reciprocal, sin, cos, tan, isFinite } from './ops/unary-math.js';
export {
  tanh, sigmoid, logSigmoid, softplus, relu, leakyRelu, elu,
  sigmoidDerivative, tanhDerivative, reluDerivative, leakyReluDerivative, eluDerivative, step,
} from './ops/activations.js';
export { add, sub, mul, div, pow, maximum, minimum } from './ops/binary.js';
export { equal, notEqual, less, lessEqual, greater, greaterEqual, where } from './ops/compare.js';
export { matmul, dot, outer } from './ops/matmul.js';
export type { MatmulOptions } from './ops/matmul.js';
export { denseForward, denseBackward } from './ops/dense.js';
export { addScaled, allFinite } from './ops/update.js';
export { momentumStep, adamStep } from './ops/optimiser-steps.js';
export type { MomentumCoefficients, MomentumStepResult, AdamCoefficients, AdamStepResult } from './ops/optimiser-steps.js';
export type { DenseActivation, DenseOptions, DenseForwardResult, DenseBackwardOptions, DenseBackwardResult } from './ops/dense.js';
export { reshape, transpose, broadcastTo, sumTo, expandDims } from './ops/layout.js';
export { slice, gather } from './ops/select.js';
export { concat, stack } from './ops/join.js';
export { sum, mean, max, min, argmax, argmin, logsumexp, norm } from './ops/reduce.js';
export type { ReduceOptions, NormOptions } from './ops/reduce.js';
export { softmax, logSoftmax } from './ops/softmax.js';

/**
 * Helpers that walk Θ-trees — arrays and records of tensors such as Θ, gradients and
 * optimiser states: `map`, `zipWith`, `reduce`, `flatten`/`unflatten`, `globalNorm`, `allClose`.
 *
 * @since 0.1.0
 * @category Trees
 */
export * as Tree from './tree/index.js';
export type { TensorTree, Static } from "./tree/tree.js";

export { setBackend, getBackend, wasmReady, wasmStats, type BackendOptions, type WasmReadyOptions } from './kernels/backend.js';
export { resident } from './kernels/resident.js';
export type { WasmStats, WasmVariant } from './kernels/wasm/runtime.js';

export type { Key } from './random/key.js';
export { key, isKey } from './random/key.js';
export { threefry2x32 } from './random/threefry.js';
export { split } from './random/split.js';
export type { SplitKeys } from './random/split.js';
export { foldIn } from './random/fold-in.js';
export { uniform } from './random/uniform.js';
export type { UniformOptions } from './random/uniform.js';
export { normal } from './random/normal.js';
export type { NormalOptions } from './random/normal.js';
export { bernoulli } from './random/bernoulli.js';
export { permutation } from './random/permutation.js';
export { choice } from './random/choice.js';
export type { ChoiceOptions } from './random/choice.js';
