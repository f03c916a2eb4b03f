/**
 * `theta grid --rows lr=… --columns lambda=…`: trains one network per pair of values of two
 * hyperparameters (with @theta/train's `gridSearch`), prints the test and train scores as
 * coloured tables and writes them as CSV and an SVG heatmap.
 *
 * @module
 */
import type { Command } from 'commander';
import type * as D from '@theta/data';
import * as Tr from '@theta/train';
import { CliUsageError } from '../errors.js';
import { loadData } from '../experiment/data.js';
import { buildProblem, runKeys, taskOf } from '../experiment/problem.js';
import { configOf } from '../experiment/run.js';
import { presetOf, resolveSettings, type Settings } from '../experiment/settings.js';
import { axisNames, cellFlags, parseAxes, type AxisName, type AxisValue } from '../flags/grid.js';
import { addTrainingOptions } from '../flags/options.js';
import { parseTrainingFlags, type TrainingFlagText } from '../flags/training.js';
import { optional, orThrow, parseChoice } from '../flags/values.js';
import { line, type Io } from '../io.js';
import { checkWritable, writeText } from '../output/files.js';
import { formatHeatmap, heatmapCsv, heatmapSvg, type GridOutcome } from '../output/heatmap.js';
import { writeJson } from '../output/json.js';
import { createCellProgress } from '../output/progress.js';
import { formatNumber } from '../output/table.js';

/** The raw options of `theta grid`. */
interface GridFlagText extends TrainingFlagText {
  readonly rows?: string;
  readonly columns?: string;
  readonly metric?: string;
  readonly out?: string;
  readonly json?: boolean;
}

/** The scores a grid can report. */
type MetricName = 'loss' | 'mse' | 'r2' | 'accuracy';

/** Help text after the flags: worked examples. */
const examples = `
Examples:
  theta grid --rows lr=0.001,0.01,0.1 --columns lambda=0,1e-4,1e-2
  theta grid --data breast-cancer --rows depth=1,2,3 --columns width=8,32 --epochs 20
  theta grid --data digits --rows optimiser=sgd,adam --columns lr=0.01,0.1 --metric loss --out runs/digits

Without --data the grid runs on franke. Each cell trains with the other flags (and the data
set's preset); the score is the chosen metric after the last epoch.
`;

/** A usage error when the metric does not fit the task. */
function checkMetric(metric: MetricName, task: string, text: string): void {
  const fits = metric === 'loss' || (task === 'regression' ? metric === 'mse' || metric === 'r2' : metric === 'accuracy');
  if (!fits) throw new CliUsageError({ flag: '--metric', value: text, expected: task === 'regression' ? 'loss, mse or r2 for a regression data set' : 'loss or accuracy for a classification data set' });
}

/** Adds the `grid` command to the program. */
export function addGridCommand(program: Command, io: Io): void {
  const command = program.command('grid').description('grid-search two hyperparameters and print the heatmap of their scores');
  command
    .optionsGroup('Grid:')
    .option('--rows <name=values>', `the hyperparameter down the rows and its values, e.g. lr=0.001,0.01,0.1 (${axisNames.join(', ')})`)
    .option('--columns <name=values>', 'the hyperparameter across the columns and its values, e.g. lambda=0,1e-4,1e-2')
    .option('--metric <name>', 'the score: loss, mse, r2 or accuracy (mse for regression, accuracy for classification)');
  addTrainingOptions(command)
    .optionsGroup('Output:')
    .option('--out <prefix>', 'write PREFIX.csv and PREFIX.svg (grid)')
    .option('--json', 'print the grid as JSON (no progress bar)')
    .allowExcessArguments(true)
    .addHelpText('after', examples)
    .action(async (flags: GridFlagText, self: Command) => {
      if (self.args.length > 0) {
        throw new CliUsageError({ flag: 'argument', value: self.args[0], expected: 'flags only, e.g. theta grid --rows lr=0.01,0.1 --columns lambda=0,1e-3', problem: `unexpected argument '${self.args[0]}'` });
      }
      const parsed = parseTrainingFlags(flags);
      const { rows, columns } = parseAxes(flags.rows, flags.columns, parsed);
      const metricChoice = orThrow(optional(flags.metric, (s) => parseChoice<MetricName>('--metric', s, ['loss', 'mse', 'r2', 'accuracy'])));
      const source = parsed.data ?? { kind: 'builtin', name: 'franke' };
      const base = resolveSettings(parsed, source);
      const defaultLayers = presetOf(source).layers ?? base.layers;
      const settingsOf = (row: AxisValue, column: AxisValue): Settings =>
        resolveSettings(cellFlags(parsed, [[rows.name, row], [columns.name, column]] as [AxisName, AxisValue][], defaultLayers), source);
      // Every cell's settings are checked before the first one trains.
      rows.values.forEach((r) => columns.values.forEach((c) => settingsOf(r, c)));
      const out = flags.out ?? 'grid';
      await checkWritable('--out', `${out}.csv`);

      const datasets = new Map<string, Promise<D.Dataset>>();
      const dataFor = (s: Settings): Promise<D.Dataset> => {
        const key = `${s.seed}/${s.dtype}`;
        if (!datasets.has(key)) datasets.set(key, loadData(s.data, s.dtype, runKeys(s.seed).dataKey));
        return datasets.get(key) as Promise<D.Dataset>;
      };
      const first = await dataFor(base);
      const { task } = taskOf(first);
      const metric: MetricName = metricChoice ?? (task === 'regression' ? 'mse' : 'accuracy');
      checkMetric(metric, task, flags.metric ?? metric);
      // Data sets for every seed on the grid, loaded up front (gridSearch's run is synchronous).
      const cells = rows.values.flatMap((r) => columns.values.map((c) => settingsOf(r, c)));
      const loaded = new Map<string, D.Dataset>();
      for (const s of cells) loaded.set(`${s.seed}/${s.dtype}`, await dataFor(s));

      const progress = createCellProgress(io, cells.length, flags.json !== true);
      let done = 0;
      const table = (() => {
        try {
          return Tr.gridSearch<AxisValue, AxisValue>({
            rows: { name: rows.name, values: rows.values },
            columns: { name: columns.name, values: columns.values },
            metric,
            run: (row, column) => {
              const s = settingsOf(row, column);
              return configOf(buildProblem(s, loaded.get(`${s.seed}/${s.dtype}`) as D.Dataset), s, 'epoch');
            },
            evaluate: (result) => {
              const record = result.history[result.state.epoch - 1];
              const pick = (e: Tr.Evaluation | undefined): number => (e === undefined ? Number.NaN : metric === 'loss' ? e.loss : (e.metrics[metric] ?? Number.NaN));
              return { train: pick(record?.train), test: pick(record?.validation) };
            },
            onCell: (cell) => {
              done += 1;
              progress.done(done, `${rows.name}=${rows.labels[cell.i]}, ${columns.name}=${columns.labels[cell.j]}: test ${metric} ${cell.error === undefined ? formatNumber(cell.test, 4) : 'diverged'}`);
            },
          });
        } finally {
          progress.stop();
        }
      })();

      const grid: GridOutcome = {
        rows: { name: rows.name, labels: rows.labels },
        columns: { name: columns.name, labels: columns.labels },
        metric,
        higherIsBetter: metric === 'accuracy' || metric === 'r2',
        train: table.train,
        test: table.test,
        diverged: table.diverged,
      };
      const csv = `${out}.csv`;
      const svg = `${out}.svg`;
      await writeText('--out', csv, heatmapCsv(grid));
      await writeText('--out', svg, await heatmapSvg(`${first.name}: test ${metric}`, grid));
      if (flags.json === true) {
        writeJson(io.stdout, { data: first.name, task, ...grid, files: [csv, svg] });
        return;
      }
      const color = io.color ?? io.isTTY;
      const epochs = rows.name === 'epochs' || columns.name === 'epochs' ? '' : ` of ${base.epochs} epochs`;
      line(io.stdout, `${first.name}: ${rows.name} × ${columns.name}, ${cells.length} runs${epochs}\n`);
      line(io.stdout, formatHeatmap(grid, 'test', color));
      line(io.stdout, '');
      line(io.stdout, formatHeatmap(grid, 'train', color));
      line(io.stdout, `\nwrote ${csv}\nwrote ${svg}`);
    });
}
