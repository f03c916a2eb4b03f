/**
 * The playground's whole configuration as one plain record: the problem, the network, the cost,
 * the optimiser and the seeds. It is what the URL stores, what the worker trains from, and all
 * a run depends on — the same config gives bit-identical training.
 */
import type { ActivationName, CostName } from '@theta/nn';

/** The problems on offer, in the order the picker shows them. */
export const problemNames = ['circle', 'xor', 'gaussians', 'spiral', 'plane', 'franke', 'runge', 'digits'] as const;
/** One of {@link problemNames}. */
export type ProblemName = (typeof problemNames)[number];

/** What the network predicts: one class of two, one class of ten, or a real number. */
export type ProblemKind = 'binary' | 'multiclass' | 'regression';

/** How each problem is shown and trained. */
export interface ProblemInfo {
  /** The label in the picker. */
  readonly label: string;
  /** Binary or 10-class classification, or regression. */
  readonly kind: ProblemKind;
  /** Input dimension before feature maps: 1 (Runge), 2 (the plane sets) or 64 (8×8 digits). */
  readonly dims: 1 | 2 | 64;
  /** A one-line description for the data panel. */
  readonly blurb: string;
}

/** The catalogue of problems. */
export const problems: Readonly<Record<ProblemName, ProblemInfo>> = {
  circle: { label: 'Circle', kind: 'binary', dims: 2, blurb: 'A disc inside a ring: not linearly separable in x₁, x₂.' },
  xor: { label: 'Exclusive or', kind: 'binary', dims: 2, blurb: 'Class 1 where x₁ and x₂ have the same sign.' },
  gaussians: { label: 'Two Gaussians', kind: 'binary', dims: 2, blurb: 'Two blobs: a straight line separates them.' },
  spiral: { label: 'Spiral', kind: 'binary', dims: 2, blurb: 'Two interleaved spirals: the hard one.' },
  plane: { label: 'Plane', kind: 'regression', dims: 2, blurb: 'Regression of t = (x₁ + x₂)/10.' },
  franke: { label: 'Franke surface', kind: 'regression', dims: 2, blurb: 'Regression of the Franke function on [0, 1]².' },
  runge: { label: 'Runge (1-D)', kind: 'regression', dims: 1, blurb: 'Regression of t = 1/(1 + 25x²) on [−1, 1].' },
  digits: { label: 'Digits 8×8', kind: 'multiclass', dims: 64, blurb: '1797 handwritten digits, 8×8 pixels, 10 classes.' },
};

/** The input features of the plane problems, computed from the scaled inputs x ∈ [−1, 1]². */
export const featureNames = ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sin1', 'sin2'] as const;
/** One of {@link featureNames}. */
export type FeatureName = (typeof featureNames)[number];

/** How each feature is written on screen. */
export const featureLabels: Readonly<Record<FeatureName, string>> = {
  x1: 'x₁',
  x2: 'x₂',
  x1sq: 'x₁²',
  x2sq: 'x₂²',
  x1x2: 'x₁x₂',
  sin1: 'sin πx₁',
  sin2: 'sin πx₂',
};

/** Features that use x₂, unavailable for the 1-D problem. */
export const usesSecondInput: ReadonlySet<FeatureName> = new Set(['x2', 'x2sq', 'x1x2', 'sin2']);

/** Activations a hidden layer may use (softmax is for the output only). */
export const hiddenActivationNames = ['tanh', 'sigmoid', 'relu', 'leakyRelu', 'elu', 'softplus', 'gelu', 'identity'] as const satisfies readonly ActivationName[];
/** Activations the output layer may use. */
export const outputActivationNames = ['sigmoid', 'identity', 'tanh', 'softmax', 'relu', 'softplus'] as const satisfies readonly ActivationName[];

/** The costs on offer. */
export const costNames = ['mse', 'binaryCrossEntropy', 'categoricalCrossEntropy'] as const satisfies readonly CostName[];

/** Every optimiser of @theta/optim. */
export const optimiserNames = ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam', 'adamw', 'adamax', 'nadam'] as const;
/** One of {@link optimiserNames}. */
export type OptimiserName = (typeof optimiserNames)[number];

/** The learning-rate schedules on offer (from `O.Schedules`). */
export const scheduleNames = ['constant', 'exponentialDecay', 'inverseTimeDecay', 'cosineDecay', 'warmupCosineDecay', 'invScaling'] as const;
/** One of {@link scheduleNames}. */
export type ScheduleName = (typeof scheduleNames)[number];

/** The penalty added to the cost: none, λ‖W‖₁ or λ‖W‖₂². */
export type PenaltyName = 'none' | 'l1' | 'l2';

/** Where the gradient comes from: the notes' δ-equations or reverse-mode autodiff. */
export type GradientSource = 'delta' | 'reverse';

/** Everything a training run depends on. */
export interface PlaygroundConfig {
  /** Which data set. */
  readonly problem: ProblemName;
  /** Noise level, 0 … 0.5 (what it means depends on the generator). */
  readonly noise: number;
  /** Fraction of the data used for training, 0.1 … 0.9. */
  readonly trainRatio: number;
  /** Minibatch size. */
  readonly batchSize: number;
  /** Seed of the data: generation and the train/test split ("regenerate" changes it). */
  readonly dataSeed: number;
  /** The input features (plane and 1-D problems). */
  readonly features: readonly FeatureName[];
  /** Nodes per hidden layer, n_1 … n_{L−1}. */
  readonly hidden: readonly number[];
  /** σ of each hidden layer. */
  readonly activations: readonly ActivationName[];
  /** σ^L of the output layer. */
  readonly output: ActivationName;
  /** The cost C. */
  readonly cost: CostName;
  /** The gradient method. */
  readonly optimiser: OptimiserName;
  /** γ (the schedule's initial or peak rate). */
  readonly learningRate: number;
  /** β₁ of the Adam family. */
  readonly beta1: number;
  /** β₂ of the Adam family. */
  readonly beta2: number;
  /** ε of the adaptive methods. */
  readonly eps: number;
  /** β of momentum and Nesterov. */
  readonly momentum: number;
  /** ρ of RMSprop. */
  readonly rho: number;
  /** Decoupled weight decay of AdamW. */
  readonly weightDecay: number;
  /** The learning-rate schedule. */
  readonly schedule: ScheduleName;
  /** The schedule's rate parameter: decay factor r, rate k, or power p. */
  readonly scheduleRate: number;
  /** The schedule's length in steps: T (exponential) or D (cosine). */
  readonly scheduleSteps: number;
  /** Warm-up steps of the warm-up cosine schedule. */
  readonly warmupSteps: number;
  /** The penalty kind. */
  readonly penalty: PenaltyName;
  /** λ of the penalty. */
  readonly lambda: number;
  /** Whether the biases are penalised too (the notes: no). */
  readonly penaliseBiases: boolean;
  /** Seed of Θ's initialisation and the minibatch order. */
  readonly seed: number;
  /** δ-equations or reverse mode. */
  readonly gradient: GradientSource;
}

/** The configuration a first visit sees: TensorFlow Playground's circle, trained with Adam. */
export const defaultConfig: PlaygroundConfig = Object.freeze({
  problem: 'circle',
  noise: 0,
  trainRatio: 0.5,
  batchSize: 10,
  dataSeed: 0,
  features: Object.freeze(['x1', 'x2'] as FeatureName[]),
  hidden: Object.freeze([4, 2]),
  activations: Object.freeze(['tanh', 'tanh'] as ActivationName[]),
  output: 'sigmoid',
  cost: 'binaryCrossEntropy',
  optimiser: 'adam',
  learningRate: 0.03,
  beta1: 0.9,
  beta2: 0.999,
  eps: 1e-8,
  momentum: 0.9,
  rho: 0.9,
  weightDecay: 1e-4,
  schedule: 'constant',
  scheduleRate: 0.5,
  scheduleSteps: 1000,
  warmupSteps: 100,
  penalty: 'none',
  lambda: 0.001,
  penaliseBiases: false,
  seed: 0,
  gradient: 'delta',
});

/** Limits the controls and the URL decoder share. */
export const limits = {
  maxHiddenLayers: 6,
  maxNodes: 8,
  maxDigitNodes: 64,
  maxBatch: 512,
  maxSeed: 2 ** 31 - 1,
} as const;

/** The optimiser hyperparameters each method reads, in the order the controls show them. */
export const optimiserParameters: Readonly<Record<OptimiserName, readonly ('beta1' | 'beta2' | 'eps' | 'momentum' | 'rho' | 'weightDecay')[]>> = {
  sgd: [],
  momentum: ['momentum'],
  nesterov: ['momentum'],
  adagrad: ['eps'],
  rmsprop: ['rho', 'eps'],
  adam: ['beta1', 'beta2', 'eps'],
  adamw: ['beta1', 'beta2', 'eps', 'weightDecay'],
  adamax: ['beta1', 'beta2', 'eps'],
  nadam: ['beta1', 'beta2', 'eps'],
};
