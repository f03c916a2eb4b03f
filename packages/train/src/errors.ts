/**
 * The error a diverging run stops with, carrying everything computed before it diverged.
 *
 * @module
 */
import * as T from '@theta/tensor';
import type { EpochRecord, TrainState } from './state.js';

/**
 * Which value turned non-finite: the minibatch loss, a gradient, or Θ after the update.
 *
 * @since 0.1.0
 * @category Errors
 * @example
 * ```ts
 * import * as Tr from '@theta/train';
 * const where: Tr.NonFiniteSource = 'gradient';
 * console.log(where); // gradient
 * ```
 */
export type NonFiniteSource = 'loss' | 'gradient' | 'theta';

/**
 * A training step produced NaN or ±∞. It is a `T.NonFiniteError` (same `_tag`, so
 * `T.NonFiniteError.is(e)` holds) naming the step and the first non-finite layer (`path`,
 * e.g. `[1].W`, or `loss`), and it carries the last good state and the history so far, so
 * nothing computed before the failure is lost.
 *
 * Checked in this order each step: the gradients, then the loss, then the new Θ; the first
 * non-finite one is reported.
 *
 * @since 0.1.0
 * @category Errors
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as N from '@theta/nn';
 * import * as O from '@theta/optim';
 * import * as Tr from '@theta/train';
 * const net = N.mlp({ sizes: [1, 1], activations: ['identity'] });
 * const data = { X: T.tensor([[1e200]]), T: T.tensor([[0]]) };
 * try {
 *   Tr.fit({ net, cost: N.mse(), optimiser: O.sgd(1), epochs: 3, key: T.key(0), data, theta: [{ W: T.tensor([[1]]), b: T.tensor([0]) }] });
 * } catch (e) {
 *   if (Tr.NonFiniteTrainingError.is(e)) console.log(e.step, e.source, e.path, e.lastGood.step); // 1 gradient [0].W 0
 * }
 * ```
 */
export class NonFiniteTrainingError extends T.NonFiniteError {
  /** Which value was non-finite. */
  readonly source: NonFiniteSource;
  /** The failing step (the optimiser update it would have been), counted from 1. */
  declare readonly step: number;
  /** The epoch of the failing step, counted from 1. */
  readonly epoch: number;
  /** The state before the failing step: Θ, optimiser state and counters all still finite. */
  readonly lastGood: TrainState;
  /** The records of the epochs completed before the failure. */
  readonly history: readonly EpochRecord[];
  constructor(fields: { op: string; source: NonFiniteSource; path: string; value: number; step: number; epoch: number; lastGood: TrainState; history: readonly EpochRecord[] }) {
    super({ op: fields.op, path: fields.path, value: fields.value, step: fields.step });
    this.name = 'NonFiniteTrainingError';
    const at = fields.source === 'loss' ? '' : ` at ${fields.path}`;
    this.message = `${fields.op}: non-finite ${fields.source} ${fields.value}${at} (step ${fields.step}, epoch ${fields.epoch}); the last good state (step ${fields.lastGood.step}) is on error.lastGood`;
    this.epoch = fields.epoch;
    this.source = fields.source;
    this.lastGood = fields.lastGood;
    this.history = fields.history;
  }
  /** True for a `NonFiniteError` from a training run (one carrying `lastGood`), whichever copy of the package threw it. */
  static override is(value: unknown): value is NonFiniteTrainingError {
    return T.NonFiniteError.is(value) && 'lastGood' in value && 'source' in value;
  }
}
