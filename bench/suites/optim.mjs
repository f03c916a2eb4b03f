// @theta/optim: update throughput (parameters/s) of sgd, momentum and adam on the 100k-parameter
// Θ of a 784-128-64-10 network, float32 and float64, against tfjs's CPU optimisers, and the
// share of a batch-64 training step (forward + backprop with @theta/tensor) an update takes.
// Two ways to step: `update` then `applyUpdates` (the updates tree materialised), and `O.step`
// (the same values, the last scaling, learning rate and addition fused into one pass).
// Imports the built packages: `npm run build -w @theta/tensor && npm run build -w @theta/optim`.
import * as T from '@theta/tensor';
import * as O from '@theta/optim';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { fmt, measure, table } from '../lib/measure.mjs';
import { values } from '../lib/values.mjs';

const SIZES = [784, 128, 64, 10];
const BATCH = 64;
const DTYPES = ['float32', 'float64'];
const OPTIMISERS = [
  ['sgd', () => O.sgd(0.01), () => tf.train.sgd(0.01)],
  ['momentum', () => O.momentum(0.01, { beta: 0.9 }), () => tf.train.momentum(0.01, 0.9)],
  ['adam', () => O.adam(1e-3), () => tf.train.adam(1e-3, 0.9, 0.999, 1e-8)],
];

/**
 * Median CPU seconds per call (user + system time of this process), alongside `measure`'s wall
 * time: on a shared machine other processes stretch wall time far more than CPU time, and the
 * share of a training step below is a ratio of two CPU times measured back to back.
 */
async function cpuMeasure(fn, { warmupMs = 150, minMs = 500, samples = 7 } = {}) {
  let sink = 0;
  const cpu = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1e6;
  };
  let calls = 0;
  const start = cpu();
  while (cpu() - start < warmupMs / 1e3 || calls < 2) {
    sink ^= (await fn()) === undefined ? 0 : 1;
    calls += 1;
  }
  const batch = Math.max(1, Math.round(minMs / 1e3 / samples / Math.max((cpu() - start) / calls, 1e-9)));
  const times = [];
  for (let k = 0; k < samples; k++) {
    const t0 = cpu();
    for (let i = 0; i < batch; i++) sink ^= (await fn()) === undefined ? 0 : 1;
    times.push((cpu() - t0) / batch);
  }
  globalThis.__benchSink = sink;
  return times.sort((a, b) => a - b)[Math.floor(samples / 2)];
}

/** Θ = [{ W: [n_l, n_{l−1}], b: [n_l] }, …] and a tree of gradients shaped like it. */
const makeTheta = (dtype, seed) =>
  SIZES.slice(1).map((n, l) => ({
    W: T.fromArray(values(n * (SIZES[l] ?? 0), seed + 2 * l, 0.1), [n, SIZES[l]], { dtype }),
    b: T.fromArray(values(n, seed + 2 * l + 1, 0.1), [n], { dtype }),
  }));
const parameterCount = (theta) => T.Tree.reduce(theta, 0, (n, x) => n + x.data.length);

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

/** tfjs's optimiser on variables of the same shapes (it updates them in place). */
const tfjsStep = (optimiser) => {
  const theta = makeTheta('float32', 1);
  const grads = makeTheta('float32', 100);
  const names = [];
  const variables = [];
  const gradients = {};
  theta.forEach((layer, l) => {
    for (const key of ['W', 'b']) {
      const name = `l${l}${key}`;
      names.push(name);
      variables.push(tf.variable(tf.tensor(Float32Array.from(layer[key].data), layer[key].shape), true, name));
      gradients[name] = tf.tensor(Float32Array.from(grads[l][key].data), grads[l][key].shape);
    }
  });
  return {
    fn: () => {
      optimiser.applyGradients(gradients);
      return variables[0].dataSync()[0]; // make sure the work is done
    },
    dispose: () => {
      optimiser.dispose();
      tf.dispose([...variables, ...Object.values(gradients)]);
    },
  };
};

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

export async function run() {
  tf.enableProdMode();
  await tf.setBackend('cpu');
  const n = parameterCount(makeTheta('float64', 1));
  const timing = { warmupMs: 150, minMs: 500, samples: 7 };
  const rows = [['optimiser', 'dtype', 'library', 'wall ms / update', 'cpu ms / update', 'parameters / cpu s', 'share of a training step (cpu)']];
  const row = async (name, dtype, library, fn, step) => {
    const wall = await measure(fn, timing);
    const cpu = await cpuMeasure(fn, timing);
    rows.push([name, dtype, library, fmt(wall * 1e3), fmt(cpu * 1e3), fmt(n / cpu), step === undefined ? '' : `${fmt((100 * cpu) / step, 2)}%`]);
  };
  for (const dtype of DTYPES) {
    const reference = await referenceStep(dtype);
    const step = Math.min(await cpuMeasure(reference.fn, timing), await cpuMeasure(reference.fn, timing));
    rows.push(['(training step)', dtype, reference.label, fmt((await measure(reference.fn, timing)) * 1e3), fmt(step * 1e3), '', `forward + gradients, batch ${BATCH}`]);
    for (const [name, ours, theirs] of OPTIMISERS) {
      await row(name, dtype, '@theta/optim update + applyUpdates', thetaStep(ours(), dtype, false), step);
      await row(name, dtype, '@theta/optim step', thetaStep(ours(), dtype, true), step);
      if (dtype === 'float32') {
        const peer = tfjsStep(theirs());
        await row(name, dtype, 'tfjs-cpu applyGradients', peer.fn, step);
        peer.dispose();
      }
    }
  }
  table(`Optimiser updates, 784-128-64-10 Θ (${n} parameters)`, rows);
}
