/**
 * What a training run needs: the network, cost, optimiser, data and schedule of epochs.
 *
 * @module
 */
import type * as T from '@theta/tensor';
import type * as N from '@theta/nn';
import type * as O from '@theta/optim';
import type { MetricSpec } from './metrics.js';

/**
 * Inputs and targets: X is $[N, n_0]$; T is in the form the cost takes — $[N, n_L]$ (one-hot
 * rows for a softmax output), or class labels $[N]$ with categorical cross-entropy.
 *
 * @since 0.1.0
 * @category Training
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as Tr from '@theta/train';
 * const data: Tr.Data = { X: T.tensor([[0, 1], [1, 0]]), T: T.tensor([[1], [0]]) };
 * console.log(data.X.shape, data.T.shape); // [ 2, 2 ] [ 2, 1 ]
 * ```
 */
export interface Data {
  /** Inputs, one row per sample: $[N, n_0]$. */
  readonly X: T.Tensor;
  /** Targets t, in the network output's form: $[N, n_L]$ (or labels $[N]$ for categorical cross-entropy). */
  readonly T: T.Tensor;
}

/**
 * How the gradient $\partial C / \partial \Theta$ is computed: `backprop`, the notes'
 * δ-equations written out (`N.backprop`), or `reverse`, reverse-mode autodiff over the
 * recorded Wengert list (`N.reverseGrad`). Both give the same gradients up to rounding.
 *
 * @since 0.1.0
 * @category Training
 * @example
 * ```ts
 * import * as Tr from '@theta/train';
 * const sources: Tr.GradientSource[] = ['backprop', 'reverse'];
 * console.log(sources.length); // 2
 * ```
 */
export type GradientSource = 'backprop' | 'reverse';

/**
 * How minibatches are drawn each epoch: `shuffle` visits every sample once per epoch in a
 * fresh random order; `replacement` draws ⌈N / batchSize⌉ batches with replacement, as the
 * notes' stochastic gradient descent does.
 *
 * @since 0.1.0
 * @category Training
 * @example
 * ```ts
 * import * as Tr from '@theta/train';
 * const sampling: Tr.Sampling = 'replacement';
 * console.log(sampling); // replacement
 * ```
 */
export type Sampling = 'shuffle' | 'replacement';

/**
 * Early stopping: stop when the monitored value has not improved by more than `minDelta` for
 * `patience` epochs in a row, and (by default) hand back the Θ of the best epoch.
 *
 * `monitor` names the value: `'loss'` or a metric name for the training set, `'validation.loss'`
 * or `'validation.<metric>'` for the validation set. By default `'validation.loss'` when there
 * is validation data, else `'loss'`. `mode` says whether smaller or larger is better; by default
 * larger for `accuracy` and `r2`, smaller for everything else.
 *
 * @since 0.1.0
 * @category Training
 * @example
 * ```ts
 * import * as Tr from '@theta/train';
 * const stop: Tr.EarlyStopping = { patience: 5, minDelta: 1e-4, monitor: 'validation.accuracy' };
 * console.log(stop.patience); // 5
 * ```
 */
export interface EarlyStopping {
  /** Epochs without improvement before stopping: an integer ≥ 1. */
  readonly patience: number;
  /** The least change that counts as an improvement, ≥ 0; 0 when absent. */
  readonly minDelta?: number;
  /** Hand back the Θ (and optimiser state) of the best epoch rather than the last; `true` when absent. */
  readonly restoreBest?: boolean;
  /** The value watched: `loss`, a metric name, `validation.loss` or `validation.<metric>`. */
  readonly monitor?: string;
  /** `min` when smaller is better, `max` when larger is; chosen from `monitor` when absent. */
  readonly mode?: 'min' | 'max';
}

/**
 * A training run, as plain data. Only `net`, `cost`, `optimiser`, `epochs`, `key` and `data`
 * are required.
 *
 * Keys: `key` is split once, `[initKey, batchKey] = split(key)`. Θ is `net.init(initKey,
 * { dtype })` unless `theta` is given; epoch e (1-based) draws its batches from
 * `foldIn(batchKey, e)`. So the same key gives bit-identical runs, and runs with different
 * epochs or batch sizes still start from the same Θ.
 *
 * @since 0.1.0
 * @category Training
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as N from '@theta/nn';
 * import * as O from '@theta/optim';
 * import * as Tr from '@theta/train';
 * const config: Tr.TrainConfig = {
 *   net: N.mlp({ sizes: [1, 4, 1], activations: ['tanh', 'identity'] }),
 *   cost: N.mse({ reduction: 'mean' }),
 *   optimiser: O.adam(0.05),
 *   epochs: 3,
 *   batchSize: 2,
 *   key: T.key(0),
 *   data: { X: T.tensor([[0], [0.5], [1]]), T: T.tensor([[0], [0.25], [1]]) },
 * };
 * console.log(Tr.fit(config).history.length); // 3
 * ```
 */
export interface TrainConfig {
  /** The network: an `N.mlp(...)`. */
  readonly net: N.Mlp;
  /** The cost $C$ (`N.mse()`, `N.binaryCrossEntropy()`, `N.categoricalCrossEntropy()`, …). */
  readonly cost: N.Cost;
  /** λ of the notes' $\lambda \lVert W \rVert_2^2$ (weights only), or any `@theta/nn` penalty; none when absent. */
  readonly penalty?: number | N.Penalty;
  /**
   * The gradient method and learning rate: any `@theta/optim` transformation. Each step's
   * gradient and optimiser update run in one resident scope (`T.resident`), so a transformation
   * of your own, like all code, must not write into the tensors it is given.
   */
  readonly optimiser: O.GradientTransformation<any>;
  /** Passes over the training data: an integer ≥ 1. */
  readonly epochs: number;
  /** Samples per minibatch, an integer ≥ 1 (capped at N); the whole set (plain gradient descent) when absent. */
  readonly batchSize?: number;
  /** How batches are drawn; `shuffle` when absent. */
  readonly sampling?: Sampling;
  /** Yield a state after every minibatch (`step`) or only at the end of each epoch (`epoch`, the default). */
  readonly report?: 'step' | 'epoch';
  /** The PRNG key of the run (see above for how it is split). */
  readonly key: T.Key;
  /** Initial Θ; `net.init(initKey, { dtype })` in the data's dtype when absent. */
  readonly theta?: N.Theta;
  /** Initial optimiser state (to resume a run); `optimiser.init(Θ)` when absent. */
  readonly optState?: T.TensorTree;
  /** The training data. */
  readonly data: Data;
  /** Held-out data evaluated at the end of every epoch. */
  readonly validation?: Data;
  /** Metrics reported each epoch for the training set (full pass) and validation set. */
  readonly metrics?: readonly MetricSpec[];
  /** Stop early when the monitored value stalls. */
  readonly earlyStopping?: EarlyStopping;
  /** Where gradients come from; `backprop` when absent. */
  readonly gradient?: GradientSource;
}

/** The keys a {@link TrainConfig} may have (anything else is a typo and a `DomainError`). */
export const configKeys: readonly (keyof TrainConfig)[] = [
  'net', 'cost', 'penalty', 'optimiser', 'epochs', 'batchSize', 'sampling', 'report', 'key',
  'theta', 'optState', 'data', 'validation', 'metrics', 'earlyStopping', 'gradient',
];
