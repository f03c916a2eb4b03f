// Worker-thread matmul: the plain-JS kernel on 1 thread against the same kernel split by rows
// of C over 2 threads (this one and a worker), and the threshold sweep that chose
// DEFAULT_THRESHOLD. Imports the built package: `npm run build -w @theta/tensor` first.
// The threshold sweep needs the internal wrapper (to force splitting below the default
// threshold), so it is read from dist/ by path; users pick it with T.setBackend('threads').
import * as T from '@theta/tensor';
import { jsKernels } from '../../packages/tensor/dist/kernels/js/index.js';
import { DEFAULT_THRESHOLD, withThreads } from '../../packages/tensor/dist/kernels/workers/threads.js';
import { fmt, measure, ratio, table } from '../lib/measure.mjs';
import { values } from '../lib/values.mjs';

const SIZES = [256, 512, 1024];
const DTYPES = ['float32', 'float64'];
/** Threshold sweep: cubes around the threshold, and the products of an MNIST 784-128-64-10 step at batch 64. */
const SWEEP = [
  [16, 16, 16], [24, 24, 24], [32, 32, 32], [40, 40, 40], [48, 48, 48], [64, 64, 64], [96, 96, 96], [128, 128, 128],
  [64, 784, 128], [64, 128, 64], [64, 64, 10], [128, 64, 784], [784, 64, 128],
];

/** Seconds per call of one thread and of two, each the better of two alternating rounds. */
const pair = async (one, two, options) => {
  let [t1, t2] = [Infinity, Infinity];
  for (let round = 0; round < 2; round++) {
    t1 = Math.min(t1, await measure(one, options));
    t2 = Math.min(t2, await measure(two, options));
  }
  return [t1, t2];
};

export async function run() {
  // threshold 0: the sweep measures the split even where it does not pay.
  const threaded = withThreads(jsKernels, { threads: 2, threshold: 0 });
  const ready = await threaded.warmUp();
  if (ready !== 1) throw new Error(`threads suite: expected 1 ready worker, got ${ready}`);

  const rows = [['n', 'dtype', '1 thread GFLOP/s', '2 threads GFLOP/s', '2 / 1']];
  for (const n of SIZES) {
    for (const dtype of DTYPES) {
      const a = T.fromArray(values(n * n, 1 + n), [n, n], { dtype });
      const b = T.fromArray(values(n * n, 2 + n), [n, n], { dtype });
      const options = n >= 1024 ? { warmupMs: 0, minMs: 0, samples: 3 } : { warmupMs: 100, minMs: 400, samples: 5 };
      const [t1, t2] = await pair(() => jsKernels.matmul(a, b, false, false), () => threaded.matmul(a, b, false, false), options);
      const gflops = (t) => (2 * n ** 3) / t / 1e9;
      rows.push([n, dtype, fmt(gflops(t1)), fmt(gflops(t2)), ratio(t1, t2)]);
    }
  }
  table('threads: n × n · n × n, plain-JS kernel, 1 thread vs 2 (rows of C split between this thread and a worker)', rows);

  const sweep = [['m × k × n', 'm·k·n', 'dtype', '1 thread µs', '2 threads µs', '2 / 1']];
  for (const [m, k, n] of SWEEP) {
    for (const dtype of DTYPES) {
      const a = T.fromArray(values(m * k, 3 + m), [m, k], { dtype });
      const b = T.fromArray(values(k * n, 4 + n), [k, n], { dtype });
      const options = { warmupMs: 50, minMs: 200, samples: 5 };
      const [t1, t2] = await pair(() => jsKernels.matmul(a, b, false, false), () => threaded.matmul(a, b, false, false), options);
      sweep.push([`${m} × ${k} × ${n}`, m * k * n, dtype, fmt(t1 * 1e6), fmt(t2 * 1e6), ratio(t1, t2)]);
    }
  }
  table(`threads: threshold sweep, every product split (DEFAULT_THRESHOLD = m·k·n ≥ ${DEFAULT_THRESHOLD})`, sweep);
  await threaded.close();
}
