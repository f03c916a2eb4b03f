/**
 * A problem made ready to train: the data generated from the data seed, split into training
 * and test parts, the inputs scaled to [−1, 1] and mapped to the chosen features, the targets
 * shaped for the cost, and the grid of points the heatmaps are drawn on.
 */
import * as D from '@theta/data';
import * as N from '@theta/nn';
import * as T from '@theta/tensor';
import { featureLabels, problems, type PlaygroundConfig, type ProblemKind } from '../state/config.js';
import { featureMatrix, gridPoints } from './features.js';

/** Where a problem's raw inputs live, per axis: centre ± half-width maps to [−1, 1]. */
const domains: Readonly<Record<PlaygroundConfig['problem'], { readonly centre: number; readonly half: number }>> = {
  circle: { centre: 0, half: 6 },
  xor: { centre: 0, half: 6 },
  gaussians: { centre: 0, half: 6 },
  spiral: { centre: 0, half: 6 },
  plane: { centre: 0, half: 6 },
  franke: { centre: 0.5, half: 0.5 },
  runge: { centre: 0, half: 1 },
  digits: { centre: 0, half: 1 },
};

/** A problem ready for training and drawing. */
export interface Problem {
  /** Binary, 10-class or regression. */
  readonly kind: ProblemKind;
  /** 1, 2 or 64 raw inputs. */
  readonly dims: 1 | 2 | 64;
  /** The raw axis range [lo, hi] (for the plot's tick labels). */
  readonly axis: readonly [number, number];
  /** Labels of the network's input nodes. */
  readonly inputLabels: readonly string[];
  /** Training features [N, n_0] and targets (shaped for the cost). */
  readonly XTrain: T.Tensor;
  readonly tTrain: T.Tensor;
  /** Test features and targets. */
  readonly XTest: T.Tensor;
  readonly tTest: T.Tensor;
  /** Class labels (classification) or target values, for metrics and drawing. */
  readonly yTrain: readonly number[];
  readonly yTest: readonly number[];
  /** Scaled raw inputs of each point (x₁, x₂ or x only) for scatter plots; empty for digits. */
  readonly pointsTrain: Float64Array;
  readonly pointsTest: Float64Array;
  /** Features of the drawing grid (GRID² rows for 2-D, CURVE rows for 1-D, none for digits). */
  readonly grid: T.Tensor | undefined;
  /** For regression: the range of the targets, so colours and axes stay put while training. */
  readonly targetRange: readonly [number, number];
  /** Number of output nodes n_L. */
  readonly outputs: number;
}

/** Generates the raw data set of a problem from its key. */
function generate(config: PlaygroundConfig, key: T.Key): D.Dataset {
  const noise = config.noise;
  switch (config.problem) {
    case 'circle': return D.circle(key, { noise });
    case 'xor': return D.xor(key, { noise });
    case 'gaussians': return D.gaussians(key, { noise });
    case 'spiral': return D.spiral(key, { noise });
    case 'plane': return D.plane(key, { noise });
    case 'franke': return D.franke(key, { noise, n: 400 });
    case 'runge': return D.runge(key, { noise, n: 100 });
    case 'digits': return D.digits();
  }
}

/** Builds the problem a config describes. Deterministic in `config.dataSeed`. */
export function prepareProblem(config: PlaygroundConfig): Problem {
  const info = problems[config.problem];
  const [generateKey, splitKey] = T.split(T.key(config.dataSeed), 2) as [T.Key, T.Key];
  const data = generate(config, generateKey);
  const split = D.trainTestSplit(splitKey, data.X, data.y, { testFraction: 1 - config.trainRatio, stratify: data.kind === 'classification' });
  const { centre, half } = domains[config.problem];
  const targetsOf = (y: T.Tensor): T.Tensor => {
    if (info.kind === 'multiclass') return N.oneHot(y, 10);
    if (info.kind === 'binary') return T.reshape(y, [-1, 1]);
    return y;
  };
  const allTargets = T.toArray(data.y);
  const targetRange: readonly [number, number] = info.kind === 'regression' ? [Math.min(...allTargets), Math.max(...allTargets)] : [0, 1];
  if (info.dims === 64) {
    // Pixels are 0 … 16: scale them to [0, 1].
    return {
      kind: info.kind, dims: 64, axis: [0, 1], inputLabels: Array.from({ length: 64 }, (_, i) => `pixel ${i}`),
      XTrain: T.div(split.XTrain, 16), tTrain: targetsOf(split.yTrain), XTest: T.div(split.XTest, 16), tTest: targetsOf(split.yTest),
      yTrain: T.toArray(split.yTrain), yTest: T.toArray(split.yTest),
      pointsTrain: new Float64Array(0), pointsTest: new Float64Array(0), grid: undefined, targetRange, outputs: 10,
    };
  }
  const dims = info.dims;
  const scaled = (X: T.Tensor): Float64Array => Float64Array.from(T.toArray(X), (v) => (v - centre) / half);
  const pointsTrain = scaled(split.XTrain);
  const pointsTest = scaled(split.XTest);
  return {
    kind: info.kind, dims, axis: [centre - half, centre + half], inputLabels: config.features.map((f) => featureLabels[f]),
    XTrain: featureMatrix(pointsTrain, dims, config.features), tTrain: targetsOf(split.yTrain),
    XTest: featureMatrix(pointsTest, dims, config.features), tTest: targetsOf(split.yTest),
    yTrain: T.toArray(split.yTrain), yTest: T.toArray(split.yTest),
    pointsTrain, pointsTest, grid: featureMatrix(gridPoints(dims), dims, config.features), targetRange, outputs: 1,
  };
}
