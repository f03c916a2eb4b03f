// A measured leak check: 10⁵ B2-sized training steps (Franke 2-50-50-1 sigmoid, MSE + L2
// λ = 1e-4, batch 32, SGD η = 0.05) with @theta/nn's backprop and @theta/optim's O.step on the
// default backend, sampling the process's memory every 10⁴ steps after a forced full GC.
// Every step allocates fresh immutable tensors; what must not grow is what survives a GC (the
// JS heap, the ArrayBuffers behind tensors) nor the WebAssembly memory, which only ever
// grows when one call needs a bigger arena than before.
// Imports the built packages: `npx turbo run build` first.
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import * as T from '@theta/tensor';
import * as N from '@theta/nn';
import * as O from '@theta/optim';
import * as D from '@theta/data';
import { fmt, table } from '../lib/measure.mjs';

const STEPS = 100_000;
const EVERY = 10_000;
const BATCH = 32;
/** Growth of heapUsed + external after GC, from step 10⁴ to 10⁵, under which we call it no leak. */
const THRESHOLD_MB = 1;
/** float64 runs too when float32's 10⁵ steps took at most this long, to keep the suite near 90 s. */
const SECOND_DTYPE_WITHIN_S = 35;

const MB = 2 ** 20;

/**
 * A full, synchronous GC. `run.mjs` starts node without --expose-gc; setting the flag at run
 * time and reading `gc` from a fresh context gives the same function.
 */
const collect = (() => {
  if (typeof globalThis.gc === 'function') return globalThis.gc;
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc');
})();

/** What survives a GC, in bytes, plus the WebAssembly memory (undefined on the js backend). */
function sample(step, loss) {
  collect();
  collect();
  const { heapUsed, external, arrayBuffers, rss } = process.memoryUsage();
  return { step, loss, heapUsed, external, arrayBuffers, rss, wasm: T.wasmStats()?.memoryBytes };
}

/** 10⁵ steps in one dtype; the samples at steps 0, 10⁴, …, 10⁵ and the seconds the steps took. */
function train(dtype) {
  const franke = D.franke(T.key(1), { n: 1024, noise: 0.1 });
  const X = T.astype(franke.X, dtype);
  const targets = T.astype(franke.y, dtype);
  const n = X.shape[0];
  const net = N.mlp({ sizes: [2, 50, 50, 1], activations: { hidden: 'sigmoid', output: 'identity' } });
  const gradient = N.backprop(net, N.mse({ reduction: 'mean' }), N.l2(1e-4));
  const optimiser = O.sgd(0.05);
  let theta = T.Tree.map(net.init(T.key(4)), (x) => T.astype(x, dtype));
  let state = optimiser.init(theta);
  const batchKey = T.key(2);
  const samples = [sample(0, Number.NaN)];
  let batches = [];
  let next = 0;
  let epoch = 0;
  let seconds = 0;
  let start = performance.now();
  for (let step = 1; step <= STEPS; step++) {
    if (next === batches.length) {
      epoch += 1;
      batches = D.shuffledBatches(T.foldIn(batchKey, epoch), n, BATCH);
      next = 0;
    }
    const rows = batches[next++];
    const { loss, grads } = gradient(theta, T.gather(X, rows), T.gather(targets, rows));
    [theta, state] = O.step(optimiser, grads, state, theta);
    if (step % EVERY === 0) {
      seconds += (performance.now() - start) / 1000;
      samples.push(sample(step, loss));
      start = performance.now();
    }
  }
  return { samples, seconds };
}

/** The table rows and the verdict line for one dtype's samples. */
function report(dtype, { samples, seconds }) {
  const mb = (bytes) => (bytes === undefined ? '—' : fmt(bytes / MB, 4));
  const rows = samples.map((s) => [dtype, s.step, Number.isNaN(s.loss) ? '—' : fmt(s.loss), mb(s.heapUsed), mb(s.external), mb(s.arrayBuffers), mb(s.heapUsed + s.external), mb(s.rss), mb(s.wasm)]);
  const first = samples.find((s) => s.step === EVERY);
  const last = samples[samples.length - 1];
  const growth = last.heapUsed + last.external - (first.heapUsed + first.external);
  const wasmConstant = first.wasm === last.wasm;
  const leaks = growth >= THRESHOLD_MB * MB || !wasmConstant;
  const span = last.step - first.step;
  const verdict =
    `${dtype}: heapUsed + external after GC grew ${fmt(growth / MB, 3)} MB from step ${first.step} to ${last.step} ` +
    `(${fmt(growth / span, 3)} bytes per step; threshold ${THRESHOLD_MB} MB); WebAssembly memory ` +
    `${first.wasm === undefined ? 'not in use' : wasmConstant ? `constant at ${mb(last.wasm)} MB` : `${mb(first.wasm)} → ${mb(last.wasm)} MB`}; ` +
    `rss ${fmt((last.rss - first.rss) / MB, 3)} MB; ${fmt((STEPS * BATCH) / seconds)} samples/s → ${leaks ? 'LEAK' : 'no leak'}`;
  return { rows, verdict };
}

export async function run() {
  const backend = T.getBackend();
  const header = ['dtype', 'step', 'batch loss', 'heapUsed MB', 'external MB', 'arrayBuffers MB', 'heap + external MB', 'rss MB', 'wasm memory MB'];
  const rows = [header];
  const verdicts = [];
  let skipped = '';
  for (const dtype of ['float32', 'float64']) {
    const result = train(dtype);
    const { rows: r, verdict } = report(dtype, result);
    rows.push(...r);
    verdicts.push(verdict);
    if (dtype === 'float32' && result.seconds > SECOND_DTYPE_WITHIN_S) {
      skipped = ` (float64 skipped: float32's ${STEPS} steps took ${fmt(result.seconds)} s > ${SECOND_DTYPE_WITHIN_S} s)`;
      break;
    }
  }
  table(
    `Memory over ${STEPS.toLocaleString('en')} training steps (B2 Franke 2-50-50-1 sigmoid, MSE + L2, batch ${BATCH}, N.backprop + O.step, backend ${backend}), sampled every ${EVERY.toLocaleString('en')} steps after a forced full GC; external includes arrayBuffers${skipped}`,
    rows,
  );
  console.log('');
  for (const v of verdicts) console.log(v);
}
