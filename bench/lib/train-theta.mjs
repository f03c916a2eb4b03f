// bench/suites/train.mjs's Theta side, run in its own isolate (lib/isolate.mjs): builds the
// problems (data, Θ₀, the batches of every epoch) and hands the peers plain copies of them,
// runs Theta's contenders, and measures the float32 matmul peak. Imports Theta only.
import * as T from '@theta/tensor';
import * as N from '@theta/nn';
import * as O from '@theta/optim';
import * as D from '@theta/data';
import * as Tr from '@theta/train';
import { registry } from './contenders.mjs';
import { f32MatmulPeak } from './peak.mjs';

const KEY = T.key(2); // Theta's run key; the peers get the batches it draws
let problems = [];
let settings;
const contenders = registry();
export const { epoch, finish } = contenders;

const problemsOf = async () => {
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

/** A tensor as a plain copy `{ data: Float64Array, shape }` for another isolate. */
const plain = (t) => ({ data: Float64Array.from(T.toArray(t)), shape: [...t.shape] });

/**
 * Builds the problems and returns, for each, everything a peer needs as plain arrays: the data,
 * Θ₀ (float64, W as [n_out, n_in]), the hidden activation, the cost, λ, the batch size, η and
 * the row order of epochs 1…`epochs` (see TrainConfig: epoch e shuffles with foldIn(batchKey, e)).
 */
export async function prepare({ epochs, learningRate }) {
  settings = { epochs, learningRate };
  problems = (await problemsOf()).map((p) => ({ ...p, theta0: p.net.init(T.key(4)) }));
  const batchKey = T.split(KEY)[1];
  return problems.map((p) => ({
    name: p.name,
    X: plain(p.X),
    T: plain(p.T),
    theta0: p.theta0.map(({ W, b }) => ({ W: plain(W), b: plain(b) })),
    hidden: p.net.activations[0].name,
    cost: p.cost.name,
    lambda: p.lambda,
    batchSize: p.batchSize,
    learningRate,
    sizes: [...p.net.sizes],
    orders: Array.from({ length: epochs }, (_, e) => Int32Array.from(T.permutation(T.foldIn(batchKey, e + 1), p.X.shape[0]))),
  }));
}

/**
 * Theta contender `id` on problem `index` in `dtype`: `Tr.steps` with one state per epoch; each
 * `epoch()` pulls the next one, so an epoch is timed from the previous epoch-closing state to this one.
 */
export function create(id, index, dtype) {
  const problem = problems[index];
  const theta0 = T.Tree.map(problem.theta0, (x) => T.astype(x, dtype));
  const X = T.astype(problem.X, dtype);
  const targets = T.astype(problem.T, dtype);
  const options = { cost: problem.cost, penalty: problem.lambda };
  const before = Tr.evaluate(problem.net, theta0, X, targets, options).loss;
  const run = Tr.steps({ net: problem.net, ...options, optimiser: O.sgd(settings.learningRate), epochs: settings.epochs, batchSize: problem.batchSize, key: KEY, theta: theta0, data: { X, T: targets } });
  let state;
  return contenders.add(id, {
    epoch: async () => {
      state = run.next().value;
    },
    finish: () => ({ before, after: Tr.evaluate(problem.net, state.theta, X, targets, options).loss }),
  });
}

/**
 * Runs this isolate's WebAssembly kernels on `variant`'s build (`'simd'`: no fused
 * multiply-add); returns the build now running.
 */
export function useVariant(variant) {
  T.setBackend(T.getBackend(), { variant });
  return T.wasmStats()?.variant;
}

/** The build of the WebAssembly kernels this isolate runs (`'relaxed'` or `'simd'`), if any. */
export const variant = () => T.wasmStats()?.variant;

/** This machine's float32 matmul peak (lib/peak.mjs), measured in Theta's isolate. */
export const peak = () => f32MatmulPeak();
