/**
 * Class labels as one-hot rows.
 *
 * @module
 */
import * as T from '@theta/tensor';
import { checkDType } from '../validate.js';

/**
 * One-hot rows `[N, C]` from class labels `[N]` (integers in [0, C)): row n has a 1 in column
 * `labels[n]` and 0 elsewhere — the targets of a softmax output with cross-entropy. The dtype
 * is that of `labels` when it is a tensor, else float64, unless `options.dtype` says otherwise.
 *
 * Throws `DomainError` for a class count below 1 or a label that is not an integer in [0, C)
 * (naming its index), `ShapeError` for labels that are not `[N]`.
 *
 * @since 0.1.0
 * @category Preparation
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as D from '@theta/data';
 * console.log(T.toNested(D.oneHot(T.tensor([2, 0]), 3))); // [[0, 0, 1], [1, 0, 0]]
 * console.log(D.oneHot(D.digits().y, 10).shape); // [1797, 10]
 * ```
 */
export function oneHot(labels: T.Tensor | readonly number[], classes: number, options: T.TensorOptions = {}): T.Tensor {
  if (typeof classes !== 'number' || !Number.isSafeInteger(classes) || classes < 1) {
    throw new T.DomainError({ op: 'oneHot', parameter: 'classes', value: classes, expected: 'an integer ≥ 1' });
  }
  const tensorInput = T.isTensor(labels);
  if (tensorInput && labels.shape.length !== 1) {
    throw new T.ShapeError({ op: 'oneHot', argument: 'labels', expected: '[N]', actual: labels.shape });
  }
  const dtype = checkDType('oneHot', options.dtype ?? (tensorInput ? labels.dtype : undefined));
  const values = tensorInput ? T.toArray(labels) : labels;
  const out = dtype === 'float64' ? new Float64Array(values.length * classes) : new Float32Array(values.length * classes);
  values.forEach((label, n) => {
    if (!Number.isInteger(label) || label < 0 || label >= classes) {
      throw new T.DomainError({ op: 'oneHot', parameter: `labels[${n}]`, value: label, expected: `an integer class in [0, ${classes})` });
    }
    out[n * classes + label] = 1;
  });
  return T.fromData(out, [values.length, classes]);
}
