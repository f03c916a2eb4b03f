/**
 * `window.playground`: a small deterministic handle for tests and the bench. `step(n)` takes
 * exactly n training steps and resolves once their snapshot is on screen, so tests never
 * depend on timing.
 */
import type { Snapshot } from '../engine/snapshot.js';
import type { AppState } from '../state/url.js';

/** A snapshot's headline numbers, as plain JSON. */
export interface Summary {
  readonly step: number;
  readonly epoch: number;
  readonly trainLoss: number;
  readonly testLoss: number;
  readonly trainMetric: number;
  readonly testMetric: number;
  readonly sizes: readonly number[];
  readonly activations: readonly string[];
  readonly agree: boolean;
  readonly maxRelDiff: number;
  readonly optimiserState: readonly string[];
}

/** What the page exposes on `window.playground`. */
export interface PlaygroundHandle {
  /** Takes n steps (pausing first); resolves with the summary once it is drawn. */
  readonly step: (n: number) => Promise<Summary>;
  /** The summary on screen now (undefined before the first snapshot). */
  readonly summary: () => Summary | undefined;
  /** The app state (what the URL encodes). */
  readonly state: () => AppState;
  /** Resolves once the first snapshot is drawn. */
  readonly ready: Promise<Summary>;
  /** Frames drawn so far (the bench's frame counter). */
  readonly frames: () => number;
  /** Milliseconds the page spent drawing those frames. */
  readonly drawMs: () => number;
  readonly play: () => void;
  readonly pause: () => void;
}

/** The app's side of the hook: tell it about every drawn snapshot. */
export interface Hook {
  readonly drawn: (s: Snapshot) => void;
}

const summarise = (s: Snapshot): Summary => ({
  step: s.step, epoch: s.epoch, trainLoss: s.trainLoss, testLoss: s.testLoss, trainMetric: s.trainMetric, testMetric: s.testMetric,
  sizes: s.sizes, activations: s.activations, agree: s.math.agree, maxRelDiff: s.math.maxRelDiff,
  optimiserState: s.math.optimiser.map((e) => e.label),
});

/** Installs `window.playground`. */
export function installHook(app: {
  readonly step: (n: number) => Promise<Snapshot>;
  readonly state: () => AppState;
  readonly latest: () => Snapshot | undefined;
  readonly frames: () => number;
  readonly drawMs: () => number;
  readonly play: () => void;
  readonly pause: () => void;
}): Hook {
  // Waiters are matched to the very snapshot they asked for: a step number alone is not enough,
  // since after a configuration change the new run reaches the step the old one was drawn at.
  const waiting: { readonly snapshot: Snapshot; readonly resolve: (s: Summary) => void }[] = [];
  let resolveReady: (s: Summary) => void = () => undefined;
  const ready = new Promise<Summary>((resolve) => (resolveReady = resolve));
  const handle: PlaygroundHandle = {
    step: async (n) => {
      const snapshot = await app.step(n);
      const drawn = app.latest();
      if (drawn === snapshot) return summarise(drawn);
      return new Promise<Summary>((resolve) => waiting.push({ snapshot, resolve }));
    },
    summary: () => {
      const s = app.latest();
      return s === undefined ? undefined : summarise(s);
    },
    state: app.state,
    ready,
    frames: app.frames,
    drawMs: app.drawMs,
    play: app.play,
    pause: app.pause,
  };
  (window as unknown as { playground: PlaygroundHandle }).playground = handle;
  return {
    drawn: (s) => {
      const summary = summarise(s);
      resolveReady(summary);
      for (let i = waiting.length - 1; i >= 0; i--) {
        if (waiting[i]!.snapshot === s) waiting.splice(i, 1)[0]!.resolve(summary);
      }
    },
  };
}
