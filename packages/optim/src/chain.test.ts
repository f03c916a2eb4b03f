import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import * as T from '@theta/tensor';
import * as O from '@theta/optim';

const run = (optimiser: O.GradientTransformation<any>, gradients: readonly number[][]): number[] => {
  let theta: T.Tensor = T.zeros([3]);
  let state = optimiser.init(theta);
  for (const g of gradients) {
    const [u, next] = optimiser.update(T.tensor(g), state, theta);
    [theta, state] = [O.applyUpdates(theta, u), next];
  }
  return T.toArray(theta);
};

describe('chain', () => {
  it('applies transforms in order: clip first then scale differs from scale then clip', () => {
    const g = T.tensor([10]);
    const clipThenScale = O.chain(O.clip(1), O.scaleByLearningRate(0.5));
    const scaleThenClip = O.chain(O.scaleByLearningRate(0.5), O.clip(1));
    expect(T.item(clipThenScale.update(g, clipThenScale.init(g), g)[0])).toBe(-0.5);
    expect(T.item(scaleThenClip.update(g, scaleThenClip.init(g), g)[0])).toBe(-1);
  });

  it('is associative: chain(a, chain(b, c)) steps as chain(a, b, c)', () => {
    const gradientSequence = fc.array(fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(gradientSequence, (gs) => {
        const flatChain = O.chain(O.clipByGlobalNorm(2), O.scaleByAdam(), O.scaleByLearningRate(0.1));
        const nested = O.chain(O.clipByGlobalNorm(2), O.chain(O.scaleByAdam(), O.scaleByLearningRate(0.1)));
        expect(run(nested, gs)).toEqual(run(flatChain, gs));
      }),
      { seed: 7, numRuns: 50 },
    );
  });

  it('of nothing is the identity', () => {
    const none = O.chain();
    const g = { w: T.tensor([1, 2]) };
    expect(none.init(g)).toEqual([]);
    expect(none.update(g, [], g)[0]).toBe(g);
  });

  it('rejects a state that is not one state per transform', () => {
    const optimiser = O.chain(O.trace(), O.scaleByLearningRate(0.1));
    const g = T.tensor([1]);
    const [traceState] = optimiser.init(g);
    expect(() => optimiser.update(g, [traceState] as unknown as O.StateOf<typeof optimiser>, g)).toThrow(/chain\.update: argument 'state' expected shape "an array of 2 states", got "an array of 1"/);
  });

  it('rejects something that is not a transformation when built', () => {
    expect(() => O.chain(O.clip(1), {} as O.GradientTransformation)).toThrow(T.DomainError);
  });
});
