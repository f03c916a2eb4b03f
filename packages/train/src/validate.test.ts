// Every bad field of a configuration is rejected by name, before any training work.
import { describe, expect, it } from 'vitest';
import * as T from '@theta/tensor';
import * as N from '@theta/nn';
import * as O from '@theta/optim';
import * as Tr from '@theta/train';

const net = N.mlp({ sizes: [2, 3, 1], activations: ['tanh', 'identity'] });
const data = { X: T.tensor([[0, 1], [1, 0], [1, 1]]), T: T.tensor([[1], [1], [0]]) };
const good: Tr.TrainConfig = { net, cost: N.mse(), optimiser: O.sgd(0.1), epochs: 2, key: T.key(0), data };

/** A network that counts the work done through it. */
const counting = () => {
  const calls = { init: 0, forward: 0, apply: 0 };
  const counted: N.Mlp = {
    ...net,
    init: (k, o) => (calls.init++, net.init(k, o)),
    forward: (t, X) => (calls.forward++, net.forward(t, X)),
    apply: ((t: N.Theta, X: T.Tensor) => (calls.apply++, net.apply(t, X))) as N.Apply,
  };
  return { counted, calls };
};

const domainCases: readonly (readonly [string, Record<string, unknown>, string])[] = [
  ['epochs 0', { epochs: 0 }, 'epochs'],
  ['epochs 1.5', { epochs: 1.5 }, 'epochs'],
  ['epochs as a string', { epochs: '3' }, 'epochs'],
  ['batchSize 0', { batchSize: 0 }, 'batchSize'],
  ['batchSize NaN', { batchSize: Number.NaN }, 'batchSize'],
  ['negative λ', { penalty: -1 }, 'penalty'],
  ['NaN λ', { penalty: Number.NaN }, 'penalty'],
  ['a penalty that is not one', { penalty: { lambda: 1 } }, 'penalty'],
  ['no network', { net: undefined }, 'net'],
  ['no cost', { cost: 'mse' }, 'cost'],
  ['no optimiser', { optimiser: O.sgd }, 'optimiser'],
  ['a seed instead of a key', { key: 0 }, 'key'],
  ['unknown sampling', { sampling: 'bootstrap' }, 'sampling'],
  ['unknown report', { report: 'batch' }, 'report'],
  ['unknown gradient source', { gradient: 'forward' }, 'gradient'],
  ['a misspelt option', { epoch: 3 }, 'epoch'],
  ['unknown metric', { metrics: ['f1'] }, 'metrics[0]'],
  ['anonymous metric function', { metrics: ['mse', () => 0] }, 'metrics[1]'],
  ['a metric named loss', { metrics: [{ name: 'loss', compute: () => 0 }] }, 'metrics[0]'],
  ['metrics not an array', { metrics: 'mse' }, 'metrics'],
  ['data not a record', { data: 3 }, 'data'],
  ['NaN in X', { data: { X: T.tensor([[0, 1], [NaN, 0], [1, 1]]), T: data.T } }, 'data.X[1, 0]'],
  ['∞ in T', { data: { X: data.X, T: T.tensor([[1], [1], [Infinity]]) } }, 'data.T[2, 0]'],
  ['patience 0', { earlyStopping: { patience: 0 } }, 'earlyStopping.patience'],
  ['negative minDelta', { earlyStopping: { patience: 2, minDelta: -1 } }, 'earlyStopping.minDelta'],
  ['restoreBest not boolean', { earlyStopping: { patience: 2, restoreBest: 'yes' } }, 'earlyStopping.restoreBest'],
  ['monitor without validation data', { earlyStopping: { patience: 2, monitor: 'validation.loss' } }, 'earlyStopping.monitor'],
  ['monitor of a metric not computed', { earlyStopping: { patience: 2, monitor: 'accuracy' } }, 'earlyStopping.monitor'],
  ['unknown mode', { earlyStopping: { patience: 2, mode: 'up' } }, 'earlyStopping.mode'],
  ['a non-finite initial Θ', { theta: [{ W: T.full([3, 2], NaN), b: T.zeros([3]) }, { W: T.zeros([1, 3]), b: T.zeros([1]) }] }, 'theta[0].W[0, 0]'],
];

describe('configuration checks', () => {
  for (const [name, override, parameter] of domainCases) {
    it(`${name} → DomainError naming '${parameter}', with no work done`, () => {
      const { counted, calls } = counting();
      const config = { ...good, net: counted, ...override } as Tr.TrainConfig;
      for (const entry of [() => Tr.steps(config), () => Tr.fit(config)]) {
        let caught: unknown;
        try {
          entry();
        } catch (e) {
          caught = e;
        }
        expect(T.DomainError.is(caught), String(caught)).toBe(true);
        expect((caught as T.DomainError).parameter).toBe(parameter);
        expect((caught as T.DomainError).op).toMatch(/^(steps|fit)$/);
      }
      expect(calls).toEqual({ init: 0, forward: 0, apply: 0 });
    });
  }

  const shapeCases: readonly (readonly [string, Record<string, unknown>, string])[] = [
    ['X with the wrong number of inputs', { data: { X: T.zeros([3, 3]), T: data.T } }, 'data.X'],
    ['X of rank 1', { data: { X: T.zeros([3]), T: data.T } }, 'data.X'],
    ['no rows', { data: { X: T.zeros([0, 2]), T: T.zeros([0, 1]) } }, 'data.X'],
    ['T with fewer rows than X', { data: { X: data.X, T: T.zeros([2, 1]) } }, 'data.T'],
    ['T with the wrong number of outputs', { data: { X: data.X, T: T.zeros([3, 2]) } }, 'data.T'],
    ['labels [N] with MSE', { data: { X: data.X, T: T.zeros([3]) } }, 'data.T'],
    ['validation with the wrong number of inputs', { validation: { X: T.zeros([2, 5]), T: T.zeros([2, 1]) } }, 'validation.X'],
    ['Θ with a missing layer', { theta: [{ W: T.zeros([3, 2]), b: T.zeros([3]) }] }, 'theta'],
    ['Θ with a transposed W', { theta: [{ W: T.zeros([2, 3]), b: T.zeros([3]) }, { W: T.zeros([1, 3]), b: T.zeros([1]) }] }, 'theta[0].W'],
  ];
  for (const [name, override, argument] of shapeCases) {
    it(`${name} → ShapeError naming '${argument}'`, () => {
      const { counted, calls } = counting();
      const config = { ...good, net: counted, ...override } as Tr.TrainConfig;
      let caught: unknown;
      try {
        Tr.steps(config);
      } catch (e) {
        caught = e;
      }
      expect(T.ShapeError.is(caught), String(caught)).toBe(true);
      expect((caught as T.ShapeError).argument).toBe(argument);
      expect(calls).toEqual({ init: 0, forward: 0, apply: 0 });
    });
  }

  it('mixed dtypes → DTypeError naming the tensor', () => {
    const cases: readonly (readonly [Record<string, unknown>, string])[] = [
      [{ data: { X: data.X, T: T.astype(data.T, 'float32') } }, 'data.T'],
      [{ validation: { X: T.astype(data.X, 'float32'), T: T.astype(data.T, 'float32') } }, 'validation.X'],
      [{ theta: net.init(T.key(0), { dtype: 'float32' }) }, 'theta[0].W'],
    ];
    for (const [override, argument] of cases) {
      expect(() => Tr.steps({ ...good, ...override } as Tr.TrainConfig)).toThrow(expect.objectContaining({ _tag: 'DTypeError', argument }));
    }
  });

  it('class labels out of range for categorical cross-entropy → DomainError', () => {
    const classifier = N.mlp({ sizes: [2, 3], activations: ['softmax'] });
    const config = { ...good, net: classifier, cost: N.categoricalCrossEntropy(), data: { X: data.X, T: T.tensor([0, 2, 3]) } };
    expect(() => Tr.steps(config)).toThrow(expect.objectContaining({ _tag: 'DomainError', parameter: 'data.T[2]' }));
    // mse and r2 cannot read class labels.
    const labels = { ...config, data: { X: data.X, T: T.tensor([0, 2, 1]) } };
    expect(() => Tr.steps({ ...labels, metrics: ['r2'] })).toThrow(expect.objectContaining({ _tag: 'DomainError', parameter: 'metrics' }));
    expect(() => Tr.steps({ ...labels, metrics: ['accuracy'] })).not.toThrow();
  });

  it('caps a batch size above N at N', () => {
    const [state] = [...Tr.steps({ ...good, batchSize: 1000 })];
    expect(state!.batches).toBe(1);
  });

  it('the error message names the op, the field and what is accepted', () => {
    expect(() => Tr.fit({ ...good, epochs: -2 })).toThrow("fit: parameter 'epochs' must be an integer ≥ 1, got -2");
  });
});
