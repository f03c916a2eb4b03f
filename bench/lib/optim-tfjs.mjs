// bench/suites/optim.mjs's tfjs side, run in its own isolate (lib/isolate.mjs): tfjs-cpu's
// optimisers on variables shaped like optim-theta.mjs's Θ, with the same values. Imports tfjs only.
import { cpuMeasure } from './cpu-measure.mjs';
import { measure } from './measure.mjs';
import { loadTfjs } from './tfjs.mjs';
import { values } from './values.mjs';

const SIZES = [784, 128, 64, 10];
let tf;

/** Loads tfjs with its CPU backend. */
export async function init() {
  tf = await loadTfjs('cpu');
}

const OPTIMISERS = {
  sgd: () => tf.train.sgd(0.01),
  momentum: () => tf.train.momentum(0.01, 0.9),
  adam: () => tf.train.adam(1e-3, 0.9, 0.999, 1e-8),
};

/** tfjs's optimiser on variables of Θ's shapes and values (it updates them in place). */
const tfjsStep = (optimiser) => {
  const names = [];
  const variables = [];
  const gradients = {};
  SIZES.slice(1).forEach((n, l) => {
    const shapes = { W: [n, SIZES[l]], b: [n] };
    for (const [key, seed] of [['W', 2 * l], ['b', 2 * l + 1]]) {
      const name = `l${l}${key}`;
      const size = shapes[key].reduce((a, b) => a * b, 1);
      names.push(name);
      variables.push(tf.variable(tf.tensor(Float32Array.from(values(size, 1 + seed, 0.1)), shapes[key]), true, name));
      gradients[name] = tf.tensor(Float32Array.from(values(size, 100 + seed, 0.1)), shapes[key]);
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

/** Wall and CPU seconds per `applyGradients` of tfjs's optimiser `name` (float32). */
export async function update(name, timing) {
  const peer = tfjsStep(OPTIMISERS[name]());
  try {
    return { wall: await measure(peer.fn, timing), cpu: await cpuMeasure(peer.fn, timing) };
  } finally {
    peer.dispose();
  }
}
