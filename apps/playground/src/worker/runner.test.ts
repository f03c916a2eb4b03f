import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../state/config.js';
import { normalise } from '../state/normalise.js';
import type { Report } from './protocol.js';
import { createRunner } from './runner.js';

/** A runner whose deferred ticks run only when the test says so. */
function harness() {
  const reports: Report[] = [];
  const queue: (() => void)[] = [];
  const runner = createRunner((r) => reports.push(r), (f) => queue.push(f));
  const drain = (ticks: number): void => {
    for (let i = 0; i < ticks && queue.length > 0; i++) queue.shift()!();
  };
  const snapshots = () => reports.filter((r): r is Extract<Report, { type: 'snapshot' }> => r.type === 'snapshot');
  return { runner, reports, queue, drain, snapshots };
}

describe('the training worker’s runner', () => {
  it('answers configure with the data and a snapshot at step `at`, and step(n) with exactly n more steps', () => {
    const { runner, snapshots } = harness();
    runner.receive({ type: 'configure', revision: 1, config: defaultConfig, at: 7 });
    expect(snapshots()).toHaveLength(1);
    expect(snapshots()[0]!.snapshot.step).toBe(7);
    expect(snapshots()[0]!.data?.trainSize).toBe(250);
    runner.receive({ type: 'step', count: 5, id: 42 });
    const last = snapshots()[1]!;
    expect([last.snapshot.step, last.reply, last.revision, last.data]).toEqual([12, 42, 1, undefined]);
  });

  it('sends a snapshot per frame only after the page acknowledged the previous one', () => {
    const { runner, snapshots, drain, queue } = harness();
    runner.receive({ type: 'configure', revision: 3, config: normalise({ ...defaultConfig, batchSize: 50 }), at: 0 });
    runner.receive({ type: 'speed', speed: 'epoch' });
    runner.receive({ type: 'play' });
    drain(50);
    // Not acknowledged yet: the configure snapshot is the only one, and training paused after one epoch.
    expect(snapshots()).toHaveLength(1);
    expect(queue).toHaveLength(0);
    runner.receive({ type: 'ack' });
    expect(snapshots()).toHaveLength(2);
    expect(snapshots()[1]!.snapshot.step).toBe(5); // 250 rows / 50 = one epoch of 5 steps
    expect(snapshots()[1]!.running).toBe(true);
    drain(50);
    runner.receive({ type: 'ack' });
    expect(snapshots()[2]!.snapshot.step).toBe(10);
    runner.receive({ type: 'pause' });
    const paused = snapshots()[snapshots().length - 1]!;
    expect(paused.running).toBe(false);
    drain(50);
    runner.receive({ type: 'ack' });
    expect(snapshots()[snapshots().length - 1]!.snapshot.step).toBe(paused.snapshot.step);
  });

  it('reports a diverging run as an error and stops playing', () => {
    const { runner, reports, drain } = harness();
    const config = normalise({ ...defaultConfig, problem: 'plane', cost: 'mse', output: 'identity', optimiser: 'sgd', learningRate: 10, hidden: [8, 8], activations: ['relu', 'relu'] });
    runner.receive({ type: 'configure', revision: 1, config, at: 0 });
    runner.receive({ type: 'speed', speed: 'max' });
    runner.receive({ type: 'play' });
    for (let i = 0; i < 200 && !reports.some((r) => r.type === 'error'); i++) {
      drain(1);
      runner.receive({ type: 'ack' });
    }
    const error = reports.find((r) => r.type === 'error');
    expect(error?.type === 'error' && error.message).toMatch(/non-finite value .* at loss \(step \d+\)/);
    const last = reports[reports.length - 1]!;
    expect(last.type === 'snapshot' && last.running).toBe(false);
  });

  it('goes back to Θ₀ on reset', () => {
    const { runner, snapshots } = harness();
    runner.receive({ type: 'configure', revision: 1, config: defaultConfig, at: 0 });
    const first = snapshots()[0]!.snapshot;
    runner.receive({ type: 'step', count: 20, id: 1 });
    runner.receive({ type: 'reset' });
    const reset = snapshots()[2]!.snapshot;
    expect(reset.step).toBe(0);
    expect(reset.testLoss).toBe(first.testLoss);
  });
});
