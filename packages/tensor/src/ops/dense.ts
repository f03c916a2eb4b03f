/**
 * Fused dense layers: the forward line $Z = X W^\top + b$, $A = \sigma(Z)$ and the
 * δ-equations of one layer, each in as few passes over memory as the math allows.
 *
 * @module
 */
import { DomainError, DTypeError, ShapeError } from '../core/errors.js';
import { expectTensor } from '../core/operand.js';
import type { Tensor } from '../core/tensor.js';
import { kernels } from '../kernels/backend.js';

/**
 * The activations {@link denseForward} and {@link denseBackward} fuse: `identity`, `sigmoid`,
 * `tanh`, `relu`, `leakyRelu` (slope α below 0), `elu` (saturation α) and `softplus`.
 *
 * @since 0.1.0
 * @category Dense layers
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const sigma: T.DenseActivation = 'tanh';
 * console.log(T.denseForward(T.ones([1, 1]), T.zeros([1, 1]), T.zeros([1]), { activation: sigma }).a.shape); // [1, 1]
 * ```
 */
export type DenseActivation = 'identity' | 'sigmoid' | 'tanh' | 'relu' | 'leakyRelu' | 'elu' | 'softplus';

/**
 * Options of {@link denseForward}: the activation σ (`identity` when absent) and its α
 * (leakyRelu: 0.01, elu: 1 when absent; ignored by the others).
 *
 * @since 0.1.0
 * @category Dense layers
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const options: T.DenseOptions = { activation: 'leakyRelu', alpha: 0.1 };
 * console.log(T.toArray(T.denseForward(T.tensor([[-2]]), T.tensor([[1]]), T.tensor([0]), options).a)); // [-0.2]
 * ```
 */
export interface DenseOptions {
  /** The activation σ applied to Z. */
  readonly activation?: DenseActivation;
  /** α of leakyRelu and elu. */
  readonly alpha?: number;
}

/**
 * What {@link denseForward} returns: $Z$ and $A = \sigma(Z)$, both $[N, n]$.
 *
 * @since 0.1.0
 * @category Dense layers
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const { z, a }: T.DenseForwardResult = T.denseForward(T.tensor([[1]]), T.tensor([[-3]]), T.tensor([1]), { activation: 'relu' });
 * console.log(T.toArray(z), T.toArray(a)); // [-2] [0]
 * ```
 */
export interface DenseForwardResult {
  /** The weighted inputs $Z = X W^\top + b$, $[N, n]$. */
  readonly z: Tensor;
  /** The activations $A = \sigma(Z)$, $[N, n]$; the very tensor `z` for the identity. */
  readonly a: Tensor;
}

/**
 * Options of {@link denseBackward}: σ and α as for {@link denseForward}, the layer's forward
 * values σ′ is read from — `z` for relu, leakyRelu, elu and softplus, `a` for sigmoid and tanh
 * ($\sigma' = a(1 - a)$ and $1 - a^2$), neither for the identity — and `propagate` (true when
 * absent): false skips $\delta W$, which the first layer does not need.
 *
 * @since 0.1.0
 * @category Dense layers
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const z = T.tensor([[-1, 2]]);
 * const options: T.DenseBackwardOptions = { activation: 'relu', z, propagate: false };
 * console.log(T.toNested(T.denseBackward(T.ones([1, 2]), T.ones([1, 1]), T.ones([2, 1]), options).delta)); // [[0, 1]]
 * ```
 */
export interface DenseBackwardOptions extends DenseOptions {
  /** The layer's weighted inputs $Z$, $[N, n]$. */
  readonly z?: Tensor;
  /** The layer's activations $A = \sigma(Z)$, $[N, n]$. */
  readonly a?: Tensor;
  /** Whether to compute $\partial C / \partial X = \delta W$. */
  readonly propagate?: boolean;
}

/**
 * What {@link denseBackward} returns: δ and the gradients of one layer.
 *
 * @since 0.1.0
 * @category Dense layers
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const r: T.DenseBackwardResult = T.denseBackward(T.tensor([[1]]), T.tensor([[2]]), T.tensor([[3]]));
 * console.log(T.toNested(r.dW), T.toArray(r.db), T.toNested(r.dInput!)); // [[2]] [1] [[3]]
 * ```
 */
export interface DenseBackwardResult {
  /** $\delta = g \odot \sigma'(Z)$, $[N, n]$; the very tensor `g` for the identity. */
  readonly delta: Tensor;
  /** $\partial C / \partial W = \delta^\top X$, $[n, k]$: summed over the batch by the product. */
  readonly dW: Tensor;
  /** $\partial C / \partial b = \sum_{\text{rows}} \delta$, $[n]$. */
  readonly db: Tensor;
  /** $\partial C / \partial X = \delta W$, $[N, k]$: the incoming gradient of the layer below; absent when `propagate` is false. */
  readonly dInput?: Tensor;
}

const activations: ReadonlySet<string> = new Set(['identity', 'sigmoid', 'tanh', 'relu', 'leakyRelu', 'elu', 'softplus']);

/** The activation and its α, validated; α defaults as in PyTorch (leakyRelu 0.01, elu 1). */
function activationOf(op: string, options: DenseOptions): [DenseActivation, number] {
  const activation = options.activation ?? 'identity';
  if (!activations.has(activation)) {
    throw new DomainError({ op, parameter: 'activation', value: activation, expected: `one of ${[...activations].join(', ')}` });
  }
  const alpha = options.alpha ?? (activation === 'leakyRelu' ? 0.01 : activation === 'elu' ? 1 : 0);
  if (typeof alpha !== 'number' || !Number.isFinite(alpha)) throw new DomainError({ op, parameter: 'alpha', value: alpha, expected: 'a finite number' });
  return [activation, alpha];
}

const show = (shape: readonly number[]): string => `[${shape.join(', ')}]`;

/**
 * A matrix of the given dtype whose shape matches `rows` × `cols` where they are given. `what`
 * describes the expected shape; it is only called to build an error, so the hot path of a
 * training step formats no strings.
 */
function matrix(op: string, argument: string, value: unknown, dtype: string | undefined, rows: number | undefined, cols: number | undefined, what: () => string): Tensor {
  const x = expectTensor(op, argument, value);
  if (dtype !== undefined && x.dtype !== dtype) throw new DTypeError({ op, argument, expected: dtype, actual: x.dtype });
  const [r, c] = x.shape as [number, number];
  if (x.shape.length !== 2 || (rows !== undefined && r !== rows) || (cols !== undefined && c !== cols)) {
    throw new ShapeError({ op, argument, expected: what(), actual: x.shape });
  }
  return x;
}

/**
 * One dense layer forward, fused: $Z = X W^\top + b$ and $A = \sigma(Z)$ for a batch X
 * $[N, k]$ (rows are examples), weights W $[n, k]$ and bias b $[n]$ — the notes'
 * $z^l = W^l a^{l-1} + b^l$, $a^l = \sigma(z^l)$ for every row at once. The bias and σ are
 * applied while Z is written (small layers: in the same loop as the dot products; large
 * layers: in one pass right after the backend's matmul), so a layer costs one product and no
 * intermediate tensors. Returns both Z and A, as back-propagation needs both. Agrees with
 * `σ(add(matmul(X, W, { transposeB: true }), b))` to rounding.
 *
 * @since 0.1.0
 * @category Dense layers
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const X = T.tensor([[0, 1], [1, 0]]);
 * const W = T.tensor([[0.5, -0.5], [1, 1]]);
 * const b = T.tensor([0.5, 0]);
 * const { z, a } = T.denseForward(X, W, b, { activation: 'relu' });
 * console.log(T.toNested(z), T.toNested(a)); // [[0, 1], [1, 1]] [[0, 1], [1, 1]]
 * ```
 */
export function denseForward(X: Tensor, W: Tensor, b: Tensor, options: DenseOptions = {}): DenseForwardResult {
  const op = 'denseForward';
  const x = matrix(op, 'X', X, undefined, undefined, undefined, () => '[N, k]');
  const k = x.shape[1];
  const w = matrix(op, 'W', W, x.dtype, undefined, k, () => `[n, ${k}] (k = ${k} columns of X ${show(x.shape)})`);
  const n = w.shape[0] as number;
  const bias = expectTensor(op, 'b', b);
  if (bias.dtype !== x.dtype) throw new DTypeError({ op, argument: 'b', expected: x.dtype, actual: bias.dtype });
  if (bias.shape.length !== 1 || bias.shape[0] !== n) throw new ShapeError({ op, argument: 'b', expected: [n], actual: bias.shape });
  const [activation, alpha] = activationOf(op, options);
  const { z, a } = kernels().denseForward(x, w, bias, activation, alpha);
  return Object.freeze({ z, a });
}

/**
 * One dense layer backward, fused: the δ-equations of the notes for a layer with input X
 * $[N, k]$, weights W $[n, k]$ and incoming gradient $g = \partial C / \partial A$ $[N, n]$:
 *
 * $$\delta = g \odot \sigma'(Z), \quad \frac{\partial C}{\partial W} = \delta^\top X, \quad \frac{\partial C}{\partial b} = \sum_{\text{rows}} \delta, \quad \frac{\partial C}{\partial X} = \delta W.$$
 *
 * Row n of $\delta W$ is $\sum_j \delta_{nj} w_{jk}$, the notes' $\sum_j \delta^l_j w^l_{jk}$ before
 * the layer below multiplies by its own σ′ — so chaining calls down the layers (each call's
 * `dInput` is the next call's g) is back-propagation. δ and the bias sum are formed in one
 * pass; the two products run on the backend's matmul. With the identity (the default), g is
 * taken to be δ itself, e.g. the output layer's $\delta^L = a^L - t$.
 *
 * @since 0.1.0
 * @category Dense layers
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const X = T.tensor([[1, 2]]);
 * const W = T.tensor([[3, 4]]);
 * const { z, a } = T.denseForward(X, W, T.tensor([0]), { activation: 'sigmoid' });
 * const g = T.tensor([[1]]); // ∂C/∂a for C = a
 * const { delta, dW, db, dInput } = T.denseBackward(g, X, W, { activation: 'sigmoid', z, a });
 * console.log(delta.shape, dW.shape, db.shape, dInput?.shape); // [1, 1] [1, 2] [1] [1, 2]
 * ```
 */
export function denseBackward(g: Tensor, X: Tensor, W: Tensor, options: DenseBackwardOptions = {}): DenseBackwardResult {
  const op = 'denseBackward';
  const upstream = matrix(op, 'g', g, undefined, undefined, undefined, () => '[N, n]');
  const [N, n] = upstream.shape as [number, number];
  const dtype = upstream.dtype;
  const x = matrix(op, 'X', X, dtype, N, undefined, () => `[${N}, k] (N = ${N} rows of g)`);
  const w = matrix(op, 'W', W, dtype, n, x.shape[1], () => `[${n}, ${x.shape[1]}] (n = ${n} columns of g, k = ${x.shape[1]} columns of X)`);
  const [activation, alpha] = activationOf(op, options);
  const needsA = activation === 'sigmoid' || activation === 'tanh';
  const needsZ = activation !== 'identity' && !needsA;
  const need = (key: 'z' | 'a', needed: boolean): Tensor | undefined => {
    if (!needed) return undefined;
    const value = options[key];
    if (value === undefined) throw new DTypeError({ op, argument: `options.${key}`, expected: `a Tensor (${activation} reads σ′ from ${key})`, actual: 'missing' });
    return matrix(op, key === 'z' ? 'options.z' : 'options.a', value, dtype, N, n, () => show(upstream.shape));
  };
  const z = need('z', needsZ);
  const a = need('a', needsA);
  const propagate = options.propagate ?? true;
  const r = kernels().denseBackward(upstream, z, a, x, w, activation, alpha, propagate);
  return Object.freeze(r.dInput === undefined ? { delta: r.delta, dW: r.dW, db: r.db } : { delta: r.delta, dW: r.dW, db: r.db, dInput: r.dInput });
}
