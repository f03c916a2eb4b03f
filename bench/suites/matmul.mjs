// @theta/tensor matmul against tfjs's CPU (plain JS) and WebAssembly backends, in the same run.
// Imports the built package: `npm run build -w @theta/tensor` first.
import * as T from '@theta/tensor';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
// In Node the WebAssembly backend finds its .wasm files beside its own module: no setWasmPaths.
import '@tensorflow/tfjs-backend-wasm';
import { fmt, measure, ratio, table } from '../lib/measure.mjs';

const SIZES = [64, 256, 512, 1024];
const DTYPES = ['float32', 'float64'];

/** Deterministic values in [−1, 1) (an LCG), the same for every contender. */
const values = (length, seed) => {
  const out = new Float64Array(length);
  let state = seed >>> 0;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out[i] = state / 2 ** 31 - 1;
  }
  return out;
};

/** A tfjs product on one backend; `dataSync` inside the timed call so the work is really done. */
const tfjsProduct = async (backend, x, y, n) => {
  await tf.setBackend(backend);
  const a = tf.tensor2d(Float32Array.from(x), [n, n], 'float32');
  const b = tf.tensor2d(Float32Array.from(y), [n, n], 'float32');
  const fn = () => {
    const c = tf.matMul(a, b);
    const data = c.dataSync();
    c.dispose();
    return data;
  };
  return { name: `tfjs-${backend}`, backend, fn, dispose: () => tf.dispose([a, b]) };
};

/**
 * Median seconds per call of each contender. The contenders are measured in turn, twice, and
 * each keeps its better time, so a slow phase of this shared machine does not land on one of
 * them only. A product expected to take over a second (tfjs-cpu at n = 1024, extrapolated
 * from the previous size) is measured once, with one timed call after measure's two warm-up
 * calls, to keep the suite under a minute.
 */
const timeAll = async (contenders, expected) => {
  const slow = (c) => (expected.get(c.name) ?? 0) > 1;
  const rounds = contenders.some(slow) ? 1 : 2;
  const times = contenders.map(() => Infinity);
  for (let round = 0; round < rounds; round++) {
    for (const [i, c] of contenders.entries()) {
      if (c.backend !== undefined) await tf.setBackend(c.backend);
      const options = slow(c) ? { warmupMs: 0, minMs: 0, samples: 1 } : { warmupMs: 100, minMs: 300, samples: 5 };
      times[i] = Math.min(times[i], await measure(c.fn, options));
    }
  }
  return times;
};

/** max |ours − theirs| / max |theirs|. */
const difference = (ours, theirs) => {
  let largest = 0;
  let size = 0;
  for (let i = 0; i < theirs.length; i++) {
    largest = Math.max(largest, Math.abs(ours[i] - theirs[i]));
    size = Math.max(size, Math.abs(theirs[i]));
  }
  return largest / size;
};

export async function run() {
  tf.enableProdMode(); // no debug checks, and no "install tfjs-node" banner
  await tf.setBackend('wasm');
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  const threads = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');

  const rows = [['n', 'dtype', 'Theta GFLOP/s', 'tfjs-cpu', 'tfjs-wasm', 'Theta/tfjs-cpu', 'Theta/tfjs-wasm']];
  const gflops = (n, t) => (2 * n ** 3) / t / 1e9;
  let worstDifference = 0;
  const expected = new Map(); // seconds per call at the next size, by contender
  for (const [s, n] of SIZES.entries()) {
    const x = values(n * n, 1 + n);
    const y = values(n * n, 2 + n);
    for (const dtype of DTYPES) {
      const a = T.fromArray(x, [n, n], { dtype });
      const b = T.fromArray(y, [n, n], { dtype });
      const contenders = [{ name: `theta-${dtype}`, backend: undefined, fn: () => T.matmul(a, b) }];
      if (dtype === 'float32') {
        contenders.push(await tfjsProduct('cpu', x, y, n), await tfjsProduct('wasm', x, y, n));
        // Same product, different summation: Theta accumulates in float64, tfjs in float32.
        worstDifference = Math.max(worstDifference, difference(T.toArray(contenders[0].fn()), contenders[2].fn()));
      }
      const times = await timeAll(contenders, expected);
      for (const [i, c] of contenders.entries()) {
        c.dispose?.();
        expected.set(c.name, times[i] * ((SIZES[s + 1] ?? n) / n) ** 3);
      }
      const [tTheta, tCpu, tWasm] = times;
      const cell = (t) => (t === undefined ? '—' : fmt(gflops(n, t)));
      const vs = (t) => (t === undefined ? '—' : ratio(t, tTheta));
      rows.push([n, dtype, fmt(gflops(n, tTheta)), cell(tCpu), cell(tWasm), vs(tCpu), vs(tWasm)]);
    }
  }
  table(
    `matmul: n × n · n × n in GFLOP/s = 2n³ / time, one thread each (tfjs-wasm in Node: SIMD ${simd ? 'on' : 'off'}, threads ${threads ? 'on' : 'off'}; tfjs has no float64)`,
    rows,
  );
  console.log(`\nLargest |Theta − tfjs-wasm| / max |C| over the float32 products: ${worstDifference.toExponential(1)}`);
}
