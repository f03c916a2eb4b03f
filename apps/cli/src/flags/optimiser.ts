/**
 * The optimiser flags: `--optimiser` (every optimiser of @theta/optim), `--lr` and the
 * hyperparameters each optimiser takes (`--momentum`, `--beta1`, `--beta2`, `--eps`,
 * `--decay`, `--weight-decay`). A hyperparameter the chosen optimiser does not take is an error.
 *
 * @module
 */
import { CliUsageError } from '../errors.js';
import { optional, orThrow, parseChoice, parseNumber, type Parsed } from './values.js';

/** The optimisers of @theta/optim, by the names `--optimiser` accepts. */
export type OptimiserName = 'sgd' | 'momentum' | 'nesterov' | 'adagrad' | 'rmsprop' | 'adam' | 'adamw' | 'adamax' | 'nadam';

/** Every name `--optimiser` accepts. */
export const optimiserNames: readonly OptimiserName[] = ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam', 'adamw', 'adamax', 'nadam'];

/** A hyperparameter flag (without `--`) and its key in the optimiser's options. */
export type HyperparameterName = 'momentum' | 'beta1' | 'beta2' | 'eps' | 'decay' | 'weightDecay';

/** The optimiser's hyperparameters as typed numbers; absent means the library's default. */
export type Hyperparameters = Partial<Readonly<Record<HyperparameterName, number>>>;

/** Which hyperparameters each optimiser takes. */
export const takes: Readonly<Record<OptimiserName, readonly HyperparameterName[]>> = {
  sgd: [],
  momentum: ['momentum'],
  nesterov: ['momentum'],
  adagrad: ['eps', 'momentum'],
  rmsprop: ['decay', 'eps'],
  adam: ['beta1', 'beta2', 'eps'],
  adamw: ['beta1', 'beta2', 'eps', 'weightDecay'],
  adamax: ['beta1', 'beta2', 'eps'],
  nadam: ['beta1', 'beta2', 'eps'],
};

/** The flag of a hyperparameter: `weightDecay` → `--weight-decay`. */
export const flagOf = (name: HyperparameterName): string => `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** The accepted range of each hyperparameter. */
const rules = {
  momentum: { min: 0, max: 1, maxExclusive: true },
  beta1: { min: 0, max: 1, maxExclusive: true },
  beta2: { min: 0, max: 1, maxExclusive: true },
  decay: { min: 0, max: 1, maxExclusive: true },
  eps: { min: 0 },
  weightDecay: { min: 0 },
} as const;

/** `--optimiser`. */
export const parseOptimiser = (text: string): Parsed<OptimiserName> => parseChoice('--optimiser', text, optimiserNames);

/** `--lr`: the learning rate η > 0. */
export const parseLearningRate = (text: string): Parsed<number> => parseNumber('--lr', text, { min: 0, minExclusive: true });

/** Parses the hyperparameter flags that were given; throws a `CliUsageError` on the first bad one. */
export function parseHyperparameters(text: Partial<Readonly<Record<HyperparameterName, string>>>): Hyperparameters {
  const out: Partial<Record<HyperparameterName, number>> = {};
  for (const name of Object.keys(rules) as HyperparameterName[]) {
    const value = orThrow(optional(text[name], (s) => parseNumber(flagOf(name), s, rules[name])));
    if (value !== undefined) out[name] = value;
  }
  return out;
}

/** Throws when a hyperparameter was given that the optimiser does not take. */
export function checkApplies(optimiser: OptimiserName, given: Hyperparameters, text: Partial<Readonly<Record<HyperparameterName, string>>>): void {
  for (const name of Object.keys(given) as HyperparameterName[]) {
    if (takes[optimiser].includes(name)) continue;
    const users = optimiserNames.filter((o) => takes[o].includes(name));
    const value = text[name] ?? String(given[name]);
    throw new CliUsageError({
      flag: flagOf(name),
      value,
      expected: `an optimiser that takes it (${users.join(', ')})`,
      problem: `${flagOf(name)} ${value} does not apply to --optimiser ${optimiser}`,
    });
  }
}
