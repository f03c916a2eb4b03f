/**
 * Metrics for the training loop: built-in names or caller-supplied functions, resolved once.
 *
 * @module
 */
import * as T from '@theta/tensor';
import * as N from '@theta/nn';

/**
 * The built-in metrics: `accuracy` (classification; argmax of the output rows, or output > ½ —
 * > 0 for logits — with one output node), `mse` (mean squared error per element) and `r2`
 * (coefficient of determination, averaged over output columns).
 *
 * @since 0.1.0
 * @category Metrics
 * @example
 * ```ts
 * import * as Tr from '@theta/train';
 * const names: Tr.MetricName[] = ['mse', 'r2'];
 * console.log(names.every((n) => Tr.metricNames.includes(n))); // true
 * ```
 */
export type MetricName = 'accuracy' | 'mse' | 'r2';

/**
 * Every {@link MetricName}, for flag parsers and menus.
 *
 * @since 0.1.0
 * @category Metrics
 * @example
 * ```ts
 * import * as Tr from '@theta/train';
 * console.log(Tr.metricNames.join(', ')); // accuracy, mse, r2
 * ```
 */
export const metricNames: readonly MetricName[] = Object.freeze(['accuracy', 'mse', 'r2'] as const);

/**
 * A metric computed from the targets and the network output $a^L$ of a whole data set.
 *
 * @since 0.1.0
 * @category Metrics
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as Tr from '@theta/train';
 * const maxError: Tr.MetricFunction = (targets, output) => T.item(T.max(T.abs(T.sub(targets, output))));
 * console.log(maxError(T.tensor([[1], [2]]), T.tensor([[1.5], [2]]))); // 0.5
 * ```
 */
export type MetricFunction = (targets: T.Tensor, output: T.Tensor) => number;

/**
 * A named metric: the name is its key in every {@link Evaluation}'s `metrics` record.
 *
 * @since 0.1.0
 * @category Metrics
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as Tr from '@theta/train';
 * const mae: Tr.Metric = { name: 'mae', compute: (t, a) => T.item(T.mean(T.abs(T.sub(t, a)))) };
 * console.log(mae.compute(T.tensor([[0], [2]]), T.tensor([[1], [1]]))); // 1
 * ```
 */
export interface Metric {
  /** The key under which the value is reported (e.g. `mae`). */
  readonly name: string;
  /** Computes the value from targets and output, both as given to the cost. */
  readonly compute: MetricFunction;
}

/**
 * How a configuration names a metric: a built-in name, a {@link Metric}, or a bare function
 * (reported under the function's own name).
 *
 * @since 0.1.0
 * @category Metrics
 * @example
 * ```ts
 * import * as Tr from '@theta/train';
 * const specs: Tr.MetricSpec[] = ['accuracy', { name: 'zero', compute: () => 0 }];
 * console.log(specs.length); // 2
 * ```
 */
export type MetricSpec = MetricName | Metric | MetricFunction;

/**
 * The metrics that suit a cost: `['accuracy']` for the cross-entropies, `['mse', 'r2']` for MSE.
 *
 * @since 0.1.0
 * @category Metrics
 * @example
 * ```ts
 * import * as N from '@theta/nn';
 * import * as Tr from '@theta/train';
 * console.log(Tr.defaultMetrics(N.mse())); // [ 'mse', 'r2' ]
 * ```
 */
export function defaultMetrics(cost: N.Cost): readonly MetricName[] {
  return cost.name === 'mse' ? ['mse', 'r2'] : ['accuracy'];
}

const isMetricName = (value: unknown): value is MetricName => typeof value === 'string' && (metricNames as readonly string[]).includes(value);

/** A built-in metric as a {@link Metric}; `fromLogits` moves the one-node threshold to 0. */
function builtin(name: MetricName, fromLogits: boolean): Metric {
  switch (name) {
    case 'accuracy':
      return { name, compute: (t, a) => N.metrics.accuracy(t, a, { threshold: fromLogits ? 0 : 0.5 }) };
    case 'mse':
      return { name, compute: (t, a) => N.metrics.mse(t, a) };
    case 'r2':
      return { name, compute: (t, a) => N.metrics.r2(t, a) };
  }
}

/** Validates metric specs (throwing `DomainError` naming `metrics[i]`) and resolves them to {@link Metric}s. */
export function resolveMetrics(op: string, specs: unknown, cost: N.Cost): readonly Metric[] {
  if (specs === undefined) return [];
  if (!Array.isArray(specs)) {
    throw new T.DomainError({ op, parameter: 'metrics', value: specs, expected: 'an array of metric names, { name, compute } records or functions' });
  }
  const resolved = specs.map((spec: unknown, i): Metric => {
    if (isMetricName(spec)) return builtin(spec, cost.fromLogits);
    if (typeof spec === 'function' && spec.name !== '') return { name: spec.name, compute: spec as MetricFunction };
    if (typeof spec === 'object' && spec !== null) {
      const { name, compute } = spec as { name?: unknown; compute?: unknown };
      if (typeof name === 'string' && name !== '' && typeof compute === 'function') return { name, compute: compute as MetricFunction };
    }
    throw new T.DomainError({
      op,
      parameter: `metrics[${i}]`,
      value: typeof spec === 'function' ? 'an anonymous function' : spec,
      expected: `one of ${metricNames.map((n) => `'${n}'`).join(', ')}, a { name, compute } record or a named function`,
    });
  });
  const seen = new Set<string>();
  resolved.forEach((m, i) => {
    if (m.name === 'loss' || seen.has(m.name)) {
      throw new T.DomainError({ op, parameter: `metrics[${i}]`, value: m.name, expected: "a name used once and other than 'loss'" });
    }
    seen.add(m.name);
  });
  return Object.freeze(resolved);
}
