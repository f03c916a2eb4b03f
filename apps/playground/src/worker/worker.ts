/**
 * The training worker's entry: wires the runner to the worker's message port, so training
 * never blocks the page. A MessageChannel yields between slices without setTimeout's clamping.
 */
import type { Command, Report } from './protocol.js';
import { createRunner } from './runner.js';

/** The parts of the dedicated worker scope used here (the DOM lib types `self` as a Window). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<Command>) => void) | null;
  postMessage(message: Report): void;
}

const scope = self as unknown as WorkerScope;
const channel = new MessageChannel();
const pending: (() => void)[] = [];
channel.port1.onmessage = () => pending.shift()?.();

const runner = createRunner(
  (report) => scope.postMessage(report),
  (f) => {
    pending.push(f);
    channel.port2.postMessage(null);
  },
);
scope.onmessage = (event) => runner.receive(event.data);
