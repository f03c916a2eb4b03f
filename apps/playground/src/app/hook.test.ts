// window.playground.step(n) must resolve with the snapshot its own steps produced, not with an
// earlier one that happens to carry the same step number (a run of the previous configuration).
import { afterEach, describe, expect, it } from 'vitest';
import type { Snapshot } from '../engine/snapshot.js';
import { installHook, type PlaygroundHandle } from './hook.js';

const snapshot = (step: number, activations: string[]): Snapshot =>
  ({
    step, epoch: 1, trainLoss: 0.5, testLoss: 0.6, trainMetric: 0.9, testMetric: 0.8, sizes: [2, 4, 1], activations,
    math: { agree: true, maxRelDiff: 0, optimiser: [] },
  }) as unknown as Snapshot;

const globals = globalThis as unknown as { window?: { playground?: PlaygroundHandle } };
afterEach(() => {
  delete globals.window;
});

describe('the test hook', () => {
  it('waits for the snapshot its steps produced, even when one of the same step is on screen', async () => {
    globals.window = {};
    const old = snapshot(100, ['tanh', 'sigmoid']); // drawn: step 100 of the previous configuration
    const fresh = snapshot(100, ['relu', 'sigmoid']); // the reply to step(100) after the change
    let latest: Snapshot | undefined = old;
    const hook = installHook({
      step: async () => fresh, state: () => ({}) as never, latest: () => latest, frames: () => 0, drawMs: () => 0, play: () => undefined, pause: () => undefined,
    });
    let settled: string[] | undefined;
    const pending = globals.window.playground!.step(100).then((s) => (settled = [...s.activations]));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(settled).toBeUndefined(); // not the old run's step 100
    latest = fresh;
    hook.drawn(fresh);
    await pending;
    expect(settled).toEqual(['relu', 'sigmoid']);
  });

  it('answers at once when its snapshot is already drawn', async () => {
    globals.window = {};
    const drawn = snapshot(7, ['relu', 'identity']);
    installHook({ step: async () => drawn, state: () => ({}) as never, latest: () => drawn, frames: () => 0, drawMs: () => 0, play: () => undefined, pause: () => undefined });
    expect((await globals.window.playground!.step(7)).activations).toEqual(['relu', 'identity']);
  });
});
