/**
 * The squared error of the notes, C = ‖t − a^L‖²₂, summed or averaged over the batch.
 *
 * @module
 */
import * as R from '@theta/reverse';
import * as T from '@theta/tensor';
import { batchScale, checkPair, costValue, reductionOf, type Cost, type CostOptions } from './types.js';

/**
 * The squared-error cost $C = s \sum_n \lVert t_n - a^L_n \rVert_2^2$ with
 * $\partial C / \partial a^L = 2s(a^L - t)$, where $s = 1$ for `reduction: 'sum'` (the
 * default: exactly the notes' $\lVert t - a^L \rVert_2^2$ over the batch) and $s = 1/N$ for
 * `'mean'`. Outputs are always summed, never averaged; there is no ½.
 *
 * @since 0.1.0
 * @category Costs
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as N from '@theta/nn';
 * const t = T.tensor([[1], [0]]);
 * const a = T.tensor([[0], [0]]);
 * console.log(T.item(N.mse().value(t, a)), T.item(N.mse({ reduction: 'mean' }).value(t, a))); // 1 0.5
 * ```
 */
export function mse(options: CostOptions = {}): Cost {
  const reduction = reductionOf('mse', options);
  return Object.freeze({
    name: 'mse' as const,
    reduction,
    fromLogits: false,
    value: costValue((targets, output) => {
      checkPair('mse', targets, output);
      return R.mul(R.sum(R.square(R.sub(targets, output))), batchScale(reduction, output));
    }),
    gradient: (targets: T.Tensor, output: T.Tensor) => {
      checkPair('mse', targets, output);
      return T.mul(T.sub(output, targets), 2 * batchScale(reduction, output));
    },
  });
}
