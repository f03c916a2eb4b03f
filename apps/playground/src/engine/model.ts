/**
 * The model a config describes, built from the packages' public APIs: the network (@theta/nn's
 * `mlp`), the cost and penalty, the gradient source (the δ-equations or reverse mode), and the
 * optimiser with its learning-rate schedule (@theta/optim).
 */
import * as N from '@theta/nn';
import * as O from '@theta/optim';
import type * as T from '@theta/tensor';
import type { PlaygroundConfig } from '../state/config.js';
import type { Problem } from './problem.js';

/** What one gradient evaluation returns: the loss C(Θ) and ∂C/∂Θ, plus δ^l when known. */
export interface GradientResult {
  /** C(Θ) on the minibatch, penalty included. */
  readonly loss: number;
  /** ∂C/∂Θ, shaped like Θ. */
  readonly grads: N.Theta;
  /** δ^l per layer (δ-equations only). */
  readonly deltas?: readonly T.Tensor[];
}

/** The model parts of a run. */
export interface Model {
  /** The network. */
  readonly net: N.Mlp;
  /** The cost, averaged over the batch. */
  readonly cost: N.Cost;
  /** The penalty λ‖W‖. */
  readonly penalty: N.Penalty;
  /** ∂C/∂Θ by the notes' δ-equations. */
  readonly backprop: (theta: N.Theta, X: T.Tensor, t: T.Tensor) => N.BackpropResult;
  /** ∂C/∂Θ by reverse mode over the Wengert list of C(Θ). */
  readonly reverse: (theta: N.Theta, X: T.Tensor, t: T.Tensor) => N.ReverseGradResult;
  /** The gradient source the config picked. */
  readonly gradients: (theta: N.Theta, X: T.Tensor, t: T.Tensor) => GradientResult;
  /** The optimiser. */
  readonly optimiser: O.GradientTransformation;
  /** γ_t, the learning rate at step t. */
  readonly learningRate: O.Schedule;
}

/** The learning-rate schedule of a config. */
export function scheduleOf(config: PlaygroundConfig): O.Schedule {
  const initial = config.learningRate;
  switch (config.schedule) {
    case 'constant': return O.Schedules.constant(initial);
    case 'exponentialDecay': return O.Schedules.exponentialDecay({ initial, decayRate: Math.min(1, config.scheduleRate), transitionSteps: config.scheduleSteps });
    case 'inverseTimeDecay': return O.Schedules.inverseTimeDecay({ initial, rate: config.scheduleRate });
    case 'cosineDecay': return O.Schedules.cosineDecay({ initial, decaySteps: config.scheduleSteps });
    case 'warmupCosineDecay': return O.Schedules.warmupCosineDecay({ peak: initial, warmupSteps: Math.min(config.warmupSteps, config.scheduleSteps - 1), decaySteps: config.scheduleSteps });
    case 'invScaling': return O.Schedules.invScaling({ initial, powerT: config.scheduleRate });
  }
}

/** Forgets the state's type: it depends on the method, and the session only threads it through. */
const erase = <S extends T.TensorTree>(optimiser: O.GradientTransformation<S>): O.GradientTransformation => optimiser as unknown as O.GradientTransformation;

/** The optimiser of a config, driven by `rate`. */
export function optimiserOf(config: PlaygroundConfig, rate: O.Schedule): O.GradientTransformation {
  const adam = { beta1: config.beta1, beta2: config.beta2, eps: config.eps };
  switch (config.optimiser) {
    case 'sgd': return erase(O.sgd(rate));
    case 'momentum': return erase(O.momentum(rate, { beta: config.momentum }));
    case 'nesterov': return erase(O.nesterov(rate, { beta: config.momentum }));
    case 'adagrad': return erase(O.adagrad(rate, { eps: config.eps }));
    case 'rmsprop': return erase(O.rmsprop(rate, { decay: config.rho, eps: config.eps }));
    case 'adam': return erase(O.adam(rate, adam));
    case 'adamw': return erase(O.adamw(rate, { ...adam, weightDecay: config.weightDecay, mask: O.weightsOnly }));
    case 'adamax': return erase(O.adamax(rate, adam));
    case 'nadam': return erase(O.nadam(rate, adam));
  }
}

/** The cost of a config, averaged over the batch so γ does not depend on the batch size. */
export function costOf(config: PlaygroundConfig): N.Cost {
  switch (config.cost) {
    case 'mse': return N.mse({ reduction: 'mean' });
    case 'binaryCrossEntropy': return N.binaryCrossEntropy({ reduction: 'mean' });
    case 'categoricalCrossEntropy': return N.categoricalCrossEntropy({ reduction: 'mean' });
  }
}

/** The penalty of a config. */
export function penaltyOf(config: PlaygroundConfig): N.Penalty {
  const options = { includeBiases: config.penaliseBiases };
  if (config.penalty === 'l2' && config.lambda > 0) return N.l2(config.lambda, options);
  if (config.penalty === 'l1' && config.lambda > 0) return N.l1(config.lambda, options);
  return N.noPenalty;
}

/** Builds the model of a config for a prepared problem. */
export function buildModel(config: PlaygroundConfig, problem: Problem): Model {
  const inputs = problem.XTrain.shape[1] as number;
  const net = N.mlp({ sizes: [inputs, ...config.hidden, problem.outputs], activations: [...config.activations, config.output] });
  const cost = costOf(config);
  const penalty = penaltyOf(config);
  const backprop = N.backprop(net, cost, penalty);
  const reverse = N.reverseGrad(net, cost, penalty);
  const learningRate = scheduleOf(config);
  return {
    net, cost, penalty, backprop, reverse,
    gradients: config.gradient === 'delta' ? backprop : reverse,
    optimiser: optimiserOf(config, learningRate),
    learningRate,
  };
}
