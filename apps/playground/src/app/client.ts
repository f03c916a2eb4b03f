/**
 * The page's side of the training worker: sends commands, drops snapshots of replaced configs,
 * and turns `step(n)` into a promise of the snapshot after those steps (the tests' hook).
 */
import type { ProblemData, Snapshot } from '../engine/snapshot.js';
import type { PlaygroundConfig } from '../state/config.js';
import type { Command, Report, Speed } from '../worker/protocol.js';

/** What the page hears from the worker. */
export interface ClientEvents {
  /** A new snapshot of the current config. */
  readonly snapshot: (snapshot: Snapshot, running: boolean, stepsPerSecond: number, data: ProblemData | undefined) => void;
  /** Training stopped with an error (e.g. the loss became NaN). */
  readonly error: (message: string) => void;
}

/** The worker, wrapped. */
export interface TrainerClient {
  readonly configure: (config: PlaygroundConfig, at: number) => void;
  readonly play: () => void;
  readonly pause: () => void;
  readonly reset: () => void;
  readonly speed: (speed: Speed) => void;
  /** Takes `count` steps (pausing first); resolves with the snapshot after them. */
  readonly step: (count: number) => Promise<Snapshot>;
  /** Tells the worker the last snapshot is drawn. */
  readonly ack: () => void;
}

/** Starts the worker and wires it to `events`. */
export function createClient(events: ClientEvents): TrainerClient {
  const worker = new Worker(new URL('../worker/worker.ts', import.meta.url), { type: 'module', name: 'theta-training' });
  let revision = 0;
  let nextId = 0;
  const waiting = new Map<number, { resolve: (s: Snapshot) => void; reject: (e: Error) => void }>();
  const send = (command: Command): void => worker.postMessage(command);

  worker.onmessage = (event: MessageEvent<Report>) => {
    const report = event.data;
    if (report.revision !== revision) {
      if (report.type === 'snapshot') send({ type: 'ack' });
      return;
    }
    const pending = report.reply === undefined ? undefined : waiting.get(report.reply);
    if (report.reply !== undefined) waiting.delete(report.reply);
    if (report.type === 'error') {
      events.error(report.message);
      pending?.reject(new Error(report.message));
      return;
    }
    events.snapshot(report.snapshot, report.running, report.stepsPerSecond, report.data);
    pending?.resolve(report.snapshot);
  };
  worker.onerror = (event) => events.error(`the training worker failed: ${event.message}`);

  return {
    configure: (config, at) => {
      revision += 1;
      for (const [, p] of waiting) p.reject(new Error('the configuration changed'));
      waiting.clear();
      send({ type: 'configure', revision, config, at });
    },
    play: () => send({ type: 'play' }),
    pause: () => send({ type: 'pause' }),
    reset: () => send({ type: 'reset' }),
    speed: (speed) => send({ type: 'speed', speed }),
    step: (count) =>
      new Promise<Snapshot>((resolve, reject) => {
        const id = nextId++;
        waiting.set(id, { resolve, reject });
        send({ type: 'step', count, id });
      }),
    ack: () => send({ type: 'ack' }),
  };
}
