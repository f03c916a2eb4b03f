/**
 * Builds the optimiser `--optimiser` names with its learning rate (or schedule) and the
 * hyperparameters given, mapped to the option names of @theta/optim.
 *
 * @module
 */
import * as O from '@theta/optim';
import type { Hyperparameters, OptimiserName } from '../flags/optimiser.js';

/** Copies the keys that are present: absent options keep the library's defaults. */
const pick = <K extends string>(entries: readonly (readonly [K, number | undefined])[]): Partial<Record<K, number>> =>
  Object.fromEntries(entries.filter(([, v]) => v !== undefined)) as Partial<Record<K, number>>;

/** The optimiser as a gradient transformation. */
export function buildOptimiser(name: OptimiserName, rate: number | O.Schedule, h: Hyperparameters): O.GradientTransformation<any> {
  const adamLike = pick([['beta1', h.beta1], ['beta2', h.beta2], ['eps', h.eps]]);
  switch (name) {
    case 'sgd':
      return O.sgd(rate);
    case 'momentum':
      return O.momentum(rate, pick([['beta', h.momentum]]));
    case 'nesterov':
      return O.nesterov(rate, pick([['beta', h.momentum]]));
    case 'adagrad':
      return O.adagrad(rate, pick([['eps', h.eps], ['momentum', h.momentum]]));
    case 'rmsprop':
      return O.rmsprop(rate, pick([['decay', h.decay], ['eps', h.eps]]));
    case 'adam':
      return O.adam(rate, adamLike);
    case 'adamw':
      return O.adamw(rate, { ...adamLike, ...pick([['weightDecay', h.weightDecay]]) });
    case 'adamax':
      return O.adamax(rate, adamLike);
    case 'nadam':
      return O.nadam(rate, adamLike);
  }
}
