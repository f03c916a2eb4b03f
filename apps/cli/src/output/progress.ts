/**
 * The training progress bar (cli-progress): one bar over the run's minibatches, with the
 * epoch, the live loss and the latest test metric. Drawn only on a terminal and never with
 * `--json`, so piped output stays clean.
 *
 * @module
 */
import cliProgress from 'cli-progress';
import type { Io } from '../io.js';
import { formatNumber } from './table.js';

/** What the bar shows after each step. */
export interface ProgressUpdate {
  /** Steps taken so far. */
  readonly step: number;
  /** The current epoch, from 1. */
  readonly epoch: number;
  /** The latest loss. */
  readonly loss: number;
  /** The latest test metric, in words (`test accuracy 0.95`), when an epoch has closed. */
  readonly note?: string;
}

/** A progress display that can be updated and stopped. */
export interface Progress {
  /** Redraws with the state after a step (throttled by cli-progress). */
  update(update: ProgressUpdate): void;
  /** Draws the final state and releases the terminal line. */
  stop(): void;
}

/** The bar that draws nothing. */
const silent: Progress = { update: () => undefined, stop: () => undefined };

/** What the bar needs to know up front. */
export interface ProgressOptions {
  /** Label in front of the bar (the data set's name). */
  readonly label: string;
  /** Total steps of the run. */
  readonly total: number;
  /** Epochs of the run. */
  readonly epochs: number;
  /** Draw it at all (false for `--json`). */
  readonly enabled: boolean;
}

/** A cli-progress bar on `io.stderr` with the given format. */
function barOn(io: Io, format: string): cliProgress.SingleBar {
  // cli-progress writes cursor codes only to a stream that says it is a TTY.
  const stream = { write: (text: string) => io.stderr.write(text), isTTY: true, get columns() { return io.stderr.columns ?? 100; } };
  return new cliProgress.SingleBar(
    { stream: stream as unknown as NodeJS.WritableStream, format, barsize: 24, hideCursor: true, clearOnComplete: false, fps: 10 },
    cliProgress.Presets.shades_classic,
  );
}

/** A bar on `io.stderr` when it is a terminal and `enabled`; otherwise one that draws nothing. */
export function createProgress(io: Io, options: ProgressOptions): Progress {
  if (!io.isTTY || !options.enabled) return silent;
  const bar = barOn(io, `${options.label} epoch {epoch}/${options.epochs} {bar} {percentage}% | loss {loss}{note} | ETA {eta_formatted}`);
  bar.start(options.total, 0, { epoch: 1, loss: '…', note: '' });
  let note = '';
  return {
    update(update) {
      if (update.note !== undefined) note = ` | ${update.note}`;
      bar.update(update.step, { epoch: update.epoch, loss: formatNumber(update.loss, 4), note });
    },
    stop() {
      bar.stop();
    },
  };
}

/** A counter of finished grid cells, drawn like the training bar. */
export interface CellProgress {
  /** Marks one more cell done, with a note on its score. */
  done(cells: number, note: string): void;
  /** Releases the terminal line. */
  stop(): void;
}

/** A bar over the cells of a grid search (nothing when not a terminal or not `enabled`). */
export function createCellProgress(io: Io, total: number, enabled: boolean): CellProgress {
  if (!io.isTTY || !enabled) return { done: () => undefined, stop: () => undefined };
  const bar = barOn(io, `grid cell {value}/{total} {bar} {percentage}% | {note} | ETA {eta_formatted}`);
  bar.start(total, 0, { note: 'training…' });
  return { done: (cells, note) => bar.update(cells, { note }), stop: () => bar.stop() };
}
