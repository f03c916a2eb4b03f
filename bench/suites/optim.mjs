// @theta/optim: update throughput (parameters/s) of sgd, momentum and adam on the 100k-parameter
// Θ of a 784-128-64-10 network, float32 and float64, against tfjs's CPU optimisers, and the
// share of a batch-64 training step (forward + backprop with @theta/tensor) an update takes.
// Two ways to step: `update` then `applyUpdates` (the updates tree materialised), and `O.step`
// (the same values, the last scaling, learning rate and addition fused into one pass).
// Theta (lib/optim-theta.mjs) and tfjs (lib/optim-tfjs.mjs) each run in their own worker thread
// (lib/isolate.mjs explains why: a detached ArrayBuffer slows every typed-array loop of its
// isolate, and Theta's WebAssembly memory grows), and this thread only asks for the rows.
// Imports the built packages: `npm run build -w @theta/tensor && npm run build -w @theta/optim`.
import { startIsolate } from '../lib/isolate.mjs';
import { fmt, table } from '../lib/measure.mjs';

const DTYPES = ['float32', 'float64'];
const OPTIMISERS = ['sgd', 'momentum', 'adam'];

const lib = (file) => new URL(`../lib/${file}`, import.meta.url);

export async function run() {
  const theta = await startIsolate(lib('optim-theta.mjs'));
  const tfjs = await startIsolate(lib('optim-tfjs.mjs'));
  try {
    await tfjs.call('init');
    const n = await theta.call('parameterCount');
    const timing = { warmupMs: 150, minMs: 500, samples: 7 };
    const rows = [['optimiser', 'dtype', 'library', 'wall ms / update', 'cpu ms / update', 'parameters / cpu s', 'share of a training step (cpu)']];
    const row = (name, dtype, library, { wall, cpu }, step) => {
      rows.push([name, dtype, library, fmt(wall * 1e3), fmt(cpu * 1e3), fmt(n / cpu), step === undefined ? '' : `${fmt((100 * cpu) / step, 2)}%`]);
    };
    for (const dtype of DTYPES) {
      const reference = await theta.call('reference', dtype, timing);
      const step = reference.cpu;
      rows.push(['(training step)', dtype, reference.label, fmt(reference.wall * 1e3), fmt(step * 1e3), '', 'forward + gradients, batch 64']);
      for (const name of OPTIMISERS) {
        row(name, dtype, '@theta/optim update + applyUpdates', await theta.call('update', name, dtype, false, timing), step);
        row(name, dtype, '@theta/optim step', await theta.call('update', name, dtype, true, timing), step);
        if (dtype === 'float32') row(name, dtype, 'tfjs-cpu applyGradients', await tfjs.call('update', name, timing), step);
      }
    }
    table(`Optimiser updates, 784-128-64-10 Θ (${n} parameters; Theta and tfjs each in its own worker thread)`, rows);
  } finally {
    await Promise.all([theta.close(), tfjs.close()]);
  }
}
