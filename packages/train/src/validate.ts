/**
 * Turns a {@link TrainConfig} into a checked plan, or throws naming the bad field — before any
 * training work starts.
 *
 * @module
 */
import * as T from '@theta/tensor';
import * as N from '@theta/nn';
import type * as O from '@theta/optim';
import { configKeys, type Data, type GradientSource, type Sampling, type TrainConfig } from './config.js';
import { checkData, checkTheta } from './check-data.js';
import { resolvePenalty } from './evaluate.js';
import { resolveMetrics, type Metric } from './metrics.js';

/** Early stopping with every default filled in. */
export interface StoppingPlan {
  /** Epochs without improvement before stopping. */
  readonly patience: number;
  /** The least change that counts as an improvement. */
  readonly minDelta: number;
  /** Restore the best epoch's state at the end. */
  readonly restoreBest: boolean;
  /** `validation` or `train`. */
  readonly set: 'train' | 'validation';
  /** `loss` or a metric name. */
  readonly value: string;
  /** Which direction is better. */
  readonly mode: 'min' | 'max';
}

/** A validated run: everything the loop needs, defaults filled in. */
export interface Plan {
  readonly op: string;
  readonly net: N.Mlp;
  readonly cost: N.Cost;
  readonly penalty: N.Penalty;
  readonly optimiser: O.GradientTransformation<any>;
  readonly epochs: number;
  readonly batchSize: number;
  readonly sampling: Sampling;
  readonly report: 'step' | 'epoch';
  readonly batchKey: T.Key;
  readonly theta: N.Theta;
  readonly optState: T.TensorTree;
  readonly data: Data;
  readonly n: number;
  readonly validation: Data | undefined;
  readonly metrics: readonly Metric[];
  readonly earlyStopping: StoppingPlan | undefined;
  readonly gradient: (theta: N.Theta, X: T.Tensor, targets: T.Tensor) => { readonly loss: number; readonly grads: N.Theta };
}

const integer = (op: string, parameter: string, value: unknown): number => {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new T.DomainError({ op, parameter, value, expected: 'an integer ≥ 1' });
  }
  return value;
};

const oneOf = <A extends string>(op: string, parameter: string, value: unknown, allowed: readonly A[], fallback: A): A => {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new T.DomainError({ op, parameter, value, expected: `one of ${allowed.map((a) => `'${a}'`).join(', ')}` });
  }
  return value as A;
};

const hasFunctions = (value: unknown, names: readonly string[]): boolean =>
  typeof value === 'object' && value !== null && names.every((k) => typeof (value as Record<string, unknown>)[k] === 'function');

function resolveStopping(op: string, given: unknown, hasValidation: boolean, metrics: readonly Metric[]): StoppingPlan | undefined {
  if (given === undefined) return undefined;
  if (typeof given !== 'object' || given === null) {
    throw new T.DomainError({ op, parameter: 'earlyStopping', value: given, expected: 'a record { patience, minDelta?, restoreBest?, monitor?, mode? }' });
  }
  const e = given as Record<string, unknown>;
  const patience = integer(op, 'earlyStopping.patience', e['patience']);
  const minDelta = e['minDelta'] ?? 0;
  if (typeof minDelta !== 'number' || !Number.isFinite(minDelta) || minDelta < 0) {
    throw new T.DomainError({ op, parameter: 'earlyStopping.minDelta', value: minDelta, expected: 'a finite number ≥ 0' });
  }
  const restoreBest = e['restoreBest'] ?? true;
  if (typeof restoreBest !== 'boolean') throw new T.DomainError({ op, parameter: 'earlyStopping.restoreBest', value: restoreBest, expected: 'true or false' });
  const monitor = e['monitor'] ?? (hasValidation ? 'validation.loss' : 'loss');
  const names = ['loss', ...metrics.map((m) => m.name)];
  const allowed = [...names, ...(hasValidation ? names.map((n) => `validation.${n}`) : [])];
  if (typeof monitor !== 'string' || !allowed.includes(monitor)) {
    const hint = hasValidation ? '' : ' (validation.* needs validation data)';
    throw new T.DomainError({ op, parameter: 'earlyStopping.monitor', value: monitor, expected: `one of ${allowed.map((a) => `'${a}'`).join(', ')}${hint}` });
  }
  const [set, value] = monitor.startsWith('validation.') ? (['validation', monitor.slice(11)] as const) : (['train', monitor] as const);
  const mode = oneOf(op, 'earlyStopping.mode', e['mode'], ['min', 'max'], value === 'accuracy' || value === 'r2' ? 'max' : 'min');
  return Object.freeze({ patience, minDelta, restoreBest, set, value, mode });
}

/** Validates a configuration (see {@link TrainConfig}) and fills in the defaults. */
export function resolveConfig(op: string, config: TrainConfig): Plan {
  if (typeof config !== 'object' || config === null) {
    throw new T.DomainError({ op, parameter: 'config', value: config, expected: 'a TrainConfig record' });
  }
  for (const k of Object.keys(config)) {
    if (!(configKeys as readonly string[]).includes(k)) {
      throw new T.DomainError({ op, parameter: k, value: (config as unknown as Record<string, unknown>)[k], expected: `no such option; the options are ${configKeys.join(', ')}` });
    }
  }
  const { net, cost, optimiser } = config;
  if (!hasFunctions(net, ['init', 'apply', 'forward']) || !Array.isArray(net.sizes)) {
    throw new T.DomainError({ op, parameter: 'net', value: net, expected: 'a network from N.mlp(...)' });
  }
  if (!hasFunctions(cost, ['value', 'gradient']) || typeof cost.name !== 'string') {
    throw new T.DomainError({ op, parameter: 'cost', value: cost, expected: 'a cost from @theta/nn (N.mse(), N.binaryCrossEntropy(), …)' });
  }
  const penalty = resolvePenalty(op, config.penalty);
  if (!hasFunctions(optimiser, ['init', 'update'])) {
    throw new T.DomainError({ op, parameter: 'optimiser', value: optimiser, expected: 'a gradient transformation { init, update } from @theta/optim' });
  }
  const epochs = integer(op, 'epochs', config.epochs);
  if (config.batchSize !== undefined) integer(op, 'batchSize', config.batchSize);
  const sampling = oneOf(op, 'sampling', config.sampling, ['shuffle', 'replacement'], 'shuffle');
  const report = oneOf(op, 'report', config.report, ['step', 'epoch'], 'epoch');
  const source = oneOf<GradientSource>(op, 'gradient', config.gradient, ['backprop', 'reverse'], 'backprop');
  if (!T.isKey(config.key)) {
    throw new T.DomainError({ op, parameter: 'key', value: config.key, expected: 'a Key made by T.key(seed), T.split or T.foldIn' });
  }
  const n = checkData(op, 'data', config.data, net, cost);
  const dtype = config.data.X.dtype;
  if (config.validation !== undefined) checkData(op, 'validation', config.validation, net, cost, dtype);
  const metrics = resolveMetrics(op, config.metrics, cost);
  const needsShape = metrics.find((m) => m.name === 'mse' || m.name === 'r2');
  if (needsShape !== undefined && config.data.T.shape.length !== 2) {
    throw new T.DomainError({ op, parameter: 'metrics', value: needsShape.name, expected: 'a metric that reads class labels (targets are labels [N]): accuracy' });
  }
  const earlyStopping = resolveStopping(op, config.earlyStopping, config.validation !== undefined, metrics);
  const [initKey, batchKey] = T.split(config.key) as readonly [T.Key, T.Key];
  const theta = config.theta === undefined ? net.init(initKey, { dtype }) : checkTheta(op, config.theta, net, dtype);
  const optState = config.optState === undefined ? optimiser.init(theta) : config.optState;
  const gradient = source === 'backprop' ? N.backprop(net, cost, penalty) : N.reverseGrad(net, cost, penalty);
  return Object.freeze({
    op, net, cost, penalty, optimiser, epochs,
    batchSize: Math.min(config.batchSize ?? n, n),
    sampling, report, batchKey, theta, optState,
    data: config.data, n, validation: config.validation, metrics, earlyStopping, gradient,
  });
}
