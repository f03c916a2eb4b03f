// chain fuses a scaling with the learning rate after it; the result must be bit for bit what
// the two transforms give one after the other, in float64 and in float32.
import { describe, expect, it } from 'vitest';
import * as T from '@theta/tensor';
import * as O from '@theta/optim';

const scalings: readonly (readonly [string, () => O.GradientTransformation<any>])[] = [
  ['trace', () => O.trace({ decay: 0.7 })],
  ['trace (nesterov)', () => O.trace({ decay: 0.7, nesterov: true })],
  ['scaleByAdagrad', () => O.scaleByAdagrad({ initialAccumulator: 0.1 })],
  ['scaleByRms', () => O.scaleByRms({ decay: 0.8, epsRoot: 1e-9 })],
  ['scaleByAdam', () => O.scaleByAdam({ beta1: 0.8, beta2: 0.95 })],
  ['scaleByAdam (nesterov)', () => O.scaleByAdam({ nesterov: true })],
  ['scaleByAdamax', () => O.scaleByAdamax()],
  ['addDecayedWeights', () => O.addDecayedWeights(0.3, { mask: O.weightsOnly })],
];
const learningRates: readonly (readonly [string, () => O.GradientTransformation<O.ScaleByLearningRateState>])[] = [
  ['η = 0.1', () => O.scaleByLearningRate(0.1)],
  ['a schedule', () => O.scaleByLearningRate(O.Schedules.exponentialDecay({ initial: 0.3, decayRate: 0.7 }))],
  ['+η', () => O.scaleByLearningRate(0.37, { flipSign: false })],
];

const bits = (tree: T.TensorTree): number[] => T.Tree.leaves(tree).flatMap((x) => Array.from(new Uint8Array(x.data.buffer, x.data.byteOffset, x.data.byteLength)));

describe.each(['float64', 'float32'] as const)('%s', (dtype) => {
  const theta = { W: T.fromArray([0.3, -1.7, 2.2, 0.01, -0.4, 1e-3], [2, 3], { dtype }), b: T.fromArray([0.1, -7], [2], { dtype }) };
  const gradsAt = (t: number) => T.Tree.map(theta, (x) => T.fromArray(T.toArray(x).map((v, i) => Math.cos(3.3 * t + i) * (1 + v) / 3), x.shape, { dtype }));
  for (const [scalingName, scaling] of scalings) {
    for (const [rateName, rate] of learningRates) {
      it(`chain(${scalingName}, ${rateName}) equals the two updates in sequence`, () => {
        const [a, b] = [scaling(), rate()];
        const fused = O.chain(a, b);
        let [sa, sb] = [a.init(theta), b.init(theta)];
        let state = fused.init(theta);
        for (let t = 0; t < 4; t++) {
          const g = gradsAt(t);
          const [u1, na] = a.update(g, sa, theta);
          const [u2, nb] = b.update(u1, sb, theta);
          const [uf, nf] = fused.update(g, state, theta);
          expect(bits(uf)).toEqual(bits(u2));
          expect(T.Tree.leaves(uf).map((x) => x.dtype)).toEqual(T.Tree.leaves(u2).map((x) => x.dtype));
          expect(bits(nf)).toEqual(bits([na, nb]));
          expect((nf as readonly [unknown, O.ScaleByLearningRateState])[1].count).toBe(nb.count);
          [sa, sb, state] = [na, nb, nf];
        }
      });
    }
  }
});
