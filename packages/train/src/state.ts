/**
 * The immutable values a training run produces: states, epoch records and the final result.
 *
 * @module
 */
import type * as T from '@theta/tensor';
import type * as N from '@theta/nn';
import type { Evaluation } from './evaluate.js';

/**
 * What one epoch achieved: the training loss and metrics, and the validation ones when there
 * is validation data.
 *
 * `train.loss` is the mean over the epoch's minibatches of the per-sample loss (each taken
 * before its update, weighted by batch size), as Keras reports it: free to compute.
 * `train.metrics` come from one pass over the whole training set with the epoch's final Θ
 * (only when metrics were asked for); `validation` is computed with that Θ too.
 *
 * @since 0.1.0
 * @category Training
 * @example
 * ```ts
 * import * as Tr from '@theta/train';
 * const record: Tr.EpochRecord = { epoch: 1, step: 10, train: { loss: 0.4, metrics: {} } };
 * console.log(record.validation === undefined); // true
 * ```
 */
export interface EpochRecord {
  /** The epoch, counted from 1. */
  readonly epoch: number;
  /** Optimiser steps taken by the end of this epoch. */
  readonly step: number;
  /** Loss and metrics on the training data. */
  readonly train: Evaluation;
  /** Loss and metrics on the validation data, when given. */
  readonly validation?: Evaluation;
}

/**
 * A snapshot of training after a minibatch or an epoch — immutable, so a caller can keep any
 * of them (to plot, animate or resume from).
 *
 * @since 0.1.0
 * @category Training
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as N from '@theta/nn';
 * import * as O from '@theta/optim';
 * import * as Tr from '@theta/train';
 * const net = N.mlp({ sizes: [1, 1], activations: ['identity'] });
 * const data = { X: T.tensor([[1], [2]]), T: T.tensor([[2], [4]]) };
 * for (const s of Tr.steps({ net, cost: N.mse(), optimiser: O.sgd(0.05), epochs: 2, key: T.key(1), data, report: 'step' })) {
 *   console.log(s.step, s.epoch, s.batch, s.loss.toFixed(3), s.metrics !== undefined);
 * }
 * ```
 */
export interface TrainState {
  /** Optimiser steps (minibatch updates) taken so far. */
  readonly step: number;
  /** The epoch of the last step, counted from 1. */
  readonly epoch: number;
  /** The minibatch of the last step within its epoch, counted from 1. */
  readonly batch: number;
  /** Minibatches per epoch. */
  readonly batches: number;
  /** Θ after the last step. */
  readonly theta: N.Theta;
  /** The optimiser's state after the last step. */
  readonly optState: T.TensorTree;
  /** The run's batch key: epoch e's batches come from `foldIn(key, e)`. */
  readonly key: T.Key;
  /** The per-sample loss of the last minibatch (before its update); for a state that closes an epoch, the epoch's `train.loss`. */
  readonly loss: number;
  /** The epoch's record on the state that closes an epoch; `undefined` on the others. */
  readonly metrics: EpochRecord | undefined;
}

/**
 * Why a run ended: all epochs done, or early stopping.
 *
 * @since 0.1.0
 * @category Training
 * @example
 * ```ts
 * import * as Tr from '@theta/train';
 * const reason: Tr.StopReason = 'earlyStopping';
 * console.log(reason); // earlyStopping
 * ```
 */
export type StopReason = 'completed' | 'earlyStopping';

/**
 * The outcome of a run: the final state, one record per epoch, and why it stopped.
 *
 * With early stopping and `restoreBest` (the default), `state` is the state that closed the
 * best epoch (its Θ, optimiser state, step and epoch), while `history` holds every epoch run.
 *
 * @since 0.1.0
 * @category Training
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as N from '@theta/nn';
 * import * as O from '@theta/optim';
 * import * as Tr from '@theta/train';
 * const net = N.mlp({ sizes: [1, 1], activations: ['identity'] });
 * const data = { X: T.tensor([[1], [2]]), T: T.tensor([[2], [4]]) };
 * const result: Tr.FitResult = Tr.fit({ net, cost: N.mse(), optimiser: O.sgd(0.05), epochs: 4, key: T.key(0), data });
 * const falling = result.history.every((r, i, h) => i === 0 || r.train.loss < h[i - 1]!.train.loss);
 * console.log(result.stopped, falling); // completed true
 * ```
 */
export interface FitResult {
  /** The final state (the best epoch's, when early stopping restored it). */
  readonly state: TrainState;
  /** One record per epoch run, in order. */
  readonly history: readonly EpochRecord[];
  /** Whether the run went through all epochs or stopped early. */
  readonly stopped: StopReason;
  /** The epoch early stopping judged best (`undefined` without early stopping). */
  readonly bestEpoch: number | undefined;
}
