// A step that produces NaN or ±∞ stops the run with a NonFiniteTrainingError that names the
// step and the first non-finite layer, and carries the last good state.
import { describe, expect, it } from 'vitest';
import * as T from '@theta/tensor';
import * as N from '@theta/nn';
import * as O from '@theta/optim';
import * as Tr from '@theta/train';

const net = N.mlp({ sizes: [2, 3, 1], activations: ['tanh', 'identity'] });
const data = { X: T.tensor([[0, 1], [1, 0], [1, 1], [0, 0]]), T: T.tensor([[1], [1], [0], [0]]) };
const good: Tr.TrainConfig = { net, cost: N.mse(), optimiser: O.sgd(0.1), epochs: 3, batchSize: 2, key: T.key(0), data, report: 'step' };

const catchFrom = (f: () => unknown): Tr.NonFiniteTrainingError => {
  try {
    f();
  } catch (e) {
    if (Tr.NonFiniteTrainingError.is(e)) return e;
    throw e;
  }
  throw new Error('expected a NonFiniteTrainingError');
};

/** An L2-like penalty whose gradient (in layer [1] only) or value turns non-finite from step `from` on (backprop asks for the value, then the gradient, once per step). */
const poisoned = (from: number, what: 'gradient' | 'value'): N.Penalty => {
  let calls = 0;
  return {
    name: 'l2', lambda: 1, includeBiases: false,
    value: ((theta: N.Theta) => T.scalar(what === 'value' && calls + 1 >= from ? Infinity : 0, { dtype: theta[0]!.W.dtype })) as N.PenaltyValue,
    gradient: (theta: N.Theta) => {
      calls++;
      return theta.map(({ W, b }, l) => ({ W: l === 1 && what === 'gradient' && calls >= from ? T.fullLike(W, NaN) : T.zerosLike(W), b: T.zerosLike(b) }));
    },
  };
};

describe('non-finite training', () => {
  it('names the step, the layer path of the first non-finite gradient, and keeps the last good state', () => {
    const states: Tr.TrainState[] = [];
    const e = catchFrom(() => Tr.fit({ ...good, penalty: poisoned(4, 'gradient') }, (s) => states.push(s)));
    expect(T.NonFiniteError.is(e)).toBe(true);
    expect([e.op, e.step, e.epoch, e.source, e.path]).toEqual(['fit', 4, 2, 'gradient', '[1].W']);
    expect(Number.isNaN(e.value)).toBe(true);
    expect(states.map((s) => s.step)).toEqual([1, 2, 3]);
    expect(e.lastGood).toBe(states[2]); // the state yielded just before the failing step
    expect(T.Tree.findNonFinite(e.lastGood.theta)).toBeUndefined();
    expect(e.history.map((r) => r.epoch)).toEqual([1]);
    expect(e.message).toContain('step 4');
    expect(e.message).toContain('[1].W');
  });

  it("steps reports it the same way, with op 'steps'", () => {
    const e = catchFrom(() => [...Tr.steps({ ...good, penalty: poisoned(1, 'gradient') })]);
    expect([e.op, e.step, e.source, e.path, e.lastGood.step]).toEqual(['steps', 1, 'gradient', '[1].W', 0]);
    expect(e.history).toEqual([]);
  });

  it('a non-finite loss with finite gradients is reported as the loss', () => {
    const e = catchFrom(() => Tr.fit({ ...good, penalty: poisoned(2, 'value') }));
    expect([e.step, e.source, e.path, e.value]).toEqual([2, 'loss', 'loss', Infinity]);
  });

  it('a non-finite Θ after the update is reported with its path', () => {
    const exploding: O.GradientTransformation = {
      init: () => ({}),
      update: (grads) => [T.Tree.map(grads, (g, path) => (path === '[1].b' ? T.fullLike(g, -Infinity) : g)), {}] as never,
    };
    const e = catchFrom(() => Tr.fit({ ...good, optimiser: exploding }));
    expect([e.step, e.source, e.path, e.value]).toEqual([1, 'theta', '[1].b', -Infinity]);
  });

  it('a learning rate far too large diverges and is caught, not carried on as NaN', () => {
    const e = catchFrom(() => Tr.fit({ ...good, optimiser: O.sgd(1e4), epochs: 100, report: 'epoch' }));
    expect(e.step).toBeGreaterThan(1);
    expect(e.lastGood.step).toBe(e.step - 1);
    expect(T.Tree.findNonFinite(e.lastGood.theta)).toBeUndefined();
    expect(T.Tree.findNonFinite(e.lastGood.optState)).toBeUndefined();
  });

  it('NonFiniteTrainingError.is tells it from a plain NonFiniteError', () => {
    expect(Tr.NonFiniteTrainingError.is(new T.NonFiniteError({ op: 'x', path: 'y', value: NaN }))).toBe(false);
    expect(Tr.NonFiniteTrainingError.is(new Error('no'))).toBe(false);
  });
});
