// Hyperparameters are checked when an optimiser is built: a typed DomainError naming the
// builder, the parameter, the rejected value and the accepted range.
import { describe, expect, it } from 'vitest';
import * as T from '@theta/tensor';
import * as O from '@theta/optim';

function domainError(build: () => unknown): T.DomainError {
  try {
    build();
  } catch (e) {
    if (T.DomainError.is(e)) return e;
    throw new Error(`expected a DomainError, got ${String(e)}`);
  }
  throw new Error('expected a DomainError, nothing was thrown');
}

type Build = (learningRate: number, options?: Record<string, unknown>) => unknown;
const optimisers: Record<string, Build> = {
  sgd: (lr) => O.sgd(lr),
  momentum: (lr, o) => O.momentum(lr, o),
  nesterov: (lr, o) => O.nesterov(lr, o),
  adagrad: (lr, o) => O.adagrad(lr, o),
  rmsprop: (lr, o) => O.rmsprop(lr, o),
  adam: (lr, o) => O.adam(lr, o),
  adamw: (lr, o) => O.adamw(lr, o),
  adamax: (lr, o) => O.adamax(lr, o),
  nadam: (lr, o) => O.nadam(lr, o),
};

describe('learning rate: NaN, ≤ 0 or ∞ is rejected by every optimiser', () => {
  for (const [name, build] of Object.entries(optimisers)) {
    it(name, () => {
      for (const bad of [Number.NaN, 0, -0.1, Number.POSITIVE_INFINITY]) {
        const e = domainError(() => build(bad));
        expect(e.op).toBe(name);
        expect(e.parameter).toBe('learningRate');
        expect(Object.is(e.value, bad)).toBe(true);
        expect(e.expected).toBe('a finite number > 0 or a schedule (step) => number');
        expect(e.message).toContain(`${name}: parameter 'learningRate' must be`);
      }
      expect(() => build(1e-3)).not.toThrow();
    });
  }
});

describe('decay rates β ∉ [0, 1) are rejected', () => {
  const cases: readonly (readonly [string, string])[] = [
    ['momentum', 'beta'], ['nesterov', 'beta'], ['adagrad', 'momentum'], ['rmsprop', 'decay'],
    ['adam', 'beta1'], ['adam', 'beta2'], ['adamw', 'beta1'], ['adamw', 'beta2'],
    ['adamax', 'beta1'], ['adamax', 'beta2'], ['nadam', 'beta1'], ['nadam', 'beta2'],
  ];
  for (const [name, parameter] of cases) {
    it(`${name} ${parameter}`, () => {
      const build = optimisers[name] as Build;
      for (const bad of [1, 1.5, -0.01, Number.NaN]) {
        const e = domainError(() => build(0.1, { [parameter]: bad }));
        expect([e.op, e.parameter, e.expected]).toEqual([name, parameter, 'a number in [0, 1)']);
        expect(Object.is(e.value, bad)).toBe(true);
      }
      expect(() => build(0.1, { [parameter]: 0 })).not.toThrow();
      expect(() => build(0.1, { [parameter]: 0.999999 })).not.toThrow();
    });
  }
});

describe('ε < 0 (and other negative or non-finite constants) are rejected', () => {
  const cases: readonly (readonly [string, string])[] = [
    ['adagrad', 'eps'], ['adagrad', 'initialAccumulator'], ['rmsprop', 'eps'], ['rmsprop', 'epsRoot'],
    ['adam', 'eps'], ['adam', 'epsRoot'], ['adamw', 'eps'], ['adamw', 'weightDecay'], ['adamax', 'eps'], ['nadam', 'eps'],
  ];
  for (const [name, parameter] of cases) {
    it(`${name} ${parameter}`, () => {
      const build = optimisers[name] as Build;
      for (const bad of [-1e-8, Number.NaN, Number.POSITIVE_INFINITY]) {
        const e = domainError(() => build(0.1, { [parameter]: bad }));
        expect([e.op, e.parameter, e.expected]).toEqual([name, parameter, 'a finite number ≥ 0']);
      }
      expect(() => build(0.1, { [parameter]: 0 })).not.toThrow();
    });
  }
});

describe('building blocks validate under their own names', () => {
  it('names the transform, the parameter and the range', () => {
    const check = (build: () => unknown, op: string, parameter: string, expected: string) => {
      const e = domainError(build);
      expect([e.op, e.parameter, e.expected]).toEqual([op, parameter, expected]);
    };
    check(() => O.scaleByLearningRate(-1), 'scaleByLearningRate', 'learningRate', 'a finite number > 0 or a schedule (step) => number');
    check(() => O.trace({ decay: 1 }), 'trace', 'decay', 'a number in [0, 1)');
    check(() => O.scaleByAdam({ beta2: -0.5 }), 'scaleByAdam', 'beta2', 'a number in [0, 1)');
    check(() => O.scaleByAdam({ epsRoot: -1 }), 'scaleByAdam', 'epsRoot', 'a finite number ≥ 0');
    check(() => O.scaleByRms({ decay: 2 }), 'scaleByRms', 'decay', 'a number in [0, 1)');
    check(() => O.scaleByAdagrad({ eps: -1 }), 'scaleByAdagrad', 'eps', 'a finite number ≥ 0');
    check(() => O.scaleByAdamax({ beta1: Number.NaN }), 'scaleByAdamax', 'beta1', 'a number in [0, 1)');
    check(() => O.addDecayedWeights(-1e-4), 'addDecayedWeights', 'weightDecay', 'a finite number ≥ 0');
    check(() => O.clipByGlobalNorm(0), 'clipByGlobalNorm', 'maxNorm', 'a number > 0 (Infinity allowed)');
    check(() => O.clip(Number.NaN), 'clip', 'maxDelta', 'a number > 0 (Infinity allowed)');
    check(() => O.adagrad(0.1, { nesterov: true }), 'adagrad', 'nesterov', 'false unless momentum is given');
    check(() => O.trace({ nesterov: 'yes' as unknown as boolean }), 'trace', 'nesterov', 'true or false');
    check(() => O.masked(O.clip(1), 'W' as unknown as O.Mask), 'masked', 'mask', 'a function');
  });

  it('a schedule that returns a bad learning rate is caught at the step that produced it', () => {
    const sched = (t: number) => (t < 2 ? 0.1 : -1);
    const optimiser = O.sgd(sched);
    const theta = T.zeros([1]);
    let state = optimiser.init(theta);
    for (let t = 0; t < 2; t++) state = optimiser.update(theta, state, theta)[1];
    const e = domainError(() => optimiser.update(theta, state, theta));
    expect([e.op, e.parameter, e.value]).toEqual(['scaleByLearningRate', 'learningRate(2)', -1]);
  });
});
