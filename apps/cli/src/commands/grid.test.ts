import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, expectError, tempDir } from '../../test/run-cli.js';

const dir = tempDir();

interface GridJson {
  readonly data: string;
  readonly metric: string;
  readonly rows: { name: string; labels: string[] };
  readonly columns: { name: string; labels: string[] };
  readonly train: number[][];
  readonly test: number[][];
  readonly diverged: boolean[][];
  readonly files: string[];
}

describe('theta grid', () => {
  it('trains one network per cell and prints the test and train heatmaps', async () => {
    const out = join(dir, 'lr-lambda');
    const argv = ['grid', '--rows', 'lr=0.001,0.1', '--columns', 'lambda=0,1e-2', '--epochs', '2', '--layers', '4', '--out', out];
    const { code, stdout, stderr } = await cli(argv);
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toMatch(/^franke: lr × lambda, 4 runs of 2 epochs\n\ntest mse \(lower is better\)\nlr \\ lambda\s+0\s+1e-2\n/);
    expect(stdout).toMatch(/\n0\.001\s+\d\.\d+\s+\d\.\d+\n0\.1\s+\d\.\d+\s+\d\.\d+\n\ntrain mse/);
    expect(stdout).toContain(`wrote ${out}.csv\nwrote ${out}.svg`);
    const json = JSON.parse((await cli([...argv, '--json'])).stdout) as GridJson;
    // Each cell is the run `theta train` makes with the same flags.
    const single = JSON.parse((await cli(['train', '--data', 'franke', '--lr', '0.1', '--lambda', '1e-2', '--epochs', '2', '--layers', '4', '--json'])).stdout) as { history: { test: { mse: number } }[] };
    expect(json.test[1]![1]).toBe(single.history[1]!.test.mse);
    const csv = readFileSync(`${out}.csv`, 'utf8').trim().split('\n');
    expect(csv[0]).toBe('lr,lambda,train_mse,test_mse,diverged');
    expect(csv.slice(1).map((row) => row.split(',').slice(0, 2).join(','))).toEqual(['0.001,0', '0.001,1e-2', '0.1,0', '0.1,1e-2']);
    expect(Number(csv[4]!.split(',')[3])).toBe(json.test[1]![1]);
    const svg = readFileSync(`${out}.svg`, 'utf8');
    expect(svg).toMatch(/^<svg[\s\S]*<\/svg>$/);
    expect(svg).toContain('franke: test mse');
    expect((svg.match(/<path/g) ?? []).length).toBeGreaterThanOrEqual(4);
  });

  it('varies depth × width on a classification set and colours the table on a terminal', async () => {
    const out = join(dir, 'shape');
    const { code, stdout } = await cli(['grid', '--data', 'xor', '--samples', '80', '--rows', 'depth=0,1', '--columns', 'width=2,8', '--epochs', '2', '--out', out, '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as GridJson;
    expect([json.metric, json.rows.labels, json.columns.labels, json.diverged]).toEqual(['accuracy', ['0', '1'], ['2', '8'], [[false, false], [false, false]]]);
    // With no hidden layer the width does not matter.
    expect(json.test[0]![0]).toBe(json.test[0]![1]);
    const coloured = await cli(['grid', '--data', 'xor', '--samples', '80', '--rows', 'depth=0,1', '--columns', 'width=2,8', '--epochs', '2', '--out', out], { tty: true, color: true });
    expect(coloured.stdout).toContain('\u001b[32m');
    expect(coloured.stderr).toMatch(/grid cell 4\/4/);
  });

  it('marks diverged cells', async () => {
    const { code, stdout } = await cli(['grid', '--rows', 'lr=0.001,1e300', '--columns', 'optimiser=sgd,momentum', '--epochs', '2', '--layers', '4', '--out', join(dir, 'wild')]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/\n1e300\s+diverged\s+diverged\n/);
  });

  const cases: readonly [string[], RegExp][] = [
    [['--columns', 'lambda=0,1'], /^theta grid: --rows is missing: expected the hyperparameter along the rows, e\.g\. --rows lr=0\.001,0\.01,0\.1$/],
    [['--rows', 'lr=0.1'], /--columns is missing: expected the hyperparameter along the columns/],
    [['--rows', 'eta=0.1', '--columns', 'lambda=0'], /bad value 'eta=0\.1' for --rows: expected NAME=V1,V2,… with NAME one of lr, lambda, epochs, batch-size, depth, width, activation, optimiser, momentum, seed$/],
    [['--rows', 'lr=0.1,-1', '--columns', 'lambda=0'], /bad value 'lr=0\.1,-1' for --rows: expected values of lr that are each a number > 0 \('-1' is not\)/],
    [['--rows', 'lr=0.1,,2', '--columns', 'lambda=0'], /expected lr=V1,V2,… with no empty value/],
    [['--rows', 'lr=0.1,0.1', '--columns', 'lambda=0'], /with no value twice/],
    [['--rows', 'lr=0.1', '--columns', 'lr=0.2'], /bad value 'lr=0\.2' for --columns: expected a hyperparameter other than lr, which --rows varies/],
    [['--rows', 'lr=0.1', '--columns', 'lambda=0', '--lr', '0.5'], /bad value 'lr=0\.1' for --rows: expected an axis that no other flag sets \(drop the --lr flag/],
    [['--rows', 'momentum=0.5', '--columns', 'lambda=0'], /--momentum 0\.5 does not apply to --optimiser adam/],
    [['--rows', 'lr=0.1', '--columns', 'lambda=0', '--metric', 'accuracy'], /bad value 'accuracy' for --metric: expected loss, mse or r2 for a regression data set/],
    [['--rows', 'lr=0.1', '--columns', 'lambda=0', '--metric', 'f1'], /bad value 'f1' for --metric: expected one of loss, mse, r2, accuracy/],
    [['--rows', 'lr=0.1', '--columns', 'lambda=0', '--out', '/no/such/dir/g'], /cannot write '\/no\/such\/dir\/g\.csv' for --out/],
    [['--rows', 'lr=0.1', '--columns', 'lambda=0', '--bogus'], /unknown flag '--bogus'/],
  ];
  for (const [argv, pattern] of cases) {
    it(`rejects ${argv.join(' ')}`, async () => expectError(await cli(['grid', ...argv]), 2, pattern));
  }
});
