#!/usr/bin/env node
// Acceptance (issue 7), end to end on the BUILT packages (`npx turbo run build` first):
//   1. breast cancer, 30-32-1 sigmoid, Adam, standardised, 80/20: test accuracy ≥ 0.95 for ≥ 4 of 5 seeds;
//   2. Franke σ = 0.1, 2-50-50-1 sigmoid, MSE + λ = 1e-4: test MSE ≤ 1.1 × OLS on a degree-5 design;
//   3. MNIST 8,000 / 2,000, 784-128-64-10 ReLU, softmax CE, batch 64, 5 epochs: test accuracy ≥ 0.93.
// 1 and 2 are also tests of @theta/train; 3 lives only here (it takes longer than a test should).
// Deterministic (fixed keys), not timed: runtimes are printed for information only.
// Usage: node scripts/acceptance.mjs [breast|franke|mnist …]; exits 1 if any check fails.
import { performance } from 'node:perf_hooks';
import * as T from '@theta/tensor';
import * as N from '@theta/nn';
import * as O from '@theta/optim';
import * as D from '@theta/data';
import * as Tr from '@theta/train';

function breastCancer() {
  const data = D.breastCancer();
  const net = N.mlp({ sizes: [30, 32, 1], activations: ['sigmoid', 'sigmoid'] });
  const accuracies = [0, 1, 2, 3, 4].map((seed) => {
    const [splitKey, trainKey] = T.split(T.key(seed));
    const split = D.trainTestSplit(splitKey, data.X, data.y, { testFraction: 0.2, stratify: true });
    const scaler = D.standardScaler.fit(split.XTrain);
    const { state } = Tr.fit({
      net, cost: N.binaryCrossEntropy({ reduction: 'mean' }), optimiser: O.adam(1e-3), epochs: 30, batchSize: 32, key: trainKey,
      data: { X: scaler.transform(split.XTrain), T: Tr.targetsFor(split.yTrain, 1) },
    });
    const test = Tr.evaluate(net, state.theta, scaler.transform(split.XTest), Tr.targetsFor(split.yTest, 1), { cost: N.binaryCrossEntropy(), metrics: ['accuracy'] });
    return test.metrics.accuracy;
  });
  const passing = accuracies.filter((a) => a >= 0.95).length;
  return { ok: passing >= 4, result: `test accuracy per seed ${accuracies.map((a) => a.toFixed(4)).join(', ')} (${passing}/5 ≥ 0.95; need 4)` };
}

function franke() {
  const [dataKey, splitKey, trainKey] = T.split(T.key(0), 3);
  const data = D.franke(dataKey, { n: 1000, noise: 0.1 });
  const split = D.trainTestSplit(splitKey, data.X, data.y, { testFraction: 0.2 });
  const design = (X) => D.polynomialFeatures(X, 5);
  const beta = Tr.leastSquares(design(split.XTrain), split.yTrain);
  const olsMse = N.metrics.mse(split.yTest, T.matmul(design(split.XTest), beta));
  const scaler = D.standardScaler.fit(split.XTrain);
  const net = N.mlp({ sizes: [2, 50, 50, 1], activations: { hidden: 'sigmoid', output: 'identity' } });
  const epochs = 200;
  const batchSize = 64;
  const { state } = Tr.fit({
    net, cost: N.mse(), penalty: 1e-4,
    optimiser: O.adam(O.Schedules.cosineDecay({ initial: 0.1, decaySteps: epochs * Math.ceil(split.XTrain.shape[0] / batchSize) })),
    epochs, batchSize, key: trainKey, data: { X: scaler.transform(split.XTrain), T: split.yTrain },
  });
  const nnMse = N.metrics.mse(split.yTest, net.apply(state.theta, scaler.transform(split.XTest)));
  return { ok: nnMse <= 1.1 * olsMse, result: `test MSE network ${nnMse.toFixed(5)} vs OLS degree 5 ${olsMse.toFixed(5)} (ratio ${(nnMse / olsMse).toFixed(3)}; need ≤ 1.1)` };
}

async function mnist() {
  const data = await D.loadMnist();
  const [splitKey, trainKey] = T.split(T.key(0));
  const split = D.trainTestSplit(splitKey, data.X, data.y, { testFraction: 0.2, stratify: true });
  const net = N.mlp({ sizes: [784, 128, 64, 10], activations: { hidden: 'relu', output: 'softmax' } });
  const cost = N.categoricalCrossEntropy({ reduction: 'mean' });
  const { state, history } = Tr.fit(
    {
      net, cost, optimiser: O.adam(2e-3), epochs: 5, batchSize: 64, key: trainKey,
      data: { X: split.XTrain, T: split.yTrain }, validation: { X: split.XTest, T: split.yTest }, metrics: ['accuracy'],
    },
    (s) => console.log(`  epoch ${s.epoch}: train loss ${s.loss.toFixed(4)}, test accuracy ${s.metrics.validation.metrics.accuracy.toFixed(4)}`),
  );
  const accuracy = Tr.evaluate(net, state.theta, split.XTest, split.yTest, { cost, metrics: ['accuracy'] }).metrics.accuracy;
  return { ok: accuracy >= 0.93 && history.length === 5, result: `${split.XTrain.shape[0]} / ${split.XTest.shape[0]}, test accuracy after 5 epochs ${accuracy.toFixed(4)} (need ≥ 0.93)` };
}

const checks = { breast: ['breast cancer', breastCancer], franke: ['Franke', franke], mnist: ['MNIST', mnist] };
const only = process.argv.slice(2);
let failed = 0;
for (const [id, [name, check]] of Object.entries(checks)) {
  if (only.length > 0 && !only.includes(id)) continue;
  const start = performance.now();
  const { ok, result } = await check();
  const seconds = ((performance.now() - start) / 1000).toFixed(1);
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name}: ${result} [${seconds} s]`);
  if (!ok) failed++;
}
process.exit(failed === 0 ? 0 : 1);
