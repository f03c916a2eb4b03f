/**
 * What a cost is: C(t, a^L) over a batch and its gradient ∂C/∂a^L, the seed of the δ-equations.
 *
 * @module
 */
import * as R from '@theta/reverse';
import * as T from '@theta/tensor';
import { tensorBehind } from '../mlp/theta.js';

/**
 * How a cost combines the examples of a batch: `sum` is $\sum_n C_n$ (the notes'
 * $\lVert t - a^L \rVert_2^2$ summed over the batch), `mean` is $\frac1N \sum_n C_n$. Either way
 * the outputs of one example are summed, and the penalty is added unscaled.
 *
 * @since 0.1.0
 * @category Costs
 * @example
 * ```ts
 * import type * as N from '@theta/nn';
 * const reduction: N.Reduction = 'mean';
 * console.log(reduction); // mean
 * ```
 */
export type Reduction = 'sum' | 'mean';

/**
 * The names of the built-in costs.
 *
 * @since 0.1.0
 * @category Costs
 * @example
 * ```ts
 * import * as N from '@theta/nn';
 * const name: N.CostName = N.mse().name;
 * console.log(name); // mse
 * ```
 */
export type CostName = 'mse' | 'binaryCrossEntropy' | 'categoricalCrossEntropy';

/**
 * Options shared by the costs.
 *
 * @since 0.1.0
 * @category Costs
 * @example
 * ```ts
 * import * as N from '@theta/nn';
 * const options: N.CostOptions = { reduction: 'mean' };
 * console.log(N.mse(options).reduction); // mean
 * ```
 */
export interface CostOptions {
  /** Sum (the default, as the notes) or average over the batch. */
  readonly reduction?: Reduction;
}

/**
 * The value of a cost, written with @theta/reverse ops: on a tensor output it computes
 * directly; on a traced output (inside `R.grad`) it is recorded. Targets are constants.
 *
 * @since 0.1.0
 * @category Costs
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * import * as T from '@theta/tensor';
 * import * as N from '@theta/nn';
 * const value: N.CostValue = N.mse().value;
 * const t = T.tensor([[1]]);
 * console.log(T.toArray(R.grad((a: R.Value) => value(t, a))(T.tensor([[3]])))); // [4]
 * ```
 */
export interface CostValue {
  /** On tensors: the cost as a scalar tensor. */
  (targets: T.Tensor, output: T.Tensor): T.Tensor;
  /** On a traced output: the cost recorded. */
  (targets: T.Tensor, output: R.Value): R.Value;
}

/**
 * A cost $C(t, a^L)$ of a batch of targets and network outputs (both $[N, n_L]$): its value and
 * its gradient $\partial C / \partial a^L$, which the δ-equations multiply by $\sigma'(z^L)$.
 *
 * @since 0.1.0
 * @category Costs
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as N from '@theta/nn';
 * const cost: N.Cost = N.mse();
 * const t = T.tensor([[1]]);
 * const a = T.tensor([[0.5]]);
 * console.log(T.item(cost.value(t, a)), T.toArray(cost.gradient(t, a))); // 0.25 [-1]
 * ```
 */
export interface Cost {
  /** Which cost this is. */
  readonly name: CostName;
  /** Sum or mean over the batch. */
  readonly reduction: Reduction;
  /** True when the cost reads the network's output as logits rather than probabilities. */
  readonly fromLogits: boolean;
  /** $C(t, a^L)$ as a scalar, differentiable by `R.grad` (see {@link CostValue}). */
  readonly value: CostValue;
  /** $\partial C / \partial a^L$, the shape of `output`. */
  readonly gradient: (targets: T.Tensor, output: T.Tensor) => T.Tensor;
}

/** The reduction option, validated. */
export function reductionOf(op: string, options: CostOptions): Reduction {
  const reduction = options.reduction ?? 'sum';
  if (reduction !== 'sum' && reduction !== 'mean') {
    throw new T.DomainError({ op, parameter: 'reduction', value: reduction, expected: "'sum' or 'mean'" });
  }
  return reduction;
}

/** 1 for `sum`, 1/N for `mean` (N the rows of the batch). */
export const batchScale = (reduction: Reduction, output: R.Value): number =>
  reduction === 'sum' ? 1 : 1 / Math.max(1, R.shapeOf(output)[0] ?? 1);

/** Checks that targets and outputs are tensors (or a traced output) of one shape and dtype. */
export function checkPair(op: string, targets: unknown, value: unknown): void {
  const output = tensorBehind(value);
  if (output === undefined) throw new T.DTypeError({ op, argument: 'output', expected: 'a Tensor', actual: typeof value });
  if (!T.isTensor(targets)) throw new T.DTypeError({ op, argument: 'targets', expected: 'a Tensor', actual: typeof targets });
  if (targets.shape.length !== output.shape.length || targets.shape.some((d, i) => d !== output.shape[i])) {
    throw new T.ShapeError({ op, argument: 'targets', expected: output.shape, actual: targets.shape });
  }
  if (targets.dtype !== output.dtype) {
    throw new T.DTypeError({ op, argument: 'targets', expected: output.dtype, actual: targets.dtype });
  }
}

/** $t \ln a$ with $0 \ln a = 0$ (also for a = 0), as SciPy's `xlogy`; t is a constant. */
export const xlogy = (t: T.Tensor, a: R.Value): R.Value => R.where(T.equal(t, 0), 0, R.mul(t, R.log(a)));

/** A cost's value function for tensors and traced outputs alike. */
export const costValue = (f: (targets: T.Tensor, output: R.Value) => R.Value): CostValue => f as CostValue;
