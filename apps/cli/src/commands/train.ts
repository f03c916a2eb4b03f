/**
 * `theta train`: trains a network on a built-in data set or a CSV file, with a progress bar,
 * a final train/test table, `--save` and `--history`. Without `--data` it trains the course's
 * two problems, Franke regression and breast-cancer classification, one after the other.
 *
 * @module
 */
import type { Command } from 'commander';
import * as N from '@theta/nn';
import * as Tr from '@theta/train';
import { CliFailure, CliUsageError } from '../errors.js';
import { loadData } from '../experiment/data.js';
import { buildProblem, foldScaler, runKeys, type Problem } from '../experiment/problem.js';
import { trainProblem } from '../experiment/run.js';
import { defaultSources, resolveSettings, type Settings } from '../experiment/settings.js';
import { addTrainingOptions } from '../flags/options.js';
import { parseTrainingFlags, type TrainingFlagText } from '../flags/training.js';
import { line, type Io } from '../io.js';
import { checkWritable, writeText } from '../output/files.js';
import { historyCsv, historyPaths, historySvg } from '../output/history.js';
import { writeJson } from '../output/json.js';
import { createProgress } from '../output/progress.js';
import { formatRun, runJson, type RunReport } from '../output/report.js';

/** The raw options of `theta train`. */
interface TrainFlagText extends TrainingFlagText {
  readonly save?: string;
  readonly history?: string;
  readonly json?: boolean;
}

/** Help text after the flags: worked examples. */
const examples = `
Examples:
  theta train                                   Franke and breast cancer with the course's settings
  theta train --data franke --layers 50,50 --lambda 1e-4 --epochs 200
  theta train --data breast-cancer --optimiser sgd --lr 0.1 --schedule exponential:rate=0.95
  theta train --data my.csv --target price --save model.json --history loss.csv
  theta train --data digits --activation relu --json

Exit codes: 0 done, 1 training failed (e.g. diverged), 2 a bad flag, value or input file.
`;

/** `[1].W` → `layer 2 (W)`: the notes count layers from 1. */
export const layerOf = (path: string): string => {
  const match = /^\[(\d+)\]\.(W|b)/.exec(path);
  return match === null ? path : `layer ${Number(match[1]) + 1} (${match[2]}^${Number(match[1]) + 1})`;
};

/** Saves Θ (with the scaling folded in) as a model file. */
async function saveModel(path: string, problem: Problem, theta: N.Theta): Promise<void> {
  await writeText('--save', path, `${N.encode(problem.net, foldScaler(theta, problem.scaler))}\n`);
}

/** Trains one problem; on divergence saves the last good Θ if asked and fails with one line. */
async function trainOne(io: Io, settings: Settings, flags: TrainFlagText): Promise<RunReport> {
  const data = await loadData(settings.data, settings.dtype, runKeys(settings.seed).dataKey);
  const problem = buildProblem(settings, data);
  const progress = createProgress(io, {
    label: problem.name,
    total: problem.stepsPerEpoch * settings.epochs,
    epochs: settings.epochs,
    enabled: flags.json !== true,
  });
  let outcome;
  try {
    outcome = trainProblem(problem, settings, progress);
  } catch (error) {
    if (!Tr.NonFiniteTrainingError.is(error)) throw error;
    const saved = flags.save === undefined ? '' : `; saved the last good Θ (step ${error.lastGood.step}) to ${flags.save}`;
    if (flags.save !== undefined) await saveModel(flags.save, problem, error.lastGood.theta);
    const where = error.source === 'loss' ? 'the loss' : `the ${error.source} of ${layerOf(error.path)}`;
    throw new CliFailure(`training diverged at step ${error.step} (epoch ${error.epoch}): ${error.value} in ${where}${saved}; try a smaller --lr`);
  }
  const files: string[] = [];
  if (flags.save !== undefined) {
    await saveModel(flags.save, problem, outcome.result.state.theta);
    files.push(flags.save);
  }
  if (flags.history !== undefined) {
    const paths = historyPaths(flags.history);
    await writeText('--history', paths.csv, historyCsv(outcome.result.history));
    await writeText('--history', paths.svg, await historySvg(`${problem.name}: loss per epoch`, outcome.result.history));
    files.push(paths.csv, paths.svg);
  }
  return { problem, settings, outcome, files };
}

/** Adds the `train` command to the program. */
export function addTrainCommand(program: Command, io: Io): void {
  const command = program
    .command('train')
    .description('train a network and print its train/test metrics (no flags: Franke and breast cancer)');
  addTrainingOptions(command)
    .optionsGroup('Output:')
    .option('--save <file>', 'write the trained model as JSON (feature scaling folded into layer 1)')
    .option('--history <file>', 'write the loss per epoch as CSV and an SVG plot beside it')
    .option('--json', 'print the results as JSON (no progress bar)')
    .allowExcessArguments(true)
    .addHelpText('after', examples)
    .action(async (flags: TrainFlagText, self: Command) => {
      if (self.args.length > 0) {
        throw new CliUsageError({ flag: 'argument', value: self.args[0], expected: 'flags only, e.g. theta train --data franke', problem: `unexpected argument '${self.args[0]}'` });
      }
      const parsed = parseTrainingFlags(flags);
      if (parsed.data === undefined) {
        for (const flag of ['save', 'history'] as const) {
          const value = flags[flag];
          if (value !== undefined) {
            throw new CliUsageError({ flag: `--${flag}`, value, expected: '--data as well (without --data, theta train trains two models)', problem: `--${flag} needs one run` });
          }
        }
      }
      const runs = (parsed.data === undefined ? defaultSources : [parsed.data]).map((source) => resolveSettings(parsed, source));
      if (flags.save !== undefined) await checkWritable('--save', flags.save);
      if (flags.history !== undefined) await checkWritable('--history', flags.history);
      const reports: RunReport[] = [];
      for (const settings of runs) {
        const report = await trainOne(io, settings, flags);
        reports.push(report);
        if (flags.json !== true) line(io.stdout, `${reports.length > 1 ? '\n' : ''}${formatRun(report, io.color ?? io.isTTY)}`);
      }
      if (flags.json === true) writeJson(io.stdout, reports.length === 1 ? runJson(reports[0] as RunReport) : { runs: reports.map(runJson) });
    });
}
