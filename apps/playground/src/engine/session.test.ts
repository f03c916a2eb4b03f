import * as T from '@theta/tensor';
import { describe, expect, it } from 'vitest';
import { defaultConfig, optimiserNames, scheduleNames, type PlaygroundConfig } from '../state/config.js';
import { normalise, switchProblem } from '../state/normalise.js';
import { stateEntries, mathSnapshot } from './math.js';
import { createSession, type TrainingState } from './session.js';
import { takeSnapshot } from './snapshot.js';

const run = (config: PlaygroundConfig, steps: number): TrainingState => {
  const session = createSession(config);
  let state = session.init();
  for (let i = 0; i < steps; i++) state = session.step(state);
  return state;
};

const flat = (state: TrainingState): number[] => T.Tree.leaves(state.theta as unknown as T.TensorTree).flatMap((t) => T.toArray(t));

describe('the training session', () => {
  it('is deterministic: the same config gives bit-identical Θ, another seed a different one', () => {
    const config = normalise({ ...defaultConfig, problem: 'xor', noise: 0.1, seed: 5 });
    expect(flat(run(config, 40))).toEqual(flat(run(config, 40)));
    expect(flat(run({ ...config, seed: 6 }, 40))).not.toEqual(flat(run(config, 40)));
    expect(flat(run({ ...config, dataSeed: 1 }, 40))).not.toEqual(flat(run(config, 40)));
  });

  it('walks every training row once per epoch', () => {
    const session = createSession(normalise({ ...defaultConfig, batchSize: 32 }));
    const rows = session.problem.XTrain.shape[0]!;
    expect(session.batchesPerEpoch).toBe(Math.ceil(rows / 32));
    const seen = Array.from({ length: session.batchesPerEpoch }, (_, s) => session.batchAt(s).indices).flat();
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: rows }, (_, i) => i));
    // The next epoch is a different order of the same rows.
    expect(session.batchAt(session.batchesPerEpoch).indices).not.toEqual(session.batchAt(0).indices);
  });

  it('learns the circle with the default settings: test loss below 0.1 within 1000 steps', () => {
    const session = createSession(defaultConfig);
    let state = session.init();
    const before = takeSnapshot(session, state);
    for (let i = 0; i < 1000; i++) state = session.step(state);
    const after = takeSnapshot(session, state);
    expect(before.testLoss).toBeGreaterThan(0.5);
    expect(after.testLoss).toBeLessThan(0.1);
    expect(after.testMetric).toBeGreaterThan(0.95);
  });

  it('gives the same training with δ-equations and reverse mode, to rounding', () => {
    const a = flat(run(normalise({ ...defaultConfig, gradient: 'delta' }), 30));
    const b = flat(run(normalise({ ...defaultConfig, gradient: 'reverse' }), 30));
    a.forEach((v, i) => expect(Math.abs(v - b[i]!)).toBeLessThan(1e-10));
  });

  it('has the mathematics panel agree, and its δ and gradient norms match their definitions', () => {
    const config = normalise({ ...defaultConfig, penalty: 'l2', lambda: 0.01, hidden: [3, 3] });
    const session = createSession(config);
    let state = session.init();
    for (let i = 0; i < 5; i++) state = session.step(state);
    const m = mathSnapshot(session, state);
    expect(m.agree).toBe(true);
    expect(m.step).toBe(6);
    const batch = session.batchAt(5);
    const { deltas, grads, loss } = session.model.backprop(state.theta, batch.X, batch.t);
    expect(m.batchLoss).toBe(loss);
    m.layers.forEach((l, i) => {
      const norm = (x: T.Tensor): number => Math.sqrt(T.toArray(x).reduce((s, v) => s + v * v, 0));
      expect(l.deltaNorm).toBeCloseTo(norm(deltas[i]!), 12);
      expect(l.gradW).toBeCloseTo(norm(grads[i]!.W), 12);
      expect(l.nodes).toBe(session.model.net.sizes[i + 1]);
    });
    expect(m.optimiser.map((e) => e.label)).toEqual(['m, 1st moment', 'v, 2nd moment', 't, step count']);
    expect(m.optimiser[2]!.value).toBe(5);
  });

  it('names the state of every optimiser', () => {
    const labels = (optimiser: PlaygroundConfig['optimiser']): string[] => {
      const session = createSession(normalise({ ...defaultConfig, optimiser }));
      return stateEntries(session.step(session.init()).optState).map((e) => e.label);
    };
    expect(labels('sgd')).toEqual(['t, step count']);
    expect(labels('momentum')).toEqual(['velocity', 't, step count']);
    expect(labels('rmsprop')).toEqual(['mean of g²', 't, step count']);
    expect(labels('adagrad')).toEqual(['Σ g²', 't, step count']);
    expect(labels('adamax')).toEqual(['m, 1st moment', 'u, ∞-norm', 't, step count']);
    expect(labels('nesterov')).toEqual(['velocity', 't, step count']);
    expect(labels('adamw')).toEqual(['m, 1st moment', 'v, 2nd moment', 't, step count']);
    expect(labels('nadam')).toEqual(['m, 1st moment', 'v, 2nd moment', 't, step count']);
  });

  it('builds every optimiser with every schedule, and the schedule sets γ_t', () => {
    for (const optimiser of optimiserNames) {
      for (const schedule of scheduleNames) {
        const session = createSession(normalise({ ...defaultConfig, optimiser, schedule, scheduleSteps: 10, warmupSteps: 20 }));
        let state = session.init();
        for (let i = 0; i < 3; i++) state = session.step(state);
        expect(flat(state).every(Number.isFinite)).toBe(true);
      }
    }
    const gamma = (schedule: PlaygroundConfig['schedule'], t: number): number =>
      createSession(normalise({ ...defaultConfig, schedule, scheduleRate: 0.5, scheduleSteps: 10 })).model.learningRate(t);
    expect(gamma('constant', 50)).toBe(0.03);
    expect(gamma('exponentialDecay', 20)).toBeCloseTo(0.03 * 0.25, 15);
    expect(gamma('inverseTimeDecay', 4)).toBeCloseTo(0.03 / 3, 15);
    expect(gamma('cosineDecay', 10)).toBeCloseTo(0, 15);
    expect(gamma('invScaling', 3)).toBeCloseTo(0.03 / 2, 15);
  });

  it('trains every problem a few steps with its usual settings', () => {
    for (const problem of ['xor', 'gaussians', 'spiral', 'plane', 'franke', 'runge', 'digits'] as const) {
      const config = switchProblem(defaultConfig, problem);
      const session = createSession(config);
      let state = session.init();
      for (let i = 0; i < 3; i++) state = session.step(state);
      const s = takeSnapshot(session, state);
      expect(Number.isFinite(s.testLoss)).toBe(true);
      expect(s.math.agree).toBe(true);
      if (problem === 'digits') expect(s.confusion.reduce((a, b) => a + b, 0)).toBe(session.problem.yTest.length);
      else expect(s.output.length).toBe(problem === 'runge' ? 200 : 2500);
    }
  });

  it('stops with a NonFiniteError naming the step when the loss overflows', () => {
    const session = createSession(normalise({ ...defaultConfig, problem: 'plane', cost: 'mse', output: 'identity', optimiser: 'sgd', learningRate: 10, hidden: [8, 8], activations: ['relu', 'relu'] }));
    let state = session.init();
    let error: unknown;
    try {
      for (let i = 0; i < 500; i++) state = session.step(state);
    } catch (e) {
      error = e;
    }
    expect(T.NonFiniteError.is(error)).toBe(true);
    expect((error as T.NonFiniteError).step).toBe(state.step + 1);
  });
});
