// @theta/train end to end: training throughput in samples per second — minibatches drawn,
// forward, gradients, SGD step, per-step loss read back — against tfjs's CPU (plain JS) and
// WebAssembly backends and jax-js (its WebAssembly device, jit-compiled step) training the
// same network from the same Θ on the same data, in the same run. Every contender must learn:
// its loss over the data after training must be below its loss before. Under the table: the
// GFLOP/s Theta float32 reaches in B1, as a fraction of the float32 matmul peak measured in
// the same run (lib/peak.mjs).
// Each library (and each Theta dtype) runs in its own worker thread (lib/isolate.mjs), and
// this thread only drives the rounds: V8 slows every typed-array loop of an isolate once any
// ArrayBuffer in it is detached, which growing a WebAssembly memory does (jax-js; tfjs-wasm for
// larger data), so libraries sharing one isolate would slow each other down in a way no user
// running one of them sees. Twenty epochs per contender, interleaved: five to warm up, then
// the best of fifteen. Theta float32 runs twice: on the build of its kernels the engine picks
// (relaxed SIMD's fused multiply-adds, where run.mjs turns relaxed SIMD on) and on its plain
// `simd` build, reported under the table.
//   B1: MNIST 784-128-64-10 ReLU, softmax cross-entropy, batch 64, SGD (η = 0.05)
//   B2: Franke 2-50-50-1 sigmoid, MSE + λ‖W‖² (λ = 1e-4), batch 32, SGD (η = 0.05)
// Imports the built packages: `npx turbo run build --filter=@theta/train...`.
import { probeIsolates, startIsolate } from '../lib/isolate.mjs';
import { fmt, ratio, table } from '../lib/measure.mjs';

// Epochs per contender, interleaved: WARMUP epochs first, then the best of MEASURED counts.
// Training throughput is a steady-state figure. A library whose step is JS glue around kernels
// (Theta, tfjs) reaches it only once V8 has optimised that glue, after a few hundred steps
// (measured: Theta's B1 runs at 20–25k samples/s in its first two or three 32-step epochs, near
// 40k from the sixth on); a jit-compiled step (jax-js) reaches it after its first call. Every
// contender gets the same epochs, so all of them end at the same loss. The machine is shared:
// more measured epochs give every contender the same better chance of a quiet one.
const WARMUP = 5;
const MEASURED = 15;
const ROUNDS = WARMUP + MEASURED;
const LEARNING_RATE = 0.05;

const lib = (file) => new URL(`../lib/${file}`, import.meta.url);

/**
 * Matmul floating-point operations of one B1 step (batch N): the forward products
 * 2N·Σ n_in·n_out, the weight gradients δᵀa (the same count again) and the input gradients
 * δ·W of layers 2 and 3 (layer 1's is not needed); elementwise work and the bias sums are not
 * counted.
 */
const b1StepFlops = (sizes, batch) => {
  const products = sizes.slice(1).map((out, l) => sizes[l] * out);
  const all = products.reduce((s, p) => s + p, 0);
  return 2 * batch * (all + all + (all - products[0]));
};

/**
 * The isolates, one per library (tfjs once per backend, so tfjs-cpu never shares an isolate
 * with a growing WebAssembly memory either): Theta (lib/train-theta.mjs, once per dtype), tfjs-cpu and
 * tfjs-wasm (lib/train-tfjs.mjs), jax-js (lib/train-jax.mjs; left out, with the reason, when
 * it does not start); and one with no library, the baseline of lib/detach-probe.mjs.
 */
async function startIsolates() {
  // One isolate per Theta dtype, as a user trains in one: code that sees both float32 and
  // float64 arrays is compiled for both (polymorphic), a few per cent slower for each.
  const theta64 = await startIsolate(lib('train-theta.mjs'));
  const theta32 = await startIsolate(lib('train-theta.mjs'));
  // Theta float32 once more on the `simd` build of its kernels (no fused multiply-add: Node
  // 20's default, and the same bits on every machine), where the others run the relaxed one.
  const variant = await theta32.call('variant');
  let theta32Simd;
  if (variant === 'relaxed') {
    theta32Simd = await startIsolate(lib('train-theta.mjs'));
    await theta32Simd.call('useVariant', 'simd');
  }
  const tfCpu = await startIsolate(lib('train-tfjs.mjs'));
  await tfCpu.call('init', 'cpu');
  const tfWasm = await startIsolate(lib('train-tfjs.mjs'));
  const { simd } = await tfWasm.call('init', 'wasm');
  let jax;
  let jaxDevice;
  let jaxError;
  try {
    jax = await startIsolate(lib('train-jax.mjs'));
    ({ device: jaxDevice } = await jax.call('init'));
  } catch (e) {
    jaxError = e instanceof Error ? e.message.split('\n')[0] : String(e);
    await jax?.close();
    jax = undefined;
  }
  const fresh = await startIsolate(lib('detach-probe.mjs')); // no library: the probe's baseline
  const all = [theta64, theta32, tfCpu, tfWasm, fresh, ...(jax === undefined ? [] : [jax]), ...(theta32Simd === undefined ? [] : [theta32Simd])];
  return { theta64, theta32, theta32Simd, variant, tfCpu, tfWasm, jax, jaxDevice, jaxError, simd, fresh, close: () => Promise.all(all.map((i) => i.close())) };
}

export async function run() {
  const isolates = await startIsolates();
  const { theta64, theta32, theta32Simd, variant, tfCpu, tfWasm, jax, jaxDevice, jaxError, simd } = isolates;
  const b1Simd = [];
  try {
    let b1;
    const rows = [['problem', 'contender', 'samples/s', 'learns (loss before → after)', 'Theta float64 / this', 'Theta float32 / this']];
    // Theta's isolate builds the data, Θ₀ and every epoch's batches; the peers get copies.
    const problems = await theta64.call('prepare', { epochs: ROUNDS, learningRate: LEARNING_RATE });
    await theta32.call('prepare', { epochs: ROUNDS, learningRate: LEARNING_RATE }); // the same problems: every draw comes from fixed keys
    await theta32Simd?.call('prepare', { epochs: ROUNDS, learningRate: LEARNING_RATE });
    for (const [index, problem] of problems.entries()) {
      const n = problem.X.shape[0];
      // [name, isolate, contender id there]
      const contenders = [
        ['Theta float64', theta64, await theta64.call('create', `${index}:float64`, index, 'float64')],
        ['Theta float32', theta32, await theta32.call('create', `${index}:float32`, index, 'float32')],
        ['tfjs-cpu float32', tfCpu, await tfCpu.call('create', `${index}`, problem)],
        ['tfjs-wasm float32', tfWasm, await tfWasm.call('create', `${index}`, problem)],
      ];
      if (jax !== undefined) contenders.push([`jax-js (${jaxDevice}, jit) float32`, jax, await jax.call('create', `${index}`, problem)]);
      if (theta32Simd !== undefined) contenders.push(['Theta float32, simd build (no FMA)', theta32Simd, await theta32Simd.call('create', `${index}:float32:simd`, index, 'float32')]);
      // One epoch of each contender per round (one isolate works at a time; each times its
      // own epoch); the first rounds warm up. Keep each one's best epoch: on a shared machine,
      // interference only ever slows a round down. This machine also runs in fast and slow
      // phases of a few seconds, so after the first round the contenders run from the shortest
      // epoch to the longest: the fast ones (Theta, jax-js, about 0.05 s each) back to back in
      // the same phase, tfjs's long epochs (up to 2 s) after them. And an epoch that follows
      // a long one in another isolate starts slower (measured: Theta's B1 epoch up to a fifth
      // slower; caches and CPU are cold), so each round starts one contender later in that
      // cycle: every contender follows every other equally often.
      const best = contenders.map(() => Infinity);
      const first = contenders.map(() => Infinity);
      let cycle = [...contenders.keys()];
      for (let round = 0; round < ROUNDS; round++) {
        const order = [...cycle.slice(round % cycle.length), ...cycle.slice(0, round % cycle.length)];
        for (const i of order) {
          const [, isolate, id] = contenders[i];
          const seconds = await isolate.call('epoch', id);
          if (round === 0) first[i] = seconds;
          if (round >= WARMUP) best[i] = Math.min(best[i], seconds);
        }
        if (round === 0) cycle = cycle.slice().sort((i, j) => first[i] - first[j]);
      }
      const results = [];
      for (const [i, [name, isolate, id]] of contenders.entries()) results.push([name, { seconds: best[i], ...(await isolate.call('finish', id)) }]);
      const [t64, t32] = [results[0][1].seconds, results[1][1].seconds];
      if (problem.name.startsWith('B1')) b1 = { samplesPerSecond: n / t32, flops: b1StepFlops(problem.sizes, problem.batchSize), batch: problem.batchSize };
      const seconds = (prefix) => results.find(([name]) => name.startsWith(prefix))?.[1].seconds;
      if (theta32Simd !== undefined) {
        const jaxSeconds = seconds('jax-js');
        b1Simd.push([problem.name.slice(0, 2), n / seconds('Theta float32, simd'), jaxSeconds === undefined ? undefined : jaxSeconds / seconds('Theta float32, simd')]);
      }
      for (const [name, r] of results) {
        const learns = r.after < r.before ? 'yes' : 'NO';
        rows.push([problem.name, name, fmt(n / r.seconds), `${learns} (${fmt(r.before)} → ${fmt(r.after)})`, ratio(r.seconds, t64), ratio(r.seconds, t32)]);
      }
    }
    table(
      `@theta/train end to end: samples/s over an epoch (B1: 2,048 MNIST digits, B2: 1,024 Franke points; SGD η = ${LEARNING_RATE}; best of ${MEASURED} epochs after ${WARMUP} to warm up, contenders interleaved; one thread each, each library (and each Theta dtype) in its own worker thread; tfjs-wasm SIMD ${simd ? 'on' : 'off'}; ${jaxError === undefined ? `jax-js on its ${jaxDevice} device` : `jax-js left out: ${jaxError}`}; ratios > 1× mean Theta is faster)`,
      rows,
    );
    console.log(`\nTheta's WebAssembly kernels: the ${variant ?? 'JS'} build${variant === 'relaxed' ? ' (relaxed SIMD: fused multiply-adds in the matmul micro-kernels), as on Node ≥ 22 and Chrome ≥ 114; every library ran with relaxed SIMD on' : ''}.`);
    for (const [name, samples, vsJax] of b1Simd) {
      console.log(`  ${name}: Theta float32 on its simd build (no fused multiply-add: Node 20's default, and the same bits on every machine): ${fmt(samples)} samples/s${vsJax === undefined ? '' : `, ${fmt(vsJax, 3)}× jax-js`}.`);
    }
    console.log('\nEach library runs in its own worker thread (its own V8 isolate; tfjs once per backend): the first detached ArrayBuffer in an isolate (a WebAssembly memory growing: jax-js\'s does, tfjs-wasm\'s once its heap outgrows its initial size) slows every typed-array loop in it from then on, so sharing one would slow the others\' JS down in a way no user running one library sees.');
    const probes = await probeIsolates([['a fresh isolate', isolates.fresh], ['Theta float64', theta64], ['Theta float32', theta32], ['tfjs-cpu', tfCpu], ['tfjs-wasm', tfWasm], ...(jax === undefined ? [] : [['jax-js', jax]])]);
    const fresh = probes[0][1];
    console.log(`  Typed-array loop probe after the rounds (lib/detach-probe.mjs, µs; ≳ 1.3× a fresh isolate's means the library detached a buffer in its own isolate): ${probes.map(([name, us]) => `${name} ${fmt(us)}${name === probes[0][0] ? '' : ` (${ratio(us, fresh)})`}`).join(', ')}.`);
    if (b1 !== undefined) {
      const peak = await theta32.call('peak');
      const gflops = (b1.samplesPerSecond / b1.batch) * b1.flops / 1e9;
      console.log(`\nB1 float32: ${fmt(gflops)} GFLOP/s = ${fmt((100 * gflops) / peak.gflops, 2)}% of the measured f32 matmul peak ${fmt(peak.gflops)} GFLOP/s (Theta ${peak.backend} matmul, best at n = ${peak.n}, measured in this run in Theta's worker).`);
      console.log(`  Counted per step of ${b1.batch} samples: ${fmt(b1.flops / 1e6)} MFLOP = forward 2N·Σ n_in·n_out + weight gradients (as many) + input gradients of layers 2–3; elementwise work not counted.`);
    }
  } finally {
    await isolates.close();
  }
}
