/**
 * Turning outputs and targets into class labels, shared by accuracy and the confusion matrix.
 *
 * @module
 */
import * as T from '@theta/tensor';

/**
 * Options of the classification metrics.
 *
 * @since 0.1.0
 * @category Metrics
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as N from '@theta/nn';
 * const options: N.metrics.ClassificationOptions = { threshold: 0 };
 * console.log(N.metrics.accuracy(T.tensor([1, 0]), T.tensor([2.5, -1]), options)); // 1
 * ```
 */
export interface ClassificationOptions {
  /** For one output column: predict class 1 when the output is > threshold (0.5 by default; 0 for logits). */
  readonly threshold?: number;
}

/**
 * Class labels of N rows: a vector [N] of non-negative integers is taken as labels; any other
 * vector, or one column [N, 1], is thresholded (binary); K > 1 columns give each row's argmax.
 */
export function toLabels(op: string, argument: string, x: unknown, threshold: number): number[] {
  if (!T.isTensor(x)) throw new T.DTypeError({ op, argument, expected: 'a Tensor', actual: typeof x });
  if (x.shape.length === 0 || x.shape.length > 2) {
    throw new T.ShapeError({ op, argument, expected: '[N], [N, 1] or [N, K]', actual: x.shape });
  }
  const values = x.shape.length === 1 || x.shape[1] === 1 ? T.toArray(x) : undefined;
  if (values === undefined) return T.toArray(T.argmax(x, 1));
  if (x.shape.length === 1 && values.every((v) => Number.isInteger(v) && v >= 0)) return values;
  return values.map((v) => (v > threshold ? 1 : 0));
}

/** Class labels of targets: integers [N] stay as they are, one-hot or probability rows give their argmax. */
export function targetLabels(op: string, x: unknown): number[] {
  if (T.isTensor(x) && x.shape.length === 1) {
    const values = T.toArray(x);
    values.forEach((v, i) => {
      if (!Number.isInteger(v) || v < 0) throw new T.DomainError({ op, parameter: `yTrue[${i}]`, value: v, expected: 'a class label: an integer ≥ 0' });
    });
    return values;
  }
  return toLabels(op, 'yTrue', x, 0.5);
}

/** Checks that both label lists have N entries. */
export function sameLength(op: string, yTrue: readonly number[], yPred: readonly number[]): void {
  if (yTrue.length !== yPred.length) {
    throw new T.ShapeError({ op, argument: 'yPred', expected: `${yTrue.length} rows (as yTrue)`, actual: `${yPred.length} rows` });
  }
}
