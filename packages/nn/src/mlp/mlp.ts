/**
 * The network: `mlp(spec)` validates an architecture once and returns pure functions of Θ —
 * init, apply (the notes' feed-forward line) and forward (every z^l and a^l, for backprop).
 *
 * @module
 */
import * as R from '@theta/reverse';
import * as T from '@theta/tensor';
import type { Activation } from '../activation/types.js';
import { initWeights, type Initializer } from '../init/initializer.js';
import { denseLayer, denseOptionsOf } from './fused.js';
import { resolveSpec, type MlpOptions, type MlpSpec } from './spec.js';
import { checkInput, checkTheta, type Theta } from './theta.js';

/**
 * Options of `init`: the weight initialiser (`glorotUniform` when absent), the constant every
 * bias starts at (0 when absent) and the dtype (`float64` when absent).
 *
 * @since 0.1.0
 * @category Model
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as N from '@theta/nn';
 * const options: N.InitOptions = { weights: 'heNormal', bias: 0.01, dtype: 'float32' };
 * const theta = N.mlp({ sizes: [2, 3, 1], activations: ['relu', 'identity'] }).init(T.key(0), options);
 * console.log(theta[0]!.W.dtype, T.toArray(theta[0]!.b)); // float32 [0.009999999776482582, …]
 * ```
 */
export interface InitOptions {
  /** How to draw each $W^l$; see {@link InitializerName} for the bounds. */
  readonly weights?: Initializer;
  /** The constant value of every $b^l_j$. */
  readonly bias?: number;
  /** Element type of Θ. */
  readonly dtype?: T.DType;
}

/**
 * The weighted input and the activation of one layer for a batch: $Z^l = A^{l-1} (W^l)^\top + b^l$
 * and $A^l = \sigma^l(Z^l)$, both $[N, n_l]$.
 *
 * @since 0.1.0
 * @category Model
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as N from '@theta/nn';
 * const net = N.mlp({ sizes: [1, 1], activations: ['relu'] });
 * const [layer]: readonly N.LayerValues[] = net.forward([{ W: T.tensor([[2]]), b: T.tensor([-1]) }], T.tensor([[0]]));
 * console.log(T.toArray(layer!.z), T.toArray(layer!.a)); // [-1] [0]
 * ```
 */
export interface LayerValues {
  /** The weighted input $z^l$ of every example, $[N, n_l]$. */
  readonly z: T.Tensor;
  /** The activation $a^l = \sigma^l(z^l)$ of every example, $[N, n_l]$. */
  readonly a: T.Tensor;
}

/**
 * The feed-forward function $A^L(\Theta; X)$, written with @theta/reverse ops: on tensors it
 * computes directly; on traced Θ or X (inside `R.grad`) it is recorded, so reverse mode
 * differentiates it.
 *
 * @since 0.1.0
 * @category Model
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * import * as T from '@theta/tensor';
 * import * as N from '@theta/nn';
 * const net = N.mlp({ sizes: [1, 1], activations: ['identity'] });
 * const apply: N.Apply = net.apply;
 * const grads = R.grad((theta: N.Theta) => R.sum(apply(theta, T.tensor([[3]]))))([{ W: T.tensor([[2]]), b: T.tensor([1]) }]);
 * console.log(T.toArray(grads[0]!.W), T.toArray(grads[0]!.b)); // [3] [1]
 * ```
 */
export interface Apply {
  /** On tensors: $A^L$ as a tensor. */
  (theta: Theta, X: T.Tensor): T.Tensor;
  /** On traced values (inside `R.grad`): $A^L$ recorded. */
  (theta: Theta<R.Value>, X: R.Value): R.Value;
}

/**
 * A feed-forward network: its architecture and pure functions of Θ. Build one with {@link mlp}.
 *
 * @since 0.1.0
 * @category Model
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as N from '@theta/nn';
 * const net: N.Mlp = N.mlp({ sizes: [2, 4, 1], activations: { hidden: 'tanh', output: 'sigmoid' } });
 * const theta = net.init(T.key(0));
 * console.log(net.apply(theta, T.zeros([5, 2])).shape); // [5, 1]
 * ```
 */
export interface Mlp {
  /** The architecture in JSON form (what model files store). */
  readonly spec: MlpSpec;
  /** $[n_0, \dots, n_L]$. */
  readonly sizes: readonly number[];
  /** $\sigma^1, \dots, \sigma^L$ as values. */
  readonly activations: readonly Activation[];
  /**
   * A fresh Θ drawn from `key`: one subkey per layer (`T.split(key, L)`), so the same key gives
   * bit-identical Θ. Weights follow `options.weights`; biases are the constant `options.bias`.
   */
  readonly init: (key: T.Key, options?: InitOptions) => Theta;
  /**
   * The feed-forward output $A^L = \sigma^L(\dots \sigma^1(X (W^1)^\top + b^1) \dots)$ for a
   * batch X of shape $[N, n_0]$; differentiable by `R.grad` (see {@link Apply}).
   */
  readonly apply: Apply;
  /** Every layer's $z^l$ and $a^l$ (entry `l − 1` is layer l), as the δ-equations need them. */
  readonly forward: (theta: Theta, X: T.Tensor) => readonly LayerValues[];
}

/**
 * Builds a feed-forward network (multilayer perceptron) from its architecture: sizes
 * $[n_0, \dots, n_L]$ and activations. Validates once — at least two sizes, integers ≥ 1,
 * known activations with α in range, softmax only at the output — and throws `DomainError`
 * naming the parameter otherwise. The returned functions throw `ShapeError` naming the layer
 * and both shapes when X has the wrong feature count or Θ does not fit.
 *
 * Layer l computes $z^l = W^l a^{l-1} + b^l$, $a^l = \sigma^l(z^l)$, with $a^0 = x$; on a
 * batch the rows are examples: $Z^l = A^{l-1} (W^l)^\top + b^l$.
 *
 * @since 0.1.0
 * @category Model
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as N from '@theta/nn';
 * const net = N.mlp({ sizes: [2, 2, 1], activations: ['sigmoid', 'identity'] });
 * const theta = net.init(T.key(42), { weights: 'glorotNormal' });
 * const layers = net.forward(theta, T.tensor([[0, 1], [1, 1]]));
 * console.log(layers.map((l) => l.a.shape)); // [[2, 2], [2, 1]]
 * ```
 */
export function mlp(options: MlpOptions): Mlp {
  const { spec, activations } = resolveSpec(options);
  const sizes = spec.sizes;
  const L = sizes.length - 1;

  const init = (key: T.Key, initOptions: InitOptions = {}): Theta => {
    const bias = initOptions.bias ?? 0;
    if (typeof bias !== 'number' || !Number.isFinite(bias)) {
      throw new T.DomainError({ op: 'mlp.init', parameter: 'bias', value: bias, expected: 'a finite number' });
    }
    const weights = initOptions.weights ?? 'glorotUniform';
    const dtype = initOptions.dtype ?? 'float64';
    const keys = T.split(key, L);
    return Object.freeze(
      Array.from({ length: L }, (_, l) =>
        Object.freeze({
          W: initWeights(keys[l] as T.Key, [sizes[l + 1] as number, sizes[l] as number], weights, dtype),
          b: T.full([sizes[l + 1] as number], bias, { dtype }),
        }),
      ),
    );
  };

  // Each layer's options for the fused kernels, fixed with the architecture.
  const fused = activations.map(denseOptionsOf);

  // Z^l = A^{l−1} (W^l)ᵀ + b^l and A^l = σ^l(Z^l), one fused call per layer (T.denseForward).
  const layersOf = (theta: Theta, input: T.Tensor): readonly LayerValues[] => {
    const layers: LayerValues[] = [];
    let a = input;
    for (let l = 0; l < L; l++) {
      const { W, b } = theta[l]!;
      const layer = denseLayer(a, W, b, activations[l]!, fused[l]);
      a = layer.a;
      layers.push(layer);
    }
    return Object.freeze(layers);
  };

  const forward = (theta: Theta, X: T.Tensor): readonly LayerValues[] => {
    const input = checkInput('mlp.forward', sizes, X);
    checkTheta('mlp.forward', sizes, theta, input.dtype);
    return layersOf(theta, input);
  };

  const apply = (theta: Theta<R.Value>, X: R.Value): R.Value => {
    const input = checkInput('mlp.apply', sizes, X);
    checkTheta('mlp.apply', sizes, theta, input.dtype);
    // Plain tensors throughout: nothing to record, so run the fused kernels.
    if (T.isTensor(X) && theta.every(({ W, b }) => T.isTensor(W) && T.isTensor(b))) {
      return layersOf(theta as Theta, input)[L - 1]!.a;
    }
    // Traced Θ or X (inside R.grad): the same line with @theta/reverse ops, so it is recorded.
    let a = X;
    for (let l = 0; l < L; l++) {
      const { W, b } = theta[l]!;
      const options = fused[l];
      // One recorded `dense` node where σ is fused; gelu and softmax keep matmul, add and σ.
      a = options !== undefined ? R.dense(a, W, b, options) : activations[l]!.apply(R.add(R.matmul(a, W, { transposeB: true }), b));
    }
    return a;
  };

  return Object.freeze({ spec, sizes, activations, init, apply: apply as Apply, forward });
}
