/**
 * The regularisation term of the notes' cost, λ‖W‖²₂ over the weights only, its L1 sibling,
 * and the conversion from scikit-learn's α.
 *
 * @module
 */
import * as R from '@theta/reverse';
import * as T from '@theta/tensor';
import { tensorBehind, type Theta } from '../mlp/theta.js';
import { fusedPass, fusedPenalty } from './fused.js';

/**
 * The value of a penalty, written with @theta/reverse ops: on tensors it computes directly,
 * on a traced Θ (inside `R.grad`) it is recorded.
 *
 * @since 0.1.0
 * @category Penalties
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * import * as T from '@theta/tensor';
 * import * as N from '@theta/nn';
 * const value: N.PenaltyValue = N.l2(1).value;
 * const grads = R.grad((theta: N.Theta) => value(theta))([{ W: T.tensor([[3]]), b: T.tensor([1]) }]);
 * console.log(T.toArray(grads[0]!.W), T.toArray(grads[0]!.b)); // [6] [0]
 * ```
 */
export interface PenaltyValue {
  /** On tensors: the penalty as a scalar tensor. */
  (theta: Theta): T.Tensor;
  /** On a traced Θ: the penalty recorded. */
  (theta: Theta<R.Value>): R.Value;
}

/**
 * A penalty $R(\Theta)$ added to the cost: its value and its gradient, a tree shaped like Θ
 * (zeros for the biases unless `includeBiases`). It never depends on the batch size.
 *
 * @since 0.1.0
 * @category Penalties
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as N from '@theta/nn';
 * const penalty: N.Penalty = N.l2(0.5);
 * const theta = [{ W: T.tensor([[1, -2]]), b: T.tensor([3]) }];
 * console.log(T.item(penalty.value(theta))); // 2.5
 * ```
 */
export interface Penalty {
  /** `l2`, `l1`, or `none`. */
  readonly name: 'l2' | 'l1' | 'none';
  /** The strength λ ≥ 0. */
  readonly lambda: number;
  /** Whether the biases are penalised too (false by default, as the notes). */
  readonly includeBiases: boolean;
  /** $R(\Theta)$ as a scalar, differentiable by `R.grad` (see {@link PenaltyValue}). */
  readonly value: PenaltyValue;
  /** $\partial R / \partial \Theta$, a tree shaped like Θ. */
  readonly gradient: (theta: Theta) => Theta;
}

/**
 * Options of {@link l2} and {@link l1}.
 *
 * @since 0.1.0
 * @category Penalties
 * @example
 * ```ts
 * import * as N from '@theta/nn';
 * const options: N.PenaltyOptions = { includeBiases: true };
 * console.log(N.l2(0.1, options).includeBiases); // true
 * ```
 */
export interface PenaltyOptions {
  /** Penalise the biases too (false by default: the notes' λ‖W‖² covers the weights only). */
  readonly includeBiases?: boolean;
}

const checkLambda = (op: string, lambda: unknown): number => {
  if (typeof lambda !== 'number' || !Number.isFinite(lambda) || lambda < 0) {
    throw new T.DomainError({ op, parameter: 'lambda', value: lambda, expected: 'a finite number ≥ 0' });
  }
  return lambda;
};

/** A zero scalar of Θ's dtype. */
const zeroOf = (theta: Theta<R.Value>): T.Tensor => T.scalar(0, { dtype: tensorBehind(theta[0]?.W)?.dtype ?? 'float64' });

/** Σ f(x) over the leaves, no leading zero. */
const sumOver = (leaves: readonly R.Value[], f: (x: R.Value) => R.Value): R.Value => {
  let total = R.sum(f(leaves[0]!));
  for (let i = 1; i < leaves.length; i++) total = R.add(total, R.sum(f(leaves[i]!)));
  return total;
};

const sizeOf = (x: R.Value): number => R.shapeOf(x).reduce((a, b) => a * b, 1);

/**
 * λ Σ f(w) over the penalised leaves as ONE node of the Wengert list, with its rule
 * ∂/∂w = λ f′(w) ḡ. Recorded op by op, the penalty was 3 nodes per leaf whose sweep cost more
 * than the rest of a small network's backward pass; as one node it is what the δ-equations
 * add too. The rule is written with R ops, so the penalty can still be differentiated twice.
 */
const penaltyNode = (name: 'l2' | 'l1', lambda: number, f: (x: R.Value) => R.Value, slope: (x: R.Value) => R.Value) =>
  R.customVjp(
    (...leaves: R.Value[]) => R.mul(sumOver(leaves, f), lambda),
    (g, _out, leaves) => leaves.map((x) => R.mul(slope(x), R.mul(g, lambda))),
    // f and Σ per element, one product by λ; backward: f′ and the product by λḡ per element.
    { name, cost: (leaves) => ({ forward: leaves.reduce<number>((n, x) => n + 2 * sizeOf(x), 1), backward: leaves.map((x) => 2 * sizeOf(x)) }) },
  );

const make = (name: 'l2' | 'l1', lambda: number, options: PenaltyOptions, value: (x: R.Value) => R.Value, slope: (x: R.Value) => R.Value, gradient: (x: T.Tensor) => T.Tensor): Penalty => {
  const includeBiases = options.includeBiases ?? false;
  const node = penaltyNode(name, lambda, value, slope);
  const leavesOf = (theta: Theta<R.Value>): R.Value[] => theta.flatMap(({ W, b }) => (includeBiases ? [W, b] : [W]));
  return Object.freeze({
    name,
    lambda,
    includeBiases,
    value: ((theta: Theta<R.Value>) => (theta.length === 0 ? zeroOf(theta) : node(...leavesOf(theta)))) as PenaltyValue,
    gradient: (theta: Theta) => theta.map(({ W, b }) => ({ W: gradient(W), b: includeBiases ? gradient(b) : T.zerosLike(b) })),
    // What backprop uses: value and gradient added to the data gradient in one pass per leaf.
    [fusedPenalty]: fusedPass(name, lambda, includeBiases),
  });
};

/**
 * The notes' L2 penalty $\lambda \lVert W \rVert_2^2 = \lambda \sum_l \sum_{jk} (w^l_{jk})^2$ over
 * the weights only (biases too with `includeBiases`), with gradient $2 \lambda W^l$. No ½ and
 * no 1/N: for scikit-learn's convention use {@link l2FromSklearnAlpha}.
 *
 * @since 0.1.0
 * @category Penalties
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as N from '@theta/nn';
 * const theta = [{ W: T.tensor([[1, -2]]), b: T.tensor([3]) }];
 * console.log(T.toNested(N.l2(0.5).gradient(theta)[0]!.W)); // [[1, -2]]
 * ```
 */
export const l2 = (lambda: number, options: PenaltyOptions = {}): Penalty =>
  make('l2', checkLambda('l2', lambda), options, R.square, (x) => R.mul(x, 2), (x) => T.mul(x, 2 * lambda));

/**
 * The L1 penalty $\lambda \sum_l \sum_{jk} |w^l_{jk}|$ over the weights only (biases too with
 * `includeBiases`), with the subgradient $\lambda \operatorname{sign}(W^l)$ (0 at w = 0).
 *
 * @since 0.1.0
 * @category Penalties
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as N from '@theta/nn';
 * const theta = [{ W: T.tensor([[1, -2]]), b: T.tensor([3]) }];
 * console.log(T.item(N.l1(0.1).value(theta))); // 0.30000000000000004
 * ```
 */
export const l1 = (lambda: number, options: PenaltyOptions = {}): Penalty =>
  make('l1', checkLambda('l1', lambda), options, R.abs, (x) => R.sign(x), (x) => T.mul(T.sign(x), lambda));

/**
 * No penalty: $R(\Theta) = 0$ (what `backprop` uses when none is given).
 *
 * @since 0.1.0
 * @category Penalties
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as N from '@theta/nn';
 * console.log(T.item(N.noPenalty.value([{ W: T.ones([1, 1]), b: T.ones([1]) }]))); // 0
 * ```
 */
export const noPenalty: Penalty = Object.freeze({
  name: 'none' as const,
  lambda: 0,
  includeBiases: false,
  value: ((theta: Theta<R.Value>) => zeroOf(theta)) as PenaltyValue,
  gradient: (theta: Theta) => theta.map(({ W, b }) => ({ W: T.zerosLike(W), b: T.zerosLike(b) })),
});

/**
 * scikit-learn's MLP penalty as an {@link l2}: sklearn adds $\frac{\alpha}{2n} \lVert W \rVert_2^2$
 * (weights only) with n the number of examples in the batch, so λ = α / (2n).
 *
 * With a cross-entropy cost and `reduction: 'mean'` this reproduces sklearn's `MLPClassifier`
 * objective exactly. `MLPRegressor`'s data term is $\frac{1}{2nK} \sum (t - a)^2$ (half the
 * element mean over K outputs), i.e. $\frac{1}{2K}$ × `mse({ reduction: 'mean' })`; its
 * objective is then $\frac{1}{2K}$ × (that cost + `l2(α K / n)`).
 *
 * @since 0.1.0
 * @category Penalties
 * @example
 * ```ts
 * import * as N from '@theta/nn';
 * console.log(N.l2FromSklearnAlpha(1e-4, 200).lambda); // 2.5e-7
 * ```
 */
export function l2FromSklearnAlpha(alpha: number, batchSize: number): Penalty {
  checkLambda('l2FromSklearnAlpha', alpha);
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) {
    throw new T.DomainError({ op: 'l2FromSklearnAlpha', parameter: 'batchSize', value: batchSize, expected: 'an integer ≥ 1' });
  }
  return l2(alpha / (2 * batchSize));
}
