import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as N from '@theta/nn';
import * as T from '@theta/tensor';
import { cli, expectError, tempDir } from '../../test/run-cli.js';

const dir = tempDir();
const model = join(dir, 'franke.json');
let trained: { test: Record<string, number>; train: Record<string, number> };

beforeAll(async () => {
  const result = await cli(['train', '--data', 'franke', '--epochs', '3', '--layers', '6', '--seed', '5', '--save', model, '--json']);
  expect(result.code).toBe(0);
  trained = JSON.parse(result.stdout) as typeof trained;
});

describe('theta eval', () => {
  it('scores the test part of the same seeded split as training did', async () => {
    const { code, stdout } = await cli(['eval', model, '--data', 'franke', '--split', 'test', '--seed', '5', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as { samples: number; metrics: Record<string, number>; network: { sizes: number[] } };
    expect(json.samples).toBe(80);
    expect(json.network.sizes).toEqual([2, 6, 1]);
    // The scaler is folded into W¹, so raw features give the trained predictions up to rounding.
    expect(json.metrics.mse).toBeCloseTo(trained.test.mse as number, 12);
    expect(json.metrics.r2).toBeCloseTo(trained.test.r2 as number, 10);
  });

  it('scores all rows by default and prints a table', async () => {
    const { code, stdout } = await cli(['eval', model, '--data', 'franke', '--seed', '5']);
    expect(code).toBe(0);
    expect(stdout).toContain('model ' + model + ': 2-6-1 sigmoid → identity (float64)');
    expect(stdout).toContain('data franke: regression, all 400 samples');
    expect(stdout).toMatch(/\nmse\s+0\.\d+\nr2\s+-?\d/);
  });

  it('scores a classifier on a CSV file and prints its confusion matrix', async () => {
    const W = T.tensor([[1, -1]]);
    const b = T.tensor([0]);
    const file = join(dir, 'linear.json');
    writeFileSync(file, N.encode({ sizes: [2, 1], activations: ['sigmoid'] }, [{ W, b }]));
    const csv = join(dir, 'pairs.csv');
    // class = 1 when u > v; the last row is misclassified on purpose.
    writeFileSync(csv, 'u,v,class\n2,1,yes\n1,2,no\n3,0,yes\n0,3,no\n1,3,yes\n');
    const { code, stdout } = await cli(['eval', file, '--data', csv, '--task', 'classification', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as { metrics: { accuracy: number }; confusionMatrix: number[][] };
    expect(json.metrics.accuracy).toBe(0.8);
    expect(json.confusionMatrix).toEqual([[2, 0], [1, 2]]); // classes no, yes
    const text = await cli(['eval', file, '--data', csv, '--task', 'classification']);
    expect(text.stdout).toMatch(/confusion matrix[\s\S]*\nno\s+2\s+0\nyes\s+1\s+2/);
  });

  it('rejects a missing, corrupt or mismatched model and bad flags with one line', async () => {
    expectError(await cli(['eval', join(dir, 'none.json'), '--data', 'franke']), 2, /^theta eval: cannot read '.*none\.json' for MODEL \(no such file\): expected a model file written by theta train --save$/);
    const corrupt = join(dir, 'corrupt.json');
    writeFileSync(corrupt, '{"format": "theta-mlp", ');
    expectError(await cli(['eval', corrupt, '--data', 'franke']), 2, /^theta eval: bad model file '.*corrupt\.json': .* at \(root\): expected valid JSON text/);
    const text = readFileSync(model, 'utf8');
    writeFileSync(corrupt, text.replace(/"W":\[\[[^,\]]+/, '"W":[["x"'));
    expectError(await cli(['eval', corrupt, '--data', 'franke']), 2, /bad model file '.*': the string "x" at theta\[0\]\.W\[0\]\[0\]: expected a finite number/);
    expectError(await cli(['eval', model, '--data', 'breast-cancer']), 2, /bad value 'breast-cancer' for --data: expected a data set with 2 features, as the model's input layer \(breast-cancer has 30\)/);
    const softmax = join(dir, 'softmax.json');
    writeFileSync(softmax, N.encode({ sizes: [2, 3], activations: ['softmax'] }, [{ W: T.zeros([3, 2]), b: T.zeros([3]) }]));
    expectError(await cli(['eval', softmax, '--data', 'franke']), 2, /bad value 'franke' for --data: expected a data set matching the model's 3 outputs \(franke is regression with 1 target column\)$/);
    expectError(await cli(['eval', softmax, '--data', 'xor']), 2, /expected a data set matching the model's 3 outputs \(xor is 2 classes\)$/);
    expectError(await cli(['eval', model]), 2, /^theta eval: --data is missing: expected the data set to evaluate on/);
    expectError(await cli(['eval', model, '--data', 'franke', '--split', 'validation']), 2, /bad value 'validation' for --split: expected one of all, train, test/);
    expectError(await cli(['eval', model, 'other.json', '--data', 'franke']), 2, /unexpected argument 'other\.json'/);
    expectError(await cli(['eval']), 2, /^theta eval: MODEL is missing: expected a model file/);
  });
});
