// step(optimiser, g, S, Θ) is update followed by applyUpdates, bit for bit, for every optimiser
// and in both dtypes; it leaves its arguments unchanged.
import { describe, expect, it } from 'vitest';
import * as T from '@theta/tensor';
import * as O from '@theta/optim';
import { callWithoutMutation } from '@theta/testing';

const optimisers: readonly (readonly [string, () => O.GradientTransformation<any>])[] = [
  ['sgd', () => O.sgd(0.1)],
  ['sgd with a schedule', () => O.sgd(O.Schedules.hyperbolicDecay({ t0: 5, t1: 50 }))],
  ['momentum', () => O.momentum(0.1)],
  ['nesterov', () => O.nesterov(0.1)],
  ['adagrad', () => O.adagrad(0.1)],
  ['adagrad with momentum', () => O.adagrad(0.1, { momentum: 0.9 })],
  ['rmsprop', () => O.rmsprop(0.01)],
  ['adam', () => O.adam(1e-3)],
  ['adamw', () => O.adamw(1e-3, { weightDecay: 0.1, mask: O.weightsOnly })],
  ['adamax', () => O.adamax(2e-3)],
  ['nadam', () => O.nadam(1e-3)],
  ['a lone scaling', () => O.scaleByAdam()],
  ['clip then adam', () => O.chain(O.clipByGlobalNorm(0.5), O.adam(0.1))],
  ['adam then clip', () => O.chain(O.adam(0.1), O.clip(1e-3))],
  ['masked', () => O.masked(O.momentum(0.1), O.weightsOnly)],
  ['an empty chain', () => O.chain()],
];

const bits = (tree: T.TensorTree): number[] => T.Tree.leaves(tree).flatMap((x) => Array.from(new Uint8Array(x.data.buffer, x.data.byteOffset, x.data.byteLength)));

describe.each(['float64', 'float32'] as const)('step in %s', (dtype) => {
  const theta0 = [
    { W: T.fromArray([0.3, -1.7, 2.2, 0.01, -0.4, 1e-3], [2, 3], { dtype }), b: T.fromArray([0.1, -7], [2], { dtype }) },
    { W: T.fromArray([1, 2], [1, 2], { dtype }), b: T.fromArray([0], [1], { dtype }) },
    // Large enough (1,500) that the fused steps take the backend's one-pass kernels.
    { W: T.fromArray(Array.from({ length: 1500 }, (_, i) => Math.sin(i) * 2), [30, 50], { dtype }), b: T.zeros([30], { dtype }) },
  ];
  const gradsAt = (t: number) => T.Tree.map(theta0, (x) => T.fromArray(T.toArray(x).map((v, i) => Math.cos(3.3 * t + i) * (1 + v) / 3), x.shape, { dtype }));
  for (const [name, make] of optimisers) {
    it(`${name}: equals update + applyUpdates and mutates nothing`, () => {
      const optimiser = make();
      let [theta, state] = [theta0 as T.TensorTree, optimiser.init(theta0)];
      let [thetaStep, stateStep] = [theta, state];
      for (let t = 0; t < 4; t++) {
        const g = gradsAt(t);
        const [u, next] = optimiser.update(g, state, theta);
        [theta, state] = [O.applyUpdates(theta, u), next];
        [thetaStep, stateStep] = callWithoutMutation((...args: [T.TensorTree, any, T.TensorTree]) => O.step(optimiser, ...args), [g, stateStep, thetaStep]);
        expect(bits(thetaStep)).toEqual(bits(theta));
        expect(T.Tree.leaves(thetaStep).map((x) => x.dtype)).toEqual(T.Tree.leaves(theta).map((x) => x.dtype));
        expect(bits(stateStep)).toEqual(bits(state));
        expect(JSON.stringify(stateStep, (_k, v) => (T.isTensor(v) ? v.shape : v))).toBe(JSON.stringify(state, (_k, v) => (T.isTensor(v) ? v.shape : v)));
      }
    });
  }
});

describe('step', () => {
  it('rejects gradients shaped unlike Θ', () => {
    for (const optimiser of [O.sgd(0.1), O.adam(0.1), O.momentum(0.1)] as O.GradientTransformation<any>[]) {
      const theta = { w: T.zeros([2]) };
      expect(() => O.step(optimiser, { w: T.zeros([3]) }, optimiser.init(theta), theta)).toThrow(T.ShapeError);
    }
  });

  it('rejects a Θ shaped unlike the gradients and state', () => {
    const optimiser = O.adam(0.1);
    const state = optimiser.init({ w: T.zeros([2]) });
    expect(() => O.step(optimiser, { w: T.zeros([2]) }, state, { w: T.zeros([3]) })).toThrow(/scaleByAdam: argument 'theta at 'w'' expected shape \[2\], got \[3\]/);
  });
});
