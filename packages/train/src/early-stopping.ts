/**
 * Early stopping as a pure fold over epoch records: the best value so far, its state, and how
 * many epochs have passed without improvement.
 *
 * @module
 */
import type { EpochRecord, TrainState } from './state.js';
import type { StoppingPlan } from './validate.js';

/** What early stopping remembers between epochs. */
export interface Watch {
  /** The best monitored value so far (±∞ before the first epoch). */
  readonly best: number;
  /** The state that closed the best epoch. */
  readonly bestState: TrainState | undefined;
  /** Epochs since the last improvement. */
  readonly wait: number;
}

/** The watch before any epoch. */
export const startWatch = (plan: StoppingPlan): Watch => ({ best: plan.mode === 'min' ? Infinity : -Infinity, bestState: undefined, wait: 0 });

/** The monitored value of a record (NaN when absent). */
export function monitored(plan: StoppingPlan, record: EpochRecord): number {
  const evaluation = plan.set === 'validation' ? record.validation : record.train;
  if (evaluation === undefined) return Number.NaN;
  return plan.value === 'loss' ? evaluation.loss : (evaluation.metrics[plan.value] ?? Number.NaN);
}

/**
 * Folds one closed epoch into the watch: an improvement is a value better than the best by
 * more than `minDelta` (the first finite value always is); NaN never improves.
 * Returns the next watch and whether to stop now.
 */
export function observe(plan: StoppingPlan, watch: Watch, state: TrainState, record: EpochRecord): readonly [Watch, boolean] {
  const value = monitored(plan, record);
  const first = watch.bestState === undefined && Number.isFinite(value);
  const improved = first || (plan.mode === 'min' ? value < watch.best - plan.minDelta : value > watch.best + plan.minDelta);
  const next: Watch = improved ? { best: value, bestState: state, wait: 0 } : { ...watch, wait: watch.wait + 1 };
  return [next, next.wait >= plan.patience];
}
