import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as D from '@theta/data';
import * as N from '@theta/nn';
import * as T from '@theta/tensor';
import { callWithoutMutation } from '@theta/testing';
import { CliUsageError } from '../errors.js';
import { parseTrainingFlags } from '../flags/training.js';
import { foldScaler, outputLayer } from './problem.js';
import { resolveSettings } from './settings.js';

describe('foldScaler', () => {
  it('gives raw features the outputs that scaled features give the trained Θ', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.constantFrom<'standard' | 'minmax'>('standard', 'minmax'), (seed, kind) => {
        const [kx, kt] = T.split(T.key(seed), 2);
        const X = T.add(T.mul(T.normal(kx, [12, 3]), T.tensor([1, 50, 0.01])), T.tensor([5, -200, 0.3]));
        const scaler = (kind === 'standard' ? D.standardScaler : D.minMaxScaler).fit(X);
        const net = N.mlp({ sizes: [3, 4, 2], activations: { hidden: 'tanh', output: 'identity' } });
        const theta = net.init(kt);
        const expected = T.toArray(net.apply(theta, scaler.transform(X)));
        const folded = callWithoutMutation(foldScaler, [theta, scaler]) as N.Theta;
        T.toArray(net.apply(folded, X)).forEach((v, i) => expect(v).toBeCloseTo(expected[i] as number, 10));
        expect(folded[1]).toBe(theta[1]); // later layers are untouched
      }),
      { seed: 2, numRuns: 30 },
    );
  });

  it('leaves Θ as it is without a scaler', () => {
    const theta = N.mlp({ sizes: [1, 1], activations: ['identity'] }).init(T.key(0));
    expect(foldScaler(theta, undefined)).toBe(theta);
  });
});

describe('outputLayer', () => {
  it('chooses the cost, output activation and width from the task', () => {
    expect(outputLayer('regression', 0, 1, {})).toEqual({ cost: 'mse', activation: 'identity', outputs: 1 });
    expect(outputLayer('classification', 2, 0, {})).toEqual({ cost: 'binaryCrossEntropy', activation: 'sigmoid', outputs: 1 });
    expect(outputLayer('classification', 10, 0, {})).toEqual({ cost: 'categoricalCrossEntropy', activation: 'softmax', outputs: 10 });
    expect(outputLayer('classification', 2, 0, { outputActivation: 'softmax' })).toEqual({ cost: 'categoricalCrossEntropy', activation: 'softmax', outputs: 2 });
    expect(outputLayer('classification', 3, 0, { cost: 'mse' })).toEqual({ cost: 'mse', activation: 'sigmoid', outputs: 3 });
    expect(outputLayer('regression', 0, 1, { outputActivation: 'tanh' })).toEqual({ cost: 'mse', activation: 'tanh', outputs: 1 });
  });

  it('rejects combinations that do not fit the task', () => {
    expect(() => outputLayer('regression', 0, 1, { cost: 'categoricalCrossEntropy' })).toThrow(CliUsageError);
    expect(() => outputLayer('regression', 0, 1, { outputActivation: 'softmax' })).toThrow(/softmax/);
    expect(() => outputLayer('classification', 2, 0, { cost: 'binaryCrossEntropy', outputActivation: 'softmax' })).toThrow(/softmax goes with categoricalCrossEntropy/);
  });
});

describe('resolveSettings', () => {
  it('takes the flags given, then the data set preset, then the defaults', () => {
    const flags = parseTrainingFlags({ epochs: '7', lr: '0.5' });
    const franke = resolveSettings(flags, { kind: 'builtin', name: 'franke' });
    expect([franke.epochs, franke.learningRate, franke.layers, franke.lambda, franke.optimiser]).toEqual([7, 0.5, [50, 50], 1e-4, 'adam']);
    expect(franke.data).toEqual({ kind: 'builtin', name: 'franke', noise: 0.1 });
    const cancer = resolveSettings(parseTrainingFlags({}), { kind: 'builtin', name: 'breast-cancer' });
    expect([cancer.epochs, cancer.learningRate, cancer.layers, cancer.lambda]).toEqual([40, 0.001, [32], 0]);
    const noisy = resolveSettings(parseTrainingFlags({ data: 'franke', noise: '0' }), { kind: 'builtin', name: 'franke', noise: 0 });
    expect(noisy.data).toEqual({ kind: 'builtin', name: 'franke', noise: 0 });
  });
});
