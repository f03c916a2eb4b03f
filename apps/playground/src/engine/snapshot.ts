/**
 * What the page draws after some steps, computed in the worker and posted as plain data:
 * losses and metrics, Θ, every node's activation over the drawing grid (the heatmaps), the
 * confusion matrix (digits) and the mathematics panel's numbers.
 */
import * as N from '@theta/nn';
import * as T from '@theta/tensor';
import { mathSnapshot, type MathSnapshot } from './math.js';
import type { Session, TrainingState } from './session.js';

/** One layer's parameters as plain arrays. */
export interface LayerWeights {
  /** W^l row-major, [n_l, n_{l−1}]: entry j·n_{l−1} + k is w_jk. */
  readonly W: Float64Array;
  /** b^l, [n_l]. */
  readonly b: Float64Array;
}

/** The data points, sent with the first snapshot of a config (they do not change while training). */
export interface ProblemData {
  /** Binary, 10-class or regression. */
  readonly kind: 'binary' | 'multiclass' | 'regression';
  /** 1, 2 or 64 raw inputs. */
  readonly dims: 1 | 2 | 64;
  /** The raw axis range, for tick labels. */
  readonly axis: readonly [number, number];
  /** The targets' range (regression). */
  readonly targetRange: readonly [number, number];
  /** Scaled inputs (pairs in 2-D) and labels or targets of the training and test points. */
  readonly pointsTrain: Float64Array;
  readonly pointsTest: Float64Array;
  readonly yTrain: readonly number[];
  readonly yTest: readonly number[];
  /** Rows in each part. */
  readonly trainSize: number;
  readonly testSize: number;
  /** Digits: the first training image's 64 pixels in [0, 1] (what the input layer shows). */
  readonly sample: readonly number[];
}

/** The drawable data of a session. */
export function problemData(session: Session): ProblemData {
  const p = session.problem;
  return {
    kind: p.kind, dims: p.dims, axis: p.axis, targetRange: p.targetRange,
    pointsTrain: p.pointsTrain, pointsTest: p.pointsTest, yTrain: p.yTrain, yTest: p.yTest,
    trainSize: p.yTrain.length, testSize: p.yTest.length,
    sample: p.dims === 64 ? T.toArray(T.slice(p.XTrain, [0, 0], [1, 64])) : [],
  };
}

/** Everything the views need at one moment of a run. */
export interface Snapshot {
  /** Steps taken. */
  readonly step: number;
  /** Completed epochs. */
  readonly epoch: number;
  /** Minibatches per epoch. */
  readonly batchesPerEpoch: number;
  /** Mean cost on the training and test sets (no penalty). */
  readonly trainLoss: number;
  readonly testLoss: number;
  /** Accuracy (classification) or R² (regression) on both sets. */
  readonly trainMetric: number;
  readonly testMetric: number;
  /** `accuracy` or `R²`. */
  readonly metricName: string;
  /** [n_0, …, n_L]. */
  readonly sizes: readonly number[];
  /** σ^1 … σ^L. */
  readonly activations: readonly string[];
  /** Θ. */
  readonly weights: readonly LayerWeights[];
  /** Per layer (0 = the input features): activations over the grid, [gridRows, n_l] row-major; empty for digits. */
  readonly nodeValues: readonly Float32Array[];
  /** The network's output over the grid (binary: P(class 1); regression: the prediction); empty for digits. */
  readonly output: Float32Array;
  /** Digits: the test set's confusion matrix, 10×10 row-major (rows: truth); empty otherwise. */
  readonly confusion: readonly number[];
  /** The mathematics panel. */
  readonly math: MathSnapshot;
}

/** Classification accuracy or regression R² of predictions A against a problem's labels. */
function metric(session: Session, y: readonly number[], t: T.Tensor, A: T.Tensor): number {
  if (session.problem.kind === 'regression') return N.metrics.r2(t, A);
  return N.metrics.accuracy(T.tensor(y as number[]), A);
}

/** The snapshot of `state`. */
export function takeSnapshot(session: Session, state: TrainingState): Snapshot {
  const { problem, model } = session;
  const { net } = model;
  const { theta } = state;
  const trainOut = net.apply(theta, problem.XTrain);
  const testOut = net.apply(theta, problem.XTest);
  const nodeValues: Float32Array[] = [];
  let output = new Float32Array(0);
  if (problem.grid !== undefined) {
    nodeValues.push(Float32Array.from(T.toArray(problem.grid)));
    for (const { a } of net.forward(theta, problem.grid)) nodeValues.push(Float32Array.from(T.toArray(a)));
    output = nodeValues[nodeValues.length - 1]!.slice();
  }
  const confusion = problem.kind === 'multiclass' ? T.toArray(N.metrics.confusionMatrix(T.tensor(problem.yTest as number[]), testOut, { classes: 10 })) : [];
  return {
    step: state.step,
    epoch: Math.floor(state.step / session.batchesPerEpoch),
    batchesPerEpoch: session.batchesPerEpoch,
    trainLoss: T.item(model.cost.value(problem.tTrain, trainOut)),
    testLoss: T.item(model.cost.value(problem.tTest, testOut)),
    trainMetric: metric(session, problem.yTrain, problem.tTrain, trainOut),
    testMetric: metric(session, problem.yTest, problem.tTest, testOut),
    metricName: problem.kind === 'regression' ? 'R²' : 'accuracy',
    sizes: net.sizes,
    activations: net.activations.map((a) => a.name),
    weights: theta.map(({ W, b }) => ({ W: Float64Array.from(T.toArray(W)), b: Float64Array.from(T.toArray(b)) })),
    nodeValues,
    output,
    confusion,
    math: mathSnapshot(session, state),
  };
}
