// @theta/train end to end: training throughput in samples per second — minibatches drawn,
// forward, gradients, SGD step, per-step loss read back — against tfjs's CPU (plain JS) and
// WebAssembly backends training the same network from the same Θ on the same data, in the
// same run. Every contender must learn: its loss over the data after training must be below
// its loss before.
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
import { fmt, ratio, table } from '../lib/measure.mjs';

/** tfjs, loaded in `run` (below). */
let tf;

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

export async function run() {
  await loadTfjs();
  tf.enableProdMode();
  await tf.setBackend('wasm');
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
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
    for (const [name, r] of results) {
      const learns = r.after < r.before ? 'yes' : 'NO';
      rows.push([problem.name, name, fmt(n / r.seconds), `${learns} (${fmt(r.before)} → ${fmt(r.after)})`, ratio(r.seconds, t64), ratio(r.seconds, t32)]);
    }
  }
  table(
    `@theta/train end to end: samples/s over an epoch (B1: 2,048 MNIST digits, B2: 1,024 Franke points; SGD η = ${LEARNING_RATE}; best of ${ROUNDS - 1} epochs after one warm-up, contenders interleaved; one thread each; tfjs-wasm SIMD ${simd ? 'on' : 'off'}; ratios > 1× mean Theta is faster)`,
    rows,
  );
}
