// @theta/tensor matmul on its two backends (plain JS and WebAssembly SIMD) against tfjs's CPU
// (plain JS) and WebAssembly backends and jax-js (a jit-compiled np.matmul on its WebAssembly
// device), in the same run. Where the engine has relaxed SIMD, Theta's wasm column is its
// relaxed build (fused multiply-adds) and one more column its plain simd build.
// Imports the built package: `npm run build -w @theta/tensor` first.
import { cpus, loadavg } from 'node:os';
import * as T from '@theta/tensor';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
// In Node the WebAssembly backend finds its .wasm files beside its own module: no setWasmPaths.
import '@tensorflow/tfjs-backend-wasm';
import { loadJax } from '../lib/jax.mjs';
import { fmt, measure, ratio, table } from '../lib/measure.mjs';
import { matmulGflops, PEAK_SIZES } from '../lib/peak.mjs';
import { values } from '../lib/values.mjs';

const SIZES = [64, 256, 512, 1024];
const DTYPES = ['float32', 'float64'];

/**
 * The clock: CPU time of this process (process.cpuUsage) when the machine is busy, since on
 * a shared 2-core machine wall time also counts the other jobs' time slices; wall time when
 * it is idle. Every contender here runs on one thread, so the two agree on an idle machine.
 */
const busy = loadavg()[0] > 0.5;
const cpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

/** measure() with the CPU clock: median seconds per call over `samples` batches. */
async function measureCpu(fn, { warmupMs = 200, minMs = 600, samples = 7 } = {}) {
  let calls = 0;
  const start = cpuSeconds();
  while ((cpuSeconds() - start) * 1000 < warmupMs || calls < 2) {
    await fn();
    calls += 1;
  }
  const perCall = (cpuSeconds() - start) / calls;
  const batch = Math.max(1, Math.round(minMs / 1000 / samples / Math.max(perCall, 1e-9)));
  const times = [];
  for (let s = 0; s < samples; s++) {
    const t0 = cpuSeconds();
    for (let i = 0; i < batch; i++) await fn();
    times.push((cpuSeconds() - t0) / batch);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

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
  return { name: `tfjs-${backend}`, tfjs: backend, fn, dispose: () => tf.dispose([a, b]) };
};

/**
 * A jax-js product: `jit(np.matmul)`, as its users write it, on arrays that stay on the
 * device; `dataSync` inside the timed call (it waits for the work and reads C back, as the
 * tfjs contenders do). jax-js moves arguments into ops, so each call passes `.ref`s.
 */
const jaxProduct = (jax, x, y, n) => {
  const { numpy: np, jit } = jax;
  const a = np.array(Float32Array.from(x), { shape: [n, n] });
  const b = np.array(Float32Array.from(y), { shape: [n, n] });
  const product = jit((p, q) => np.matmul(p, q));
  const fn = () => product(a.ref, b.ref).dataSync();
  return { name: 'jax-js', jax: true, fn, dispose: () => [a, b, product].forEach((d) => d.dispose()) };
};

/** A Theta product on one of its backends (and, for wasm, one build of its kernels). */
const thetaProduct = (backend, a, b, variant) => ({ name: `theta-${backend}-${variant ?? ''}-${a.dtype}`, theta: backend, variant, fn: () => T.matmul(a, b) });

/**
 * Median seconds per call of each contender. The contenders are measured in turn, twice, and
 * each keeps its better time, so a slow phase of this shared machine does not land on one of
 * them only. A product expected to take over a second (tfjs-cpu or Theta-js at n = 1024,
 * extrapolated from the previous size) is measured once, with one timed call after two
 * warm-up calls, to keep the suite within a few minutes.
 */
const timeAll = async (contenders, expected) => {
  const slow = (c) => (expected.get(c.name) ?? 0) > 1;
  const rounds = contenders.some(slow) ? 1 : 2;
  const times = contenders.map(() => Infinity);
  for (let round = 0; round < rounds; round++) {
    for (const [i, c] of contenders.entries()) {
      if (c.tfjs !== undefined) await tf.setBackend(c.tfjs);
      if (c.theta !== undefined) T.setBackend(c.theta, c.variant === undefined ? {} : { variant: c.variant });
      const options = slow(c) ? { warmupMs: 0, minMs: 0, samples: 1 } : { warmupMs: 100, minMs: 300, samples: 5 };
      times[i] = Math.min(times[i], await (busy ? measureCpu : measure)(c.fn, options));
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
  const initialBackend = T.getBackend();
  const hasWasm = (() => {
    try {
      T.setBackend('wasm');
      return true;
    } catch {
      return false;
    }
  })();
  // The build the engine picks (relaxed where it has relaxed SIMD), and the simd build beside it.
  const variant = T.wasmStats()?.variant;
  const thetaBackends = hasWasm ? [['js'], ['wasm', variant], ...(variant === 'relaxed' ? [['wasm', 'simd']] : [])] : [['js']];
  let jax;
  let jaxNote;
  try {
    const loaded = await loadJax();
    jax = loaded.jax;
    jaxNote = `jax-js on its ${loaded.device} device`;
  } catch (e) {
    jaxNote = `jax-js left out: ${e instanceof Error ? e.message : String(e)}`;
  }

  const rows = [['n', 'dtype', 'Theta js', `Theta wasm${variant === undefined ? '' : ` (${variant})`}`, ...(variant === 'relaxed' ? ['Theta wasm (simd)'] : []), 'tfjs-cpu', 'tfjs-wasm', 'jax-js', 'wasm/js', 'wasm/tfjs-cpu', 'wasm/tfjs-wasm', 'wasm/jax-js']];
  const gflops = matmulGflops;
  let peak = 0; // best Theta wasm float32 GFLOP/s at the sizes lib/peak.mjs calls the peak
  let worstDifference = 0;
  let worstJaxDifference = 0;
  let worstBackendDifference = 0;
  const expected = new Map(); // seconds per call at the next size, by contender
  for (const [s, n] of SIZES.entries()) {
    const x = values(n * n, 1 + n);
    const y = values(n * n, 2 + n);
    for (const dtype of DTYPES) {
      const a = T.fromArray(x, [n, n], { dtype });
      const b = T.fromArray(y, [n, n], { dtype });
      const contenders = thetaBackends.map(([backend, build]) => thetaProduct(backend, a, b, build));
      if (dtype === 'float32') contenders.push(await tfjsProduct('cpu', x, y, n), await tfjsProduct('wasm', x, y, n));
      if (dtype === 'float32' && jax !== undefined) contenders.push(jaxProduct(jax, x, y, n));
      if (hasWasm) {
        // Same product, different summation: wasm accumulates float32 in float32 lanes (as
        // tfjs does), js in float64.
        T.setBackend('js');
        const reference = T.toArray(T.matmul(a, b));
        T.setBackend('wasm', { variant });
        const ours = T.toArray(T.matmul(a, b));
        worstBackendDifference = Math.max(worstBackendDifference, difference(ours, reference));
        if (dtype === 'float32') {
          await tf.setBackend('wasm');
          worstDifference = Math.max(worstDifference, difference(ours, contenders.find((c) => c.tfjs === 'wasm').fn()));
          const jaxContender = contenders.find((c) => c.jax);
          if (jaxContender !== undefined) worstJaxDifference = Math.max(worstJaxDifference, difference(ours, jaxContender.fn()));
        }
      }
      const times = await timeAll(contenders, expected);
      for (const [i, c] of contenders.entries()) {
        c.dispose?.();
        expected.set(c.name, times[i] * ((SIZES[s + 1] ?? n) / n) ** 3);
      }
      const time = (pick) => times[contenders.findIndex(pick)];
      const [tJs, tWasm, tWasmSimd, tCpu, tTfWasm, tJax] = [
        time((c) => c.theta === 'js'), time((c) => c.theta === 'wasm' && c.variant === variant), time((c) => c.theta === 'wasm' && c.variant === 'simd' && variant === 'relaxed'),
        time((c) => c.tfjs === 'cpu'), time((c) => c.tfjs === 'wasm'), time((c) => c.jax === true),
      ];
      if (dtype === 'float32' && tWasm !== undefined && PEAK_SIZES.includes(n)) peak = Math.max(peak, gflops(n, tWasm));
      const cell = (t) => (t === undefined ? '—' : fmt(gflops(n, t)));
      const vs = (t) => (t === undefined || tWasm === undefined ? '—' : ratio(t, tWasm));
      rows.push([n, dtype, cell(tJs), cell(tWasm), ...(variant === 'relaxed' ? [cell(tWasmSimd)] : []), cell(tCpu), cell(tTfWasm), cell(tJax), vs(tJs), vs(tCpu), vs(tTfWasm), vs(tJax)]);
    }
  }
  T.setBackend(initialBackend, variant === undefined ? {} : { variant });
  table(
    `matmul: n × n · n × n in GFLOP/s = 2n³ / ${busy ? 'CPU' : 'wall'} time, one thread each (${cpus().length} cores, load ${loadavg()[0].toFixed(1)}; tfjs-wasm in Node: SIMD ${simd ? 'on' : 'off'}, threads ${threads ? 'on' : 'off'}; ${jaxNote}; tfjs and jax-js measured in float32 only)`,
    rows,
  );
  console.log(`\nTargets: Theta wasm float32 ≥ 1.0× tfjs-wasm at n ≥ 256; float64 ≥ 10 GFLOP/s.`);
  if (variant === 'relaxed') console.log(`Theta wasm runs its relaxed build (relaxed SIMD's fused multiply-add in the matmul micro-kernels, as on Node ≥ 22 and Chrome ≥ 114); "Theta wasm (simd)" is its plain SIMD build (Node 20's default; the same bits on every machine). The ratios compare the relaxed build.`);
  console.log(`Largest |Theta wasm − Theta js| / max |C|: ${worstBackendDifference.toExponential(1)}`);
  console.log(`Largest |Theta wasm − tfjs-wasm| / max |C| over the float32 products: ${worstDifference.toExponential(1)}`);
  if (jax !== undefined) console.log(`Largest |Theta wasm − jax-js| / max |C| over the float32 products: ${worstJaxDifference.toExponential(1)}`);
  if (peak > 0) console.log(`Measured float32 matmul peak (Theta wasm, best of n = ${PEAK_SIZES.join(', ')}): ${fmt(peak)} GFLOP/s.`);
}
