/**
 * The 8×8 handwritten digits, shipped inside the package.
 *
 * @module
 */
import * as T from '@theta/tensor';
import { classificationDataset, type ClassificationDataset, type DatasetOptions } from '../dataset.js';
import { checkDType } from '../validate.js';
import { DIGITS_COUNT, DIGITS_LABELS, DIGITS_PIXELS } from './digits.data.js';

/** Pixels per image (8 × 8). */
const PIXELS = 64;

/** The character code of 'a', which stands for the pixel value 0 in the embedded string. */
const A = 97;

/** scikit-learn's names: `pixel_<row>_<column>`. */
const FEATURE_NAMES = Array.from({ length: PIXELS }, (_, p) => `pixel_${Math.floor(p / 8)}_${p % 8}`);

/** Decoded once for float64, on first use; tensors are immutable, so every caller may share them. */
let decoded: ClassificationDataset | undefined;

function decode(dtype: T.DType): ClassificationDataset {
  const x = dtype === 'float64' ? new Float64Array(DIGITS_COUNT * PIXELS) : new Float32Array(DIGITS_COUNT * PIXELS);
  for (let i = 0; i < x.length; i++) x[i] = DIGITS_PIXELS.charCodeAt(i) - A;
  const y = dtype === 'float64' ? new Float64Array(DIGITS_COUNT) : new Float32Array(DIGITS_COUNT);
  for (let i = 0; i < DIGITS_COUNT; i++) y[i] = DIGITS_LABELS.charCodeAt(i) - 48;
  return classificationDataset({
    name: 'digits',
    X: T.fromData(x, [DIGITS_COUNT, PIXELS]),
    y: T.fromData(y, [DIGITS_COUNT]),
    featureNames: FEATURE_NAMES,
    classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
  });
}

/**
 * The optical recognition of handwritten digits data set: 1797 images of 8 × 8 pixels with
 * integer values 0–16 (counts of set pixels in 4 × 4 blocks of the original 32 × 32 bitmaps),
 * flattened row by row into 64 features, and the digit 0–9 each shows (about 180 of each).
 *
 * The data ship inside the package (no file access or download). Pixel values are left as
 * they are: divide by 16 or standardise before training.
 *
 * Source: UCI Machine Learning Repository; E. Alpaydin, C. Kaynak (1998), CC BY 4.0; the file
 * as shipped by scikit-learn.
 *
 * @since 0.1.0
 * @category Datasets
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as D from '@theta/data';
 * const data = D.digits();
 * console.log(data.X.shape, T.item(T.max(data.X)), data.classNames.length); // [1797, 64] 16 10
 * ```
 */
export function digits(options: DatasetOptions = {}): ClassificationDataset {
  const dtype = checkDType('digits', options.dtype);
  if (dtype === 'float64') return (decoded ??= decode('float64'));
  return decode(dtype);
}
