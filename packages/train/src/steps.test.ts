// The loop against hand-written reference loops (N.backprop + O.update + O.applyUpdates over
// the documented keys), determinism, report granularity, and purity.
import { describe, expect, it } from 'vitest';
import * as T from '@theta/tensor';
import * as N from '@theta/nn';
import * as O from '@theta/optim';
import * as D from '@theta/data';
import * as Tr from '@theta/train';
import { callWithoutMutation } from '@theta/testing';

const bits = (tree: T.TensorTree): number[] =>
  T.Tree.leaves(tree).flatMap((x) => Array.from(new Uint8Array(x.data.buffer, x.data.byteOffset, x.data.byteLength)));

const regression = (dtype: T.DType = 'float64') => {
  const d = D.franke(T.key(7), { n: 23, noise: 0.1, dtype });
  return { X: d.X, T: d.y };
};
const net = N.mlp({ sizes: [2, 5, 3, 1], activations: { hidden: 'tanh', output: 'identity' } });
const base = (over: Partial<Tr.TrainConfig> = {}): Tr.TrainConfig => ({
  net, cost: N.mse(), penalty: 1e-3, optimiser: O.momentum(0.01), epochs: 3, batchSize: 5, key: T.key(42), data: regression(), ...over,
});

/** The documented recipe, written out: [initKey, batchKey] = split(key); epoch e uses foldIn(batchKey, e). */
function referenceLoop(config: Tr.TrainConfig, draw: (key: T.Key, n: number, b: number) => readonly (readonly number[])[]): { theta: N.Theta; losses: number[] } {
  const [initKey, batchKey] = T.split(config.key) as readonly [T.Key, T.Key];
  let theta = config.net.init(initKey, { dtype: config.data.X.dtype });
  let state = config.optimiser.init(theta);
  const penalty = typeof config.penalty === 'number' ? N.l2(config.penalty) : N.noPenalty;
  const gradient = N.backprop(config.net, config.cost, penalty);
  const losses: number[] = [];
  const n = config.data.X.shape[0] as number;
  for (let e = 1; e <= config.epochs; e++) {
    for (const rows of draw(T.foldIn(batchKey, e), n, config.batchSize ?? n)) {
      const { loss, grads } = gradient(theta, T.gather(config.data.X, rows), T.gather(config.data.T, rows));
      const lambdaR = T.item(penalty.value(theta));
      losses.push((loss - lambdaR) / rows.length + lambdaR);
      const [updates, next] = config.optimiser.update(grads, state, theta);
      [theta, state] = [O.applyUpdates(theta, updates), next];
    }
  }
  return { theta, losses };
}

describe('steps', () => {
  it('matches the reference loop with shuffled batches, bit for bit', () => {
    const config = base({ report: 'step' });
    const states = [...Tr.steps(config)];
    const ref = referenceLoop(config, (k, n, b) => D.shuffledBatches(k, n, b));
    expect(states.length).toBe(3 * 5); // ⌈23 / 5⌉ = 5 batches per epoch
    expect(bits(states.at(-1)!.theta)).toEqual(bits(ref.theta));
    // The per-step losses equal the reference's, except that epoch-closing states carry the epoch's loss.
    states.forEach((s, i) => {
      if (s.metrics === undefined) expect(s.loss).toBe(ref.losses[i]);
    });
  });

  it("matches the reference loop with sampling: 'replacement'", () => {
    const config = base({ sampling: 'replacement' });
    const result = Tr.fit(config);
    const ref = referenceLoop(config, (k, n, b) => D.sampleBatches(k, n, b, Math.ceil(n / b)));
    expect(bits(result.state.theta)).toEqual(bits(ref.theta));
    expect(result.state.step).toBe(15);
  });

  it('without batchSize is plain gradient descent on the whole set', () => {
    const config = base({ batchSize: undefined as never, epochs: 4, penalty: 0 });
    const { batchSize: _, ...rest } = config;
    const result = Tr.fit(rest);
    const data = rest.data;
    let theta = net.init(T.split(rest.key)[0] as T.Key);
    let state = rest.optimiser.init(theta);
    const losses: number[] = [];
    for (let t = 0; t < 4; t++) {
      const { loss, grads } = N.backprop(net, rest.cost)(theta, data.X, data.T);
      losses.push(loss / 23);
      [theta, state] = O.step(rest.optimiser, grads, state, theta);
    }
    expect(bits(result.state.theta)).toEqual(bits(theta));
    expect(result.history.map((r) => r.train.loss)).toEqual(losses);
    expect(result.state.batches).toBe(1);
  });

  it('gives a bit-identical loss history and Θ for the same key, and a different one for another key', () => {
    const config = base({ epochs: 4, validation: regression(), metrics: ['mse', 'r2'] });
    const [a, b] = [Tr.fit(config), Tr.fit(config)];
    const history = (r: Tr.FitResult) => r.history.flatMap((h) => [h.train.loss, h.validation!.loss, h.train.metrics['mse']!, h.validation!.metrics['r2']!]);
    expect(history(a)).toEqual(history(b));
    expect(bits(a.state.theta)).toEqual(bits(b.state.theta));
    const c = Tr.fit({ ...config, key: T.key(43) });
    expect(history(c)).not.toEqual(history(a));
  });

  it("report: 'epoch' yields exactly the epoch-closing states of report: 'step'", () => {
    const byStep = [...Tr.steps(base({ report: 'step' }))];
    const byEpoch = [...Tr.steps(base())];
    const closing = byStep.filter((s) => s.metrics !== undefined);
    expect(byEpoch.map((s) => [s.step, s.epoch, s.batch, s.loss])).toEqual(closing.map((s) => [s.step, s.epoch, s.batch, s.loss]));
    expect(byEpoch.map((s) => bits(s.theta))).toEqual(closing.map((s) => bits(s.theta)));
    expect(byStep.map((s) => s.step)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    expect(byStep.map((s) => s.batch)).toEqual([1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 1, 2, 3, 4, 5]);
    expect(byStep.every((s) => s.batches === 5 && T.isKey(s.key) && Object.isFrozen(s))).toBe(true);
  });

  it("an epoch's train loss is the batch-size-weighted mean of its steps' losses", () => {
    // Replay the steps of epoch 2 by hand: batch sizes 5, 5, 5, 5, 3.
    const config = base({ report: 'step' });
    const ref = referenceLoop(config, (k, n, b) => D.shuffledBatches(k, n, b));
    const sizes = [5, 5, 5, 5, 3];
    const mean = sizes.reduce((s, m, i) => s + m * ref.losses[5 + i]!, 0) / 23;
    const states = [...Tr.steps(config)];
    expect(states[9]!.metrics!.train.loss).toBeCloseTo(mean, 14);
    expect(states[9]!.loss).toBe(states[9]!.metrics!.train.loss);
  });

  it('records validation loss and metrics equal to evaluate() at the epoch-closing Θ', () => {
    const validation = regression();
    const config = base({ validation, metrics: ['mse', 'r2'] });
    for (const s of Tr.steps(config)) {
      const v = Tr.evaluate(net, s.theta, validation.X, validation.T, { cost: config.cost, penalty: 1e-3, metrics: ['mse', 'r2'] });
      const t = Tr.evaluate(net, s.theta, config.data.X, config.data.T, { cost: config.cost, metrics: ['mse', 'r2'] });
      expect(s.metrics!.validation).toEqual(v);
      expect(s.metrics!.train.metrics).toEqual(t.metrics);
    }
  });

  it('the generator returns what fit returns', () => {
    const run = Tr.steps(base());
    let next = run.next();
    while (next.done !== true) next = run.next();
    const result = Tr.fit(base());
    expect(bits(next.value.state.theta)).toEqual(bits(result.state.theta));
    expect(next.value.history).toEqual(result.history);
    expect(next.value.stopped).toBe('completed');
    expect(next.value.bestEpoch).toBeUndefined();
  });

  it("gradient: 'reverse' trains to the same Θ as backprop, up to rounding", () => {
    const a = Tr.fit(base({ metrics: ['mse'] }));
    const b = Tr.fit(base({ metrics: ['mse'], gradient: 'reverse' }));
    expect(T.Tree.allClose(a.state.theta, b.state.theta, { rtol: 1e-9, atol: 1e-12 })).toBe(true);
    a.history.forEach((h, i) => expect(h.train.loss).toBeCloseTo(b.history[i]!.train.loss, 10));
  });

  it('trains in float32 when the data is float32, and lowers the loss', () => {
    const config = base({ data: regression('float32'), optimiser: O.adam(0.02), epochs: 30 });
    const result = Tr.fit(config);
    expect(T.Tree.leaves(result.state.theta).every((x) => x.dtype === 'float32')).toBe(true);
    expect(result.history.at(-1)!.train.loss).toBeLessThan(result.history[0]!.train.loss / 2);
  });

  it('resumes from a given Θ and optimiser state', () => {
    // Whole-set batches do not depend on the key, so 2 + 2 epochs resumed equal 4 epochs straight.
    const theta = net.init(T.key(5));
    const config = { ...base({ theta, optimiser: O.adam(0.01) }), batchSize: 23 };
    const straight = Tr.fit({ ...config, epochs: 4 });
    const first = Tr.fit({ ...config, epochs: 2 });
    const resumed = Tr.fit({ ...config, theta: first.state.theta, optState: first.state.optState, epochs: 2 });
    expect(bits(resumed.state.theta)).toEqual(bits(straight.state.theta));
    expect(bits(first.state.theta)).not.toEqual(bits(straight.state.theta));
  });

  it('mutates nothing it is given', () => {
    const config = base({ validation: regression(), metrics: ['mse'], report: 'step', theta: net.init(T.key(9)) });
    callWithoutMutation(Tr.fit, [config]);
    callWithoutMutation((c: Tr.TrainConfig) => [...Tr.steps(c)], [config]);
  });

  it('trains class labels [N] with softmax and categorical cross-entropy', () => {
    const d = D.gaussians(T.key(1), { n: 60 });
    const classifier = N.mlp({ sizes: [2, 8, 2], activations: { hidden: 'relu', output: 'softmax' } });
    const result = Tr.fit({
      net: classifier, cost: N.categoricalCrossEntropy({ reduction: 'mean' }), optimiser: O.adam(0.05), epochs: 20, batchSize: 16,
      key: T.key(0), data: { X: d.X, T: d.y }, metrics: ['accuracy'],
    });
    const oneHot = Tr.fit({
      net: classifier, cost: N.categoricalCrossEntropy({ reduction: 'mean' }), optimiser: O.adam(0.05), epochs: 20, batchSize: 16,
      key: T.key(0), data: { X: d.X, T: Tr.targetsFor(d.y, 2) }, metrics: ['accuracy'],
    });
    expect(result.history.at(-1)!.train.metrics['accuracy']).toBeGreaterThan(0.9);
    expect(result.history.map((h) => h.train.loss)).toEqual(oneHot.history.map((h) => h.train.loss));
  });
});
