// bench/suites/optim.mjs's Theta side, run in its own isolate (lib/isolate.mjs): @theta/optim's
// updates and the training step they are compared with. Imports Theta only.
import * as T from '@theta/tensor';
import * as O from '@theta/optim';
import { cpuMeasure } from './cpu-measure.mjs';
import { measure } from './measure.mjs';
import { values } from './values.mjs';

const SIZES = [784, 128, 64, 10];
const BATCH = 64;
const OPTIMISERS = {
  sgd: () => O.sgd(0.01),
  momentum: () => O.momentum(0.01, { beta: 0.9 }),
  adam: () => O.adam(1e-3),
};

/** Θ = [{ W: [n_l, n_{l−1}], b: [n_l] }, …] and a tree of gradients shaped like it (optim-tfjs.mjs builds the same values). */
const makeTheta = (dtype, seed) =>
  SIZES.slice(1).map((n, l) => ({
    W: T.fromArray(values(n * (SIZES[l] ?? 0), seed + 2 * l, 0.1), [n, SIZES[l]], { dtype }),
    b: T.fromArray(values(n, seed + 2 * l + 1, 0.1), [n], { dtype }),
  }));

/** The number of parameters in Θ. */
export const parameterCount = () => T.Tree.reduce(makeTheta('float64', 1), 0, (n, x) => n + x.data.length);

/** One update + applyUpdates (or one O.step) per call, threading Θ and the state as a training loop does. */
const thetaStep = (optimiser, dtype, fused) => {
  let theta = makeTheta(dtype, 1);
  const grads = makeTheta(dtype, 100);
  let state = optimiser.init(theta);
  return fused
    ? () => {
        [theta, state] = O.step(optimiser, grads, state, theta);
        return theta;
      }
    : () => {
        const [updates, next] = optimiser.update(grads, state, theta);
        theta = O.applyUpdates(theta, updates);
        state = next;
        return theta;
      };
};

/** Wall and CPU seconds per update of optimiser `name` in `dtype`, fused (`O.step`) or not. */
export async function update(name, dtype, fused, timing) {
  const fn = thetaStep(OPTIMISERS[name](), dtype, fused);
  return { wall: await measure(fn, timing), cpu: await cpuMeasure(fn, timing) };
}

/**
 * The step the optimiser must not slow down: forward + gradients of the 784-128-64-10 network on
 * a batch of 64, as nn's suite measures it (ReLU, softmax cross-entropy, `N.backprop`) when
 * @theta/nn is built, else the same network written here with @theta/tensor ops (sigmoid, MSE).
 */
async function referenceStep(dtype) {
  try {
    const N = await import('@theta/nn');
    const net = N.mlp({ sizes: SIZES, activations: { hidden: 'relu', output: 'identity' } });
    const gradients = N.backprop(net, N.categoricalCrossEntropy({ fromLogits: true, reduction: 'mean' }), N.noPenalty);
    const [kTheta, kX, kT] = T.split(T.key(0), 3);
    const theta = net.init(kTheta, { dtype });
    const X = T.uniform(kX, [BATCH, SIZES[0]], { min: -1, max: 1, dtype });
    const t = N.oneHot(T.toArray(T.uniform(kT, [BATCH], { min: 0, max: 10 })).map(Math.floor), 10, { dtype });
    return { label: '@theta/nn backprop (ReLU, softmax CE)', fn: () => gradients(theta, X, t).grads };
  } catch {
    return { label: '@theta/tensor (sigmoid, MSE)', fn: handWrittenStep(dtype) };
  }
}

/** A batch-64 step of the 784-128-64-10 network written with @theta/tensor (sigmoid hidden, identity output, MSE). */
const handWrittenStep = (dtype) => {
  const theta = makeTheta(dtype, 1);
  const X = T.fromArray(values(BATCH * SIZES[0], 7), [BATCH, SIZES[0]], { dtype });
  const Y = T.fromArray(values(BATCH * SIZES[3], 8), [BATCH, SIZES[3]], { dtype });
  return () => {
    const a = [X];
    for (const [l, { W, b }] of theta.entries()) {
      const z = T.add(T.matmul(a[l], W, { transposeB: true }), b);
      a.push(l < theta.length - 1 ? T.sigmoid(z) : z);
    }
    let delta = T.mul(T.sub(a[theta.length], Y), 2 / BATCH);
    const grads = [];
    for (let l = theta.length - 1; l >= 0; l--) {
      grads[l] = { W: T.matmul(delta, a[l], { transposeA: true }), b: T.sum(delta, { axis: 0 }) };
      if (l > 0) delta = T.mul(T.matmul(delta, theta[l].W), T.mul(a[l], T.sub(1, a[l])));
    }
    return grads;
  };
};

/** The training step's label, CPU seconds (the better of two measurements) and wall seconds, in `dtype`. */
export async function reference(dtype, timing) {
  const { label, fn } = await referenceStep(dtype);
  const cpu = Math.min(await cpuMeasure(fn, timing), await cpuMeasure(fn, timing));
  return { label, cpu, wall: await measure(fn, timing) };
}
