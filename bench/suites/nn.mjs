// @theta/nn: one training step — forward, gradients, SGD update Θ ← Θ − γ ∂C/∂Θ — by the
// notes' δ-equations (`N.backprop`, batched, no graph) and by reverse mode (`N.reverseGrad`:
// trace the Wengert list of C(Θ), sweep the adjoints back), in samples per second.
// Target: the reverse path within 1.5× of the δ-equation path. The δ path runs on the fused
// dense kernels (`T.denseForward` / `T.denseBackward`); every row is measured on each kernel
// backend this engine offers (plain JS, and WebAssembly SIMD where it exists).
// Imports the built packages: `npx turbo run build --filter=@theta/nn...`.
import * as T from '@theta/tensor';
import * as N from '@theta/nn';
import { fmt, measure, ratio, table } from '../lib/measure.mjs';

const LEARNING_RATE = 0.01;
const ROUNDS = 3;

const problems = [
  {
    name: '784-128-64-10, ReLU, softmax CE, batch 64',
    net: N.mlp({ sizes: [784, 128, 64, 10], activations: { hidden: 'relu', output: 'identity' } }),
    cost: N.categoricalCrossEntropy({ fromLogits: true, reduction: 'mean' }),
    penalty: N.noPenalty,
    batch: 64,
    targets: (key, batch, dtype) => N.oneHot(T.toArray(T.uniform(key, [batch], { min: 0, max: 10 })).map(Math.floor), 10, { dtype }),
  },
  {
    name: '2-50-50-1, sigmoid, MSE + L2, batch 32',
    net: N.mlp({ sizes: [2, 50, 50, 1], activations: { hidden: 'sigmoid', output: 'identity' } }),
    cost: N.mse({ reduction: 'mean' }),
    penalty: N.l2(1e-4),
    batch: 32,
    targets: (key, batch, dtype) => T.uniform(key, [batch, 1], { min: -1, max: 1, dtype }),
  },
];

/** A step function that threads Θ through SGD updates, as a training loop does. */
function trainer(gradients, theta0, X, t) {
  let theta = theta0;
  return () => {
    const { loss, grads } = gradients(theta, X, t);
    theta = T.Tree.zipWith(theta, grads, (w, g) => T.sub(w, T.mul(g, LEARNING_RATE)));
    return loss;
  };
}

/** The kernel backends to measure: `js` always, `wasm` where it registered. */
function backends() {
  const initial = T.getBackend();
  const names = ['js', 'wasm'].filter((name) => {
    try {
      T.setBackend(name);
      return true;
    } catch {
      return false;
    }
  });
  T.setBackend(initial);
  return { names, initial };
}

export async function run() {
  const rows = [['network', 'dtype', 'backend', 'δ-equations (samples/s)', 'reverse mode (samples/s)', 'reverse time / δ time']];
  const { names, initial } = backends();
  for (const { name, net, cost, penalty, batch, targets } of problems) {
    for (const dtype of ['float64', 'float32']) for (const backend of names) {
      T.setBackend(backend);
      const [kTheta, kX, kT] = T.split(T.key(0), 3);
      const theta = net.init(kTheta, { dtype });
      const X = T.uniform(kX, [batch, net.sizes[0]], { min: -1, max: 1, dtype });
      const t = targets(kT, batch, dtype);
      const deltaStep = trainer(N.backprop(net, cost, penalty), theta, X, t);
      const reverseStep = trainer(N.reverseGrad(net, cost, penalty), theta, X, t);
      // Alternate the two paths over a few rounds and keep each one's best median: on a shared
      // machine, interference only ever slows a round down.
      let deltaTime = Infinity;
      let reverseTime = Infinity;
      for (let round = 0; round < ROUNDS; round++) {
        deltaTime = Math.min(deltaTime, await measure(deltaStep, { minMs: 400 }));
        reverseTime = Math.min(reverseTime, await measure(reverseStep, { minMs: 400 }));
      }
      rows.push([name, dtype, backend, fmt(batch / deltaTime), fmt(batch / reverseTime), ratio(reverseTime, deltaTime)]);
    }
  }
  T.setBackend(initial);
  table('@theta/nn: one training step (forward + gradients + SGD update)', rows);
}
