/**
 * The results of a training run, for people (a summary and a train/test table) and for
 * machines (`--json`).
 *
 * @module
 */
import type * as N from '@theta/nn';
import type * as Tr from '@theta/train';
import pc from 'picocolors';
import type { RunOutcome } from '../experiment/run.js';
import type { Problem } from '../experiment/problem.js';
import type { Settings } from '../experiment/settings.js';
import { formatNumber, renderTable } from './table.js';

/** Everything reported about one run. */
export interface RunReport {
  /** The built problem. */
  readonly problem: Problem;
  /** Its settings. */
  readonly settings: Settings;
  /** The outcome. */
  readonly outcome: RunOutcome;
  /** Files written (model, history CSV and SVG). */
  readonly files: readonly string[];
}

/** `1 epoch`, `2 epochs`. */
const count = (n: number, noun: string, plural = `${noun}s`): string => `${n} ${n === 1 ? noun : plural}`;

/** An activation as written on the command line. */
const activationText = (a: N.ActivationSpec): string => (typeof a === 'string' ? a : a.alpha === undefined ? a.name : `${a.name}:${a.alpha}`);

/** One line describing the network and its training. */
export function describeRun(problem: Problem, settings: Settings): string {
  const spec = problem.net.spec;
  const hidden = spec.activations.length > 1 ? `${activationText(spec.activations[0] as N.ActivationSpec)} → ` : '';
  const output = activationText(spec.activations[spec.activations.length - 1] as N.ActivationSpec);
  const schedule = settings.schedule.name === 'constant' ? '' : ` (${settings.schedule.name} schedule)`;
  const penalty = settings.lambda === 0 ? 'no penalty' : `λ = ${settings.lambda} (${settings.penalty})`;
  return [
    `network ${spec.sizes.join('-')} ${hidden}${output}, cost ${problem.cost.name}, ${penalty}`,
    `${settings.optimiser} η = ${settings.learningRate}${schedule}, ${count(settings.epochs, 'epoch')} × ${count(problem.stepsPerEpoch, 'batch', 'batches')} of ${problem.batchSize}, seed ${settings.seed}, ${settings.dtype}, ${settings.gradient}`,
  ].join('\n');
}

/** The train/test table: loss and every metric. */
export function metricsTable(train: Tr.Evaluation, test: Tr.Evaluation, color: boolean): string {
  const colors = pc.createColors(color);
  const names = Object.keys(train.metrics);
  const row = (label: string, e: Tr.Evaluation): string[] => [label, formatNumber(e.loss, 5), ...names.map((m) => formatNumber(e.metrics[m] as number, 5))];
  return renderTable(['', 'loss', ...names], [row('train', train), row('test', test)], {
    align: ['left', 'right', ...names.map(() => 'right' as const)],
    paintHeader: colors.bold,
    paint: (text, r, c) => (c === 0 ? text : r === 1 ? colors.green(text) : text),
  });
}

/** The report of one run as text. */
export function formatRun(report: RunReport, color: boolean): string {
  const { problem, settings, outcome } = report;
  const colors = pc.createColors(color);
  const nTrain = problem.train.X.shape[0] as number;
  const nTest = problem.test.X.shape[0] as number;
  const classes = problem.task === 'classification' ? `, ${problem.classes} classes` : '';
  const stopped = outcome.result.stopped === 'earlyStopping' ? ` (stopped early; kept Θ of the best epoch, ${outcome.result.bestEpoch})` : '';
  return [
    colors.bold(`${problem.name}: ${problem.task}${classes}, ${nTrain} train / ${nTest} test samples`),
    describeRun(problem, settings),
    `trained ${count(outcome.result.history.length, 'epoch')}, ${count(outcome.result.state.step, 'step')}${stopped}`,
    '',
    metricsTable(outcome.train, outcome.test, color),
    ...report.files.map((file) => `wrote ${file}`),
  ].join('\n');
}

/** Loss and metrics flattened into one record. */
const flat = (e: Tr.Evaluation | undefined): Record<string, number> => (e === undefined ? {} : { loss: e.loss, ...e.metrics });

/** The report of one run as plain data for `--json`. */
export function runJson(report: RunReport): Record<string, unknown> {
  const { problem, settings, outcome } = report;
  return {
    data: problem.name,
    task: problem.task,
    ...(problem.task === 'classification' ? { classes: problem.classes } : {}),
    samples: { train: problem.train.X.shape[0], test: problem.test.X.shape[0] },
    network: problem.net.spec,
    cost: problem.cost.name,
    settings,
    epochs: outcome.result.history.length,
    steps: outcome.result.state.step,
    stopped: outcome.result.stopped,
    ...(outcome.result.bestEpoch === undefined ? {} : { bestEpoch: outcome.result.bestEpoch }),
    train: flat(outcome.train),
    test: flat(outcome.test),
    history: outcome.result.history.map((r) => ({ epoch: r.epoch, step: r.step, train: flat(r.train), test: flat(r.validation) })),
    files: report.files,
  };
}
