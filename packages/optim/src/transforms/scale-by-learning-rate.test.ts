import { describe, expect, it } from 'vitest';
import * as T from '@theta/tensor';
import * as O from '@theta/optim';

describe('scaleByLearningRate', () => {
  it('evaluates a schedule at t = 0, 1, 2, … (the updates already made)', () => {
    const seen: number[] = [];
    const lr = O.scaleByLearningRate((t) => (seen.push(t), 1 / (t + 1)));
    const g = T.tensor([6]);
    let state = lr.init(g);
    const out: number[] = [];
    for (let t = 0; t < 3; t++) {
      const [u, next] = lr.update(g, state, g);
      out.push(T.item(u));
      state = next;
    }
    expect(seen).toEqual([0, 1, 2]);
    expect(out).toEqual([-6, -3, -2]);
    expect(state.count).toBe(3);
  });

  it('multiplies by +η with flipSign: false', () => {
    const lr = O.scaleByLearningRate(0.5, { flipSign: false });
    const g = T.tensor([2, -4]);
    expect(T.toArray(lr.update(g, lr.init(g), g)[0])).toEqual([1, -2]);
  });

  it('keeps a saturated counter where it is', () => {
    const lr = O.scaleByLearningRate(O.Schedules.cosineDecay({ initial: 1, decaySteps: 10, alpha: 0.1 }));
    const g = T.tensor([1]);
    const [u, state] = lr.update(g, { count: O.MAX_COUNT }, g);
    expect(state.count).toBe(O.MAX_COUNT);
    expect(T.item(u)).toBeCloseTo(-0.1, 15);
  });
});

describe('stateful transforms check the state against the gradients', () => {
  it('names the state and the path whose shape differs', () => {
    const adam = O.scaleByAdam();
    const state = adam.init({ w: T.zeros([3]) });
    expect(() => adam.update({ w: T.zeros([4]) }, state, { w: T.zeros([4]) })).toThrow(/scaleByAdam: argument 'state\.mu at 'w'' expected shape \[4\], got \[3\]/);
  });

  it('names the first path where the structures differ', () => {
    const velocity = O.trace();
    const state = velocity.init({ w: T.zeros([3]) });
    expect(() => velocity.update({ v: T.zeros([3]) }, state, { v: T.zeros([3]) })).toThrow(T.ShapeError);
  });
});
