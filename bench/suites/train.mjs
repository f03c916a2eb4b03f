// @theta/train end to end: training throughput in samples per second — minibatches drawn,
// forward, gradients, SGD step, per-step loss read back — against tfjs's CPU (plain JS) and
// WebAssembly backends and jax-js (its WebAssembly device, jit-compiled step) training the
// same network from the same Θ on the same data, in the same run. Every contender must learn:
// its loss over the data after training must be below its loss before. Under the table: the
// GFLOP/s Theta float32 reaches in B1, as a fraction of the float32 matmul peak measured in
// the same run (lib/peak.mjs).
//   B1: MNIST 784-128-64-10 ReLU, softmax cross-entropy, batch 64, SGD (η = 0.05)
//   B2: Franke 2-50-50-1 sigmoid, MSE + λ‖W‖² (λ = 1e-4), batch 32, SGD (η = 0.05)
// Imports the built packages: `npx turbo run build --filter=@theta/train...`.
import { register } from 'node:module';
import { performance } from 'node:perf_hooks';
import * as T from '@theta/tensor';
import * as N from '@theta/nn';
import * as O from '@theta/optim';
import * as D from '@theta/data';
import * as Tr from '@theta/train';
import { loadJax } from '../lib/jax.mjs';
import { fmt, ratio, table } from '../lib/measure.mjs';
import { f32MatmulPeak } from '../lib/peak.mjs';

/** tfjs, loaded in `run` (below). */
let tf;
/** jax-js and the device it runs on, loaded in `run`; `jaxError` says why not when it fails. */
let jax;
let jaxDevice;
let jaxError;

/**
 * tfjs-core's main bundle registers no gradients (the `@tensorflow/tfjs` union package does, by
 * importing `dist/register_all_gradients`, whose ES modules import paths without `.js`, which
 * Node's ESM loader refuses). A resolve hook that retries those imports with `.js` lets us load
 * it; the registry is global, so the main bundle's `optimizer.minimize` then finds the gradients.
 */
async function loadTfjs() {
  const hooks = `export async function resolve(specifier, context, next) {
    try { return await next(specifier, context); } catch (e) {
      const retry = (e?.code === 'ERR_MODULE_NOT_FOUND' || e?.code === 'ERR_UNSUPPORTED_DIR_IMPORT') && (context.parentURL ?? '').includes('/@tensorflow/tfjs-core/dist/');
      if (retry) return next(specifier + '.js', context);
      throw e;
    }
  }`;
  register(`data:text/javascript,${encodeURIComponent(hooks)}`);
  tf = await import('@tensorflow/tfjs-core');
  await import('@tensorflow/tfjs-backend-cpu');
  await import('@tensorflow/tfjs-backend-wasm'); // finds its .wasm files beside its own module
  await import('@tensorflow/tfjs-core/dist/register_all_gradients.js');
}

const ROUNDS = 5; // epochs per contender, interleaved; the first warms up, the best of the rest counts
const LEARNING_RATE = 0.05;
const KEY = T.key(2); // Theta's run key; tfjs draws the same batches from it

const problems = async () => {
  const mnist = await D.loadMnist();
  const rows = T.permutation(T.key(0), mnist.X.shape[0]).slice(0, 2048);
  const franke = D.franke(T.key(1), { n: 1024, noise: 0.1 });
  return [
    {
      name: 'B1 MNIST 784-128-64-10 ReLU, softmax CE, batch 64',
      X: T.gather(mnist.X, rows),
      T: Tr.targetsFor(T.gather(mnist.y, rows), 10),
      net: N.mlp({ sizes: [784, 128, 64, 10], activations: { hidden: 'relu', output: 'softmax' } }),
      cost: N.categoricalCrossEntropy({ reduction: 'mean' }),
      lambda: 0,
      batchSize: 64,
    },
    {
      name: 'B2 Franke 2-50-50-1 sigmoid, MSE + L2, batch 32',
      X: franke.X,
      T: franke.y,
      net: N.mlp({ sizes: [2, 50, 50, 1], activations: { hidden: 'sigmoid', output: 'identity' } }),
      cost: N.mse({ reduction: 'mean' }),
      lambda: 1e-4,
      batchSize: 32,
    },
  ];
};

/**
 * Theta: `Tr.steps` with one state per epoch; each `epoch()` call pulls the next one, so an
 * epoch is timed from the previous epoch-closing state to this one.
 */
function theta(problem, theta0, dtype) {
  const X = T.astype(problem.X, dtype);
  const targets = T.astype(problem.T, dtype);
  const options = { cost: problem.cost, penalty: problem.lambda };
  const before = Tr.evaluate(problem.net, theta0, X, targets, options).loss;
  const run = Tr.steps({ net: problem.net, ...options, optimiser: O.sgd(LEARNING_RATE), epochs: ROUNDS, batchSize: problem.batchSize, key: KEY, theta: theta0, data: { X, T: targets } });
  let state;
  return {
    epoch: async () => {
      state = run.next().value;
    },
    finish: () => ({ before, after: Tr.evaluate(problem.net, state.theta, X, targets, options).loss }),
  };
}

/** tfjs: the same network written with tfjs-core ops, the same Θ as variables, tf.train.sgd, the same batches. */
async function tfjs(problem, theta0, backend) {
  await tf.setBackend(backend);
  const n = problem.X.shape[0];
  const X = tf.tensor2d(Float32Array.from(T.toArray(problem.X)), problem.X.shape);
  const Y = tf.tensor2d(Float32Array.from(T.toArray(problem.T)), problem.T.shape);
  const layers = theta0.map(({ W, b }) => ({
    W: tf.variable(tf.tensor2d(Float32Array.from(T.toArray(W)), W.shape)),
    b: tf.variable(tf.tensor1d(Float32Array.from(T.toArray(b)))),
  }));
  const hidden = problem.net.activations[0].name === 'relu' ? tf.relu : tf.sigmoid;
  const logits = (x) => layers.reduce((a, { W, b }, l) => {
    const z = tf.add(tf.matMul(a, W, false, true), b);
    return l === layers.length - 1 ? z : hidden(z);
  }, x);
  // Softmax output + cross-entropy is tfjs's fused softmaxCrossEntropy on the logits.
  const loss = (x, y) => {
    const data = problem.cost.name === 'mse' ? tf.losses.meanSquaredError(y, logits(x), undefined, tf.Reduction.SUM_BY_NONZERO_WEIGHTS) : tf.losses.softmaxCrossEntropy(y, logits(x));
    if (problem.lambda === 0) return data;
    return tf.add(data, tf.mul(problem.lambda, tf.addN(layers.map(({ W }) => tf.sum(tf.square(W))))));
  };
  const fullLoss = () => tf.tidy(() => loss(X, Y).dataSync()[0]);
  const optimizer = tf.train.sgd(LEARNING_RATE);
  const batchKey = T.split(KEY)[1];
  const before = fullLoss();
  let epoch = 0;
  return {
    epoch: async () => {
      await tf.setBackend(backend);
      epoch += 1;
      // The batches Theta draws (see TrainConfig: epoch e shuffles with foldIn(batchKey, e)).
      const order = T.permutation(T.foldIn(batchKey, epoch), n);
      for (let i = 0; i < n; i += problem.batchSize) {
        const rows = tf.tensor1d(Int32Array.from(order.slice(i, i + problem.batchSize)), 'int32');
        tf.tidy(() => {
          const x = tf.gather(X, rows);
          const y = tf.gather(Y, rows);
          optimizer.minimize(() => loss(x, y), true).dataSync(); // read the loss back, as Theta does
        });
        rows.dispose();
      }
    },
    finish: async () => {
      await tf.setBackend(backend);
      const after = fullLoss();
      tf.dispose([X, Y, ...layers.flatMap(({ W, b }) => [W, b])]);
      optimizer.dispose();
      return { before, after };
    },
  };
}

/**
 * jax-js, written as its users write a training step: Θ as a tree of arrays (W stored
 * [in, out], Theta's W transposed, so a layer is `x @ W + b`), the loss differentiated by
 * `valueAndGrad` and the whole step — loss, gradients, SGD update — compiled by `jit`. The
 * same Θ, η, float32, and the batches Theta draws. jax-js moves arrays into the ops they are
 * passed to; `.ref` / `tree.ref` keep one.
 *
 * The batch reaches the step the faster of the ways we tried (interleaved, on this machine):
 * for wide rows (B1) the row indices go into the jitted step, which gathers on the device; for
 * narrow rows (B2) the rows are copied into a fresh Float32Array on the JS side. Slicing on the
 * device eagerly (`X.ref.slice(rows)`, as jax-js's MNIST demo does) was slower in both.
 */
function jaxjs(problem, theta0) {
  const { numpy: np, nn, jit, valueAndGrad, tree } = jax;
  const n = problem.X.shape[0];
  const array = (t) => np.array(Float32Array.from(T.toArray(t)), { shape: t.shape });
  const X = array(problem.X);
  const Y = array(problem.T);
  let params = theta0.map(({ W, b }) => ({ W: array(T.transpose(W)), b: array(b) }));
  const hidden = problem.net.activations[0].name === 'relu' ? nn.relu : nn.sigmoid;
  const logits = (p, x) => p.reduce((a, { W, b }, l) => {
    const z = np.dot(a, W).add(b);
    return l === p.length - 1 ? z : hidden(z);
  }, x);
  // The losses the tfjs contender uses: mean squared error over all outputs, or the mean over
  // the batch of −Σ y log softmax(z); plus λ Σ ‖W‖².
  const loss = (p, x, y) => {
    const penalty = problem.lambda === 0 ? undefined : p.map(({ W }) => np.square(W.ref).sum()).reduce((s, t) => s.add(t)).mul(problem.lambda);
    const z = logits(p, x);
    const data = problem.cost.name === 'mse' ? np.square(z.sub(y)).mean() : nn.logSoftmax(z).mul(y).sum().mul(-1 / y.shape[0]);
    return penalty === undefined ? data : data.add(penalty);
  };
  const update = (p, x, y) => {
    const [value, grads] = valueAndGrad(loss)(tree.ref(p), x, y);
    return [value, tree.map((w, g) => w.sub(g.mul(LEARNING_RATE)), p, grads)];
  };
  const [inputs, outputs] = [problem.X.shape[1], problem.T.shape[1]];
  const onDevice = inputs >= 64; // B1's 784-wide rows: gather in the step; B2's 2-wide: on the JS side
  const step = onDevice ? jit((p, X, Y, rows) => update(p, np.take(X, rows.ref, 0), np.take(Y, rows, 0))) : jit(update);
  const Xh = Float32Array.from(T.toArray(problem.X));
  const Yh = Float32Array.from(T.toArray(problem.T));
  const take = (host, width, rows) => {
    const out = new Float32Array(rows.length * width);
    rows.forEach((r, i) => out.set(host.subarray(r * width, (r + 1) * width), i * width));
    return np.array(out, { shape: [rows.length, width] });
  };
  const fullLossJit = jit(loss);
  const fullLoss = () => fullLossJit(tree.ref(params), X.ref, Y.ref).item();
  const batchKey = T.split(KEY)[1];
  const before = fullLoss();
  let epoch = 0;
  return {
    epoch: async () => {
      epoch += 1;
      const order = T.permutation(T.foldIn(batchKey, epoch), n); // the batches Theta draws
      for (let i = 0; i < n; i += problem.batchSize) {
        const rows = order.slice(i, i + problem.batchSize);
        let value;
        if (onDevice) [value, params] = step(params, X.ref, Y.ref, np.array(Int32Array.from(rows), { dtype: np.int32 }));
        else [value, params] = step(params, take(Xh, inputs, rows), take(Yh, outputs, rows));
        value.item(); // read the loss back, as Theta does
      }
    },
    finish: () => {
      const after = fullLoss();
      tree.dispose([X, Y, params]);
      step.dispose();
      fullLossJit.dispose();
      return { before, after };
    },
  };
}

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

export async function run() {
  await loadTfjs();
  try {
    ({ jax, device: jaxDevice } = await loadJax());
  } catch (e) {
    jaxError = e instanceof Error ? e.message : String(e);
  }
  tf.enableProdMode();
  await tf.setBackend('wasm');
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  let b1;
  const rows = [['problem', 'contender', 'samples/s', 'learns (loss before → after)', 'Theta float64 / this', 'Theta float32 / this']];
  for (const problem of await problems()) {
    const theta0 = problem.net.init(T.key(4));
    const n = problem.X.shape[0];
    const contenders = [
      ['Theta float64', theta(problem, theta0, 'float64')],
      ['Theta float32', theta(problem, T.Tree.map(theta0, (x) => T.astype(x, 'float32')), 'float32')],
      ['tfjs-cpu float32', await tfjs(problem, theta0, 'cpu')],
      ['tfjs-wasm float32', await tfjs(problem, theta0, 'wasm')],
    ];
    if (jax !== undefined) contenders.push([`jax-js (${jaxDevice}, jit) float32`, jaxjs(problem, theta0)]);
    // One epoch of each contender per round; the first round warms up. Keep each one's best
    // epoch: on a shared machine, interference only ever slows a round down.
    const best = contenders.map(() => Infinity);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, [, c]] of contenders.entries()) {
        const start = performance.now();
        await c.epoch();
        if (round > 0) best[i] = Math.min(best[i], (performance.now() - start) / 1000);
      }
    }
    const results = [];
    for (const [i, [name, c]] of contenders.entries()) results.push([name, { seconds: best[i], ...(await c.finish()) }]);
    const [t64, t32] = [results[0][1].seconds, results[1][1].seconds];
    if (problem.name.startsWith('B1')) b1 = { samplesPerSecond: n / t32, flops: b1StepFlops(problem.net.sizes, problem.batchSize), batch: problem.batchSize };
    for (const [name, r] of results) {
      const learns = r.after < r.before ? 'yes' : 'NO';
      rows.push([problem.name, name, fmt(n / r.seconds), `${learns} (${fmt(r.before)} → ${fmt(r.after)})`, ratio(r.seconds, t64), ratio(r.seconds, t32)]);
    }
  }
  table(
    `@theta/train end to end: samples/s over an epoch (B1: 2,048 MNIST digits, B2: 1,024 Franke points; SGD η = ${LEARNING_RATE}; best of ${ROUNDS - 1} epochs after one warm-up, contenders interleaved; one thread each; tfjs-wasm SIMD ${simd ? 'on' : 'off'}; ${jaxError === undefined ? `jax-js on its ${jaxDevice} device` : `jax-js left out: ${jaxError}`}; ratios > 1× mean Theta is faster)`,
    rows,
  );
  if (b1 !== undefined) {
    const peak = f32MatmulPeak();
    const gflops = (b1.samplesPerSecond / b1.batch) * b1.flops / 1e9;
    console.log(`\nB1 float32: ${fmt(gflops)} GFLOP/s = ${fmt((100 * gflops) / peak.gflops, 2)}% of the measured f32 matmul peak ${fmt(peak.gflops)} GFLOP/s (Theta ${peak.backend} matmul, best at n = ${peak.n}, measured in this run).`);
    console.log(`  Counted per step of ${b1.batch} samples: ${fmt(b1.flops / 1e6)} MFLOP = forward 2N·Σ n_in·n_out + weight gradients (as many) + input gradients of layers 2–3; elementwise work not counted.`);
  }
}
