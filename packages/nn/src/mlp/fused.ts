/**
 * Which layers run on @theta/tensor's fused dense kernels: those whose σ is one of the
 * library's own elementwise activations the kernels know (identity, sigmoid, tanh, relu,
 * leakyRelu(α), elu(α), softplus) — on tensors `T.denseForward`, under `R.grad` one recorded
 * `R.dense` node. gelu and softmax, and any activation value written by hand, take the unfused
 * path (σ applied after the fused affine map; under `R.grad` matmul, add and σ) with the same
 * results.
 *
 * @module
 */
import * as T from '@theta/tensor';
import { identity, relu, sigmoid, softplus, tanh } from '../activation/elementwise.js';
import type { Activation } from '../activation/types.js';

// The fixed activations are recognised by identity, so a hand-made value named 'relu' is not
// mistaken for the library's; leakyRelu and elu are fresh values per α, recognised by name.
const fixed = new Map<Activation, T.DenseActivation>([
  [identity, 'identity'], [sigmoid, 'sigmoid'], [tanh, 'tanh'], [relu, 'relu'], [softplus, 'softplus'],
]);

/** The fused kernels' options for σ, or undefined when σ must be applied separately. */
export function denseOptionsOf(sigma: Activation): T.DenseOptions | undefined {
  const name = fixed.get(sigma);
  if (name !== undefined) return Object.freeze({ activation: name });
  if ((sigma.name === 'leakyRelu' || sigma.name === 'elu') && typeof sigma.alpha === 'number') {
    return Object.freeze({ activation: sigma.name, alpha: sigma.alpha });
  }
  return undefined;
}

/** One layer forward on tensors: fused when σ allows, else the fused affine map then σ. */
export function denseLayer(a: T.Tensor, W: T.Tensor, b: T.Tensor, sigma: Activation, options: T.DenseOptions | undefined): { readonly z: T.Tensor; readonly a: T.Tensor } {
  if (options !== undefined) return T.denseForward(a, W, b, options);
  const { z } = T.denseForward(a, W, b);
  return Object.freeze({ z, a: sigma.apply(z) });
}
