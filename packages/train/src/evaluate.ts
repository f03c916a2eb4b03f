/**
 * How well Θ does on a data set: the loss per sample and the metrics.
 *
 * @module
 */
import * as T from '@theta/tensor';
import * as N from '@theta/nn';
import { resolveMetrics, type MetricSpec } from './metrics.js';

/**
 * The loss and metrics of Θ on one data set.
 *
 * `loss` is the cost per sample plus the penalty, $\frac1N \sum_n C_n + \lambda R(\Theta)$,
 * whatever the cost's reduction, so that numbers compare across batch sizes and between the
 * training and validation sets.
 *
 * @since 0.1.0
 * @category Evaluation
 * @example
 * ```ts
 * import * as Tr from '@theta/train';
 * const e: Tr.Evaluation = { loss: 0.12, metrics: { accuracy: 0.97 } };
 * console.log(e.metrics['accuracy']); // 0.97
 * ```
 */
export interface Evaluation {
  /** $\frac1N \sum_n C_n + \lambda R(\Theta)$: the cost per sample plus the penalty. */
  readonly loss: number;
  /** Each requested metric by name (empty when none was asked for). */
  readonly metrics: Readonly<Record<string, number>>;
}

/**
 * Options of {@link evaluate}.
 *
 * @since 0.1.0
 * @category Evaluation
 * @example
 * ```ts
 * import * as N from '@theta/nn';
 * import * as Tr from '@theta/train';
 * const options: Tr.EvaluateOptions = { cost: N.mse(), penalty: 1e-4, metrics: ['r2'] };
 * console.log(options.metrics); // [ 'r2' ]
 * ```
 */
export interface EvaluateOptions {
  /** The cost $C$ (as used in training). */
  readonly cost: N.Cost;
  /** λ of an L2 penalty on the weights, or any `@theta/nn` penalty; none when absent. */
  readonly penalty?: number | N.Penalty;
  /** Metrics to compute: built-in names, {@link Metric} records or named functions. */
  readonly metrics?: readonly MetricSpec[];
}

/** A penalty from a λ (L2 on the weights) or a Penalty record; `noPenalty` when absent. */
export function resolvePenalty(op: string, penalty: unknown): N.Penalty {
  if (penalty === undefined || penalty === 0) return N.noPenalty;
  if (typeof penalty === 'number') {
    if (!Number.isFinite(penalty) || penalty < 0) {
      throw new T.DomainError({ op, parameter: 'penalty', value: penalty, expected: 'λ ≥ 0 (a finite number) or a penalty from @theta/nn' });
    }
    return N.l2(penalty);
  }
  const p = penalty as Partial<N.Penalty> | null;
  if (typeof p !== 'object' || p === null || typeof p.value !== 'function' || typeof p.gradient !== 'function' || typeof p.lambda !== 'number') {
    throw new T.DomainError({ op, parameter: 'penalty', value: penalty, expected: 'λ ≥ 0 (a finite number) or a penalty from @theta/nn' });
  }
  return penalty as N.Penalty;
}

/** λR(Θ) as a number (0 without a penalty). */
export const penaltyValue = (penalty: N.Penalty, theta: N.Theta): number =>
  penalty.lambda === 0 ? 0 : T.item(penalty.value(theta));

/**
 * $\frac1N \sum_n C_n$ and the output $a^L$. Where the output activation and the cost cancel
 * (sigmoid + binary, softmax + categorical cross-entropy) the cost is computed from $z^L$, as
 * backprop does, so a saturated output gives a large finite loss rather than ∞.
 */
export function costPerSample(net: N.Mlp, cost: N.Cost, theta: N.Theta, X: T.Tensor, targets: T.Tensor): { readonly cost: number; readonly output: T.Tensor } {
  const layers = net.forward(theta, X);
  const { z, a } = layers[layers.length - 1]!;
  const n = X.shape[0] as number;
  const sigma = net.activations[net.activations.length - 1]!.name;
  let total: number;
  if (!cost.fromLogits && sigma === 'sigmoid' && cost.name === 'binaryCrossEntropy') {
    total = T.item(T.sum(T.sub(T.softplus(z), T.mul(targets, z))));
  } else if (!cost.fromLogits && sigma === 'softmax' && cost.name === 'categoricalCrossEntropy') {
    const t = targets.shape.length === 1 ? N.oneHot(targets, a.shape[1] as number, { dtype: a.dtype }) : targets;
    total = -T.item(T.sum(T.mul(t, T.logSoftmax(z))));
  } else {
    total = T.item(cost.value(targets, a)) * (cost.reduction === 'mean' ? n : 1);
  }
  return { cost: total / n, output: a };
}

/**
 * Evaluates Θ on inputs X [N, n_0] and targets (in the form the cost takes): the loss per
 * sample plus the penalty, and the requested metrics. Pure: nothing is mutated.
 *
 * @since 0.1.0
 * @category Evaluation
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as N from '@theta/nn';
 * import * as Tr from '@theta/train';
 * const net = N.mlp({ sizes: [1, 1], activations: ['identity'] });
 * const theta = [{ W: T.tensor([[2]]), b: T.tensor([0]) }];                // a = 2x
 * const X = T.tensor([[1], [2]]);
 * const e = Tr.evaluate(net, theta, X, T.tensor([[2], [5]]), { cost: N.mse(), metrics: ['mse'] });
 * console.log(e.loss, e.metrics['mse']); // 0.5 0.5
 * ```
 */
export function evaluate(net: N.Mlp, theta: N.Theta, X: T.Tensor, targets: T.Tensor, options: EvaluateOptions): Evaluation {
  const op = 'evaluate';
  if (typeof options !== 'object' || options === null || typeof options.cost?.value !== 'function') {
    throw new T.DomainError({ op, parameter: 'cost', value: options?.cost, expected: 'a cost from @theta/nn (mse(), binaryCrossEntropy(), …)' });
  }
  const metrics = resolveMetrics(op, options.metrics, options.cost);
  const penalty = resolvePenalty(op, options.penalty);
  return evaluateResolved(net, options.cost, penalty, metrics, theta, X, targets);
}

/** {@link evaluate} with validated, resolved options (what the training loop calls). */
export function evaluateResolved(
  net: N.Mlp,
  cost: N.Cost,
  penalty: N.Penalty,
  metrics: readonly { readonly name: string; readonly compute: (t: T.Tensor, a: T.Tensor) => number }[],
  theta: N.Theta,
  X: T.Tensor,
  targets: T.Tensor,
): Evaluation {
  const { cost: perSample, output } = costPerSample(net, cost, theta, X, targets);
  const values: Record<string, number> = {};
  for (const m of metrics) values[m.name] = m.compute(targets, output);
  return Object.freeze({ loss: perSample + penaltyValue(penalty, theta), metrics: Object.freeze(values) });
}
