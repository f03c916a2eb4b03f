/**
 * From settings and samples to what training needs: the seeded split, the scaler fitted on
 * the training part, targets in the form of the cost, the network, cost, penalty and
 * optimiser. Train, eval and grid share this, so the same seed gives the same split and Θ.
 *
 * @module
 */
import * as D from '@theta/data';
import * as N from '@theta/nn';
import * as O from '@theta/optim';
import * as T from '@theta/tensor';
import { CliUsageError } from '../errors.js';
import type { Task } from '../flags/data.js';
import { buildSchedule } from '../flags/schedule.js';
import type { Settings } from './settings.js';
import { buildOptimiser } from './optimiser.js';

/** Inputs and targets in the form the cost takes. */
export interface Part {
  /** Inputs `[N, n_0]`, scaled. */
  readonly X: T.Tensor;
  /** Targets: `[N, n_L]`, or labels `[N]` for categorical cross-entropy. */
  readonly T: T.Tensor;
}

/** Everything a training run on one data set needs. */
export interface Problem {
  /** The data set's name. */
  readonly name: string;
  /** Regression or classification. */
  readonly task: Task;
  /** Number of classes (0 for regression). */
  readonly classes: number;
  /** The training part. */
  readonly train: Part;
  /** The test part. */
  readonly test: Part;
  /** The feature scaling fitted on the training part (undefined for `--scale none`). */
  readonly scaler: D.Scaler | undefined;
  /** The network. */
  readonly net: N.Mlp;
  /** The cost, summed or averaged over the batch. */
  readonly cost: N.Cost;
  /** λ‖W‖² or λ‖W‖₁. */
  readonly penalty: N.Penalty;
  /** The optimiser with its schedule. */
  readonly optimiser: O.GradientTransformation<any>;
  /** Metrics reported each epoch. */
  readonly metrics: readonly ('accuracy' | 'mse' | 'r2')[];
  /** Samples per minibatch. */
  readonly batchSize: number;
  /** Optimiser steps per epoch. */
  readonly stepsPerEpoch: number;
  /** The key the training loop splits into Θ's and the batches' keys. */
  readonly trainKey: T.Key;
}

/** The keys of a run: data generation, the split, and training. */
export function runKeys(seed: number): { readonly dataKey: T.Key; readonly splitKey: T.Key; readonly trainKey: T.Key } {
  const [dataKey, splitKey, trainKey] = T.split(T.key(seed), 3);
  return { dataKey, splitKey, trainKey };
}

/** The task and class count of a data set. */
export const taskOf = (data: D.Dataset): { readonly task: Task; readonly classes: number } =>
  data.kind === 'classification' ? { task: 'classification', classes: Math.max(2, data.classNames.length) } : { task: 'regression', classes: 0 };

/** The cost, output activation and number of outputs for a task, given what the user chose. */
export function outputLayer(task: Task, classes: number, targets: number, settings: Pick<Settings, 'cost' | 'outputActivation'>): {
  readonly cost: N.CostName;
  readonly activation: N.ActivationSpec;
  readonly outputs: number;
} {
  const chosenActivation = settings.outputActivation;
  const softmax = chosenActivation !== undefined && (chosenActivation === 'softmax' || (typeof chosenActivation === 'object' && chosenActivation.name === 'softmax'));
  if (task === 'regression') {
    if (settings.cost !== undefined && settings.cost !== 'mse') {
      throw new CliUsageError({ flag: '--cost', value: settings.cost, expected: 'mse for a regression data set' });
    }
    if (softmax) throw new CliUsageError({ flag: '--output-activation', value: 'softmax', expected: 'an elementwise activation for a regression data set (identity by default)' });
    return { cost: 'mse', activation: chosenActivation ?? 'identity', outputs: targets };
  }
  const cost = settings.cost ?? (classes > 2 || softmax ? 'categoricalCrossEntropy' : 'binaryCrossEntropy');
  if (cost === 'binaryCrossEntropy' && classes > 2) {
    throw new CliUsageError({ flag: '--cost', value: cost, expected: `categoricalCrossEntropy or mse for a data set of ${classes} classes` });
  }
  if (cost === 'categoricalCrossEntropy') return { cost, activation: chosenActivation ?? 'softmax', outputs: classes };
  if (softmax) {
    throw new CliUsageError({ flag: '--output-activation', value: 'softmax', expected: `sigmoid or another elementwise activation with --cost ${cost} (softmax goes with categoricalCrossEntropy)` });
  }
  return { cost, activation: chosenActivation ?? 'sigmoid', outputs: classes === 2 ? 1 : classes };
}

/** Targets in the form the cost and output layer take. */
export function targetsFor(task: Task, cost: N.CostName, outputs: number, y: T.Tensor): T.Tensor {
  if (task === 'regression') return y;
  if (cost === 'categoricalCrossEntropy') return y;
  const n = y.shape[0] as number;
  return outputs === 1 ? T.reshape(y, [n, 1]) : D.oneHot(y, outputs);
}

/** Fits the chosen scaler on the training inputs. */
export function fitScaler(scale: Settings['scale'], X: T.Tensor): D.Scaler | undefined {
  if (scale === 'standard') return D.standardScaler.fit(X);
  if (scale === 'minmax') return D.minMaxScaler.fit(X);
  return undefined;
}

/** Builds the problem of a run from its settings and samples. */
export function buildProblem(settings: Settings, data: D.Dataset): Problem {
  const { splitKey, trainKey } = runKeys(settings.seed);
  const { task, classes } = taskOf(data);
  const split = D.trainTestSplit(splitKey, data.X, data.y, { testFraction: settings.testFraction, stratify: task === 'classification' });
  const scaler = fitScaler(settings.scale, split.XTrain);
  const scaled = (X: T.Tensor): T.Tensor => (scaler === undefined ? X : scaler.transform(X));
  const targetColumns = task === 'regression' ? (data.y.shape[1] ?? 1) : 0;
  const out = outputLayer(task, classes, targetColumns, settings);
  const sizes = [data.X.shape[1] as number, ...settings.layers, out.outputs];
  const net = N.mlp({ sizes, activations: { hidden: settings.activation, output: out.activation } });
  const reduction = settings.reduction;
  const cost = out.cost === 'mse' ? N.mse({ reduction }) : out.cost === 'binaryCrossEntropy' ? N.binaryCrossEntropy({ reduction }) : N.categoricalCrossEntropy({ reduction });
  const penalty = settings.lambda === 0 ? N.noPenalty : settings.penalty === 'l1' ? N.l1(settings.lambda) : N.l2(settings.lambda);
  const nTrain = split.XTrain.shape[0] as number;
  const batchSize = settings.batchSize === 'full' ? nTrain : Math.min(settings.batchSize, nTrain);
  const stepsPerEpoch = Math.ceil(nTrain / batchSize);
  const rate = buildSchedule(settings.schedule, { learningRate: settings.learningRate, totalSteps: stepsPerEpoch * settings.epochs, stepsPerEpoch });
  return {
    name: data.name,
    task,
    classes,
    train: { X: scaled(split.XTrain), T: targetsFor(task, out.cost, out.outputs, split.yTrain) },
    test: { X: scaled(split.XTest), T: targetsFor(task, out.cost, out.outputs, split.yTest) },
    scaler,
    net,
    cost,
    penalty,
    optimiser: buildOptimiser(settings.optimiser, rate, settings.hyperparameters),
    metrics: task === 'regression' ? ['mse', 'r2'] : ['accuracy'],
    batchSize,
    stepsPerEpoch,
    trainKey,
  };
}

/**
 * Θ with the feature scaling folded into the first layer, so that a saved model reads raw
 * features: W¹ (x − c)/s + b¹ = (W¹/s) x + (b¹ − (W¹/s) c).
 */
export function foldScaler(theta: N.Theta, scaler: D.Scaler | undefined): N.Theta {
  const first = theta[0];
  if (scaler === undefined || first === undefined) return theta;
  const W = T.div(first.W, T.astype(scaler.scale, first.W.dtype));
  const c = T.reshape(T.astype(scaler.center, first.W.dtype), [scaler.center.shape[0] as number, 1]);
  const b = T.sub(first.b, T.reshape(T.matmul(W, c), [first.b.shape[0] as number]));
  return [{ W, b }, ...theta.slice(1)];
}
