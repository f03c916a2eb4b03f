/**
 * Binary cross-entropy, from probabilities or (stably) from logits.
 *
 * @module
 */
import * as R from '@theta/reverse';
import * as T from '@theta/tensor';
import { batchScale, checkPair, costValue, reductionOf, xlogy, type Cost, type CostOptions } from './types.js';

/**
 * Options of the cross-entropies: the reduction, and whether the network's output is logits.
 *
 * @since 0.1.0
 * @category Costs
 * @example
 * ```ts
 * import * as N from '@theta/nn';
 * const options: N.CrossEntropyOptions = { fromLogits: true, reduction: 'mean' };
 * console.log(N.binaryCrossEntropy(options).fromLogits); // true
 * ```
 */
export interface CrossEntropyOptions extends CostOptions {
  /** Read the output as logits z (false by default: as probabilities). */
  readonly fromLogits?: boolean;
}

/**
 * Binary cross-entropy of targets $t \in [0, 1]$, summed over outputs and (by `reduction`)
 * the batch, with $s$ = 1 or 1/N:
 *
 * - from probabilities $a \in (0, 1)$: $C = -s \sum [t \ln a + (1 - t) \ln(1 - a)]$,
 *   $\partial C / \partial a = s\,(a - t) / (a (1 - a))$ (with $0 \ln 0 = 0$);
 * - from logits z (`fromLogits: true`): $C = s \sum [\operatorname{softplus}(z) - t z]$,
 *   which never overflows, and $\partial C / \partial z = s\,(\sigma(z) - t)$.
 *
 * With a sigmoid output layer, `backprop` uses the simplified $\delta^L = s\,(a^L - t)$ and the
 * logits form of the value, whichever form is chosen here.
 *
 * @since 0.1.0
 * @category Costs
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as N from '@theta/nn';
 * const t = T.tensor([[1]]);
 * console.log(T.item(N.binaryCrossEntropy().value(t, T.tensor([[0.5]])))); // 0.6931471805599453
 * console.log(T.item(N.binaryCrossEntropy({ fromLogits: true }).value(t, T.tensor([[-800]])))); // 800
 * ```
 */
export function binaryCrossEntropy(options: CrossEntropyOptions = {}): Cost {
  const reduction = reductionOf('binaryCrossEntropy', options);
  const fromLogits = options.fromLogits ?? false;
  const op = 'binaryCrossEntropy';
  const value = fromLogits
    ? (t: T.Tensor, z: R.Value) => R.sum(R.sub(R.softplus(z), R.mul(t, z)))
    : (t: T.Tensor, a: R.Value) => R.sub(0, R.sum(R.add(xlogy(t, a), xlogy(T.sub(1, t), R.sub(1, a)))));
  const gradient = fromLogits
    ? (t: T.Tensor, z: T.Tensor) => T.sub(T.sigmoid(z), t)
    : (t: T.Tensor, a: T.Tensor) =>
        T.add(T.where(T.equal(t, 0), 0, T.div(T.neg(t), a)), T.where(T.equal(t, 1), 0, T.div(T.sub(1, t), T.sub(1, a))));
  return Object.freeze({
    name: 'binaryCrossEntropy' as const,
    reduction,
    fromLogits,
    value: costValue((targets, output) => {
      checkPair(op, targets, output);
      return R.mul(value(targets, output), batchScale(reduction, output));
    }),
    gradient: (targets: T.Tensor, output: T.Tensor) => {
      checkPair(op, targets, output);
      return T.mul(gradient(targets, output), batchScale(reduction, output));
    },
  });
}
