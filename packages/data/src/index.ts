/**
 * # @theta/data
 *
 * The course's data and its preparation: the Franke and Runge functions with Gaussian noise,
 * the playground's 2-D sets, the breast cancer and 8×8 digits data sets shipped inside the
 * package, MNIST from the `mnist` package; seeded train/test splits, scalers fitted on the
 * training part, one-hot targets, polynomial design matrices, a CSV reader that returns
 * `Either`, and minibatches.
 *
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as D from '@theta/data';
 * const [splitKey, batchKey] = T.split(T.key(0));
 * const data = D.breastCancer();                                   // X [569, 30], y [569]
 * const { XTrain, XTest, yTrain } = D.trainTestSplit(splitKey, data.X, data.y, { stratify: true });
 * const scaler = D.standardScaler.fit(XTrain);                     // fitted on training rows only
 * const [train, test] = [scaler.transform(XTrain), scaler.transform(XTest)];
 * for (const batch of D.shuffledBatches(batchKey, XTrain.shape[0] ?? 0, 32)) {
 *   const [x, t] = [T.gather(train, batch), T.gather(yTrain, batch)]; // one minibatch
 * }
 * ```
 *
 * Every random function takes a key first and nothing else is random: the same key gives the
 * same data. Inputs are never modified.
 *
 * @packageDocumentation
 */
export type { Dataset, ClassificationDataset, RegressionDataset, GeneratorOptions, DatasetOptions } from './dataset.js';

export { franke, frankeFunction } from './generators/franke.js';
export type { RegressionOptions } from './generators/franke.js';
export { runge, rungeFunction, runge2d, runge2dFunction } from './generators/runge.js';
export { circle } from './generators/circle.js';
export { xor } from './generators/xor.js';
export { gaussians } from './generators/gaussians.js';
export { spiral } from './generators/spiral.js';
export { plane } from './generators/plane.js';
export { multiGaussian, multiGaussianFunction } from './generators/multi-gaussian.js';

export { breastCancer } from './datasets/breast-cancer.js';
export { digits } from './datasets/digits.js';
export { loadMnist, mnistFromFiles } from './datasets/mnist.js';
export type { MnistDigitFile } from './datasets/mnist.js';
export { builtinNames, isBuiltinName, loadBuiltin } from './builtin.js';
export type { BuiltinName } from './builtin.js';

export { trainTestSplit, splitDataset } from './prepare/split.js';
export type { Split, SplitOptions, DatasetSplit } from './prepare/split.js';
export { scaler, standardScaler, minMaxScaler } from './prepare/scaler.js';
export type { Scaler, ScalerFitter, StandardScalerOptions, MinMaxScalerOptions } from './prepare/scaler.js';
export { oneHot } from './prepare/one-hot.js';
export { polynomialFeatures, polynomialPowers, polynomialFeatureNames } from './prepare/polynomial.js';
export type { PolynomialOptions } from './prepare/polynomial.js';

export { readCsv } from './csv/read-csv.js';
export type { CsvOptions, CsvDataset, CsvClassificationDataset, CsvRegressionDataset } from './csv/read-csv.js';
export { CsvDecodeError } from './csv/csv-error.js';

export { shuffledBatches } from './batches/shuffled-batches.js';
export type { ShuffledBatchesOptions } from './batches/shuffled-batches.js';
export { sampleBatches } from './batches/sample-batches.js';
