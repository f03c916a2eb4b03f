/**
 * Categorical cross-entropy over K classes, from probabilities or (stably) from logits.
 *
 * @module
 */
import * as R from '@theta/reverse';
import * as T from '@theta/tensor';
import { tensorBehind } from '../mlp/theta.js';
import type { CrossEntropyOptions } from './binary-cross-entropy.js';
import { oneHot } from './one-hot.js';
import { batchScale, checkPair, costValue, reductionOf, xlogy, type Cost } from './types.js';

/** Class labels [N] become one-hot rows [N, K]; anything else is checked as it is. */
function targetsFor(targets: T.Tensor, value: R.Value): T.Tensor {
  const output = tensorBehind(value);
  return T.isTensor(targets) && output !== undefined && targets.shape.length === 1 && output.shape.length === 2
    ? oneHot(targets, output.shape[1] as number, { dtype: output.dtype })
    : targets;
}

/**
 * Categorical cross-entropy of target distributions t (one-hot rows, or class labels of shape
 * $[N]$ which are one-hot encoded), with $s$ = 1 or 1/N by `reduction`:
 *
 * - from logits z (`fromLogits: true`): $C = -s \sum_n \sum_k t_{nk} \log \operatorname{softmax}(z_n)_k$,
 *   computed shift-then-log-softmax so that CE([1e8, 1e8], class 1) = ln 2, with
 *   $\partial C / \partial z_n = s\,(\operatorname{softmax}(z_n) \sum_k t_{nk} - t_n)$;
 * - from probabilities a (the default): $C = -s \sum t \ln a$, $\partial C / \partial a = -s\, t / a$.
 *
 * With a softmax output layer, `backprop` uses the simplified $\delta^L = s\,(a^L - t)$ and the
 * logits form of the value.
 *
 * @since 0.1.0
 * @category Costs
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as N from '@theta/nn';
 * const ce = N.categoricalCrossEntropy({ fromLogits: true });
 * console.log(T.item(ce.value(T.tensor([1]), T.tensor([[1e8, 1e8]])))); // 0.6931471805599453
 * ```
 */
export function categoricalCrossEntropy(options: CrossEntropyOptions = {}): Cost {
  const op = 'categoricalCrossEntropy';
  const reduction = reductionOf(op, options);
  const fromLogits = options.fromLogits ?? false;
  return Object.freeze({
    name: 'categoricalCrossEntropy' as const,
    reduction,
    fromLogits,
    value: costValue((targets, output) => {
      const t = targetsFor(targets, output);
      checkPair(op, t, output);
      const terms = fromLogits ? R.mul(t, R.logSoftmax(output)) : xlogy(t, output);
      // 0 − Σ, not −Σ: a perfect prediction costs +0, not −0.
      return R.mul(R.sub(0, R.sum(terms)), batchScale(reduction, output));
    }),
    gradient: (targets: T.Tensor, output: T.Tensor) => {
      const t = targetsFor(targets, output);
      checkPair(op, t, output);
      const g = fromLogits
        ? T.sub(T.mul(T.softmax(output), T.sum(t, { axis: -1, keepDims: true })), t)
        : T.where(T.equal(t, 0), 0, T.div(T.neg(t), output));
      return T.mul(g, batchScale(reduction, output));
    },
  });
}
