/**
 * Breast Cancer Wisconsin (Diagnostic), shipped inside the package.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import * as T from '@theta/tensor';
import { readCsv } from '../csv/read-csv.js';
import { classificationDataset, type ClassificationDataset, type DatasetOptions } from '../dataset.js';
import { checkDType } from '../validate.js';
import { BREAST_CANCER_CSV } from './breast-cancer.data.js';

/** The ten measurements of a cell nucleus, each given as mean, standard error and worst value. */
const MEASUREMENTS = [
  'radius', 'texture', 'perimeter', 'area', 'smoothness',
  'compactness', 'concavity', 'concave points', 'symmetry', 'fractal dimension',
] as const;

/** scikit-learn's feature names, in column order. */
const FEATURE_NAMES = [
  ...MEASUREMENTS.map((m) => `mean ${m}`),
  ...MEASUREMENTS.map((m) => `${m} error`),
  ...MEASUREMENTS.map((m) => `worst ${m}`),
];

/** Decoded once, on first use; tensors are immutable, so every caller may share them. */
let decoded: ClassificationDataset | undefined;

function decode(): ClassificationDataset {
  // The first line is scikit-learn's `n_samples,n_features,class names…`, not column names.
  const body = BREAST_CANCER_CSV.slice(BREAST_CANCER_CSV.indexOf('\n') + 1);
  const csv = readCsv(body, { header: false });
  if (E.isLeft(csv)) throw csv.left; // the embedded file is checked by the tests: this cannot happen
  const n = csv.right.X.shape[0] as number;
  return classificationDataset({
    name: 'breast-cancer',
    X: csv.right.X,
    y: T.reshape(csv.right.y, [n]),
    featureNames: FEATURE_NAMES,
    classNames: ['malignant', 'benign'],
  });
}

/**
 * The Breast Cancer Wisconsin (Diagnostic) data set: 569 tumours described by 30 real features
 * of their cell nuclei (mean, standard error and worst value of radius, texture, perimeter,
 * area, smoothness, compactness, concavity, concave points, symmetry and fractal dimension),
 * classified as malignant (class 0, 212 samples) or benign (class 1, 357 samples).
 *
 * The data ship inside the package (no file access or download), decoded on the first call.
 * Features have very different scales (area in the hundreds, smoothness near 0.1): standardise
 * them, fitted on the training part (see {@link standardScaler}). The rows keep the file's
 * order; split them with {@link trainTestSplit}.
 *
 * Source: UCI Machine Learning Repository; W. H. Wolberg, W. N. Street, O. L. Mangasarian
 * (1995), CC BY 4.0; the file as shipped by scikit-learn.
 *
 * @since 0.1.0
 * @category Datasets
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as D from '@theta/data';
 * const data = D.breastCancer();
 * console.log(data.X.shape, data.classNames, T.item(T.sum(data.y))); // [569, 30] ['malignant', 'benign'] 357
 * ```
 */
export function breastCancer(options: DatasetOptions = {}): ClassificationDataset {
  const dtype = checkDType('breastCancer', options.dtype);
  decoded ??= decode();
  if (dtype === 'float64') return decoded;
  return classificationDataset({ ...decoded, X: T.astype(decoded.X, dtype), y: T.astype(decoded.y, dtype) });
}
