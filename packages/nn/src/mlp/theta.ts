/**
 * Θ = {(W^1, b^1), …, (W^L, b^L)} as plain data, and the check that a Θ fits an architecture.
 *
 * @module
 */
import * as R from '@theta/reverse';
import * as T from '@theta/tensor';

/**
 * One dense layer's parameters: $W^l$ of shape $[n_l, n_{l-1}]$, whose entry $w^l_{jk}$ joins
 * node k of layer l − 1 to node j of layer l, and the bias $b^l$ of shape $[n_l]$. The leaves
 * are tensors (`V = T.Tensor`, the default) or, under `R.grad`, traced values (`V = R.Value`).
 * A type alias, not an interface, so that Θ is a `T.TensorTree`.
 *
 * @since 0.1.0
 * @category Model
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import type * as N from '@theta/nn';
 * const layer: N.Dense = { W: T.zeros([3, 2]), b: T.zeros([3]) };
 * console.log(layer.W.shape); // [3, 2]
 * ```
 */
export type Dense<V = T.Tensor> = {
  /** The weights $W^l$, shape $[n_l, n_{l-1}]$. */
  readonly W: V;
  /** The biases $b^l$, shape $[n_l]$. */
  readonly b: V;
};

/**
 * The parameters $\Theta = \lbrace (W^1, b^1), \dots, (W^L, b^L) \rbrace$: entry `l − 1` holds
 * layer l. A plain tree of tensors, so `T.Tree` helpers, optimisers and `R.grad` walk it.
 *
 * @since 0.1.0
 * @category Model
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import type * as N from '@theta/nn';
 * const theta: N.Theta = [{ W: T.ones([1, 2]), b: T.zeros([1]) }];
 * console.log(T.Tree.leaves(theta).length); // 2
 * ```
 */
export type Theta<V = T.Tensor> = readonly Dense<V>[];

const show = (shape: readonly number[]): string => `[${shape.join(', ')}]`;

/**
 * Throws the typed error for the first part of Θ that does not fit `sizes`: a `ShapeError`
 * naming the layer (`theta[0].W`, which is $W^1$) and both shapes, or a `DTypeError` when a
 * leaf is not a tensor or its dtype differs from `dtype`.
 */
export function checkTheta(op: string, sizes: readonly number[], theta: unknown, dtype?: T.DType): T.DType {
  const layers = sizes.length - 1;
  if (!Array.isArray(theta) || theta.length !== layers) {
    throw new T.ShapeError({
      op,
      argument: 'theta',
      expected: `${layers} layer${layers === 1 ? '' : 's'} of { W, b } for sizes ${show(sizes)}`,
      actual: Array.isArray(theta) ? `${theta.length} layers` : typeof theta,
    });
  }
  let common = dtype;
  theta.forEach((layer: unknown, i: number) => {
    const expected = { W: [sizes[i + 1] as number, sizes[i] as number], b: [sizes[i + 1] as number] };
    for (const key of ['W', 'b'] as const) {
      const argument = `theta[${i}].${key} (${key}^${i + 1})`;
      const value: unknown = typeof layer === 'object' && layer !== null ? (layer as Record<string, unknown>)[key] : undefined;
      const primal = tensorBehind(value);
      if (primal === undefined) throw new T.DTypeError({ op, argument, expected: 'a Tensor', actual: value === undefined ? 'missing' : typeof value });
      const want = expected[key];
      if (primal.shape.length !== want.length || primal.shape.some((d, j) => d !== want[j])) {
        throw new T.ShapeError({ op, argument, expected: want, actual: primal.shape });
      }
      if (common !== undefined && primal.dtype !== common) {
        throw new T.DTypeError({ op, argument, expected: `${common} (the dtype of the input and the other parameters)`, actual: primal.dtype });
      }
      common = primal.dtype;
    }
  });
  return common ?? 'float64';
}

/** The tensor under a value (itself, or the primal of a traced value); undefined for anything else. */
export function tensorBehind(value: unknown): T.Tensor | undefined {
  if (T.isTensor(value)) return value;
  if (!R.isTraced(value)) return undefined;
  const primal = R.stopGradient(value);
  return T.isTensor(primal) ? primal : undefined;
}

/** Throws a `ShapeError` unless X is a batch $[N, n_0]$ of the network's input size; returns its tensor. */
export function checkInput(op: string, sizes: readonly number[], value: unknown): T.Tensor {
  const X = tensorBehind(value);
  if (X === undefined) throw new T.DTypeError({ op, argument: 'X', expected: 'a Tensor of shape [N, n_0]', actual: typeof value });
  const n0 = sizes[0] as number;
  if (X.shape.length !== 2 || X.shape[1] !== n0) {
    // The expected shape keeps the caller's N, so both shapes read alike: [5, 3] vs [5, 2].
    const expected = X.shape.length === 2 ? [X.shape[0] as number, n0] : `[N, ${n0}]`;
    throw new T.ShapeError({ op, argument: 'X (the input layer a^0)', expected, actual: X.shape });
  }
  return X;
}
