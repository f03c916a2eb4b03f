// Purity and structure, for every optimiser and building block: `update` leaves what it was
// given untouched and is deterministic; `init(Θ)` mirrors Θ; dtypes are kept; counters saturate.
import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import * as T from '@theta/tensor';
import * as O from '@theta/optim';
import { callWithoutMutation } from '@theta/testing';

const makeTheta = (dtype: T.DType = 'float64') => [
  { W: T.fromArray([0.5, -1, 2, 0.25, 0, 1.5], [3, 2], { dtype }), b: T.fromArray([0.1, -0.2, 0.3], [3], { dtype }) },
  { W: T.fromArray([1, -1, 0.5], [1, 3], { dtype }), b: T.fromArray([0], [1], { dtype }) },
];
const gradsAt = (t: number, dtype: T.DType = 'float64') =>
  T.Tree.map(makeTheta(dtype), (x) => T.fromArray(T.toArray(x).map((_, i) => Math.sin(t + 1.3 * i) * (i + 1)), x.shape, { dtype }));

const all: readonly (readonly [string, () => O.GradientTransformation<any>])[] = [
  ['sgd', () => O.sgd(0.1)],
  ['sgd with a schedule', () => O.sgd(O.Schedules.cosineDecay({ initial: 0.1, decaySteps: 10 }))],
  ['momentum', () => O.momentum(0.1)],
  ['nesterov', () => O.nesterov(0.1)],
  ['adagrad', () => O.adagrad(0.1)],
  ['adagrad with momentum', () => O.adagrad(0.1, { momentum: 0.9, nesterov: true })],
  ['rmsprop', () => O.rmsprop(0.01)],
  ['adam', () => O.adam(1e-3)],
  ['adamw', () => O.adamw(1e-3, { weightDecay: 0.1, mask: O.weightsOnly })],
  ['adamax', () => O.adamax(2e-3)],
  ['nadam', () => O.nadam(1e-3)],
  ['clipByGlobalNorm', () => O.clipByGlobalNorm(0.5)],
  ['clip', () => O.clip(0.5)],
  ['addDecayedWeights', () => O.addDecayedWeights(0.1)],
  ['masked adam', () => O.masked(O.adam(0.1), O.weightsOnly)],
  ['chain', () => O.chain(O.clipByGlobalNorm(1), O.scaleByAdam(), O.addDecayedWeights(0.01), O.scaleByLearningRate(0.1))],
];

/** Runs `steps` updates so the state holds non-trivial moments and counters. */
function advance(optimiser: O.GradientTransformation<any>, steps: number, dtype: T.DType = 'float64') {
  let theta: T.TensorTree = makeTheta(dtype);
  let state = optimiser.init(theta);
  for (let t = 0; t < steps; t++) {
    const [updates, next]: readonly [T.TensorTree, T.TensorTree] = optimiser.update(gradsAt(t, dtype), state, theta);
    [theta, state] = [O.applyUpdates(theta, updates), next];
  }
  return { theta, state };
}

const identical = (a: T.TensorTree, b: T.TensorTree): boolean => T.Tree.allClose(a, b, { rtol: 0, atol: 0, equalNaN: true });

describe.each(all)('%s', (_name, make) => {
  it('update leaves grads, state and Θ unchanged and gives identical results twice', () => {
    const optimiser = make();
    const { theta, state } = advance(optimiser, 3);
    const grads = gradsAt(7);
    const first = callWithoutMutation(optimiser.update, [grads, state, theta]);
    const second = callWithoutMutation(optimiser.update, [grads, state, theta]);
    expect(identical(first[0], second[0])).toBe(true);
    expect(identical(first[1], second[1])).toBe(true);
  });

  it('init leaves Θ unchanged and its updates mirror the gradients (structure, shapes, dtype)', () => {
    const optimiser = make();
    const theta = makeTheta();
    const state = callWithoutMutation(optimiser.init, [theta]);
    const [updates] = optimiser.update(gradsAt(0), state, theta);
    expect(T.Tree.paths(updates)).toEqual(T.Tree.paths(theta));
    expect(T.Tree.leaves(updates).map((x) => [x.shape, x.dtype])).toEqual(T.Tree.leaves(theta).map((x) => [x.shape, x.dtype]));
  });

  it('keeps float32 as float32 in updates, state and Θ', () => {
    const { theta, state } = advance(make(), 3, 'float32');
    expect(T.Tree.leaves(theta).every((x) => x.dtype === 'float32')).toBe(true);
    expect(T.Tree.leaves(state).every((x) => x.dtype === 'float32')).toBe(true);
  });

  it('rejects gradients shaped unlike Θ with a ShapeError (in update, or at the latest in applyUpdates)', () => {
    const optimiser = make();
    const theta = makeTheta();
    const bad = [gradsAt(0)[0], { W: T.zeros([3, 1]), b: T.zeros([1]) }];
    expect(() => O.applyUpdates(theta, optimiser.update(bad, optimiser.init(theta), theta)[0])).toThrow(T.ShapeError);
  });
});

describe('init mirrors Θ', () => {
  const mirrors = (tree: T.TensorTree, theta: T.TensorTree, value: number): void => {
    expect(T.Tree.paths(tree)).toEqual(T.Tree.paths(theta));
    T.Tree.leaves(tree).forEach((x, i) => {
      const like = T.Tree.leaves(theta)[i] as T.Tensor;
      expect([x.shape, x.dtype]).toEqual([like.shape, like.dtype]);
      expect(T.toArray(x).every((v) => v === (x.dtype === 'float32' ? Math.fround(value) : value))).toBe(true);
    });
  };

  it('moments are zeros shaped like Θ; counters start at 0', () => {
    for (const dtype of ['float64', 'float32'] as const) {
      const theta = makeTheta(dtype);
      const [adam, lr] = O.adam(1e-3).init(theta);
      mirrors(adam.mu, theta, 0);
      mirrors(adam.nu, theta, 0);
      expect([adam.count, lr.count]).toEqual([0, 0]);
      const [traceState] = O.momentum(0.1).init(theta);
      mirrors(traceState.velocity, theta, 0);
      mirrors(O.scaleByAdagrad({ initialAccumulator: 0.1 }).init(theta).sumOfSquares, theta, 0.1);
      mirrors(O.scaleByRms({ initialScale: 2 }).init(theta).meanSquare, theta, 2);
      mirrors(O.scaleByAdamax().init(theta).infinityNorm, theta, 0);
    }
  });

  it('works for any tree of tensors, static leaves included', () => {
    const tree = { encoder: { kernel: T.ones([2, 2, 2]), scale: T.scalar(3) }, layers: [T.ones([4])], name: 'net' };
    const optimiser = O.adam(0.1);
    const [state] = optimiser.init(tree);
    mirrors(state.mu, tree, 0);
    expect((state.mu as { name: string }).name).toBe('net');
    const grads = { encoder: { kernel: T.ones([2, 2, 2]), scale: T.scalar(-1) }, layers: [T.ones([4])], name: 'net' };
    const [updates] = optimiser.update(grads, optimiser.init(tree), tree);
    const next = O.applyUpdates(tree, updates);
    expect(Math.abs(T.item(next.encoder.scale) - 3.1)).toBeLessThan(1e-8); // step one of Adam: η · sign(g)
    expect(next.name).toBe('net');
  });

  it('chain(a, b).init gives the pair of states', () => {
    const theta = makeTheta();
    const a = O.trace({ decay: 0.5 });
    const b = O.scaleByAdam();
    const [sa, sb] = O.chain(a, b).init(theta);
    expect(identical(sa, a.init(theta))).toBe(true);
    expect(identical(sb, b.init(theta))).toBe(true);
    expect(O.chain(a, b).init(theta)).toHaveLength(2);
  });
});

describe('the step counter', () => {
  it('saturates at MAX_COUNT and the updates stay finite there', () => {
    const theta = makeTheta();
    const optimiser = O.adam(1e-3);
    const [adam] = optimiser.init(theta);
    const saturated = [{ ...adam, count: O.MAX_COUNT }, { count: O.MAX_COUNT }] as const;
    const [updates, [nextAdam, nextLr]] = optimiser.update(gradsAt(0), saturated, theta);
    expect([nextAdam.count, nextLr.count]).toEqual([O.MAX_COUNT, O.MAX_COUNT]);
    expect(T.Tree.findNonFinite(updates)).toBeUndefined();
    // Far past the last bias correction, Adam's step one with no history is (1 − β₁) g / (√(1 − β₂) |g|).
    const g = T.toArray((gradsAt(0)[0] as { W: T.Tensor }).W)[0] as number;
    const u = T.toArray((updates[0] as { W: T.Tensor }).W)[0] as number;
    expect(u).toBeCloseTo((-1e-3 * 0.1 * g) / (Math.sqrt(0.001) * Math.abs(g) + 1e-8), 12);
  });

  it('gives a finite bias correction at step 1 even for β close to 1', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.999999, noNaN: true }), fc.double({ min: 0, max: 0.999999, noNaN: true }), (beta1, beta2) => {
        const optimiser = O.scaleByAdam({ beta1, beta2, eps: 0 });
        const g = T.tensor([3, -0.5, 1e-3]);
        const [u] = optimiser.update(g, optimiser.init(g), g);
        // Step one of Adam is the sign of g whatever β₁ and β₂ (m̂ = g, v̂ = g²).
        T.toArray(u).forEach((v, i) => expect(v).toBeCloseTo(Math.sign(T.toArray(g)[i] as number), 8));
      }),
      { seed: 6, numRuns: 100 },
    );
  });
});
