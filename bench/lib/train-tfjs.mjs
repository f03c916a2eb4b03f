// bench/suites/train.mjs's tfjs contender, run in its own isolate (lib/isolate.mjs): the same
// network written with tfjs-core ops, the same Θ as variables, tf.train.sgd, the same batches.
// Imports tfjs only (one backend per isolate); problems arrive as plain arrays (see train-theta.mjs).
import { registry } from './contenders.mjs';
import { loadTfjs } from './tfjs.mjs';

let tf;
let backend;
const contenders = registry();
export const { epoch, finish } = contenders;

/** Loads tfjs with `name` ('cpu' or 'wasm') as its only backend; says whether wasm SIMD is on. */
export async function init(name) {
  backend = name;
  tf = await loadTfjs(name);
  return { simd: name === 'wasm' ? await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT') : undefined };
}

/** Builds contender `id` for `problem` (train-theta.mjs's `prepare` gives its shape). */
export async function create(id, problem) {
  // Where one tfjs serves both backends (not in train.mjs, which gives each its own isolate).
  const name = backend;
  const select = async () => {
    if (tf.getBackend() !== name) await tf.setBackend(name);
  };
  await select();
  const { X: Xp, T: Tp, theta0, orders, batchSize, lambda, learningRate } = problem;
  const n = Xp.shape[0];
  const X = tf.tensor2d(Float32Array.from(Xp.data), Xp.shape);
  const Y = tf.tensor2d(Float32Array.from(Tp.data), Tp.shape);
  const layers = theta0.map(({ W, b }) => ({
    W: tf.variable(tf.tensor2d(Float32Array.from(W.data), W.shape)),
    b: tf.variable(tf.tensor1d(Float32Array.from(b.data))),
  }));
  const hidden = problem.hidden === 'relu' ? tf.relu : tf.sigmoid;
  const logits = (x) => layers.reduce((a, { W, b }, l) => {
    const z = tf.add(tf.matMul(a, W, false, true), b);
    return l === layers.length - 1 ? z : hidden(z);
  }, x);
  // Softmax output + cross-entropy is tfjs's fused softmaxCrossEntropy on the logits.
  const loss = (x, y) => {
    const data = problem.cost === 'mse' ? tf.losses.meanSquaredError(y, logits(x), undefined, tf.Reduction.SUM_BY_NONZERO_WEIGHTS) : tf.losses.softmaxCrossEntropy(y, logits(x));
    if (lambda === 0) return data;
    return tf.add(data, tf.mul(lambda, tf.addN(layers.map(({ W }) => tf.sum(tf.square(W))))));
  };
  const fullLoss = () => tf.tidy(() => loss(X, Y).dataSync()[0]);
  const optimizer = tf.train.sgd(learningRate);
  const before = fullLoss();
  let e = 0;

  return contenders.add(id, {
    epoch: async () => {
      await select();
      const order = orders[e++]; // the batches Theta draws in this epoch
      for (let i = 0; i < n; i += batchSize) {
        const rows = tf.tensor1d(order.slice(i, i + batchSize), 'int32');
        tf.tidy(() => {
          const x = tf.gather(X, rows);
          const y = tf.gather(Y, rows);
          optimizer.minimize(() => loss(x, y), true).dataSync(); // read the loss back, as Theta does
        });
        rows.dispose();
      }
    },
    finish: async () => {
      await select();
      const after = fullLoss();
      tf.dispose([X, Y, ...layers.flatMap(({ W, b }) => [W, b])]);
      optimizer.dispose();
      return { before, after };
    },
  });
}
