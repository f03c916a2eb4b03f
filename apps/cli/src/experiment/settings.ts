/**
 * A run's complete settings: the flags given, over the preset of the data set, over the
 * general defaults. The presets are the course's settings for its two problems.
 *
 * @module
 */
import type * as N from '@theta/nn';
import type * as T from '@theta/tensor';
import type { DataSource, Scaling } from '../flags/data.js';
import { checkApplies, type Hyperparameters, type OptimiserName } from '../flags/optimiser.js';
import type { ScheduleChoice } from '../flags/schedule.js';
import type { GradientSource, PenaltyName, TrainingFlags } from '../flags/training.js';

/** Every setting of one training run. */
export interface Settings {
  /** The data. */
  readonly data: DataSource;
  /** Feature scaling, fitted on the training part. */
  readonly scale: Scaling;
  /** Hidden layer sizes. */
  readonly layers: readonly number[];
  /** σ of the hidden layers. */
  readonly activation: N.ActivationSpec;
  /** σ^L; chosen from the task and cost when absent. */
  readonly outputActivation?: N.ActivationSpec;
  /** The cost; chosen from the task when absent. */
  readonly cost?: N.CostName;
  /** The optimiser. */
  readonly optimiser: OptimiserName;
  /** η (the start of the schedule). */
  readonly learningRate: number;
  /** The optimiser's hyperparameters (library defaults for the rest). */
  readonly hyperparameters: Hyperparameters;
  /** The learning-rate schedule. */
  readonly schedule: ScheduleChoice;
  /** λ. */
  readonly lambda: number;
  /** L2 (the notes' λ‖W‖²) or L1. */
  readonly penalty: PenaltyName;
  /** The cost summed over each batch (the notes' C = Σ‖t − a‖² + λ‖W‖²) or averaged. */
  readonly reduction: 'sum' | 'mean';
  /** Passes over the training data. */
  readonly epochs: number;
  /** Samples per minibatch, or the whole training set. */
  readonly batchSize: number | 'full';
  /** The seed of every key of the run. */
  readonly seed: number;
  /** The share of samples held out for testing. */
  readonly testFraction: number;
  /** float64 or float32. */
  readonly dtype: T.DType;
  /** δ-equations or reverse mode. */
  readonly gradient: GradientSource;
  /** Early stopping on the test loss after this many epochs without improvement. */
  readonly patience?: number;
}

/** The part of the settings a preset may set. */
type Preset = Partial<Omit<Settings, 'data'>>;

/** Defaults for any data set. */
const general: Omit<Settings, 'data'> = {
  scale: 'standard',
  layers: [32],
  activation: 'sigmoid',
  optimiser: 'adam',
  learningRate: 0.01,
  hyperparameters: {},
  schedule: { name: 'constant', params: {} },
  lambda: 0,
  penalty: 'l2',
  reduction: 'sum',
  epochs: 50,
  batchSize: 32,
  seed: 0,
  testFraction: 0.2,
  dtype: 'float64',
  gradient: 'backprop',
};

/** The course's settings per built-in data set. */
const presets: Readonly<Record<string, Preset>> = {
  franke: { layers: [50, 50], lambda: 1e-4, epochs: 100 },
  'breast-cancer': { layers: [32], learningRate: 0.001, epochs: 40 },
  digits: { layers: [64], epochs: 30 },
  mnist: { layers: [128, 64], activation: 'relu', learningRate: 0.001, batchSize: 64, epochs: 5 },
};

/** The data sets `theta train` uses when no `--data` is given. */
export const defaultSources: readonly DataSource[] = [
  { kind: 'builtin', name: 'franke', noise: 0.1 },
  { kind: 'builtin', name: 'breast-cancer' },
];

/** The preset of a data source (empty for CSV files and sets without one). */
export const presetOf = (data: DataSource): Preset => (data.kind === 'builtin' ? (presets[data.name] ?? {}) : {});

/** The franke preset draws with the course's noise σ = 0.1 unless `--noise` says otherwise. */
export const withDefaultNoise = (data: DataSource): DataSource =>
  data.kind === 'builtin' && data.name === 'franke' && data.noise === undefined ? { ...data, noise: 0.1 } : data;

/**
 * The settings of a run on `data`: the flags given, then the data set's preset, then the
 * general defaults. Throws a `CliUsageError` when a hyperparameter flag does not apply to the
 * optimiser.
 */
export function resolveSettings(flags: TrainingFlags, data: DataSource): Settings {
  const { hyperparameterText, hyperparameters, data: _data, ...given } = flags;
  const settings: Settings = {
    ...general,
    ...presetOf(data),
    ...given,
    hyperparameters,
    data: withDefaultNoise(data),
  };
  checkApplies(settings.optimiser, hyperparameters, hyperparameterText);
  return settings;
}
