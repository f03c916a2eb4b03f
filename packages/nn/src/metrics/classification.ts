/**
 * Accuracy and the confusion matrix of a classifier.
 *
 * @module
 */
import * as T from '@theta/tensor';
import { sameLength, targetLabels, toLabels, type ClassificationOptions } from './labels.js';

/**
 * The fraction of rows whose predicted class is the true class. Predictions in one column
 * $[N, 1]$ (or a vector that is not all integer labels) are thresholded: class 1 when
 * > `threshold` (0.5); with K > 1 columns the class is each row's argmax; a vector of
 * non-negative integers is read as labels. Targets are labels $[N]$, a 0/1 column, or one-hot rows.
 *
 * @since 0.1.0
 * @category Metrics
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as N from '@theta/nn';
 * console.log(N.metrics.accuracy(T.tensor([0, 2]), T.tensor([[0.9, 0.1, 0], [0.5, 0.2, 0.3]]))); // 0.5
 * console.log(N.metrics.accuracy(T.tensor([[1], [0]]), T.tensor([[0.7], [0.6]]))); // 0.5
 * ```
 */
export function accuracy(yTrue: T.Tensor, yPred: T.Tensor, options: ClassificationOptions = {}): number {
  const truth = targetLabels('accuracy', yTrue);
  const predicted = toLabels('accuracy', 'yPred', yPred, options.threshold ?? 0.5);
  sameLength('accuracy', truth, predicted);
  if (truth.length === 0) return Number.NaN;
  let hits = 0;
  for (let i = 0; i < truth.length; i++) if (truth[i] === predicted[i]) hits++;
  return hits / truth.length;
}

/**
 * Options of {@link confusionMatrix}.
 *
 * @since 0.1.0
 * @category Metrics
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as N from '@theta/nn';
 * const options: N.metrics.ConfusionMatrixOptions = { classes: 3 };
 * console.log(N.metrics.confusionMatrix(T.tensor([0]), T.tensor([0]), options).shape); // [3, 3]
 * ```
 */
export interface ConfusionMatrixOptions extends ClassificationOptions {
  /** The number of classes K (by default the largest label seen + 1, and at least 2). */
  readonly classes?: number;
}

/**
 * The confusion matrix $M$ $[K, K]$: $M_{ij}$ counts the rows of true class i predicted as
 * class j (rows are truth, columns predictions, as scikit-learn). Labels are read as in
 * {@link accuracy}.
 *
 * @since 0.1.0
 * @category Metrics
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as N from '@theta/nn';
 * const M = N.metrics.confusionMatrix(T.tensor([0, 1, 1]), T.tensor([[0.2], [0.9], [0.4]]));
 * console.log(T.toNested(M)); // [[1, 0], [1, 1]]
 * ```
 */
export function confusionMatrix(yTrue: T.Tensor, yPred: T.Tensor, options: ConfusionMatrixOptions = {}): T.Tensor {
  const truth = targetLabels('confusionMatrix', yTrue);
  const predicted = toLabels('confusionMatrix', 'yPred', yPred, options.threshold ?? 0.5);
  sameLength('confusionMatrix', truth, predicted);
  const K = options.classes ?? Math.max(2, ...truth.map((v) => v + 1), ...predicted.map((v) => v + 1));
  if (!Number.isSafeInteger(K) || K < 1) {
    throw new T.DomainError({ op: 'confusionMatrix', parameter: 'classes', value: K, expected: 'an integer ≥ 1' });
  }
  const counts = new Array<number>(K * K).fill(0);
  truth.forEach((i, n) => {
    const j = predicted[n] as number;
    if (i >= K || j >= K || !Number.isInteger(j) || j < 0) {
      throw new T.DomainError({ op: 'confusionMatrix', parameter: 'classes', value: K, expected: `more than the labels seen (${Math.max(i, j)} at row ${n})` });
    }
    counts[i * K + j] = (counts[i * K + j] as number) + 1;
  });
  return T.fromArray(counts, [K, K]);
}
