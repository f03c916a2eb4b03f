/**
 * Runs one training on a built problem through @theta/train's `steps`, drawing the progress
 * bar from the states it yields, and scores the final Θ on both parts.
 *
 * @module
 */
import * as Tr from '@theta/train';
import type { Progress } from '../output/progress.js';
import { formatNumber } from '../output/table.js';
import type { Problem } from './problem.js';
import type { Settings } from './settings.js';

/** A finished run: the fit and the final scores. */
export interface RunOutcome {
  /** What `fit` returns: the final state, the history, why it stopped. */
  readonly result: Tr.FitResult;
  /** Loss and metrics of the final Θ on the training part (a full pass). */
  readonly train: Tr.Evaluation;
  /** Loss and metrics of the final Θ on the test part. */
  readonly test: Tr.Evaluation;
}

/** The @theta/train config of a problem: the test part is the validation data. */
export function configOf(problem: Problem, settings: Settings, report: 'step' | 'epoch'): Tr.TrainConfig {
  return {
    net: problem.net,
    cost: problem.cost,
    penalty: problem.penalty,
    optimiser: problem.optimiser,
    epochs: settings.epochs,
    batchSize: problem.batchSize,
    key: problem.trainKey,
    data: problem.train,
    validation: problem.test,
    metrics: problem.metrics,
    gradient: settings.gradient,
    report,
    ...(settings.patience === undefined ? {} : { earlyStopping: { patience: settings.patience, monitor: 'validation.loss', restoreBest: true } }),
  };
}

/** The note the bar shows once an epoch has closed: the first metric on the test part. */
function noteOf(record: Tr.EpochRecord | undefined, metric: string): string | undefined {
  const value = record?.validation?.metrics[metric];
  return value === undefined ? undefined : `test ${metric} ${formatNumber(value, 4)}`;
}

/** Scores Θ on a part with the run's cost, penalty and metrics. */
export function score(problem: Problem, theta: Tr.TrainState['theta'], part: Problem['train']): Tr.Evaluation {
  return Tr.evaluate(problem.net, theta, part.X, part.T, { cost: problem.cost, penalty: problem.penalty, metrics: problem.metrics });
}

/**
 * Trains to the end, updating `progress` after every step. A `NonFiniteTrainingError` flies
 * through (with the last good state) for the caller to report.
 */
export function trainProblem(problem: Problem, settings: Settings, progress: Progress): RunOutcome {
  const run = Tr.steps(configOf(problem, settings, 'step'));
  const metric = problem.metrics[0] ?? 'loss';
  try {
    for (;;) {
      const next = run.next();
      if (next.done === true) {
        const result = next.value;
        return { result, train: score(problem, result.state.theta, problem.train), test: score(problem, result.state.theta, problem.test) };
      }
      const state = next.value;
      const note = noteOf(state.metrics, metric);
      progress.update({ step: state.step, epoch: state.epoch, loss: state.loss, ...(note === undefined ? {} : { note }) });
    }
  } finally {
    progress.stop();
  }
}
