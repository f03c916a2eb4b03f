/**
 * The forms that edit the config: the data (problem, split, noise, batch size, regenerate) and
 * the training (cost, optimiser and its hyperparameters, learning rate and schedule, penalty,
 * seed, gradient source). Each change hands a new config to `change`; nothing is edited in place.
 */
import { costsFor } from '../state/normalise.js';
import {
  limits, optimiserNames, optimiserParameters, problemNames, problems, scheduleNames,
  type PlaygroundConfig, type ProblemName, type ScheduleName,
} from '../state/config.js';
import { button, checkbox, h, numberField, select, slider } from './dom.js';
import { optimiserLabels } from './math-panel.js';

/** What a control panel needs. */
export interface ControlActions {
  /** Replace the config by `next`. */
  readonly change: (next: PlaygroundConfig) => void;
  /** Switch to another problem (the app adjusts cost, output and features). */
  readonly problem: (problem: ProblemName) => void;
}

const costLabels: Readonly<Record<string, string>> = {
  mse: 'squared error ‖t − a‖²', binaryCrossEntropy: 'binary cross-entropy', categoricalCrossEntropy: 'categorical cross-entropy',
};
const scheduleLabels: Readonly<Record<ScheduleName, string>> = {
  constant: 'constant', exponentialDecay: 'exponential decay', inverseTimeDecay: 'inverse-time decay', cosineDecay: 'cosine decay', warmupCosineDecay: 'warm-up + cosine', invScaling: 'inverse scaling (sklearn)',
};
const parameterLabels = { beta1: 'β₁', beta2: 'β₂', eps: 'ε', momentum: 'β (momentum)', rho: 'ρ (decay)', weightDecay: 'weight decay' } as const;

/** The data panel. */
export function dataControls(config: PlaygroundConfig, actions: ControlActions): HTMLElement {
  const set = (patch: Partial<PlaygroundConfig>): void => actions.change({ ...config, ...patch });
  const name = 'problem-choice';
  const choices = h('fieldset', { class: 'problems' },
    h('legend', {}, 'Which data set?'),
    ...(['classification', 'regression'] as const).flatMap((group) => [
      h('p', { class: 'group-label', 'aria-hidden': 'true' }, group),
      ...problemNames.filter((p) => (problems[p].kind === 'regression') === (group === 'regression')).map((p) => {
        const id = `problem-${p}`;
        return h('div', { class: 'choice' },
          h('input', { type: 'radio', name, id, value: p, checked: p === config.problem, 'data-testid': id, onChange: () => actions.problem(p) }),
          h('label', { for: id }, problems[p].label));
      }),
    ]));
  const digits = problems[config.problem].dims === 64;
  return h('div', { class: 'controls data' },
    choices,
    h('p', { class: 'blurb' }, problems[config.problem].blurb),
    slider('Training data', config.trainRatio, { min: 0.1, max: 0.9, step: 0.1 }, (v) => `${Math.round(v * 100)} %`, (v) => set({ trainRatio: v }), 'train-ratio'),
    digits ? null : slider('Noise', config.noise, { min: 0, max: 0.5, step: 0.05 }, (v) => v.toFixed(2), (v) => set({ noise: v }), 'noise'),
    slider('Batch size', config.batchSize, { min: 1, max: 64, step: 1 }, (v) => String(v), (v) => set({ batchSize: v }), 'batch-size'),
    button('Regenerate data', () => set({ dataSeed: (config.dataSeed + 1) % limits.maxSeed }), { testid: 'regenerate', class: 'secondary', title: 'draw a new data set (changes the data seed)' }),
    h('p', { class: 'muted small' }, `data seed ${config.dataSeed}`));
}

/** A titled group of fields laid out in a row. */
const group = (title: string, isWide: boolean, ...fields: (HTMLElement | null)[]): HTMLElement =>
  h('div', { class: `group${isWide ? ' wide' : ''}` }, h('h3', {}, title), h('div', { class: 'fields' }, ...fields));
/** Marks a field as twice as wide (long option names). */
const wide = (field: HTMLElement): HTMLElement => (field.classList.add('wide'), field);

/** The training panel: cost, optimiser, learning rate, schedule, penalty, seed, gradient source. */
export function trainingControls(config: PlaygroundConfig, actions: ControlActions): HTMLElement {
  const set = (patch: Partial<PlaygroundConfig>): void => actions.change({ ...config, ...patch });
  const kind = problems[config.problem].kind;
  const costs = costsFor[kind];
  const parameters = optimiserParameters[config.optimiser].map((p) =>
    numberField(parameterLabels[p], config[p], (v) => set({ [p]: v }), {
      min: 0, max: p === 'eps' || p === 'weightDecay' ? 1 : 0.999999, step: 'any', testid: `param-${p}`,
    }));
  const schedule = config.schedule;
  const scheduleFields: HTMLElement[] = [];
  if (schedule === 'exponentialDecay') {
    scheduleFields.push(numberField('decay factor r', config.scheduleRate, (v) => set({ scheduleRate: v }), { min: 0.01, max: 1, testid: 'schedule-rate' }),
      numberField('every T steps', config.scheduleSteps, (v) => set({ scheduleSteps: Math.round(v) }), { min: 1, step: 1, testid: 'schedule-steps' }));
  } else if (schedule === 'inverseTimeDecay') {
    scheduleFields.push(numberField('rate k', config.scheduleRate, (v) => set({ scheduleRate: v }), { min: 0.0001, max: 10, testid: 'schedule-rate' }));
  } else if (schedule === 'invScaling') {
    scheduleFields.push(numberField('power p', config.scheduleRate, (v) => set({ scheduleRate: v }), { min: 0.0001, max: 10, testid: 'schedule-rate' }));
  } else if (schedule === 'cosineDecay' || schedule === 'warmupCosineDecay') {
    scheduleFields.push(numberField('over D steps', config.scheduleSteps, (v) => set({ scheduleSteps: Math.round(v) }), { min: 2, step: 1, testid: 'schedule-steps' }));
    if (schedule === 'warmupCosineDecay') scheduleFields.push(numberField('warm-up W steps', config.warmupSteps, (v) => set({ warmupSteps: Math.round(v) }), { min: 0, step: 1, testid: 'warmup-steps' }));
  }
  return h('div', { class: 'controls training' },
    group('Gradient method', true,
      select('Optimiser', optimiserNames.map((o) => [o, optimiserLabels[o]] as const), config.optimiser, (o) => set({ optimiser: o }), { testid: 'optimiser' }),
      numberField('Learning rate γ', config.learningRate, (v) => set({ learningRate: v }), { min: 1e-6, max: 10, testid: 'learning-rate', valid: (v) => v > 0 }),
      ...parameters),
    group('Schedule of γ', false,
      select('γ over time', scheduleNames.map((s) => [s, scheduleLabels[s]] as const), schedule, (s) => set({ schedule: s }), { testid: 'schedule' }),
      ...scheduleFields),
    group('Cost and penalty', false,
      wide(select('Cost C', costs.map((c) => [c, costLabels[c] ?? c] as const), config.cost, (c) => set({ cost: c }), { testid: 'cost' })),
      select('Penalty', [['none', 'none'], ['l2', 'L2: λ‖W‖²'], ['l1', 'L1: λ‖W‖₁']] as const, config.penalty, (p) => set({ penalty: p }), { testid: 'penalty' }),
      config.penalty === 'none' ? null : numberField('λ', config.lambda, (v) => set({ lambda: v }), { min: 0, max: 10, testid: 'lambda' }),
      config.penalty === 'none' ? null : checkbox('penalise biases too', config.penaliseBiases, (v) => set({ penaliseBiases: v }), 'penalise-biases')),
    group('Gradient and seed', false,
      wide(select('Gradient from', [['delta', 'δ-equations (backprop)'], ['reverse', 'reverse-mode autodiff']] as const, config.gradient, (g) => set({ gradient: g }), { testid: 'gradient-source' })),
      numberField('Seed (Θ₀, batches)', config.seed, (v) => set({ seed: Math.round(v) }), { min: 0, max: limits.maxSeed, step: 1, testid: 'seed', valid: Number.isInteger })));
}
