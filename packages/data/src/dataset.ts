/**
 * What every data set of this package is: inputs X, targets y and the names that say what
 * their columns mean.
 *
 * @module
 */
import type * as T from '@theta/tensor';

/**
 * A classification data set: inputs and class indices.
 *
 * - `X`: `[N, n_0]`, one sample per row.
 * - `y`: `[N]`, the class of each sample as an integer-valued float in 0…C − 1, with
 *   C = `classNames.length`. `oneHot(y, C)` gives the `[N, C]` targets for softmax
 *   cross-entropy; `T.reshape(y, [-1, 1])` the `[N, 1]` targets of a single sigmoid output.
 *
 * @since 0.1.0
 * @category Model
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as D from '@theta/data';
 * const data: D.ClassificationDataset = D.xor(T.key(0), { n: 10 });
 * console.log(data.kind, data.X.shape, data.y.shape, data.classNames); // classification [10, 2] [10] ['0', '1']
 * ```
 */
export interface ClassificationDataset {
  /** Discriminant: the targets are class indices. */
  readonly kind: 'classification';
  /** Short name of the data set, e.g. `breast-cancer`. */
  readonly name: string;
  /** Inputs `[N, n_0]`. */
  readonly X: T.Tensor;
  /** Class indices `[N]`, integers in 0…C − 1 stored in X's dtype. */
  readonly y: T.Tensor;
  /** Name of each input column (length n_0). */
  readonly featureNames: readonly string[];
  /** Name of each class, by index (length C). */
  readonly classNames: readonly string[];
}

/**
 * A regression data set: inputs and real targets, shaped as a network's output.
 *
 * - `X`: `[N, n_0]`, one sample per row.
 * - `y`: `[N, 1]`, the target of each sample, so that it lines up with the output $a^L$ of a
 *   network with one output node.
 *
 * @since 0.1.0
 * @category Model
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as D from '@theta/data';
 * const data: D.RegressionDataset = D.franke(T.key(0), { n: 5 });
 * console.log(data.kind, data.X.shape, data.y.shape, data.targetName); // regression [5, 2] [5, 1] franke
 * ```
 */
export interface RegressionDataset {
  /** Discriminant: the targets are real numbers. */
  readonly kind: 'regression';
  /** Short name of the data set, e.g. `franke`. */
  readonly name: string;
  /** Inputs `[N, n_0]`. */
  readonly X: T.Tensor;
  /** Targets `[N, 1]`. */
  readonly y: T.Tensor;
  /** Name of each input column (length n_0). */
  readonly featureNames: readonly string[];
  /** Name of the target. */
  readonly targetName: string;
}

/**
 * Any data set of this package; `kind` tells which.
 *
 * @since 0.1.0
 * @category Model
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as D from '@theta/data';
 * const outputs = (data: D.Dataset): number => (data.kind === 'classification' ? data.classNames.length : 1);
 * console.log(outputs(D.circle(T.key(0), { n: 4 })), outputs(D.runge(T.key(0), { n: 4 }))); // 2 1
 * ```
 */
export type Dataset = ClassificationDataset | RegressionDataset;

/**
 * Options shared by every generator.
 *
 * @since 0.1.0
 * @category Generators
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as D from '@theta/data';
 * const options: D.GeneratorOptions = { n: 100, noise: 0.1, dtype: 'float32' };
 * console.log(D.franke(T.key(0), options).X.dtype); // float32
 * ```
 */
export interface GeneratorOptions {
  /** Number of samples N; each generator states its default. */
  readonly n?: number;
  /** Noise level ≥ 0; each generator states what it means and its default. */
  readonly noise?: number;
  /** Element type of X and y; `float64` when absent. */
  readonly dtype?: T.DType;
}

/**
 * Options of the built-in data sets `breastCancer`, `digits` and `loadMnist`.
 *
 * @since 0.1.0
 * @category Datasets
 * @example
 * ```ts
 * import * as D from '@theta/data';
 * const options: D.DatasetOptions = { dtype: 'float32' };
 * console.log(D.breastCancer(options).X.dtype); // float32
 * ```
 */
export interface DatasetOptions {
  /** Element type of X and y; `float64` when absent. */
  readonly dtype?: T.DType;
}

/** Freezes and returns a classification data set (internal builder). */
export const classificationDataset = (fields: Omit<ClassificationDataset, 'kind'>): ClassificationDataset =>
  Object.freeze({
    kind: 'classification' as const,
    ...fields,
    featureNames: Object.freeze(fields.featureNames.slice()),
    classNames: Object.freeze(fields.classNames.slice()),
  });

/** Freezes and returns a regression data set (internal builder). */
export const regressionDataset = (fields: Omit<RegressionDataset, 'kind'>): RegressionDataset =>
  Object.freeze({
    kind: 'regression' as const,
    ...fields,
    featureNames: Object.freeze(fields.featureNames.slice()),
  });
