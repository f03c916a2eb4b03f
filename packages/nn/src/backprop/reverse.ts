/**
 * The same cost written once with @theta/reverse ops, and its gradient by reverse mode: the
 * check on the δ-equations, and the path for anything they do not cover.
 *
 * @module
 */
import * as R from '@theta/reverse';
import * as T from '@theta/tensor';
import type { Cost } from '../cost/types.js';
import type { Mlp } from '../mlp/mlp.js';
import type { Theta } from '../mlp/theta.js';
import { noPenalty, type Penalty } from '../penalty/penalty.js';

/**
 * The objective $C(\Theta) = \text{cost}(t, a^L(\Theta; X)) + R(\Theta)$ as a function of Θ:
 * on tensors a scalar tensor, on a traced Θ a recorded value (so `R.grad` differentiates it).
 *
 * @since 0.1.0
 * @category Back propagation
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as N from '@theta/nn';
 * const net = N.mlp({ sizes: [1, 1], activations: ['identity'] });
 * const C: N.Objective = N.objective(net, N.mse(), N.l2(0.5));
 * console.log(T.item(C([{ W: T.tensor([[2]]), b: T.tensor([0]) }], T.tensor([[1]]), T.tensor([[0]])))); // 6
 * ```
 */
export interface Objective {
  /** On tensors: $C(\Theta)$ as a scalar tensor. */
  (theta: Theta, X: T.Tensor, targets: T.Tensor): T.Tensor;
  /** On a traced Θ (inside `R.grad`): $C(\Theta)$ recorded. */
  (theta: Theta<R.Value>, X: T.Tensor, targets: T.Tensor): R.Value;
}

/**
 * The notes' cost as one differentiable function of Θ:
 * $C(\Theta) = \text{cost}(t, a^L(\Theta; X)) + R(\Theta)$, built from `net.apply`, `cost.value`
 * and `penalty.value`, which are all written with @theta/reverse ops. Hand it to `R.grad`,
 * `R.valueAndGrad` or `R.hessianVectorProduct`.
 *
 * @since 0.1.0
 * @category Back propagation
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * import * as T from '@theta/tensor';
 * import * as N from '@theta/nn';
 * const net = N.mlp({ sizes: [2, 3, 1], activations: ['tanh', 'identity'] });
 * const C = N.objective(net, N.mse(), N.l2(1e-3));
 * const X = T.tensor([[0, 1]]);
 * const t = T.tensor([[1]]);
 * const grads = R.grad((theta: N.Theta) => C(theta, X, t))(net.init(T.key(0)));
 * console.log(grads[0]!.W.shape); // [3, 2]
 * ```
 */
export function objective(net: Mlp, cost: Cost, penalty: Penalty = noPenalty): Objective {
  const C = (theta: Theta<R.Value>, X: T.Tensor, targets: T.Tensor): R.Value => {
    const data = cost.value(targets, net.apply(theta, X));
    return penalty.lambda === 0 ? data : R.add(data, penalty.value(theta));
  };
  return C as Objective;
}

/**
 * What {@link reverseGrad} returns: the loss and the gradient tree, as {@link backprop} does
 * (without the δ's, which reverse mode never names).
 *
 * @since 0.1.0
 * @category Back propagation
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as N from '@theta/nn';
 * const net = N.mlp({ sizes: [1, 1], activations: ['identity'] });
 * const result: N.ReverseGradResult = N.reverseGrad(net, N.mse())([{ W: T.tensor([[1]]), b: T.tensor([0]) }], T.tensor([[1]]), T.tensor([[3]]));
 * console.log(result.loss, T.toNested(result.grads[0]!.W)); // 4 [[-4]]
 * ```
 */
export interface ReverseGradResult {
  /** $C(\Theta)$ = the cost of the batch + the penalty. */
  readonly loss: number;
  /** $\partial C / \partial \Theta$ by reverse mode: a tree shaped like Θ. */
  readonly grads: Theta;
}

/**
 * The gradient of {@link objective} by reverse mode — trace the Wengert list of
 * $C(\Theta)$, then sweep the adjoints back — with the same signature as {@link backprop}. The
 * two agree to rounding; the tests hold them together to 1e-10 in float64.
 *
 * @since 0.1.0
 * @category Back propagation
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as N from '@theta/nn';
 * const net = N.mlp({ sizes: [2, 3, 1], activations: ['sigmoid', 'identity'] });
 * const theta = net.init(T.key(0));
 * const X = T.tensor([[0, 1], [1, 0]]);
 * const t = T.tensor([[1], [0]]);
 * const byReverse = N.reverseGrad(net, N.mse(), N.l2(1e-3))(theta, X, t);
 * const byDeltas = N.backprop(net, N.mse(), N.l2(1e-3))(theta, X, t);
 * console.log(T.Tree.allClose(byReverse.grads, byDeltas.grads, { rtol: 1e-12 })); // true
 * ```
 */
export function reverseGrad(net: Mlp, cost: Cost, penalty: Penalty = noPenalty): (theta: Theta, X: T.Tensor, targets: T.Tensor) => ReverseGradResult {
  const valueAndGrad = R.valueAndGrad(objective(net, cost, penalty) as (theta: Theta<R.Value>, X: T.Tensor, targets: T.Tensor) => R.Value);
  return (theta, X, targets) => {
    // One resident scope (T.resident): the sweep reads the trace's values where the trace left them.
    const [value, grads] = T.resident(() => valueAndGrad(theta, X, targets));
    return Object.freeze({ loss: typeof value === 'number' ? value : T.item(value), grads: grads as unknown as Theta });
  };
}
