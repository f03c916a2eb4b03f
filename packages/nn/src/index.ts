/**
 * # @theta/nn
 *
 * Feed-forward networks as the lecture notes build them: define the architecture (layers,
 * nodes, activation functions), the cost with its hyperparameter λ, the inputs x and targets
 * t, then feed forward and back propagate. Θ = {W, b} is plain data threaded through pure
 * functions; nothing here mutates what it is given.
 *
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as N from '@theta/nn';
 * const net = N.mlp({ sizes: [2, 2, 1], activations: ['sigmoid', 'identity'] }); // layers, nodes, σ
 * const theta = net.init(T.key(0));                                                // Θ = {W, b}
 * const step = N.backprop(net, N.mse(), N.l2(1e-3));                               // C(Θ) = ‖t − a^L‖² + λ‖W‖²
 * const { loss, grads } = step(theta, T.tensor([[0, 1]]), T.tensor([[1]]));
 * const learningRate = 0.1;                                                        // γ
 * const next = T.Tree.zipWith(theta, grads, (w, g) => T.sub(w, T.mul(g, learningRate)));
 * ```
 *
 * ## The notes, line by line
 *
 * | the notes | here |
 * | --- | --- |
 * | define architecture: # layers, # nodes, activation functions | {@link mlp} `({ sizes, activations })`, {@link activation} |
 * | initialise Θ = {W, b} | `net.init(key, { weights, bias })`, {@link weightDistribution} |
 * | feed forward $a^L = \sigma^L(\sigma^{L-1}(\dots \sigma^1(x) \dots))$ | `net.apply(Θ, X)`; every $z^l$, $a^l$: `net.forward(Θ, X)` |
 * | $C(\Theta) = \lVert t - a^L(\Theta; x) \rVert_2^2$ | {@link mse} (also {@link binaryCrossEntropy}, {@link categoricalCrossEntropy}) |
 * | $+ \lambda \lVert W \rVert_2^2$, weights only | {@link l2} (also {@link l1}, {@link l2FromSklearnAlpha}) |
 * | $\delta^L_j = \sigma'(z^L_j)\, \partial C / \partial a^L_j$ | `outputDelta` inside {@link backprop}: `activation.delta(z, a, cost.gradient(t, a))` |
 * | for l = L − 1, …, 1: $\delta^l_j = \sum_k \delta^{l+1}_k w^{l+1}_{kj}\, \sigma'(z^l_j)$ | {@link backprop}: `σ.delta(z^l, a^l, δ^{l+1} W^{l+1})`; {@link BackpropResult} `.deltas` |
 * | $w^l_{jk} \leftarrow w^l_{jk} - \gamma \delta^l_j a^{l-1}_k$ | `grads[l−1].W` = $(\delta^l)^\top A^{l-1}$ from {@link backprop}; the step itself is `@theta/optim` |
 * | $b^l_j \leftarrow b^l_j - \gamma \delta^l_j$ | `grads[l−1].b` = $\sum_n \delta^l_n$ from {@link backprop} |
 * | the chain $\partial C / \partial z^l = \partial C / \partial a^L \cdots \partial a^{l+1} / \partial z^l$ | reverse mode: {@link objective} is $C(\Theta)$ for `R.grad`; {@link reverseGrad} gives the same gradients |
 *
 * Also: metrics ({@link metrics}) and model files ({@link encode}, {@link decode}).
 *
 * @packageDocumentation
 */
export type { Activation, ActivationName, ActivationSpec, Differentiable } from './activation/types.js';
export { identity, sigmoid, tanh, relu, softplus, gelu } from './activation/elementwise.js';
export { leakyRelu, elu } from './activation/parameterised.js';
export { softmax } from './activation/softmax.js';
export { activation, activationSpec, activationNames } from './activation/resolve.js';

export type { Initializer, InitializerName, WeightDistribution } from './init/initializer.js';
export { weightDistribution, initWeights } from './init/initializer.js';

export type { Dense, Theta } from './mlp/theta.js';
export type { MlpSpec, MlpOptions } from './mlp/spec.js';
export type { Mlp, Apply, InitOptions, LayerValues } from './mlp/mlp.js';
export { mlp } from './mlp/mlp.js';

export type { Cost, CostName, CostOptions, CostValue, Reduction } from './cost/types.js';
export type { CrossEntropyOptions } from './cost/binary-cross-entropy.js';
export { mse } from './cost/mse.js';
export { binaryCrossEntropy } from './cost/binary-cross-entropy.js';
export { categoricalCrossEntropy } from './cost/categorical-cross-entropy.js';
export { oneHot } from './cost/one-hot.js';

export type { Penalty, PenaltyOptions, PenaltyValue } from './penalty/penalty.js';
export { l2, l1, noPenalty, l2FromSklearnAlpha } from './penalty/penalty.js';

export type { BackpropResult } from './backprop/backprop.js';
export { backprop } from './backprop/backprop.js';
export type { Objective, ReverseGradResult } from './backprop/reverse.js';
export { objective, reverseGrad } from './backprop/reverse.js';

export * as metrics from './metrics/index.js';

export type { Model } from './model/model.js';
export { modelFormat, modelVersion } from './model/model.js';
export { encode } from './model/encode.js';
export { decode } from './model/decode.js';
