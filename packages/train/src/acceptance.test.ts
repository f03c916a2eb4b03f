// Acceptance (issue 7): the course's two classic experiments, deterministic (fixed keys), not timed.
// MNIST runs in scripts/acceptance.mjs (it takes longer than a test should).
import { describe, expect, it } from 'vitest';
import * as T from '@theta/tensor';
import * as N from '@theta/nn';
import * as O from '@theta/optim';
import * as D from '@theta/data';
import * as Tr from '@theta/train';

describe('acceptance', () => {
  it('breast cancer, 30-32-1 sigmoid, Adam, standardised, 80/20: test accuracy ≥ 0.95 for at least 4 of 5 seeds', () => {
    const data = D.breastCancer();
    const accuracies = [0, 1, 2, 3, 4].map((seed) => {
      const [splitKey, trainKey] = T.split(T.key(seed)) as readonly [T.Key, T.Key];
      const split = D.trainTestSplit(splitKey, data.X, data.y, { testFraction: 0.2, stratify: true });
      const scaler = D.standardScaler.fit(split.XTrain); // fitted on the training part only
      const net = N.mlp({ sizes: [30, 32, 1], activations: ['sigmoid', 'sigmoid'] });
      const result = Tr.fit({
        net,
        cost: N.binaryCrossEntropy({ reduction: 'mean' }),
        optimiser: O.adam(1e-3),
        epochs: 30,
        batchSize: 32,
        key: trainKey,
        data: { X: scaler.transform(split.XTrain), T: Tr.targetsFor(split.yTrain, 1) },
      });
      const test = Tr.evaluate(net, result.state.theta, scaler.transform(split.XTest), Tr.targetsFor(split.yTest, 1), { cost: N.binaryCrossEntropy(), metrics: ['accuracy'] });
      return test.metrics['accuracy']!;
    });
    console.log('breast cancer test accuracy per seed:', accuracies.map((a) => a.toFixed(4)).join(', '));
    expect(accuracies.filter((a) => a >= 0.95).length).toBeGreaterThanOrEqual(4);
  });

  it('Franke σ = 0.1, 2-50-50-1 sigmoid, MSE + λ = 1e-4: test MSE ≤ 1.1 × OLS on a degree-5 design, same split', () => {
    const [dataKey, splitKey, trainKey] = T.split(T.key(0), 3) as readonly [T.Key, T.Key, T.Key];
    const franke = D.franke(dataKey, { n: 1000, noise: 0.1 });
    const split = D.trainTestSplit(splitKey, franke.X, franke.y, { testFraction: 0.2 });

    // OLS: β = argmin ‖y − Pβ‖² on the degree-5 polynomial design (21 columns, intercept included).
    const design = (X: T.Tensor) => D.polynomialFeatures(X, 5);
    const beta = Tr.leastSquares(design(split.XTrain), split.yTrain);
    const olsMse = N.metrics.mse(split.yTest, T.matmul(design(split.XTest), beta));

    // The network: C(Θ) = ‖t − a^L‖² + λ‖W‖² (the notes' summed cost), Adam with a cosine-decayed rate.
    const scaler = D.standardScaler.fit(split.XTrain);
    const net = N.mlp({ sizes: [2, 50, 50, 1], activations: { hidden: 'sigmoid', output: 'identity' } });
    const epochs = 200;
    const batchSize = 64;
    const stepsTotal = epochs * Math.ceil((split.XTrain.shape[0] as number) / batchSize);
    const result = Tr.fit({
      net, cost: N.mse(), penalty: 1e-4,
      optimiser: O.adam(O.Schedules.cosineDecay({ initial: 0.1, decaySteps: stepsTotal })),
      epochs, batchSize, key: trainKey,
      data: { X: scaler.transform(split.XTrain), T: split.yTrain },
    });
    const nnMse = N.metrics.mse(split.yTest, net.apply(result.state.theta, scaler.transform(split.XTest)));
    console.log(`Franke test MSE: network ${nnMse.toFixed(5)}, OLS degree 5 ${olsMse.toFixed(5)}, ratio ${(nnMse / olsMse).toFixed(3)}`);
    expect(nnMse).toBeLessThanOrEqual(1.1 * olsMse);
  });
});
