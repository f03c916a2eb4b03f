/**
 * AdaGrad, with or without momentum.
 *
 * @module
 */
import * as T from '@theta/tensor';
import * as V from '../internal/validate.js';
import { chain } from '../chain.js';
import type { Schedule } from '../schedules/schedule.js';
import { scaleByAdagrad, type ScaleByAdagradState } from '../transforms/scale-by-adagrad.js';
import { scaleByLearningRate, type ScaleByLearningRateState } from '../transforms/scale-by-learning-rate.js';
import { trace, type TraceState } from '../transforms/trace.js';
import type { GradientTransformation } from '../transform.js';

/**
 * Options of {@link adagrad}.
 *
 * @since 0.1.0
 * @category Optimisers
 * @example
 * ```ts
 * import * as O from '@theta/optim';
 * const options: O.AdagradOptions = { momentum: 0.9 };
 * const withMomentum = O.adagrad(0.1, options);
 * ```
 */
export interface AdagradOptions {
  /** ε ≥ 0 added outside the square root. Default 1e-8. */
  readonly eps?: number;
  /** G_0 ≥ 0, where the sum of squares starts. Default 0. */
  readonly initialAccumulator?: number;
  /** β ∈ [0, 1): add momentum on the scaled gradient. Default: none. */
  readonly momentum?: number;
  /** With `momentum`, use Nesterov's look-ahead. Default false. */
  readonly nesterov?: boolean;
}

/**
 * The state of {@link adagrad}: `[scaleByAdagrad, learning rate]`, or with momentum
 * `[scaleByAdagrad, trace, learning rate]`.
 *
 * @since 0.1.0
 * @category Optimisers
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as O from '@theta/optim';
 * const state: O.AdagradState = O.adagrad(0.1, { momentum: 0.9 }).init({ w: T.zeros([1]) });
 * console.log(state.length); // 3
 * ```
 */
export type AdagradState =
  | readonly [ScaleByAdagradState, ScaleByLearningRateState]
  | readonly [ScaleByAdagradState, TraceState, ScaleByLearningRateState];

const op = 'adagrad';

/**
 * AdaGrad (Duchi, Hazan & Singer 2011): a per-parameter learning rate that shrinks with the
 * squared gradients seen so far, `chain(scaleByAdagrad(), scaleByLearningRate(η))`:
 *
 * $$G_t = G_{t-1} + g_t^2, \qquad \Theta_t = \Theta_{t-1} - \eta_t\,\frac{g_t}{\sqrt{G_t} + \epsilon}$$
 *
 * With `momentum: β` the scaled gradient $\tilde g_t = g_t / (\sqrt{G_t} + \epsilon)$ feeds a
 * velocity, $v_t = \beta v_{t-1} + \tilde g_t$, $\Theta_t = \Theta_{t-1} - \eta_t v_t$ (for a
 * constant η this is the course's `change = η g̃ + β change`). Defaults ε = 1e-8, G₀ = 0, no
 * momentum. Pick it for sparse or badly scaled features; on long runs its steps shrink towards
 * zero (RMSprop and Adam forget old gradients instead).
 *
 * @param learningRate - η > 0, or a schedule.
 * @since 0.1.0
 * @category Optimisers
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as O from '@theta/optim';
 * const optimiser = O.adagrad(0.5, { eps: 0 });
 * const theta = { w: T.tensor([1, 1]) };
 * const [u] = optimiser.update({ w: T.tensor([100, 0.01]) }, optimiser.init(theta), theta);
 * console.log(T.toArray(u.w)); // [-0.5, -0.5]: the same first step for both scales
 * ```
 */
export function adagrad(learningRate: number | Schedule, options?: AdagradOptions): GradientTransformation<AdagradState> {
  const rate = V.learningRate(op, learningRate);
  const given = V.options(op, options, ['eps', 'initialAccumulator', 'momentum', 'nesterov']);
  const eps = V.nonNegative(op, 'eps', given.eps ?? 1e-8);
  const initialAccumulator = V.nonNegative(op, 'initialAccumulator', given.initialAccumulator ?? 0);
  const scaling = scaleByAdagrad({ eps, initialAccumulator });
  if (given.momentum === undefined) {
    if (given.nesterov === true) throw new T.DomainError({ op, parameter: 'nesterov', value: true, expected: 'false unless momentum is given' });
    return chain(scaling, scaleByLearningRate(rate)) as unknown as GradientTransformation<AdagradState>;
  }
  const beta = V.unitInterval(op, 'momentum', given.momentum);
  const nesterov = V.flag(op, 'nesterov', given.nesterov ?? false);
  // A chain of three has a state of three: the union type covers both shapes.
  return chain(scaling, trace({ decay: beta, nesterov }), scaleByLearningRate(rate)) as unknown as GradientTransformation<AdagradState>;
}
