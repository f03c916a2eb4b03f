/**
 * The training flags shared by `theta train` and `theta grid`, parsed from commander's raw
 * strings into typed, validated values. Only flags that were given appear in the result:
 * the data set's preset fills in the rest (see `experiment/settings.ts`).
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import type * as N from '@theta/nn';
import type * as T from '@theta/tensor';
import { parseDataFlags, parseScaling, type DataSource, type Scaling } from './data.js';
import { parseActivation, parseCost, parseLayers } from './network.js';
import { parseHyperparameters, parseLearningRate, parseOptimiser, type Hyperparameters, type OptimiserName } from './optimiser.js';
import { parseSchedule, type ScheduleChoice } from './schedule.js';
import { bad, optional, orThrow, parseChoice, parseNumber, type Parsed } from './values.js';

/** Where the gradient comes from: the δ-equations or reverse mode. */
export type GradientSource = 'backprop' | 'reverse';

/** The penalty on the weights. */
export type PenaltyName = 'l2' | 'l1';

/** Commander's raw option record for the training flags (all strings, as typed). */
export interface TrainingFlagText {
  readonly data?: string;
  readonly target?: string;
  readonly task?: string;
  readonly samples?: string;
  readonly noise?: string;
  readonly scale?: string;
  readonly layers?: string;
  readonly activation?: string;
  readonly outputActivation?: string;
  readonly cost?: string;
  readonly optimiser?: string;
  readonly lr?: string;
  readonly momentum?: string;
  readonly beta1?: string;
  readonly beta2?: string;
  readonly eps?: string;
  readonly decay?: string;
  readonly weightDecay?: string;
  readonly schedule?: string;
  readonly lambda?: string;
  readonly penalty?: string;
  readonly reduction?: string;
  readonly epochs?: string;
  readonly batchSize?: string;
  readonly seed?: string;
  readonly testFraction?: string;
  readonly dtype?: string;
  readonly gradient?: string;
  readonly patience?: string;
}

/** The training flags that were given, typed. */
export interface TrainingFlags {
  /** `--data` with `--target`, `--task`, `--samples`, `--noise`. */
  readonly data?: DataSource;
  /** `--scale`. */
  readonly scale?: Scaling;
  /** `--layers`: hidden layer sizes. */
  readonly layers?: readonly number[];
  /** `--activation`: σ of the hidden layers. */
  readonly activation?: N.ActivationSpec;
  /** `--output-activation`: σ^L. */
  readonly outputActivation?: N.ActivationSpec;
  /** `--cost`. */
  readonly cost?: N.CostName;
  /** `--optimiser`. */
  readonly optimiser?: OptimiserName;
  /** `--lr`. */
  readonly learningRate?: number;
  /** The hyperparameter flags given (checked against the optimiser later). */
  readonly hyperparameters: Hyperparameters;
  /** The hyperparameter flags as typed, for messages. */
  readonly hyperparameterText: Partial<Readonly<Record<keyof Hyperparameters, string>>>;
  /** `--schedule`. */
  readonly schedule?: ScheduleChoice;
  /** `--lambda`. */
  readonly lambda?: number;
  /** `--penalty`. */
  readonly penalty?: PenaltyName;
  /** `--reduction`: the cost summed over a batch (the notes) or averaged. */
  readonly reduction?: 'sum' | 'mean';
  /** `--epochs`. */
  readonly epochs?: number;
  /** `--batch-size` (`full` for the whole training set). */
  readonly batchSize?: number | 'full';
  /** `--seed`. */
  readonly seed?: number;
  /** `--test-fraction`. */
  readonly testFraction?: number;
  /** `--dtype`. */
  readonly dtype?: T.DType;
  /** `--gradient`. */
  readonly gradient?: GradientSource;
  /** `--patience`: early stopping on the test loss. */
  readonly patience?: number;
}

/** `--batch-size N` or `full`. */
export function parseBatchSize(text: string): Parsed<number | 'full'> {
  if (text.trim() === 'full') return E.right('full');
  const n = parseNumber('--batch-size', text, { integer: true, min: 1 });
  return E.isLeft(n) ? bad('--batch-size', text, 'an integer ≥ 1, or full for the whole training set') : n;
}

/** The value parsers of the single-valued training flags, by option key. */
export const trainingParsers = {
  epochs: (s: string) => parseNumber('--epochs', s, { integer: true, min: 1 }),
  seed: (s: string) => parseNumber('--seed', s, { integer: true, min: 0, max: 2 ** 32 - 1 }),
  testFraction: (s: string) => parseNumber('--test-fraction', s, { min: 0, max: 1, minExclusive: true, maxExclusive: true }),
  lambda: (s: string) => parseNumber('--lambda', s, { min: 0 }),
  patience: (s: string) => parseNumber('--patience', s, { integer: true, min: 1 }),
  lr: parseLearningRate,
  batchSize: parseBatchSize,
  layers: parseLayers,
} as const;

/** Parses every training flag given; throws a `CliUsageError` naming the first bad one. */
export function parseTrainingFlags(text: TrainingFlagText): TrainingFlags {
  const hyperparameterText = {
    ...(text.momentum === undefined ? {} : { momentum: text.momentum }),
    ...(text.beta1 === undefined ? {} : { beta1: text.beta1 }),
    ...(text.beta2 === undefined ? {} : { beta2: text.beta2 }),
    ...(text.eps === undefined ? {} : { eps: text.eps }),
    ...(text.decay === undefined ? {} : { decay: text.decay }),
    ...(text.weightDecay === undefined ? {} : { weightDecay: text.weightDecay }),
  };
  const values = {
    data: parseDataFlags(text),
    scale: orThrow(optional(text.scale, parseScaling)),
    layers: orThrow(optional(text.layers, parseLayers)),
    activation: orThrow(optional(text.activation, (s) => parseActivation('--activation', s, true))),
    outputActivation: orThrow(optional(text.outputActivation, (s) => parseActivation('--output-activation', s, false))),
    cost: orThrow(optional(text.cost, parseCost)),
    optimiser: orThrow(optional(text.optimiser, parseOptimiser)),
    learningRate: orThrow(optional(text.lr, parseLearningRate)),
    schedule: orThrow(optional(text.schedule, parseSchedule)),
    lambda: orThrow(optional(text.lambda, trainingParsers.lambda)),
    penalty: orThrow(optional(text.penalty, (s) => parseChoice<PenaltyName>('--penalty', s, ['l2', 'l1']))),
    reduction: orThrow(optional(text.reduction, (s) => parseChoice<'sum' | 'mean'>('--reduction', s, ['sum', 'mean']))),
    epochs: orThrow(optional(text.epochs, trainingParsers.epochs)),
    batchSize: orThrow(optional(text.batchSize, parseBatchSize)),
    seed: orThrow(optional(text.seed, trainingParsers.seed)),
    testFraction: orThrow(optional(text.testFraction, trainingParsers.testFraction)),
    dtype: orThrow(optional(text.dtype, (s) => parseChoice<T.DType>('--dtype', s, ['float64', 'float32']))),
    gradient: orThrow(optional(text.gradient, (s) => parseChoice<GradientSource>('--gradient', s, ['backprop', 'reverse']))),
    patience: orThrow(optional(text.patience, trainingParsers.patience)),
  };
  const hyperparameters = parseHyperparameters(hyperparameterText);
  // Keep only what was given: exactOptionalPropertyTypes forbids `key: undefined`.
  const given = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
  return { ...given, hyperparameters, hyperparameterText } as TrainingFlags;
}
