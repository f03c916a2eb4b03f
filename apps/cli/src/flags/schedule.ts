/**
 * `--schedule NAME[:KEY=VALUE,…]`: a learning-rate schedule of @theta/optim that starts at
 * `--lr`. Steps count optimiser updates (minibatches); lengths default to the whole run.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import * as O from '@theta/optim';
import { bad, describeRule, parseChoice, parseNumber, type NumberRule, type Parsed } from './values.js';

/** The schedules `--schedule` accepts. */
export type ScheduleName = 'constant' | 'linear' | 'exponential' | 'inverse-time' | 'cosine' | 'warmup-cosine' | 'inv-scaling' | 'hyperbolic';

/** A parsed `--schedule`: the name and the parameters given. */
export interface ScheduleChoice {
  /** Which schedule. */
  readonly name: ScheduleName;
  /** The parameters given, by key. */
  readonly params: Readonly<Record<string, number>>;
}

/** What a schedule is built from besides its parameters. */
export interface ScheduleContext {
  /** η₀, from `--lr`. */
  readonly learningRate: number;
  /** Optimiser steps in the whole run. */
  readonly totalSteps: number;
  /** Optimiser steps per epoch. */
  readonly stepsPerEpoch: number;
}

/** One parameter of a schedule: its rule and whether it must be given. */
interface Param {
  readonly rule: NumberRule;
  readonly required?: boolean;
  readonly help: string;
}

/** The parameters of each schedule. */
const params: Readonly<Record<ScheduleName, Readonly<Record<string, Param>>>> = {
  constant: {},
  linear: { end: { rule: { min: 0 }, help: 'final rate (0)' }, steps: { rule: { integer: true, min: 1 }, help: 'ramp length (the run)' } },
  exponential: {
    rate: { rule: { min: 0, max: 1, minExclusive: true }, required: true, help: 'factor per period' },
    steps: { rule: { integer: true, min: 1 }, help: 'period (one epoch)' },
    staircase: { rule: { integer: true, min: 0, max: 1 }, help: '1 for step decay (0)' },
    end: { rule: { min: 0 }, help: 'floor (0)' },
  },
  'inverse-time': { rate: { rule: { min: 0 }, required: true, help: 'k in η₀/(1 + k·step)' } },
  cosine: { alpha: { rule: { min: 0, max: 1 }, help: 'final fraction of η₀ (0)' }, steps: { rule: { integer: true, min: 1 }, help: 'length (the run)' } },
  'warmup-cosine': {
    warmup: { rule: { integer: true, min: 0 }, help: 'warm-up steps (10% of the run)' },
    end: { rule: { min: 0 }, help: 'final rate (0)' },
    steps: { rule: { integer: true, min: 2 }, help: 'length (the run)' },
  },
  'inv-scaling': { power: { rule: { min: 0 }, help: 'power_t (0.5)' } },
  hyperbolic: { t1: { rule: { min: 0, minExclusive: true }, required: true, help: 't₁ in η₀·t₁/(t₁ + step)' } },
};

/** Every schedule name. */
export const scheduleNames = Object.keys(params) as ScheduleName[];

/** What `--schedule` accepts, in words (for help and messages). */
export const scheduleAccepted = scheduleNames
  .map((name) => {
    const keys = Object.entries(params[name]).map(([key, p]) => `${key}${p.required === true ? '' : '?'}`);
    return keys.length === 0 ? name : `${name}:${keys.join(',')}`;
  })
  .join(' | ');

/** Parses `--schedule NAME[:KEY=VALUE,…]`. */
export function parseSchedule(text: string): Parsed<ScheduleChoice> {
  const colon = text.indexOf(':');
  const head = colon < 0 ? text : text.slice(0, colon);
  const name = parseChoice<ScheduleName>('--schedule', head, scheduleNames);
  if (E.isLeft(name)) return bad('--schedule', text, `one of ${scheduleAccepted}`);
  const table = params[name.right];
  const given: Record<string, number> = {};
  const pieces = colon < 0 ? [] : text.slice(colon + 1).split(',');
  for (const piece of pieces) {
    const [key = '', value, ...rest] = piece.split('=').map((s) => s.trim());
    const param = Object.hasOwn(table, key) ? table[key] : undefined;
    const keys = Object.keys(table);
    if (param === undefined || value === undefined || rest.length > 0) {
      return bad('--schedule', text, keys.length === 0 ? `${name.right} with no parameters` : `${name.right}:KEY=VALUE with KEY among ${keys.join(', ')}`);
    }
    const number = parseNumber('--schedule', value, param.rule);
    if (E.isLeft(number)) return bad('--schedule', text, `${key} = ${describeRule(param.rule)}`);
    given[key] = number.right;
  }
  for (const [key, param] of Object.entries(table)) {
    if (param.required === true && given[key] === undefined) return bad('--schedule', text, `${name.right}:${key}=VALUE (${param.help})`);
  }
  return E.right({ name: name.right, params: given });
}

/** Builds the schedule (a plain number for `constant`, which is what optimisers fuse best). */
export function buildSchedule(choice: ScheduleChoice, context: ScheduleContext): number | O.Schedule {
  const { learningRate: initial, totalSteps, stepsPerEpoch } = context;
  const p = choice.params;
  const steps = p.steps ?? Math.max(1, totalSteps);
  switch (choice.name) {
    case 'constant':
      return initial;
    case 'linear':
      return O.Schedules.linear({ initial, end: p.end ?? 0, transitionSteps: steps });
    case 'exponential':
      return O.Schedules.exponentialDecay({
        initial,
        decayRate: p.rate as number,
        transitionSteps: p.steps ?? Math.max(1, stepsPerEpoch),
        staircase: p.staircase === 1,
        end: p.end ?? 0,
      });
    case 'inverse-time':
      return O.Schedules.inverseTimeDecay({ initial, rate: p.rate as number });
    case 'cosine':
      return O.Schedules.cosineDecay({ initial, decaySteps: steps, alpha: p.alpha ?? 0 });
    case 'warmup-cosine': {
      const decaySteps = Math.max(2, steps);
      const warmupSteps = Math.min(p.warmup ?? Math.round(decaySteps / 10), decaySteps - 1);
      return O.Schedules.warmupCosineDecay({ peak: initial, warmupSteps, decaySteps, end: Math.min(p.end ?? 0, initial) });
    }
    case 'inv-scaling':
      return O.Schedules.invScaling({ initial, powerT: p.power ?? 0.5 });
    case 'hyperbolic':
      return O.Schedules.hyperbolicDecay({ t0: initial * (p.t1 as number), t1: p.t1 as number });
  }
}
