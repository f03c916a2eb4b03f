/**
 * Regression metrics: mean squared error and the coefficient of determination R².
 *
 * @module
 */
import * as T from '@theta/tensor';

/** Both tensors of one shape with at least one element; a 1-D vector counts as one output. */
function columns(op: string, yTrue: unknown, yPred: unknown): { readonly rows: number; readonly outputs: number; readonly t: number[]; readonly p: number[] } {
  if (!T.isTensor(yTrue)) throw new T.DTypeError({ op, argument: 'yTrue', expected: 'a Tensor', actual: typeof yTrue });
  if (!T.isTensor(yPred)) throw new T.DTypeError({ op, argument: 'yPred', expected: 'a Tensor', actual: typeof yPred });
  if (yTrue.shape.length < 1 || yTrue.shape.length > 2) {
    throw new T.ShapeError({ op, argument: 'yTrue', expected: '[N] or [N, K]', actual: yTrue.shape });
  }
  if (yPred.shape.length !== yTrue.shape.length || yPred.shape.some((d, i) => d !== yTrue.shape[i])) {
    throw new T.ShapeError({ op, argument: 'yPred', expected: yTrue.shape, actual: yPred.shape });
  }
  return { rows: yTrue.shape[0] as number, outputs: yTrue.shape[1] ?? 1, t: T.toArray(yTrue), p: T.toArray(yPred) };
}

/**
 * The mean squared error $\frac{1}{NK} \sum_{n,k} (y_{nk} - \hat y_{nk})^2$ over all N rows and K
 * outputs, as scikit-learn's `mean_squared_error` (a report, not the cost: see `N.mse` for that).
 *
 * @since 0.1.0
 * @category Metrics
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as N from '@theta/nn';
 * console.log(N.metrics.mse(T.tensor([1, 2, 3]), T.tensor([1, 2, 5]))); // 1.3333333333333333
 * ```
 */
export function mse(yTrue: T.Tensor, yPred: T.Tensor): number {
  const { t, p } = columns('metrics.mse', yTrue, yPred);
  let s = 0;
  for (let i = 0; i < t.length; i++) s += ((t[i] as number) - (p[i] as number)) ** 2;
  return s / t.length;
}

/**
 * The coefficient of determination $R^2 = 1 - \sum (y - \hat y)^2 / \sum (y - \bar y)^2$ per output
 * column, averaged over the columns (scikit-learn's `r2_score`, `uniform_average`). A constant
 * column scores 1 when predicted exactly and 0 otherwise, never NaN or −∞.
 *
 * @since 0.1.0
 * @category Metrics
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as N from '@theta/nn';
 * console.log(N.metrics.r2(T.tensor([1, 2, 3]), T.tensor([1, 2, 3]))); // 1
 * console.log(N.metrics.r2(T.tensor([1, 2, 3]), T.tensor([2, 2, 2]))); // 0
 * ```
 */
export function r2(yTrue: T.Tensor, yPred: T.Tensor): number {
  const { rows, outputs, t, p } = columns('r2', yTrue, yPred);
  if (rows === 0) return Number.NaN;
  let total = 0;
  for (let k = 0; k < outputs; k++) {
    let mean = 0;
    for (let n = 0; n < rows; n++) mean += t[n * outputs + k] as number;
    mean /= rows;
    let residual = 0;
    let spread = 0;
    for (let n = 0; n < rows; n++) {
      const y = t[n * outputs + k] as number;
      residual += (y - (p[n * outputs + k] as number)) ** 2;
      spread += (y - mean) ** 2;
    }
    total += spread === 0 ? (residual === 0 ? 1 : 0) : 1 - residual / spread;
  }
  return total / outputs;
}
