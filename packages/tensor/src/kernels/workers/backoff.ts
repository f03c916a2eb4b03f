/**
 * Backing off from splits that do not pay. A split pays only while another core is free; on a
 * machine busy with other work the worker runs late and a split product can take longer than
 * this thread alone would. After each split the caller compares the call's time with its own
 * pace (rows per millisecond on its chunks, extrapolated to all rows): a split slower than
 * that is a miss, and the next `skip` products that would split run on one thread instead,
 * `skip` doubling with each consecutive miss (1, 2, 4, … up to {@link MAX_SKIP}) and resetting
 * on the first split that pays. Results do not depend on it: both paths give the same bits.
 */

/** Most products run on one thread after a run of misses before the next try. */
export const MAX_SKIP = 64;

/** Where the backoff stands. */
export interface Backoff {
  /** Products still to run on one thread before the next split. */
  readonly skip: number;
  /** The length of the current skip (0 after a split that paid). */
  readonly span: number;
}

/** No misses yet. */
export const fresh: Backoff = { skip: 0, span: 0 };

/** A product that could split: whether to split it, and the state after skipping it if not. */
export const beforeSplit = (state: Backoff): [split: boolean, next: Backoff] =>
  state.skip > 0 ? [false, { ...state, skip: state.skip - 1 }] : [true, state];

/**
 * The state after a split of `m` rows that took `totalMs`, of which this thread computed
 * `ownRows` in `ownMs`. A thread that computed nothing gives no pace: not a miss.
 */
export function afterSplit(state: Backoff, m: number, totalMs: number, ownRows: number, ownMs: number): Backoff {
  if (ownRows === 0) return state;
  const alone = (ownMs * m) / ownRows;
  if (totalMs <= alone) return fresh;
  const span = Math.min(MAX_SKIP, Math.max(1, state.span * 2));
  return { skip: span, span };
}
