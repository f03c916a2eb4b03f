/**
 * Runs a training sequence to its end.
 *
 * @module
 */
import type { TrainConfig } from './config.js';
import type { FitResult, TrainState } from './state.js';
import { loop } from './steps.js';
import { resolveConfig } from './validate.js';

/**
 * Trains to the end and returns the final state and the per-epoch history: {@link steps} run
 * to completion. `observe`, when given, sees every state as it is produced (one per epoch, or
 * one per minibatch with `report: 'step'`) — for a progress bar or a live plot.
 *
 * Errors are the same as {@link steps}': `DomainError`/`ShapeError` for a bad configuration
 * before any work, {@link NonFiniteTrainingError} (with `lastGood` and `history`) when a step
 * produces NaN or ±∞.
 *
 * @since 0.1.0
 * @category Training
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as N from '@theta/nn';
 * import * as O from '@theta/optim';
 * import * as D from '@theta/data';
 * import * as Tr from '@theta/train';
 * const data = D.franke(T.key(0), { n: 64, noise: 0.1 });
 * const net = N.mlp({ sizes: [2, 16, 1], activations: ['sigmoid', 'identity'] });
 * const { state, history } = Tr.fit({
 *   net, cost: N.mse({ reduction: 'mean' }), penalty: 1e-4, optimiser: O.adam(0.02),
 *   epochs: 20, batchSize: 16, key: T.key(1), data: { X: data.X, T: data.y }, metrics: ['mse'],
 * }, (s) => { if (s.epoch % 10 === 0) console.log(s.epoch, s.loss.toFixed(4)); });
 * console.log(history.length, state.step); // 20 80
 * ```
 */
export function fit(config: TrainConfig, observe?: (state: TrainState) => void): FitResult {
  const run = loop(resolveConfig('fit', config));
  for (;;) {
    const next = run.next();
    if (next.done === true) return next.value;
    observe?.(next.value);
  }
}
