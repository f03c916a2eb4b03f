import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import * as N from '@theta/nn';
import { cli, expectError, tempDir } from '../../test/run-cli.js';
import { layerOf } from './train.js';

const dir = tempDir();

interface RunJson {
  readonly data: string;
  readonly task: string;
  readonly epochs: number;
  readonly steps: number;
  readonly network: { sizes: number[]; activations: unknown[] };
  readonly train: Record<string, number>;
  readonly test: Record<string, number>;
  readonly history: { epoch: number; train: Record<string, number>; test: Record<string, number> }[];
  readonly files: string[];
}

describe('theta train', () => {
  it('trains on franke and prints the train/test table', async () => {
    const { code, stdout, stderr } = await cli(['train', '--data', 'franke', '--epochs', '3', '--layers', '8']);
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toMatch(/^franke: regression, 320 train \/ 80 test samples/);
    expect(stdout).toContain('network 2-8-1 sigmoid → identity, cost mse, λ = 0.0001 (l2)');
    expect(stdout).toContain('adam η = 0.01, 3 epochs × 10 batches of 32, seed 0, float64, backprop');
    expect(stdout).toMatch(/\ntrain\s+\d\.\d+\s+\d\.\d+\s+-?\d\.\d+\ntest\s+/);
  });

  it('with no --data trains franke and breast cancer, one after the other', async () => {
    const { code, stdout } = await cli(['train', '--epochs', '1', '--layers', '4']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^franke: regression[\s\S]*\n\nbreast-cancer: classification, 2 classes, 455 train \/ 114 test samples/);
    const json = JSON.parse((await cli(['train', '--epochs', '1', '--layers', '4', '--json'])).stdout) as { runs: RunJson[] };
    expect(json.runs.map((r) => [r.data, r.task, r.epochs])).toEqual([['franke', 'regression', 1], ['breast-cancer', 'classification', 1]]);
  });

  it('prints JSON whose numbers match the table and whose history is bit-identical for one seed', async () => {
    const argv = ['train', '--data', 'breast-cancer', '--epochs', '2', '--seed', '3', '--json'];
    const first = await cli(argv);
    expect([first.code, first.stderr]).toEqual([0, '']);
    const json = JSON.parse(first.stdout) as RunJson;
    expect(json.network.sizes).toEqual([30, 32, 1]);
    expect(json.steps).toBe(2 * Math.ceil(455 / 32));
    expect(Object.keys(json.test)).toEqual(['loss', 'accuracy']);
    expect(json.history).toHaveLength(2);
    expect(JSON.parse((await cli(argv)).stdout)).toEqual(json);
    const other = JSON.parse((await cli(['train', '--data', 'breast-cancer', '--epochs', '2', '--seed', '4', '--json'])).stdout) as RunJson;
    expect(other.history[1]!.train.loss).not.toBe(json.history[1]!.train.loss);
  });

  it('uses every optimiser, the reverse-mode gradient and float32', async () => {
    for (const optimiser of ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam', 'adamw', 'adamax', 'nadam']) {
      const { code, stdout } = await cli(['train', '--data', 'xor', '--samples', '60', '--epochs', '1', '--layers', '4', '--optimiser', optimiser, '--lr', '0.01', '--json']);
      expect([optimiser, code]).toEqual([optimiser, 0]);
      expect(Number.isFinite((JSON.parse(stdout) as RunJson).test.loss)).toBe(true);
    }
    const backprop = JSON.parse((await cli(['train', '--data', 'franke', '--epochs', '2', '--layers', '5', '--json'])).stdout) as RunJson;
    const reverse = JSON.parse((await cli(['train', '--data', 'franke', '--epochs', '2', '--layers', '5', '--gradient', 'reverse', '--json'])).stdout) as RunJson;
    expect(reverse.test.mse).toBeCloseTo(backprop.test.mse as number, 10);
    const float32 = await cli(['train', '--data', 'franke', '--epochs', '1', '--dtype', 'float32']);
    expect(float32.stdout).toContain('float32');
  });

  it('trains on a CSV file with a named target column', async () => {
    const csv = join(dir, 'points.csv');
    const lines = ['a,label,b', ...Array.from({ length: 40 }, (_, i) => `${i / 40},${i % 2 === 0 ? 'even' : 'odd'},${(i % 2) + i / 100}`)];
    writeFileSync(csv, lines.join('\n'));
    const { code, stdout } = await cli(['train', '--data', csv, '--target', 'label', '--task', 'classification', '--epochs', '30', '--layers', '4', '--lr', '0.05', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as RunJson;
    expect([json.data, json.task, json.network.sizes]).toEqual(['points.csv', 'classification', [2, 4, 1]]);
    expect(json.test.accuracy).toBeGreaterThan(0.8); // column b separates the classes
    const numeric = join(dir, 'numeric.csv');
    writeFileSync(numeric, ['y,x1,x2', ...Array.from({ length: 30 }, (_, i) => `${i * 0.1},${i},${i % 3}`)].join('\n'));
    const regression = JSON.parse((await cli(['train', '--data', numeric, '--target', '0', '--epochs', '1', '--json'])).stdout) as RunJson;
    expect([regression.task, regression.network.sizes]).toEqual(['regression', [2, 32, 1]]);
  });

  it('--save writes a model that eval scores exactly as training did, --history writes CSV and SVG', async () => {
    const model = join(dir, 'model.json');
    const history = join(dir, 'loss.csv');
    const trained = await cli(['train', '--data', 'breast-cancer', '--epochs', '3', '--save', model, '--history', history, '--json']);
    expect(trained.code).toBe(0);
    const json = JSON.parse(trained.stdout) as RunJson;
    expect(json.files).toEqual([model, history, join(dir, 'loss.svg')]);
    expect(E.isRight(N.decode(readFileSync(model, 'utf8')))).toBe(true);
    const evaluated = JSON.parse((await cli(['eval', model, '--data', 'breast-cancer', '--split', 'test', '--json'])).stdout) as { metrics: Record<string, number> };
    expect(evaluated.metrics.accuracy).toBe(json.test.accuracy);
    const rows = readFileSync(history, 'utf8').trim().split('\n');
    expect(rows[0]).toBe('epoch,step,train_loss,test_loss,train_accuracy,test_accuracy');
    expect(rows.slice(1).map((r) => Number(r.split(',')[0]))).toEqual([1, 2, 3]);
    expect(Number(rows[3]!.split(',')[3])).toBe(json.history[2]!.test.loss);
    const svg = readFileSync(join(dir, 'loss.svg'), 'utf8');
    expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"[\s\S]*<\/svg>$/);
    expect(svg).toContain('breast-cancer: loss per epoch');
    expect((svg.match(/<path/g) ?? []).length).toBeGreaterThan(2);
  });

  it('draws a progress bar on a terminal, but not with --json or into a pipe', async () => {
    const tty = await cli(['train', '--data', 'franke', '--epochs', '2', '--layers', '4'], { tty: true });
    expect(tty.code).toBe(0);
    expect(tty.stderr).toMatch(/franke epoch 2\/2 .* 100% \| loss \d/);
    expect(tty.stderr).toContain('test mse');
    expect((await cli(['train', '--data', 'franke', '--epochs', '2', '--json'], { tty: true })).stderr).toBe('');
    expect((await cli(['train', '--data', 'franke', '--epochs', '2'])).stderr).toBe('');
  });

  it('stops on divergence with exit code 1, naming the step, and saves the last good Θ', async () => {
    const model = join(dir, 'diverged.json');
    const result = await cli(['train', '--data', 'franke', '--optimiser', 'sgd', '--lr', '1e300', '--epochs', '2', '--layers', '4', '--save', model]);
    expectError(result, 1, /^theta train: training diverged at step 2 \(epoch 1\): NaN in the gradient of layer 1 \(W\^1\); saved the last good Θ \(step 1\) to .*diverged\.json; try a smaller --lr$/);
    expect(E.isRight(N.decode(readFileSync(model, 'utf8')))).toBe(true);
    expect(layerOf('[1].W')).toBe('layer 2 (W^2)');
  });
});

describe('theta train: bad flags and values', () => {
  const cases: readonly [string[], RegExp][] = [
    [['--epoch', '3'], /^theta train: unknown flag '--epoch' \(did you mean --epochs\?\): expected one of the flags listed by 'theta train --help'$/],
    [['--epochs', 'abc'], /^theta train: bad value 'abc' for --epochs: expected an integer ≥ 1$/],
    [['--epochs', '0'], /bad value '0' for --epochs: expected an integer ≥ 1/],
    [['--epochs'], /^theta train: --epochs needs a value: expected passes over the training data/],
    [['--lr', '-1'], /bad value '-1' for --lr: expected a number > 0/],
    [['--batch-size', 'half'], /bad value 'half' for --batch-size: expected an integer ≥ 1, or full/],
    [['--test-fraction', '1'], /bad value '1' for --test-fraction: expected a number in \(0, 1\)/],
    [['--seed', '-3'], /bad value '-3' for --seed: expected an integer in \[0, 4294967295\]/],
    [['--layers', '50,x'], /bad value '50,x' for --layers: expected hidden layer sizes as integers ≥ 1/],
    [['--data', 'frankie'], /^theta train: bad value 'frankie' for --data: expected a built-in data set \(franke, runge, .*mnist\) or a path to a \.csv file$/],
    [['--data', 'missing/file.csv'], /^theta train: cannot read 'missing\/file\.csv' for --data \(no such file\): expected a readable CSV file$/],
    [['--optimiser', 'adamm'], /bad value 'adamm' for --optimiser: expected one of sgd, momentum, nesterov, adagrad, rmsprop, adam, adamw, adamax, nadam/],
    [['--activation', 'swish'], /bad value 'swish' for --activation: expected one of identity, sigmoid, tanh, relu, leakyRelu/],
    [['--activation', 'softmax'], /bad value 'softmax' for --activation: expected an elementwise activation/],
    [['--activation', 'relu:2'], /bad value 'relu:2' for --activation: expected relu without a parameter/],
    [['--output-activation', 'bogus'], /bad value 'bogus' for --output-activation/],
    [['--cost', 'hinge'], /bad value 'hinge' for --cost: expected one of mse, binaryCrossEntropy, categoricalCrossEntropy/],
    [['--data', 'franke', '--cost', 'bce'], /bad value 'binaryCrossEntropy' for --cost: expected mse for a regression data set/],
    [['--data', 'digits', '--cost', 'bce'], /expected categoricalCrossEntropy or mse for a data set of 10 classes/],
    [['--optimiser', 'sgd', '--beta1', '0.9'], /^theta train: --beta1 0\.9 does not apply to --optimiser sgd: expected an optimiser that takes it \(adam, adamw, adamax, nadam\)$/],
    [['--beta2', '1'], /bad value '1' for --beta2: expected a number in \[0, 1\)/],
    [['--schedule', 'cosine:alpha=2'], /bad value 'cosine:alpha=2' for --schedule: expected alpha = a number in \[0, 1\]/],
    [['--penalty', 'l3'], /bad value 'l3' for --penalty: expected one of l2, l1/],
    [['--dtype', 'float16'], /bad value 'float16' for --dtype: expected one of float64, float32/],
    [['--gradient', 'forward'], /bad value 'forward' for --gradient: expected one of backprop, reverse/],
    [['--data', 'franke', '--target', 'y'], /^theta train: --target 'y' does not apply to --data franke: expected a CSV file for --data$/],
    [['--data', 'breast-cancer', '--samples', '10'], /--samples '10' does not apply to --data breast-cancer: expected a generated data set \(franke, runge, .*\) for --data$/],
    [['--target', 'y'], /bad value 'y' for --target: expected --data as well/],
    [['--save', 'model.json'], /^theta train: --save needs one run: expected --data as well/],
    [['--data', 'franke', '--save', '/no/such/dir/model.json'], /^theta train: cannot write '\/no\/such\/dir\/model\.json' for --save \(no writable directory \/no\/such\/dir\): expected a file path/],
    [['extra'], /^theta train: unexpected argument 'extra': expected flags only/],
  ];
  for (const [argv, pattern] of cases) {
    it(argv.join(' '), async () => expectError(await cli(['train', ...argv]), 2, pattern));
  }

  it('reports a bad CSV cell with its row and column', async () => {
    const csv = join(dir, 'bad.csv');
    writeFileSync(csv, 'x,y\n1,2\n3,oops\n');
    expectError(await cli(['train', '--data', csv]), 2, /^theta train: bad CSV '.*bad\.csv' for --data: "oops" at row 3, column 2 \("y"\): expected a number$/);
    writeFileSync(csv, 'x,y\n1,2\n3\n');
    expectError(await cli(['train', '--data', csv]), 2, /bad CSV '.*' for --data: 1 cell at row 3, column 2 \("y"\): expected 2 cells, as in row 1/);
    writeFileSync(csv, '');
    expectError(await cli(['train', '--data', csv]), 2, /an empty file at row 1/);
    writeFileSync(csv, 'x,y\n1,2\n');
    expectError(await cli(['train', '--data', csv, '--target', 'z']), 2, /bad value 'z' for --target: expected a column name among "x", "y"/);
    expect(existsSync(csv)).toBe(true);
  });
});

describe('theta train: errors from the libraries', () => {
  it('names the flag behind a parameter the libraries reject', async () => {
    const csv = join(dir, 'tiny.csv');
    writeFileSync(csv, 'x,y\n1,2\n2,3\n3,4\n');
    expectError(await cli(['train', '--data', csv, '--test-fraction', '0.9']), 2, /^theta train: trainTestSplit: parameter 'testFraction' must be a fraction that leaves both parts non-empty for N = 3, got 0\.9 \(set by --test-fraction\)$/);
  });
});

describe('theta train: wording', () => {
  it('counts in singular and plural', async () => {
    const { stdout } = await cli(['train', '--data', 'franke', '--epochs', '1', '--layers', '3', '--batch-size', 'full']);
    expect(stdout).toContain('1 epoch × 1 batch of 320,');
    expect(stdout).toContain('trained 1 epoch, 1 step\n');
  });
});

describe('theta train: early stopping', () => {
  it('--patience stops when the test loss stalls and keeps the best epoch', async () => {
    const argv = ['train', '--data', 'breast-cancer', '--patience', '2', '--epochs', '60', '--lr', '0.01'];
    const json = JSON.parse((await cli([...argv, '--json'])).stdout) as RunJson & { stopped: string; bestEpoch: number };
    expect(json.stopped).toBe('earlyStopping');
    expect(json.epochs).toBeLessThan(60);
    const best = json.history[json.bestEpoch - 1]!;
    expect(json.history.every((r) => r.test.loss! >= best.test.loss!)).toBe(true);
    expect(json.test).toEqual(best.test);
    expect(json.epochs - json.bestEpoch).toBe(2);
    expect((await cli(argv)).stdout).toContain(`(stopped early; kept Θ of the best epoch, ${json.bestEpoch})`);
  });
});
