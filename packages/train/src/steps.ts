/**
 * The training loop as a sequence of immutable states.
 *
 * @module
 */
import * as T from '@theta/tensor';
import * as D from '@theta/data';
import * as O from '@theta/optim';
import type { TrainConfig } from './config.js';
import { observe, startWatch, type Watch } from './early-stopping.js';
import { NonFiniteTrainingError, type NonFiniteSource } from './errors.js';
import { evaluateResolved, penaltyValue } from './evaluate.js';
import type { EpochRecord, FitResult, TrainState } from './state.js';
import { resolveConfig, type Plan } from './validate.js';

/**
 * Trains a network, yielding an immutable {@link TrainState} after every minibatch
 * (`report: 'step'`) or every epoch (`report: 'epoch'`, the default); the generator's return
 * value is the {@link FitResult} (what {@link fit} returns).
 *
 * Each step: draw the minibatch, compute $(C, \partial C/\partial \Theta)$ by back
 * propagation or reverse mode, check them, take the optimiser step
 * ($\Theta \leftarrow \Theta + u$, `O.step`), check the new Θ. Each epoch ends with the
 * metrics on the training set and the loss and metrics on the validation set, then early
 * stopping decides whether to go on. See {@link TrainConfig} for the keys and defaults.
 *
 * The configuration is checked when `steps` is called, before the first state is asked for:
 * a bad field is a `DomainError` naming it; data or Θ of the wrong shape a `ShapeError`.
 * A step with a non-finite loss, gradient or Θ throws {@link NonFiniteTrainingError}
 * carrying the last good state. Nothing passed in is mutated.
 *
 * @since 0.1.0
 * @category Training
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as N from '@theta/nn';
 * import * as O from '@theta/optim';
 * import * as Tr from '@theta/train';
 * const net = N.mlp({ sizes: [2, 8, 1], activations: ['tanh', 'sigmoid'] });
 * const X = T.tensor([[0, 0], [0, 1], [1, 0], [1, 1]]);
 * const data = { X, T: T.tensor([[0], [1], [1], [0]]) };                      // xor
 * const run = Tr.steps({ net, cost: N.binaryCrossEntropy(), optimiser: O.adam(0.1), epochs: 200, key: T.key(3), data });
 * let last: Tr.TrainState | undefined;
 * for (const state of run) last = state;                                       // one state per epoch
 * console.log(last?.epoch, last!.loss < 0.1); // 200 true
 * ```
 */
export function steps(config: TrainConfig): Generator<TrainState, FitResult, undefined> {
  return loop(resolveConfig('steps', config));
}

/** The minibatches of one epoch as row indices; `undefined` stands for "all rows, in order". */
function batchesOf(plan: Plan, epoch: number): readonly (readonly number[] | undefined)[] {
  const { n, batchSize } = plan;
  const key = T.foldIn(plan.batchKey, epoch);
  if (plan.sampling === 'replacement') return D.sampleBatches(key, n, batchSize, Math.ceil(n / batchSize));
  // One batch of every row: the order does not change the gradient, so skip the shuffle.
  return batchSize >= n ? [undefined] : D.shuffledBatches(key, n, batchSize);
}

/** The record that closes an epoch: running train loss, full-pass train metrics, validation. */
function closeEpoch(plan: Plan, epoch: number, step: number, theta: TrainState['theta'], trainLoss: number): EpochRecord {
  const { net, cost, penalty, metrics, data, validation } = plan;
  const trainMetrics = metrics.length === 0 ? {} : evaluateResolved(net, cost, penalty, metrics, theta, data.X, data.T).metrics;
  const train = Object.freeze({ loss: trainLoss, metrics: trainMetrics });
  if (validation === undefined) return Object.freeze({ epoch, step, train });
  return Object.freeze({ epoch, step, train, validation: evaluateResolved(net, cost, penalty, metrics, theta, validation.X, validation.T) });
}

/** The loop itself, over a validated plan (shared by {@link steps} and `fit`). */
export function* loop(plan: Plan): Generator<TrainState, FitResult, undefined> {
  const { data, n, cost, penalty, optimiser } = plan;
  const batches = Math.ceil(n / plan.batchSize);
  let state: TrainState = Object.freeze({
    step: 0, epoch: 0, batch: 0, batches, theta: plan.theta, optState: plan.optState, key: plan.batchKey, loss: Number.NaN, metrics: undefined,
  });
  const history: EpochRecord[] = [];
  let watch: Watch | undefined = plan.earlyStopping === undefined ? undefined : startWatch(plan.earlyStopping);
  let stopped = false;
  for (let epoch = 1; epoch <= plan.epochs && !stopped; epoch++) {
    const order = batchesOf(plan, epoch);
    let lossSum = 0;
    let seen = 0;
    for (let b = 0; b < order.length; b++) {
      const rows = order[b];
      const X = rows === undefined ? data.X : T.gather(data.X, rows);
      const targets = rows === undefined ? data.T : T.gather(data.T, rows);
      const m = X.shape[0] as number;
      const step = state.step + 1;
      const lastGood = state;
      const fail = (source: NonFiniteSource, path: string, value: number): NonFiniteTrainingError =>
        new NonFiniteTrainingError({ op: plan.op, source, path, value, step, epoch, lastGood, history: Object.freeze(history.slice()) });
      // One resident scope per step (T.resident): the optimiser reads Θ and the gradients where
      // the forward and backward passes left them in WebAssembly memory. The step is pure, so
      // it can run before the checks: on the wasm backend the SGD kernel tests the gradients it
      // reads and the Θ it writes, and the checks then cost nothing.
      const { loss, theta, optState, badGrad, badTheta } = T.resident(() => {
        const { loss, grads } = plan.gradient(state.theta, X, targets);
        const [theta, optState] = O.step(optimiser, grads, state.optState, state.theta);
        return { loss, grads, theta, optState, badGrad: T.Tree.findNonFinite(grads), badTheta: T.Tree.findNonFinite(theta) };
      });
      if (badGrad !== undefined) throw fail('gradient', badGrad.path, badGrad.value);
      if (!Number.isFinite(loss)) throw fail('loss', 'loss', loss);
      if (badTheta !== undefined) throw fail('theta', badTheta.path, badTheta.value);
      // Per sample: a summed cost is divided by the batch size; the penalty counts once.
      const lambdaR = cost.reduction === 'sum' ? penaltyValue(penalty, state.theta) : 0;
      const sampleLoss = cost.reduction === 'sum' ? (loss - lambdaR) / m + lambdaR : loss;
      lossSum += sampleLoss * m;
      seen += m;
      const last = b === order.length - 1;
      const record = last ? closeEpoch(plan, epoch, step, theta, lossSum / seen) : undefined;
      state = Object.freeze({ step, epoch, batch: b + 1, batches: order.length, theta, optState, key: plan.batchKey, loss: record?.train.loss ?? sampleLoss, metrics: record });
      if (record !== undefined) {
        history.push(record);
        if (watch !== undefined && plan.earlyStopping !== undefined) [watch, stopped] = observe(plan.earlyStopping, watch, state, record);
      }
      if (plan.report === 'step' || last) yield state;
    }
  }
  const restore = plan.earlyStopping?.restoreBest === true ? watch?.bestState : undefined;
  return Object.freeze({
    state: restore ?? state,
    history: Object.freeze(history),
    stopped: stopped ? ('earlyStopping' as const) : ('completed' as const),
    bestEpoch: watch?.bestState?.epoch,
  });
}
