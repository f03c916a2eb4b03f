/**
 * `theta eval MODEL --data …`: loads a model file written by `theta train --save` and reports
 * its metrics on a data set (all of it, or the train or test part of the same seeded split
 * that training used).
 *
 * @module
 */
import type { Command } from 'commander';
import * as E from 'fp-ts/lib/Either.js';
import * as D from '@theta/data';
import * as N from '@theta/nn';
import * as T from '@theta/tensor';
import { CliUsageError } from '../errors.js';
import { loadData, readUserFile } from '../experiment/data.js';
import { runKeys, targetsFor, taskOf } from '../experiment/problem.js';
import { withDefaultNoise } from '../experiment/settings.js';
import { parseDataFlags, type DataFlagText } from '../flags/data.js';
import { addDataOptions } from '../flags/options.js';
import { trainingParsers } from '../flags/training.js';
import { optional, orThrow, parseChoice } from '../flags/values.js';
import { line, type Io } from '../io.js';
import { writeJson } from '../output/json.js';
import { formatNumber, renderTable } from '../output/table.js';

/** The raw options of `theta eval`. */
interface EvalFlagText extends DataFlagText {
  readonly split?: string;
  readonly seed?: string;
  readonly testFraction?: string;
  readonly json?: boolean;
}

/** Which rows to score. */
type SplitName = 'all' | 'train' | 'test';

/** Help text after the flags: worked examples. */
const examples = `
Examples:
  theta train --data breast-cancer --save model.json
  theta eval model.json --data breast-cancer --split test
  theta eval model.json --data my.csv --target label --task classification --json

The model reads raw features: theta train folds its feature scaling into the first layer.
`;

/** Reads and decodes a model file; a missing or corrupt file is a usage error naming MODEL. */
export async function readModel(path: string): Promise<N.Model> {
  const text = await readUserFile('MODEL', path, 'a model file written by theta train --save');
  const model = N.decode(text);
  if (E.isRight(model)) return model.right;
  const error = model.left;
  throw new CliUsageError({
    flag: 'MODEL',
    value: path,
    expected: `${error.expected}, as theta train --save writes`,
    problem: `bad model file '${path}': ${error.actual} at ${error.path}`,
  });
}

/** The scores of a model's outputs against targets: mse and r2, or accuracy. */
function scores(task: string, targets: T.Tensor, output: T.Tensor): Record<string, number> {
  if (task === 'regression') return { mse: N.metrics.mse(targets, output), r2: N.metrics.r2(targets, output) };
  return { accuracy: N.metrics.accuracy(targets, output) };
}

/** Adds the `eval` command to the program. */
export function addEvalCommand(program: Command, io: Io): void {
  const command = program
    .command('eval')
    .description('evaluate a saved model on a data set')
    .argument('<model>', 'a model file written by theta train --save');
  addDataOptions(command, true)
    .optionsGroup('Split:')
    .option('--split <part>', 'which rows to score: all, train or test (all)')
    .option('--seed <n>', 'the seed training used, for the data and the split (0)')
    .option('--test-fraction <f>', 'the test share training used, a number in (0, 1) (0.2)')
    .optionsGroup('Output:')
    .option('--json', 'print the scores as JSON')
    .allowExcessArguments(true)
    .addHelpText('after', examples)
    .action(async (path: string, flags: EvalFlagText, self: Command) => {
      if (self.args.length > 1) {
        throw new CliUsageError({ flag: 'MODEL', value: self.args[1], expected: 'one model file', problem: `unexpected argument '${self.args[1]}'` });
      }
      const source = parseDataFlags(flags);
      if (source === undefined) throw new CliUsageError({ flag: '--data', value: undefined, expected: 'the data set to evaluate on, e.g. --data breast-cancer' });
      const split = orThrow(optional(flags.split, (s) => parseChoice<SplitName>('--split', s, ['all', 'train', 'test']))) ?? 'all';
      const seed = orThrow(optional(flags.seed, trainingParsers.seed)) ?? 0;
      const testFraction = orThrow(optional(flags.testFraction, trainingParsers.testFraction)) ?? 0.2;
      const model = await readModel(path);
      const data = await loadData(withDefaultNoise(source), model.dtype, runKeys(seed).dataKey);
      const { task, classes } = taskOf(data);
      const features = data.X.shape[1] as number;
      const sizes = model.spec.sizes;
      if (sizes[0] !== features) {
        throw new CliUsageError({ flag: '--data', value: flags.data, expected: `a data set with ${sizes[0]} features, as the model's input layer (${data.name} has ${features})` });
      }
      const outputs = sizes[sizes.length - 1] as number;
      const targetColumns = data.y.shape[1] ?? 1;
      const fits = task === 'regression' ? outputs === targetColumns : outputs === classes || (classes === 2 && outputs === 1);
      if (!fits) {
        const what = task === 'regression' ? `regression with ${targetColumns} target column${targetColumns === 1 ? '' : 's'}` : `${classes} classes`;
        throw new CliUsageError({ flag: '--data', value: flags.data, expected: `a data set matching the model's ${outputs} outputs (${data.name} is ${what})` });
      }
      const rows = split === 'all' ? undefined : D.trainTestSplit(runKeys(seed).splitKey, data.X, data.y, { testFraction, stratify: task === 'classification' });
      const X = rows === undefined ? data.X : split === 'train' ? rows.XTrain : rows.XTest;
      const y = rows === undefined ? data.y : split === 'train' ? rows.yTrain : rows.yTest;
      const output = N.mlp(model.spec).apply(model.theta, X);
      const targets = task === 'regression' ? y : targetsFor(task, outputs === 1 ? 'binaryCrossEntropy' : 'categoricalCrossEntropy', outputs, y);
      const metrics = scores(task, targets, output);
      const confusion = task === 'classification' ? T.toNested(N.metrics.confusionMatrix(targets, output, { classes })) : undefined;
      const samples = X.shape[0] as number;
      if (flags.json === true) {
        writeJson(io.stdout, { model: path, network: model.spec, dtype: model.dtype, data: data.name, task, split, samples, metrics, ...(confusion === undefined ? {} : { confusionMatrix: confusion }) });
        return;
      }
      line(io.stdout, `model ${path}: ${sizes.join('-')} ${model.spec.activations.map((a) => (typeof a === 'string' ? a : a.name)).join(' → ')} (${model.dtype})`);
      line(io.stdout, `data ${data.name}: ${task}, ${split === 'all' ? 'all' : `the ${split} part of seed ${seed}:`} ${samples} samples\n`);
      line(io.stdout, renderTable(['metric', 'value'], Object.entries(metrics).map(([k, v]) => [k, formatNumber(v, 5)]), { align: ['left', 'right'] }));
      if (confusion !== undefined && classes <= 12) {
        const names = data.kind === 'classification' ? data.classNames : [];
        const matrix = confusion as number[][];
        line(io.stdout, `\nconfusion matrix (rows: true class, columns: predicted)`);
        line(io.stdout, renderTable(['', ...matrix.map((_, j) => names[j] ?? String(j))], matrix.map((row, i) => [names[i] ?? String(i), ...row.map(String)]), { align: ['left', ...matrix.map(() => 'right' as const)] }));
      }
    });
}
