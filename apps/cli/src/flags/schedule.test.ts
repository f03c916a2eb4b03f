import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import { buildSchedule, parseSchedule, type ScheduleChoice } from './schedule.js';

const parsed = (text: string): ScheduleChoice => {
  const result = parseSchedule(text);
  if (E.isLeft(result)) throw result.left;
  return result.right;
};
const rate = (text: string, step: number, context = { learningRate: 0.1, totalSteps: 100, stepsPerEpoch: 10 }): number => {
  const schedule = buildSchedule(parsed(text), context);
  return typeof schedule === 'number' ? schedule : schedule(step);
};

describe('--schedule', () => {
  it('builds each schedule from --lr with its closed form', () => {
    expect(rate('constant', 50)).toBe(0.1);
    expect(rate('linear', 50)).toBeCloseTo(0.05, 15); // halfway to 0 over the run
    expect(rate('linear:end=0.02,steps=10', 5)).toBeCloseTo(0.06, 15);
    expect(rate('exponential:rate=0.5', 20)).toBeCloseTo(0.1 * 0.5 ** 2, 15); // per epoch of 10 steps
    expect(rate('exponential:rate=0.5,steps=4,staircase=1', 7)).toBeCloseTo(0.05, 15);
    expect(rate('inverse-time:rate=0.1', 10)).toBeCloseTo(0.05, 15);
    expect(rate('cosine', 100)).toBeCloseTo(0, 15);
    expect(rate('cosine:alpha=0.1', 50)).toBeCloseTo(0.1 * (0.1 + 0.9 * 0.5), 12);
    expect(rate('warmup-cosine:warmup=10', 10)).toBeCloseTo(0.1, 15);
    expect(rate('warmup-cosine:warmup=10', 0)).toBe(0);
    expect(rate('inv-scaling:power=1', 9)).toBeCloseTo(0.01, 15);
    expect(rate('hyperbolic:t1=10', 10)).toBeCloseTo(0.05, 15);
  });

  it('names the flag, the text and what is accepted', () => {
    const cases: readonly [string, RegExp][] = [
      ['wavy', /expected one of constant \| linear:end\?,steps\? \|/],
      ['exponential', /expected exponential:rate=VALUE \(factor per period\)/],
      ['exponential:rate=2', /expected rate = a number in \(0, 1\]/],
      ['cosine:beta=1', /expected cosine:KEY=VALUE with KEY among alpha, steps/],
      ['constant:x=1', /expected constant with no parameters/],
      ['linear:end', /expected linear:KEY=VALUE/],
    ];
    for (const [text, pattern] of cases) {
      const result = parseSchedule(text);
      expect(E.isLeft(result) && result.left.message.startsWith(`bad value '${text}' for --schedule: `)).toBe(true);
      expect(E.isLeft(result) ? result.left.message : '').toMatch(pattern);
    }
  });
});
