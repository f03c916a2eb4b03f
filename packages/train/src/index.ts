/**
 * # @theta/train
 *
 * The training loop of the lecture notes — feed forward, back propagate, step, repeat — as a
 * sequence of immutable states. {@link steps} yields `{ step, epoch, theta, optState, key,
 * loss, metrics }` after every minibatch or epoch, so a caller can draw progress or animate;
 * {@link fit} runs it to the end and returns the final state and the history;
 * {@link gridSearch} trains one network per pair of hyperparameters and tabulates the final
 * train and test scores, the course's η × λ heatmaps.
 *
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as N from '@theta/nn';
 * import * as O from '@theta/optim';
 * import * as D from '@theta/data';
 * import * as Tr from '@theta/train';
 * const [splitKey, trainKey] = T.split(T.key(0));
 * const franke = D.franke(T.key(1), { n: 400, noise: 0.1 });
 * const { XTrain, XTest, yTrain, yTest } = D.trainTestSplit(splitKey, franke.X, franke.y);
 * const { state, history } = Tr.fit({
 *   net: N.mlp({ sizes: [2, 50, 50, 1], activations: { hidden: 'sigmoid', output: 'identity' } }),
 *   cost: N.mse({ reduction: 'mean' }), penalty: 1e-4,           // C(Θ) = ‖t − a^L‖² / N + λ‖W‖²
 *   optimiser: O.adam(0.01), epochs: 100, batchSize: 32, key: trainKey,
 *   data: { X: XTrain, T: yTrain }, validation: { X: XTest, T: yTest }, metrics: ['mse', 'r2'],
 *   earlyStopping: { patience: 10 },
 * });
 * ```
 *
 * The same key gives a bit-identical run (see {@link TrainConfig} for how it is split). A bad
 * configuration is a `DomainError` (or `ShapeError`) naming the field before any work; a step
 * that produces NaN or ±∞ stops with a {@link NonFiniteTrainingError} naming the step and the
 * first non-finite layer, carrying the last good state.
 *
 * @packageDocumentation
 */
export type { Data, GradientSource, Sampling, EarlyStopping, TrainConfig } from './config.js';
export type { TrainState, EpochRecord, FitResult, StopReason } from './state.js';
export { steps } from './steps.js';
export { fit } from './fit.js';
export { NonFiniteTrainingError } from './errors.js';
export type { NonFiniteSource } from './errors.js';

export { evaluate } from './evaluate.js';
export type { Evaluation, EvaluateOptions } from './evaluate.js';
export { metricNames, defaultMetrics } from './metrics.js';
export type { MetricName, Metric, MetricFunction, MetricSpec } from './metrics.js';

export { gridSearch } from './grid-search.js';
export type { GridAxis, GridScore, GridCell, GridSearchOptions, GridTable } from './grid-search.js';

export { leastSquares } from './least-squares.js';
export type { LeastSquaresOptions } from './least-squares.js';
export { targetsFor } from './targets.js';
