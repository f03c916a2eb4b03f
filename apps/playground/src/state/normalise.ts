/**
 * Makes a configuration consistent with its problem: a cost the problem can use, an output
 * activation the cost can read, features the inputs have. The controls and the URL decoder
 * both pass every config through here, so the worker never sees an impossible combination.
 */
import type { ActivationName, CostName } from '@theta/nn';
import { limits, problems, usesSecondInput, type FeatureName, type PlaygroundConfig, type ProblemKind } from './config.js';

/** The costs each kind of problem may use, the preferred one first. */
export const costsFor: Readonly<Record<ProblemKind, readonly CostName[]>> = {
  binary: ['binaryCrossEntropy', 'mse'],
  multiclass: ['categoricalCrossEntropy', 'mse'],
  regression: ['mse'],
};

/** The output activation a cost needs, when it needs one. */
const requiredOutput: Partial<Record<CostName, ActivationName>> = {
  binaryCrossEntropy: 'sigmoid',
  categoricalCrossEntropy: 'softmax',
};

/** A sensible output activation for a kind of problem under MSE. */
const mseOutput: Readonly<Record<ProblemKind, ActivationName>> = { binary: 'sigmoid', multiclass: 'sigmoid', regression: 'identity' };

/** True when `output` can be used with `cost` on this kind of problem. */
export function outputAllowed(kind: ProblemKind, cost: CostName, output: ActivationName): boolean {
  const required = requiredOutput[cost];
  if (required !== undefined) return output === required;
  // Softmax needs several output nodes: only the digits have them.
  return output !== 'softmax' || kind === 'multiclass';
}

/** The config with every field made consistent with its problem. */
export function normalise(config: PlaygroundConfig): PlaygroundConfig {
  const info = problems[config.problem];
  const costs = costsFor[info.kind];
  const costValid = costs.includes(config.cost);
  const cost = costValid ? config.cost : (costs[0] as CostName);
  let output = config.output;
  // A cost the problem cannot use is replaced, and the output with it (regression: identity).
  if (!costValid || !outputAllowed(info.kind, cost, output)) output = requiredOutput[cost] ?? mseOutput[info.kind];
  let features: readonly FeatureName[] = config.features;
  if (info.dims === 1) features = features.filter((f) => !usesSecondInput.has(f));
  if (info.dims !== 64 && features.length === 0) features = ['x1'];
  const maxNodes = info.dims === 64 ? limits.maxDigitNodes : limits.maxNodes;
  const hidden = config.hidden.slice(0, limits.maxHiddenLayers).map((n) => Math.min(maxNodes, Math.max(1, Math.round(n))));
  const activations = hidden.map((_, i) => config.activations[i] ?? config.activations[config.activations.length - 1] ?? 'tanh');
  return Object.freeze({
    ...config,
    cost,
    output,
    features: Object.freeze(features.slice()),
    hidden: Object.freeze(hidden),
    activations: Object.freeze(activations),
  });
}

/** The config for a newly picked problem: its usual cost, output and (for the digits) width. */
export function switchProblem(config: PlaygroundConfig, problem: PlaygroundConfig['problem']): PlaygroundConfig {
  const kind = problems[problem].kind;
  const cost = costsFor[kind][0] as CostName;
  const output = requiredOutput[cost] ?? mseOutput[kind];
  const hidden = problems[problem].dims === 64 ? [16] : config.problem === 'digits' ? [4, 2] : config.hidden;
  const activations = problems[problem].dims === 64 ? ['relu' as const] : config.problem === 'digits' ? ['tanh' as const, 'tanh' as const] : config.activations;
  const features: readonly FeatureName[] = problems[problem].dims === 1 ? ['x1', 'x1sq', 'sin1'] : config.features.length > 0 && config.problem !== 'runge' ? config.features : ['x1', 'x2'];
  return normalise({ ...config, problem, cost, output, hidden, activations, features });
}
