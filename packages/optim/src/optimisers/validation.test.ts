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

// Every public builder that takes options, with its documented keys written out by hand from
// its options interface (in the interface's order) and a valid value for each: a misspelt key
// must be a DomainError naming `options.<key>`, and every documented key must still be accepted.
interface OptionsCase {
  readonly op: string;
  readonly build: (options: Record<string, unknown>) => unknown;
  readonly required: Record<string, unknown>;
  readonly documented: Record<string, unknown>;
  readonly typos: readonly string[];
}
const lr = 0.1;
const optionsCases: readonly OptionsCase[] = [
  { op: 'momentum', build: (o) => O.momentum(lr, o), required: {}, documented: { beta: 0.5 }, typos: ['momentum', 'decay'] },
  { op: 'nesterov', build: (o) => O.nesterov(lr, o), required: {}, documented: { beta: 0.5 }, typos: ['momentum', 'nesterov'] },
  { op: 'adagrad', build: (o) => O.adagrad(lr, o), required: {}, documented: { eps: 1e-8, initialAccumulator: 0.1, momentum: 0.9, nesterov: true }, typos: ['initial_accumulator', 'epsRoot'] },
  { op: 'rmsprop', build: (o) => O.rmsprop(lr, o), required: {}, documented: { decay: 0.9, eps: 1e-8, epsRoot: 0 }, typos: ['rho', 'alpha', 'initialScale'] },
  { op: 'adam', build: (o) => O.adam(lr, o), required: {}, documented: { beta1: 0.8, beta2: 0.99, eps: 1e-8, epsRoot: 0 }, typos: ['beta_1', 'b1', 'weightDecay', 'nesterov'] },
  { op: 'adamw', build: (o) => O.adamw(lr, o), required: {}, documented: { beta1: 0.8, beta2: 0.99, eps: 1e-8, epsRoot: 0, weightDecay: 1e-4, mask: O.weightsOnly }, typos: ['weight_decay', 'beta_1'] },
  { op: 'adamax', build: (o) => O.adamax(lr, o), required: {}, documented: { beta1: 0.8, beta2: 0.99, eps: 1e-8 }, typos: ['beta_2', 'epsRoot'] },
  { op: 'nadam', build: (o) => O.nadam(lr, o), required: {}, documented: { beta1: 0.8, beta2: 0.99, eps: 1e-8, epsRoot: 0 }, typos: ['beta_1', 'nesterov'] },
  { op: 'scaleByLearningRate', build: (o) => O.scaleByLearningRate(lr, o), required: {}, documented: { flipSign: false }, typos: ['flip_sign', 'sign'] },
  { op: 'trace', build: (o) => O.trace(o), required: {}, documented: { decay: 0.9, nesterov: true }, typos: ['beta', 'momentum'] },
  { op: 'scaleByAdagrad', build: (o) => O.scaleByAdagrad(o), required: {}, documented: { eps: 1e-8, epsRoot: 0, initialAccumulator: 0.1 }, typos: ['initialAccumulatorValue'] },
  { op: 'scaleByRms', build: (o) => O.scaleByRms(o), required: {}, documented: { decay: 0.9, eps: 1e-8, epsRoot: 0, initialScale: 0 }, typos: ['rho'] },
  { op: 'scaleByAdam', build: (o) => O.scaleByAdam(o), required: {}, documented: { beta1: 0.8, beta2: 0.99, eps: 1e-8, epsRoot: 0, nesterov: true }, typos: ['b1', 'eps_root'] },
  { op: 'scaleByAdamax', build: (o) => O.scaleByAdamax(o), required: {}, documented: { beta1: 0.8, beta2: 0.99, eps: 1e-8 }, typos: ['epsRoot'] },
  { op: 'addDecayedWeights', build: (o) => O.addDecayedWeights(1e-4, o), required: {}, documented: { mask: O.weightsOnly }, typos: ['weightDecay', 'masks'] },
  { op: 'Schedules.linear', build: (o) => O.Schedules.linear(o as never), required: { initial: 0.1, end: 0.01, transitionSteps: 10 }, documented: { initial: 0.1, end: 0.01, transitionSteps: 10 }, typos: ['transition_steps'] },
  { op: 'Schedules.hyperbolicDecay', build: (o) => O.Schedules.hyperbolicDecay(o as never), required: { t0: 5, t1: 50 }, documented: { t0: 5, t1: 50 }, typos: ['t2'] },
  { op: 'Schedules.inverseTimeDecay', build: (o) => O.Schedules.inverseTimeDecay(o as never), required: { initial: 0.1, rate: 0.02 }, documented: { initial: 0.1, rate: 0.02 }, typos: ['decayRate'] },
  { op: 'Schedules.exponentialDecay', build: (o) => O.Schedules.exponentialDecay(o as never), required: { initial: 0.1, decayRate: 0.5 }, documented: { initial: 0.1, decayRate: 0.5, transitionSteps: 10, staircase: true, end: 0.001 }, typos: ['decay_rate', 'endValue'] },
  { op: 'Schedules.piecewiseConstant', build: (o) => O.Schedules.piecewiseConstant(o as never), required: { boundaries: [10], values: [0.1, 0.01] }, documented: { boundaries: [10], values: [0.1, 0.01] }, typos: ['scales'] },
  { op: 'Schedules.cosineDecay', build: (o) => O.Schedules.cosineDecay(o as never), required: { initial: 0.1, decaySteps: 100 }, documented: { initial: 0.1, decaySteps: 100, alpha: 0.1 }, typos: ['decay_steps', 'end'] },
  { op: 'Schedules.warmupCosineDecay', build: (o) => O.Schedules.warmupCosineDecay(o as never), required: { peak: 0.1, warmupSteps: 10, decaySteps: 100 }, documented: { initial: 0, peak: 0.1, warmupSteps: 10, decaySteps: 100, end: 0.001 }, typos: ['init_value', 'warmup_steps'] },
  { op: 'Schedules.invScaling', build: (o) => O.Schedules.invScaling(o as never), required: { initial: 0.1 }, documented: { initial: 0.1, powerT: 0.5 }, typos: ['power_t'] },
];

describe('unknown option keys are rejected; documented ones accepted', () => {
  it('the misspellings in the issue fail', () => {
    const e = domainError(() => O.momentum(0.05, { momentum: 0.9 } as O.MomentumOptions));
    expect([e.op, e.parameter, e.value, e.expected]).toEqual(['momentum', 'options.momentum', 0.9, 'one of: beta']);
    const f = domainError(() => O.adam(1e-3, { beta_1: 0.8 } as O.AdamOptions));
    expect([f.op, f.parameter, f.value, f.expected]).toEqual(['adam', 'options.beta_1', 0.8, 'one of: beta1, beta2, eps, epsRoot']);
  });

  for (const { op, build, required, documented, typos } of optionsCases) {
    it(op, () => {
      const expected = `one of: ${Object.keys(documented).join(', ')}`;
      for (const typo of [...typos, 'learningRate', 'Beta']) {
        expect(Object.keys(documented)).not.toContain(typo);
        const e = domainError(() => build({ ...required, [typo]: 0.123 }));
        expect([e.op, e.parameter, e.value, e.expected]).toEqual([op, `options.${typo}`, 0.123, expected]);
        expect(e.message).toContain(`options.${typo}`);
      }
      // A key given as undefined is still a key the caller wrote.
      expect(domainError(() => build({ ...required, [`${typos[0]}`]: undefined })).parameter).toBe(`options.${typos[0]}`);
      // Each documented key alone (with the required ones), and all of them together, pass.
      for (const [key, value] of Object.entries(documented)) {
        const alone = key === 'nesterov' && op === 'adagrad' ? { momentum: 0.9, nesterov: value } : { ...required, [key]: value };
        expect(() => build(alone)).not.toThrow();
      }
      expect(() => build(documented)).not.toThrow();
      // A non-record is still the old error.
      const g = domainError(() => build([] as unknown as Record<string, unknown>));
      expect([g.op, g.parameter, g.expected]).toEqual([op, 'options', 'a record of options']);
    });
  }
});
