// Early stopping against runs without it: when it stops, what it restores, and the rule itself.
import { describe, expect, it } from 'vitest';
import * as T from '@theta/tensor';
import * as N from '@theta/nn';
import * as O from '@theta/optim';
import * as D from '@theta/data';
import * as Tr from '@theta/train';
import { observe, startWatch } from './early-stopping.js';
import type { StoppingPlan } from './validate.js';

const bits = (tree: T.TensorTree): number[] =>
  T.Tree.leaves(tree).flatMap((x) => Array.from(new Uint8Array(x.data.buffer, x.data.byteOffset, x.data.byteLength)));

const d = D.franke(T.key(3), { n: 30, noise: 0.1 });
const net = N.mlp({ sizes: [2, 6, 1], activations: ['tanh', 'identity'] });
const base: Tr.TrainConfig = { net, cost: N.mse(), optimiser: O.adam(0.05), epochs: 8, batchSize: 10, key: T.key(1), data: { X: d.X, T: d.y }, validation: { X: d.X, T: d.y } };

describe('early stopping', () => {
  it('stops after `patience` epochs without an improvement larger than minDelta, restoring the best', () => {
    // With a huge minDelta only the first epoch counts as an improvement: stop at 1 + patience.
    const full = [...Tr.steps(base)];
    const result = Tr.fit({ ...base, earlyStopping: { patience: 3, minDelta: 1e9 } });
    expect(result.stopped).toBe('earlyStopping');
    expect(result.history.length).toBe(4);
    expect(result.bestEpoch).toBe(1);
    expect(bits(result.state.theta)).toEqual(bits(full[0]!.theta));
    expect(result.state.epoch).toBe(1);
    expect(result.history).toEqual(full.slice(0, 4).map((s) => s.metrics));
  });

  it('restoreBest: false keeps the last state', () => {
    const full = [...Tr.steps(base)];
    const result = Tr.fit({ ...base, earlyStopping: { patience: 2, minDelta: 1e9, restoreBest: false } });
    expect(result.state.epoch).toBe(3);
    expect(bits(result.state.theta)).toEqual(bits(full[2]!.theta));
  });

  it('runs to the end when patience outlasts the epochs, and hands back the best epoch', () => {
    const result = Tr.fit({ ...base, earlyStopping: { patience: 8, monitor: 'loss' } });
    const losses = result.history.map((r) => r.train.loss);
    const best = losses.indexOf(Math.min(...losses)) + 1;
    expect(result.stopped).toBe('completed');
    expect(result.bestEpoch).toBe(best);
    expect(result.state.epoch).toBe(best);
  });

  it("monitors validation metrics, larger-is-better for 'r2'", () => {
    const result = Tr.fit({ ...base, metrics: ['r2'], earlyStopping: { patience: 100, monitor: 'validation.r2' } });
    const r2 = result.history.map((r) => r.validation!.metrics['r2']!);
    expect(result.bestEpoch).toBe(r2.indexOf(Math.max(...r2)) + 1);
  });

  it('the rule: improvement beyond minDelta resets the wait; NaN never improves', () => {
    const plan: StoppingPlan = { patience: 2, minDelta: 0.1, restoreBest: true, set: 'train', value: 'loss', mode: 'min' };
    const state = {} as Tr.TrainState;
    const record = (loss: number): Tr.EpochRecord => ({ epoch: 1, step: 1, train: { loss, metrics: {} } });
    let watch = startWatch(plan);
    const stops: boolean[] = [];
    for (const loss of [NaN, 1, 0.95, 0.85, 0.8, 0.79]) {
      let stop: boolean;
      [watch, stop] = observe(plan, watch, state, record(loss));
      stops.push(stop);
    }
    // NaN: wait 1; 1: best; 0.95: wait 1; 0.85: best (≥ 0.1 better than 1); 0.8: wait 1; 0.79: wait 2 → stop.
    expect(stops).toEqual([false, false, false, false, false, true]);
    expect(watch.best).toBe(0.85);
  });
});
