/**
 * The worker's logic without the Worker: it receives commands, steps the session, and posts
 * snapshots no faster than the page draws them (the page acknowledges each one). Kept apart
 * from `worker.ts` so that it runs in Node for tests and the bench.
 */
import { createSession, type Session, type TrainingState } from '../engine/session.js';
import { problemData, takeSnapshot } from '../engine/snapshot.js';
import type { Command, Report, Speed } from './protocol.js';

/** How long one slice of training may hold the worker before it looks at its messages. */
const SLICE_MS = 12;

/**
 * Where reports go. Snapshots are copied to the page, never transferred: transferring detaches
 * their buffers, and the first detached buffer in a V8 isolate makes every typed-array loop in
 * it — this worker's training — 2–3× slower for good (V8's "array buffer detaching protector").
 */
export type Post = (report: Report) => void;

/** Schedules `f` to run soon after the current task (between two training slices). */
export type Defer = (f: () => void) => void;

/** A runner: feed it commands. */
export interface Runner {
  /** Handles one command from the page. */
  readonly receive: (command: Command) => void;
}

/** Makes a runner that posts with `post` and yields with `defer`. */
export function createRunner(post: Post, defer: Defer, now: () => number = () => performance.now()): Runner {
  let revision = -1;
  let session: Session | undefined;
  let state: TrainingState | undefined;
  let running = false;
  let speed: Speed = 'epoch';
  let awaitingAck = false;
  let scheduled = false;
  let stepsSinceFrame = 0;
  let dataSent = false;
  let rate = { since: now(), steps: 0, perSecond: 0 };

  const fail = (error: unknown, reply?: number): void => {
    running = false;
    const message = error instanceof Error ? error.message : String(error);
    post({ type: 'error', revision, message, ...(reply === undefined ? {} : { reply }) });
  };

  const send = (reply?: number): void => {
    if (session === undefined || state === undefined) return;
    try {
      const snapshot = takeSnapshot(session, state);
      awaitingAck = true;
      stepsSinceFrame = 0;
      const data = dataSent ? {} : { data: problemData(session) };
      dataSent = true;
      post({ type: 'snapshot', revision, snapshot, running, stepsPerSecond: running ? rate.perSecond : 0, ...data, ...(reply === undefined ? {} : { reply }) });
    } catch (error) {
      fail(error, reply);
    }
  };

  /** Steps wanted before the next frame at the current speed. */
  const quota = (): number => (speed === 'step' ? 1 : speed === 'epoch' ? (session?.batchesPerEpoch ?? 1) : Number.POSITIVE_INFINITY);

  const tick = (): void => {
    scheduled = false;
    if (!running || session === undefined || state === undefined) return;
    const start = now();
    try {
      while (stepsSinceFrame < quota() && now() - start < SLICE_MS) {
        state = session.step(state);
        stepsSinceFrame += 1;
        rate.steps += 1;
      }
    } catch (error) {
      fail(error);
      send();
      return;
    }
    const t = now();
    if (t - rate.since > 500) rate = { since: t, steps: 0, perSecond: (rate.steps * 1000) / (t - rate.since) };
    if (!awaitingAck && stepsSinceFrame > 0) send();
    // Keep training while the frame's quota is not met; otherwise wait for the page's ack.
    if (stepsSinceFrame < quota()) schedule();
  };

  const schedule = (): void => {
    if (scheduled || !running) return;
    scheduled = true;
    defer(tick);
  };

  const receive = (command: Command): void => {
    switch (command.type) {
      case 'configure': {
        revision = command.revision;
        dataSent = false;
        try {
          session = createSession(command.config);
          state = session.init();
          for (let i = 0; i < command.at; i++) state = session.step(state);
        } catch (error) {
          fail(error);
          if (session !== undefined && state !== undefined) send();
          return;
        }
        send();
        if (running) schedule();
        return;
      }
      case 'play':
        running = true;
        rate = { since: now(), steps: 0, perSecond: 0 };
        schedule();
        return;
      case 'pause':
        running = false;
        send();
        return;
      case 'step': {
        running = false;
        if (session === undefined || state === undefined) return;
        try {
          for (let i = 0; i < command.count; i++) state = session.step(state);
        } catch (error) {
          fail(error, command.id);
        }
        send(command.id);
        return;
      }
      case 'reset':
        if (session === undefined) return;
        state = session.init();
        send();
        return;
      case 'speed':
        speed = command.speed;
        return;
      case 'ack':
        awaitingAck = false;
        if (running) {
          if (stepsSinceFrame >= quota()) send();
          schedule();
        }
        return;
    }
  };

  return { receive };
}
