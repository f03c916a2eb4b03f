/**
 * Seeded train/test splits, plain or stratified by class.
 *
 * @module
 */
import * as T from '@theta/tensor';
import type { Dataset } from '../dataset.js';
import { checkKey } from '../validate.js';

/**
 * Options of {@link trainTestSplit} and {@link splitDataset}.
 *
 * @since 0.1.0
 * @category Preparation
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as D from '@theta/data';
 * const options: D.SplitOptions = { testFraction: 0.25, stratify: true };
 * const { yTest } = D.trainTestSplit(T.key(0), T.zeros([8, 2]), T.tensor([0, 0, 0, 0, 1, 1, 1, 1]), options);
 * console.log(T.toArray(yTest).sort()); // [0, 1]
 * ```
 */
export interface SplitOptions {
  /** Fraction of the samples that go to the test part, in (0, 1); 0.2 when absent. */
  readonly testFraction?: number;
  /** Keep each class's share in both parts (y holds class labels); `false` when absent. */
  readonly stratify?: boolean;
}

/**
 * The two parts of a split, and which rows of the input each holds.
 *
 * @since 0.1.0
 * @category Preparation
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as D from '@theta/data';
 * const split: D.Split = D.trainTestSplit(T.key(0), T.zeros([10, 3]), T.zeros([10]));
 * console.log(split.XTrain.shape, split.XTest.shape, split.testIndices.length); // [8, 3] [2, 3] 2
 * ```
 */
export interface Split {
  /** Training inputs: the rows `trainIndices` of X. */
  readonly XTrain: T.Tensor;
  /** Test inputs: the rows `testIndices` of X. */
  readonly XTest: T.Tensor;
  /** Training targets: the rows `trainIndices` of y. */
  readonly yTrain: T.Tensor;
  /** Test targets: the rows `testIndices` of y. */
  readonly yTest: T.Tensor;
  /** Rows of the input in the training part, in the order they appear there. */
  readonly trainIndices: readonly number[];
  /** Rows of the input in the test part, in the order they appear there. */
  readonly testIndices: readonly number[];
}

/** The class of each row: y `[N]` or `[N, 1]` with integer values, or one-hot `[N, C]` (argmax). */
function classesOf(y: T.Tensor): readonly number[] {
  if (y.shape.length === 2 && (y.shape[1] as number) > 1) return T.toArray(T.argmax(y, 1));
  const values = T.toArray(y);
  values.forEach((v, i) => {
    if (!Number.isInteger(v)) {
      throw new T.DomainError({ op: 'trainTestSplit', parameter: `y[${i}]`, value: v, expected: 'an integer class label (stratify: true)' });
    }
  });
  return values;
}

/** How many of each class go to the test part: the shares n_c·testCount/N, rounded by largest remainder. */
function testCounts(sizes: readonly number[], total: number, testCount: number): number[] {
  const exact = sizes.map((size) => (size * testCount) / total);
  const counts = exact.map(Math.floor);
  let missing = testCount - counts.reduce((a, b) => a + b, 0);
  const remainder = exact.map((e, c) => e - (counts[c] as number));
  // Largest remainder first; ties go to the lower class, so the result never depends on sort stability.
  const byRemainder = sizes.map((_, c) => c).sort((a, b) => (remainder[b] as number) - (remainder[a] as number) || a - b);
  for (const c of byRemainder) {
    if (missing === 0) break;
    counts[c] = (counts[c] as number) + 1;
    missing--;
  }
  return counts;
}

/** Test and training row indices for N rows, stratified by `classes` when given. */
function splitIndices(key: T.Key, n: number, testCount: number, classes: readonly number[] | undefined): readonly [number[], number[]] {
  if (classes === undefined) {
    const order = T.permutation(key, n);
    return [order.slice(0, testCount), order.slice(testCount)];
  }
  const [classKey, testKey, trainKey] = T.split(key, 3);
  const groups = new Map<number, number[]>();
  classes.forEach((c, i) => (groups.get(c) ?? groups.set(c, []).get(c))?.push(i));
  const labels = [...groups.keys()].sort((a, b) => a - b);
  const members = labels.map((label) => groups.get(label) as number[]);
  const counts = testCounts(members.map((m) => m.length), n, testCount);
  const test: number[] = [];
  const train: number[] = [];
  members.forEach((rows, c) => {
    const order = T.permutation(T.foldIn(classKey, c), rows.length).map((j) => rows[j] as number);
    test.push(...order.slice(0, counts[c]));
    train.push(...order.slice(counts[c]));
  });
  // Mix the classes, which were appended one after another.
  const mix = (k: T.Key, rows: number[]): number[] => T.permutation(k, rows.length).map((j) => rows[j] as number);
  return [mix(testKey, test), mix(trainKey, train)];
}

/**
 * Splits the rows of X and y into a training and a test part at random, as scikit-learn's
 * `train_test_split`: the test part has $\lceil f N \rceil$ rows for `testFraction` f
 * (default 0.2), the training part the rest, both non-empty, disjoint, and together every row
 * once. The same key gives the same split; X and y are only read.
 *
 * With `stratify: true`, y holds class labels (`[N]` or `[N, 1]` integers, or one-hot
 * `[N, C]`) and each class c of $n_c$ rows puts $n_c f' $ of them in the test part
 * (f' = test rows / N), rounded so that the total is exact (largest remainders first): each
 * class keeps its share in both parts.
 *
 * Throws `ShapeError` when X and y disagree on N, `DomainError` for a fraction outside (0, 1)
 * or one that leaves a part empty.
 *
 * @since 0.1.0
 * @category Preparation
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as D from '@theta/data';
 * const data = D.breastCancer();
 * const { XTrain, XTest, yTest } = D.trainTestSplit(T.key(42), data.X, data.y, { testFraction: 0.2, stratify: true });
 * console.log(XTrain.shape, XTest.shape, T.item(T.sum(yTest))); // [455, 30] [114, 30] 72 (benign: 357 · 114/569 ≈ 71.5)
 * ```
 */
export function trainTestSplit(key: T.Key, X: T.Tensor, y: T.Tensor, options: SplitOptions = {}): Split {
  checkKey('trainTestSplit', key);
  for (const [argument, t] of [['X', X], ['y', y]] as const) {
    if (!T.isTensor(t) || t.shape.length === 0) {
      throw new T.ShapeError({ op: 'trainTestSplit', argument, expected: 'a tensor with samples on axis 0', actual: T.isTensor(t) ? t.shape : typeof t });
    }
  }
  const n = X.shape[0] as number;
  if (y.shape[0] !== n) {
    throw new T.ShapeError({ op: 'trainTestSplit', argument: 'y', expected: `${n} rows, as X`, actual: y.shape });
  }
  const fraction = options.testFraction ?? 0.2;
  if (typeof fraction !== 'number' || !(fraction > 0 && fraction < 1)) {
    throw new T.DomainError({ op: 'trainTestSplit', parameter: 'testFraction', value: fraction, expected: 'a number in (0, 1)' });
  }
  // The tolerance keeps 0.3 · 10 = 3.0000000000000004 from rounding up to 4.
  const testCount = Math.ceil(fraction * n - 1e-9);
  if (testCount < 1 || testCount > n - 1) {
    throw new T.DomainError({ op: 'trainTestSplit', parameter: 'testFraction', value: fraction, expected: `a fraction that leaves both parts non-empty for N = ${n}` });
  }
  const [testIndices, trainIndices] = splitIndices(key, n, testCount, options.stratify === true ? classesOf(y) : undefined);
  return Object.freeze({
    XTrain: T.gather(X, trainIndices),
    XTest: T.gather(X, testIndices),
    yTrain: T.gather(y, trainIndices),
    yTest: T.gather(y, testIndices),
    trainIndices: Object.freeze(trainIndices),
    testIndices: Object.freeze(testIndices),
  });
}

/**
 * What {@link splitDataset} returns: two data sets of the kind it was given.
 *
 * @since 0.1.0
 * @category Preparation
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as D from '@theta/data';
 * const parts: D.DatasetSplit<D.RegressionDataset> = D.splitDataset(T.key(0), D.franke(T.key(1), { n: 10 }));
 * console.log(parts.train.y.shape, parts.test.y.shape); // [8, 1] [2, 1]
 * ```
 */
export interface DatasetSplit<D extends Dataset> {
  /** The training rows, with the names of the original data set. */
  readonly train: D;
  /** The test rows, with the names of the original data set. */
  readonly test: D;
}

/**
 * {@link trainTestSplit} for a whole data set: two data sets of the same kind, with the same
 * names, holding the training and the test rows.
 *
 * @since 0.1.0
 * @category Preparation
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as D from '@theta/data';
 * const { train, test } = D.splitDataset(T.key(0), D.digits(), { testFraction: 0.25, stratify: true });
 * console.log(train.X.shape, test.X.shape, test.classNames.length); // [1347, 64] [450, 64] 10
 * ```
 */
export function splitDataset<D extends Dataset>(key: T.Key, data: D, options: SplitOptions = {}): DatasetSplit<D> {
  const split = trainTestSplit(key, data.X, data.y, options);
  // Copies every field of D (names, header, …) and replaces the rows.
  const part = (X: T.Tensor, y: T.Tensor): D => Object.freeze(Object.assign({}, data, { X, y }));
  return Object.freeze({ train: part(split.XTrain, split.yTrain), test: part(split.XTest, split.yTest) });
}
