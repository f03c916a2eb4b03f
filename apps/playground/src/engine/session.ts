/**
 * The training loop, one step at a time, as pure functions of immutable states: the worker
 * runs it, the bench times it, the unit tests check it. A step takes the next minibatch,
 * computes ∂C/∂Θ (δ-equations or reverse mode) and lets the optimiser update Θ.
 */
import * as D from '@theta/data';
import type * as N from '@theta/nn';
import * as O from '@theta/optim';
import * as T from '@theta/tensor';
import type { PlaygroundConfig } from '../state/config.js';
import { buildModel, type Model } from './model.js';
import { prepareProblem, type Problem } from './problem.js';

/** Where a run stands after some steps. Never mutated: each step returns a new one. */
export interface TrainingState {
  /** Steps taken so far. */
  readonly step: number;
  /** Θ = {W, b} per layer. */
  readonly theta: N.Theta;
  /** The optimiser's state (moments, counters). */
  readonly optState: T.TensorTree;
  /** C(Θ) on the last minibatch (NaN before the first step). */
  readonly batchLoss: number;
}

/** One minibatch: its row indices into the training set, inputs and targets. */
export interface Batch {
  /** Rows of the training set. */
  readonly indices: readonly number[];
  /** Inputs [B, n_0]. */
  readonly X: T.Tensor;
  /** Targets [B, n_L]. */
  readonly t: T.Tensor;
}

/** A configured run: the problem, the model and the minibatch order. */
export interface Session {
  /** The config it was built from. */
  readonly config: PlaygroundConfig;
  /** The prepared data. */
  readonly problem: Problem;
  /** Network, cost, gradients and optimiser. */
  readonly model: Model;
  /** Minibatches per epoch. */
  readonly batchesPerEpoch: number;
  /** The minibatch that step `step` (0-based) trains on. */
  readonly batchAt: (step: number) => Batch;
  /** Θ drawn from the seed, and the optimiser's initial state. */
  readonly init: () => TrainingState;
  /** One training step. */
  readonly step: (state: TrainingState) => TrainingState;
}

/** Builds a session; everything random in it comes from `config.dataSeed` and `config.seed`. */
export function createSession(config: PlaygroundConfig): Session {
  const problem = prepareProblem(config);
  const model = buildModel(config, problem);
  const [initKey, batchKey] = T.split(T.key(config.seed), 2) as [T.Key, T.Key];
  const rows = problem.XTrain.shape[0] as number;
  const batchSize = Math.min(config.batchSize, rows);
  const batchesPerEpoch = Math.ceil(rows / batchSize);
  // The order of an epoch is a pure function of its number; remember the current one only.
  let cached: { readonly epoch: number; readonly batches: readonly (readonly number[])[] } | undefined;
  const batchesOf = (epoch: number): readonly (readonly number[])[] => {
    if (cached?.epoch !== epoch) cached = { epoch, batches: D.shuffledBatches(T.foldIn(batchKey, epoch), rows, batchSize) };
    return cached.batches;
  };
  const batchAt = (step: number): Batch => {
    const indices = batchesOf(Math.floor(step / batchesPerEpoch))[step % batchesPerEpoch] as readonly number[];
    return { indices, X: T.gather(problem.XTrain, indices), t: T.gather(problem.tTrain, indices) };
  };
  const init = (): TrainingState => {
    const theta = model.net.init(initKey);
    return Object.freeze({ step: 0, theta, optState: model.optimiser.init(theta), batchLoss: Number.NaN });
  };
  const step = (state: TrainingState): TrainingState => {
    const batch = batchAt(state.step);
    const { loss, grads } = model.gradients(state.theta, batch.X, batch.t);
    if (!Number.isFinite(loss)) throw new T.NonFiniteError({ op: 'training', path: 'loss', value: loss, step: state.step + 1 });
    const [theta, optState] = O.step(model.optimiser, grads, state.optState, state.theta);
    return Object.freeze({ step: state.step + 1, theta, optState, batchLoss: loss });
  };
  return Object.freeze({ config, problem, model, batchesPerEpoch, batchAt, init, step });
}
