import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  costNames, defaultConfig, featureNames, hiddenActivationNames, optimiserNames, outputActivationNames, problemNames, scheduleNames,
  type PlaygroundConfig,
} from './config.js';
import { normalise } from './normalise.js';
import { decodeState, defaultExplorer, defaultState, encodeState, type AppState } from './url.js';

/** Any config the controls can produce (made consistent, as the app always does). */
const configs: fc.Arbitrary<PlaygroundConfig> = fc
  .record({
    problem: fc.constantFrom(...problemNames),
    noise: fc.constantFrom(0, 0.05, 0.1, 0.25, 0.5),
    trainRatio: fc.constantFrom(0.1, 0.3, 0.5, 0.8, 0.9),
    batchSize: fc.integer({ min: 1, max: 512 }),
    dataSeed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    features: fc.subarray([...featureNames], { minLength: 1 }),
    hidden: fc.array(fc.integer({ min: 1, max: 8 }), { maxLength: 6 }),
    activations: fc.array(fc.constantFrom(...hiddenActivationNames), { minLength: 6, maxLength: 6 }),
    output: fc.constantFrom(...outputActivationNames),
    cost: fc.constantFrom(...costNames),
    optimiser: fc.constantFrom(...optimiserNames),
    learningRate: fc.double({ min: 1e-6, max: 10, noNaN: true }),
    beta1: fc.double({ min: 0, max: 0.999, noNaN: true }),
    beta2: fc.double({ min: 0, max: 0.9999, noNaN: true }),
    eps: fc.double({ min: 0, max: 1, noNaN: true }),
    momentum: fc.double({ min: 0, max: 0.99, noNaN: true }),
    rho: fc.double({ min: 0, max: 0.99, noNaN: true }),
    weightDecay: fc.double({ min: 0, max: 1, noNaN: true }),
    schedule: fc.constantFrom(...scheduleNames),
    scheduleRate: fc.double({ min: 1e-3, max: 10, noNaN: true }),
    scheduleSteps: fc.integer({ min: 1, max: 100_000 }),
    warmupSteps: fc.integer({ min: 0, max: 100_000 }),
    penalty: fc.constantFrom('none', 'l1', 'l2'),
    lambda: fc.double({ min: 0, max: 10, noNaN: true }),
    penaliseBiases: fc.boolean(),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    gradient: fc.constantFrom('delta', 'reverse'),
  })
  .map((c) => normalise(c as PlaygroundConfig));

const states: fc.Arbitrary<AppState> = fc.record({
  config: configs,
  explorer: fc.record({
    expression: fc.string({ maxLength: 60 }),
    x: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    y: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    direction: fc.constantFrom('x', 'y'),
  }),
  at: fc.integer({ min: 0, max: 1_000_000 }),
});

describe('the URL state', () => {
  it('decodes what it encodes, exactly (every number bit for bit)', () => {
    fc.assert(
      fc.property(states, (state) => {
        const decoded = decodeState(encodeState(state));
        expect(decoded.problems).toEqual([]);
        expect(decoded.state).toEqual(state);
      }),
      { seed: 9, numRuns: 300 },
    );
  });

  it('writes only what differs from the defaults, and nothing for the default state', () => {
    expect(encodeState(defaultState)).toBe('v=1');
    expect(encodeState({ ...defaultState, config: normalise({ ...defaultConfig, seed: 42, hidden: [3] }) })).toBe('v=1&h=3&act=tanh&seed=42');
  });

  it('falls back to the default for a bad parameter and says what was expected', () => {
    const { state, problems } = decodeState('?v=1&lr=abc&h=4,99&p=moon&seed=-1&ex=1&pb=yes&zzz=1&opt=adamw');
    expect(state.config.learningRate).toBe(defaultConfig.learningRate);
    expect(state.config.hidden).toEqual(defaultConfig.hidden);
    expect(state.config.problem).toBe('circle');
    expect(state.config.seed).toBe(0);
    expect(state.config.optimiser).toBe('adamw');
    expect(state.explorer).toEqual({ ...defaultExplorer, x: 1 });
    expect(problems).toEqual([
      'zzz ignored: not a playground parameter',
      'p=moon ignored: expected one of circle, xor, gaussians, spiral, plane, franke, runge, digits',
      'h=4,99 ignored: expected an integer in 1 … 64',
      'lr=abc ignored: expected a number in (0, 10]',
      'pb=yes ignored: expected 0 or 1',
      'seed=-1 ignored: expected an integer in 0 … 2147483647',
    ]);
  });

  it('never throws on arbitrary query strings', () => {
    fc.assert(
      fc.property(fc.string(), fc.dictionary(fc.constantFrom('p', 'h', 'act', 'lr', 'f', 'expr', 'at', 'x'), fc.string()), (raw, params) => {
        const decoded = decodeState(raw);
        expect(problemNames).toContain(decoded.state.config.problem);
        const fromParams = decodeState(new URLSearchParams(params).toString());
        expect(fromParams.state.config.hidden.length).toBe(fromParams.state.config.activations.length);
      }),
      { seed: 3, numRuns: 300 },
    );
  });

  it('makes decoded configs consistent: a cost the problem can use and the output it needs', () => {
    const { state } = decodeState('?p=franke&cost=binaryCrossEntropy&out=softmax&f=x1x2');
    expect(state.config.cost).toBe('mse');
    expect(state.config.output).toBe('identity');
    const digits = decodeState('?p=digits&cost=categoricalCrossEntropy&out=tanh').state.config;
    expect(digits.output).toBe('softmax');
    const runge = decodeState('?p=runge&f=x2,x1x2').state.config;
    expect(runge.features).toEqual(['x1']);
  });
});
