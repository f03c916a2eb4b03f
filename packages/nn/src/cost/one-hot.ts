/**
 * Class labels as one-hot rows.
 *
 * @module
 */
import * as T from '@theta/tensor';

/**
 * One-hot rows $[N, K]$ from class labels $[N]$ (integers in $[0, K)$): row n has a 1 in column
 * `labels[n]`. A label that is not such an integer is a `DomainError` naming its index.
 *
 * @since 0.1.0
 * @category Costs
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as N from '@theta/nn';
 * console.log(T.toNested(N.oneHot(T.tensor([2, 0]), 3))); // [[0, 0, 1], [1, 0, 0]]
 * ```
 */
export function oneHot(labels: T.Tensor | readonly number[], classes: number, options: T.TensorOptions = {}): T.Tensor {
  if (!Number.isSafeInteger(classes) || classes < 1) {
    throw new T.DomainError({ op: 'oneHot', parameter: 'classes', value: classes, expected: 'an integer ≥ 1' });
  }
  const values = T.isTensor(labels) ? T.toArray(labels) : Array.from(labels);
  if (T.isTensor(labels) && labels.shape.length !== 1) {
    throw new T.ShapeError({ op: 'oneHot', argument: 'labels', expected: '[N]', actual: labels.shape });
  }
  const data = new Array<number>(values.length * classes).fill(0);
  values.forEach((label, n) => {
    if (!Number.isInteger(label) || label < 0 || label >= classes) {
      throw new T.DomainError({ op: 'oneHot', parameter: `labels[${n}]`, value: label, expected: `an integer class in [0, ${classes})` });
    }
    data[n * classes + label] = 1;
  });
  return T.fromArray(data, [values.length, classes], options);
}
