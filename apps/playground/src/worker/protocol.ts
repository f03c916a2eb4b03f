/**
 * The messages between the page and the training worker. Every snapshot carries the revision
 * of the config it belongs to, so the page can drop answers about a config it has replaced.
 */
import type { ProblemData, Snapshot } from '../engine/snapshot.js';
import type { PlaygroundConfig } from '../state/config.js';

/** How fast a playing run goes: one step per frame, one epoch per frame, or as fast as it can. */
export type Speed = 'step' | 'epoch' | 'max';

/** Page → worker. */
export type Command =
  /** Build a new run from `config`, train it to step `at`, send a snapshot. */
  | { readonly type: 'configure'; readonly revision: number; readonly config: PlaygroundConfig; readonly at: number }
  /** Start or stop training continuously. */
  | { readonly type: 'play' }
  | { readonly type: 'pause' }
  /** Take `count` steps now (pausing first), then answer with a snapshot carrying `id`. */
  | { readonly type: 'step'; readonly count: number; readonly id: number }
  /** Back to Θ₀ of the same config. */
  | { readonly type: 'reset' }
  /** How fast to play. */
  | { readonly type: 'speed'; readonly speed: Speed }
  /** The page has drawn the last snapshot: the worker may send the next one. */
  | { readonly type: 'ack' };

/** Worker → page. */
export type Report =
  | {
      readonly type: 'snapshot';
      readonly revision: number;
      readonly snapshot: Snapshot;
      /** The data points, with the first snapshot of each config. */
      readonly data?: ProblemData;
      readonly running: boolean;
      /** The `id` of the step command this answers, if any. */
      readonly reply?: number;
      /** Steps per second over the last play interval (0 when paused). */
      readonly stepsPerSecond: number;
    }
  | { readonly type: 'error'; readonly revision: number; readonly message: string; readonly reply?: number };
