// Worker-thread matmul: each kernel (plain JS, WebAssembly SIMD) on 1 thread against the same
// kernel split by rows of C over 2 threads (this one and a worker), and the threshold sweeps
// that chose DEFAULT_THRESHOLDS. Imports the built package: `npm run build -w @theta/tensor`
// first. The sweeps need the internal wrapper (to force splitting below the default
// threshold), so it is read from dist/ by path; users pick it with T.setBackend('threads').
// Timings interleave the variants inside one process and keep the best of ROUNDS rounds, each
// started when the machine looks quiet (Linux: every core ≥ 90% idle for 0.3 s, waiting up to
// QUIET_WAIT_MS): a second core busy with other work makes two threads no faster than one.
import { readFileSync } from 'node:fs';
import * as T from '@theta/tensor';
import { jsKernels } from '../../packages/tensor/dist/kernels/js/index.js';
import { wasmKernels } from '../../packages/tensor/dist/kernels/wasm/kernels.js';
import { instantiateSync } from '../../packages/tensor/dist/kernels/wasm/runtime.js';
import { DEFAULT_THRESHOLDS, withThreads } from '../../packages/tensor/dist/kernels/workers/threads.js';
import { fmt, measure, ratio, table } from '../lib/measure.mjs';
import { values } from '../lib/values.mjs';

const SIZES = [256, 512, 1024];
const DTYPES = ['float32', 'float64'];
const ROUNDS = 4;
/** MNIST 784-128-64-10 at batch 64: the forward and backward products of a training step. */
const MNIST = [[64, 784, 128], [64, 128, 64], [64, 64, 10], [128, 64, 784], [784, 64, 128]];
/** Cubes around each kernel's threshold, then the MNIST products. */
const SWEEP = {
  js: [[32, 32, 32], [48, 48, 48], [64, 64, 64], [96, 96, 96], [128, 128, 128], ...MNIST],
  wasm: [[64, 64, 64], [96, 96, 96], [128, 128, 128], [160, 160, 160], [192, 192, 192], [256, 256, 256], [384, 384, 384], ...MNIST],
};

const QUIET_WAIT_MS = 15_000;
let noisyRounds = 0;

/** Idle and total CPU ticks since boot, or undefined where /proc/stat is missing. */
const ticks = () => {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return [fields[3] + fields[4], fields.reduce((x, y) => x + y, 0)];
  } catch {
    return undefined;
  }
};

/** Waits until the machine looks quiet (see the top comment); counts the rounds that found no quiet. */
const quiet = async () => {
  const deadline = Date.now() + QUIET_WAIT_MS;
  while (Date.now() < deadline) {
    const before = ticks();
    if (before === undefined) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
    const after = ticks();
    if ((after[0] - before[0]) / (after[1] - before[1]) >= 0.9) return;
  }
  noisyRounds += 1;
};

/** Seconds per call of each function, interleaved, each the best of ROUNDS rounds. */
const best = async (fns, options) => {
  const times = fns.map(() => Infinity);
  for (let round = 0; round < ROUNDS; round++) {
    await quiet();
    for (let i = 0; i < fns.length; i++) times[i] = Math.min(times[i], await measure(fns[i], options));
  }
  return times;
};

export async function run() {
  const rt = instantiateSync();
  if (rt === undefined) throw new Error('threads suite: WebAssembly SIMD is unavailable');
  const bases = { js: jsKernels, wasm: wasmKernels(rt) };
  // threshold 0, no backoff: every product is split, even where it does not pay; `auto` is
  // what users get (the default threshold, and backoff after splits that did not pay).
  const split = {
    js: withThreads(bases.js, { threads: 2, threshold: 0, backoff: false }),
    wasm: withThreads(bases.wasm, { threads: 2, threshold: 0, backoff: false }),
  };
  const auto = { js: withThreads(bases.js, { threads: 2 }), wasm: withThreads(bases.wasm, { threads: 2 }) };
  for (const kernels of [...Object.values(split), ...Object.values(auto)]) {
    const ready = await kernels.warmUp();
    if (ready !== 1) throw new Error(`threads suite: expected 1 ready worker, got ${ready}`);
  }

  const rows = [['kernel', 'n', 'dtype', '1 thread GFLOP/s', '2 threads GFLOP/s', '2 / 1', 'default GFLOP/s', 'default / 1']];
  for (const kernel of ['wasm', 'js']) {
    for (const n of SIZES) {
      for (const dtype of DTYPES) {
        const a = T.fromArray(values(n * n, 1 + n), [n, n], { dtype });
        const b = T.fromArray(values(n * n, 2 + n), [n, n], { dtype });
        const slow = kernel === 'js' && n >= 1024;
        const options = slow ? { warmupMs: 0, minMs: 0, samples: 2 } : n >= 1024 ? { warmupMs: 0, minMs: 0, samples: 5 } : { warmupMs: 100, minMs: 300, samples: 5 };
        const [t1, t2, t3] = await best([
          () => bases[kernel].matmul(a, b, false, false),
          () => split[kernel].matmul(a, b, false, false),
          () => auto[kernel].matmul(a, b, false, false),
        ], options);
        const gflops = (t) => (2 * n ** 3) / t / 1e9;
        rows.push([kernel, n, dtype, fmt(gflops(t1)), fmt(gflops(t2)), ratio(t1, t2), fmt(gflops(t3)), ratio(t1, t3)]);
      }
    }
  }
  table(`threads: n × n · n × n, 1 thread vs 2 (rows of C split between this thread and a worker) and the default wrapper, best of ${ROUNDS} interleaved rounds`, rows);

  for (const kernel of ['wasm', 'js']) {
    const sweep = [['m × k × n', 'm·k·n', 'dtype', '1 thread µs', 'split µs', 'split / 1', 'default µs', 'default / 1']];
    for (const [m, k, n] of SWEEP[kernel]) {
      for (const dtype of DTYPES) {
        const a = T.fromArray(values(m * k, 3 + m), [m, k], { dtype });
        const b = T.fromArray(values(k * n, 4 + n), [k, n], { dtype });
        const options = { warmupMs: 30, minMs: 150, samples: 5 };
        const [t1, t2, t3] = await best([
          () => bases[kernel].matmul(a, b, false, false),
          () => split[kernel].matmul(a, b, false, false),
          () => auto[kernel].matmul(a, b, false, false),
        ], options);
        sweep.push([`${m} × ${k} × ${n}`, m * k * n, dtype, fmt(t1 * 1e6), fmt(t2 * 1e6), ratio(t1, t2), fmt(t3 * 1e6), ratio(t1, t3)]);
      }
    }
    table(`threads: ${kernel} kernel threshold sweep: 1 thread, every product split over 2, and the default (split when m·k·n ≥ ${DEFAULT_THRESHOLDS[kernel]}); ratios > 1× mean faster than 1 thread`, sweep);
  }
  if (noisyRounds > 0) console.log(`\n(${noisyRounds} round(s) found no quiet moment in ${QUIET_WAIT_MS / 1000} s and ran on a busy machine.)`);
  for (const kernels of [...Object.values(split), ...Object.values(auto)]) await kernels.close();
}
