// Every schedule against its closed form at chosen steps, and its checks at construction.
import { describe, expect, it } from 'vitest';
import * as T from '@theta/tensor';
import * as O from '@theta/optim';

const S = O.Schedules;
const close = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-15 * Math.max(1, Math.abs(expected)));
const steps = [0, 1, 2, 7, 10, 99, 100, 101, 1000, 123_456];

function domainError(build: () => unknown): T.DomainError {
  try {
    build();
  } catch (e) {
    if (T.DomainError.is(e)) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('closed forms', () => {
  it('constant', () => {
    const eta = S.constant(0.3);
    for (const t of steps) expect(eta(t)).toBe(0.3);
  });

  it('linear: from initial to end over T steps, then flat', () => {
    const eta = S.linear({ initial: 0.5, end: 0.1, transitionSteps: 100 });
    for (const t of steps) expect(Math.abs(eta(t) - (0.5 + ((0.1 - 0.5) * Math.min(t, 100)) / 100))).toBeLessThan(1e-16);
    expect([eta(0), eta(100), eta(5000)]).toEqual([0.5, 0.1, 0.1]);
  });

  it("hyperbolicDecay: the notes' t₀ / (t + t₁)", () => {
    const eta = S.hyperbolicDecay({ t0: 5, t1: 50 });
    for (const t of steps) close(eta(t), 5 / (t + 50));
    expect(eta(0)).toBe(0.1);
    expect(eta(50)).toBe(0.05);
  });

  it('inverseTimeDecay: η / (1 + k t), the same curve as hyperbolicDecay with η = t₀/t₁, k = 1/t₁', () => {
    const eta = S.inverseTimeDecay({ initial: 0.1, rate: 1 / 50 });
    const course = S.hyperbolicDecay({ t0: 5, t1: 50 });
    for (const t of steps) {
      close(eta(t), 0.1 / (1 + t / 50));
      expect(Math.abs(eta(t) - course(t))).toBeLessThan(1e-15);
    }
  });

  it('exponentialDecay: η rᵗᐟᵀ, ⌊t/T⌋ with staircase, never below end', () => {
    const smooth = S.exponentialDecay({ initial: 2, decayRate: 0.5, transitionSteps: 10 });
    const stairs = S.exponentialDecay({ initial: 2, decayRate: 0.5, transitionSteps: 10, staircase: true });
    const floored = S.exponentialDecay({ initial: 2, decayRate: 0.5, end: 0.3 });
    for (const t of steps) {
      close(smooth(t), 2 * Math.pow(0.5, t / 10));
      close(stairs(t), 2 * Math.pow(0.5, Math.floor(t / 10)));
      close(floored(t), Math.max(2 * Math.pow(0.5, t), 0.3));
    }
    expect([stairs(9), stairs(10), stairs(19), stairs(20)]).toEqual([2, 1, 1, 0.5]);
  });

  it('piecewiseConstant: values[i] from boundary i on', () => {
    const eta = S.piecewiseConstant({ boundaries: [10, 100], values: [1, 0.1, 0.01] });
    expect([0, 9, 10, 99, 100, 1e6].map(eta)).toEqual([1, 1, 0.1, 0.1, 0.01, 0.01]);
    const flat = S.piecewiseConstant({ boundaries: [], values: [0.2] });
    expect(flat(123)).toBe(0.2);
  });

  it('cosineDecay: η ((1 − α) ½ (1 + cos(π min(t, D)/D)) + α)', () => {
    const eta = S.cosineDecay({ initial: 0.4, decaySteps: 100, alpha: 0.1 });
    for (const t of steps) close(eta(t), 0.4 * ((1 - 0.1) * 0.5 * (1 + Math.cos((Math.PI * Math.min(t, 100)) / 100)) + 0.1));
    expect(eta(0)).toBe(0.4);
    close(eta(100), 0.04);
    close(eta(50), 0.4 * (0.9 * 0.5 + 0.1));
  });

  it('warmupCosineDecay: linear to the peak over W steps, then a half cosine to end at step D', () => {
    const [initial, peak, end, W, D] = [0.01, 1, 0.05, 10, 110];
    const eta = S.warmupCosineDecay({ initial, peak, warmupSteps: W, decaySteps: D, end });
    const expected = (t: number) =>
      t < W ? initial + (peak - initial) * (t / W) : end + (peak - end) * 0.5 * (1 + Math.cos((Math.PI * Math.min(t - W, D - W)) / (D - W)));
    for (const t of [...steps, 5, 60, 109, 110, 111]) close(eta(t), expected(t));
    expect([eta(0), eta(W)]).toEqual([initial, peak]);
    close(eta(D), end);
    const noWarmup = S.warmupCosineDecay({ peak: 1, warmupSteps: 0, decaySteps: 10 });
    expect(noWarmup(0)).toBe(1);
  });

  it("invScaling: scikit-learn's η₀ / (t + 1)^power_t", () => {
    const eta = S.invScaling({ initial: 0.1, powerT: 0.25 });
    for (const t of steps) close(eta(t), 0.1 / Math.pow(t + 1, 0.25));
    const sqrt = S.invScaling({ initial: 1 });
    expect(sqrt(3)).toBe(0.5);
  });

  it('join: each schedule restarts at its boundary (Optax join_schedules)', () => {
    const a = S.constant(1);
    const b = S.linear({ initial: 0, end: 1, transitionSteps: 10 });
    const c = S.hyperbolicDecay({ t0: 1, t1: 1 });
    const eta = S.join([a, b, c], [5, 15]);
    expect([0, 4].map(eta)).toEqual([1, 1]);
    expect([5, 10, 14].map(eta)).toEqual([b(0), b(5), b(9)]);
    expect([15, 20].map(eta)).toEqual([c(0), c(5)]);
    expect(S.join([c], [])(3)).toBe(c(3));
  });
});

describe('validation when built', () => {
  it('rejects bad parameters with a DomainError naming the schedule and the parameter', () => {
    const cases: readonly (readonly [() => unknown, string, string])[] = [
      [() => S.constant(0), 'Schedules.constant', 'value'],
      [() => S.constant(Number.NaN), 'Schedules.constant', 'value'],
      [() => S.linear({ initial: 0, end: 1, transitionSteps: 0 }), 'Schedules.linear', 'transitionSteps'],
      [() => S.linear({ initial: -1, end: 1, transitionSteps: 3 }), 'Schedules.linear', 'initial'],
      [() => S.hyperbolicDecay({ t0: 5, t1: 0 }), 'Schedules.hyperbolicDecay', 't1'],
      [() => S.hyperbolicDecay({ t0: -5, t1: 50 }), 'Schedules.hyperbolicDecay', 't0'],
      [() => S.inverseTimeDecay({ initial: 0.1, rate: -1 }), 'Schedules.inverseTimeDecay', 'rate'],
      [() => S.exponentialDecay({ initial: 1, decayRate: 1.5 }), 'Schedules.exponentialDecay', 'decayRate'],
      [() => S.exponentialDecay({ initial: 1, decayRate: 0 }), 'Schedules.exponentialDecay', 'decayRate'],
      [() => S.exponentialDecay({ initial: 1, decayRate: 0.5, transitionSteps: 2.5 }), 'Schedules.exponentialDecay', 'transitionSteps'],
      [() => S.piecewiseConstant({ boundaries: [10, 5], values: [1, 2, 3] }), 'Schedules.piecewiseConstant', 'boundaries[1]'],
      [() => S.piecewiseConstant({ boundaries: [10], values: [1] }), 'Schedules.piecewiseConstant', 'values'],
      [() => S.piecewiseConstant({ boundaries: [10], values: [1, -1] }), 'Schedules.piecewiseConstant', 'values[1]'],
      [() => S.cosineDecay({ initial: 1, decaySteps: 10, alpha: 2 }), 'Schedules.cosineDecay', 'alpha'],
      [() => S.warmupCosineDecay({ peak: 1, warmupSteps: 10, decaySteps: 10 }), 'Schedules.warmupCosineDecay', 'decaySteps'],
      [() => S.warmupCosineDecay({ peak: 1, warmupSteps: 1, decaySteps: 10, end: 2 }), 'Schedules.warmupCosineDecay', 'end'],
      [() => S.invScaling({ initial: 1, powerT: -0.5 }), 'Schedules.invScaling', 'powerT'],
      [() => S.join([], []), 'Schedules.join', 'schedules'],
      [() => S.join([S.constant(1), S.constant(2)], []), 'Schedules.join', 'boundaries'],
      [() => S.join([S.constant(1), 3 as unknown as O.Schedule], [4]), 'Schedules.join', 'schedules[1]'],
    ];
    for (const [build, op, parameter] of cases) {
      const e = domainError(build);
      expect([e.op, e.parameter]).toEqual([op, parameter]);
    }
  });

  it('rejects a negative or NaN step when called', () => {
    const eta = S.cosineDecay({ initial: 1, decaySteps: 10 });
    for (const bad of [-1, Number.NaN]) {
      const e = domainError(() => eta(bad));
      expect([e.op, e.parameter, e.expected]).toEqual(['Schedules.cosineDecay', 'step', 'a number ≥ 0']);
    }
  });

  it('stays finite and ≥ 0 at the largest step a counter reaches', () => {
    const all = [
      S.constant(1), S.linear({ initial: 0, end: 1, transitionSteps: 5 }), S.hyperbolicDecay({ t0: 5, t1: 50 }),
      S.inverseTimeDecay({ initial: 1, rate: 1 }), S.exponentialDecay({ initial: 1, decayRate: 0.9 }),
      S.piecewiseConstant({ boundaries: [1], values: [1, 0.5] }), S.cosineDecay({ initial: 1, decaySteps: 5 }),
      S.warmupCosineDecay({ peak: 1, warmupSteps: 2, decaySteps: 5 }), S.invScaling({ initial: 1 }),
    ];
    for (const eta of all) {
      const value = eta(O.MAX_COUNT);
      expect(Number.isFinite(value) && value >= 0).toBe(true);
    }
  });
});
