import { describe, expect, it } from 'vitest';
import * as T from '@theta/tensor';
import * as O from '@theta/optim';

const theta = [
  { W: T.tensor([[1, 2]]), b: T.tensor([3]) },
  { W: T.tensor([[4], [5]]), b: T.tensor([6, 7]) },
];
const grads = T.Tree.map(theta, (x) => T.mul(x, -1));

describe('masked', () => {
  it('updates the selected leaves as the inner transform alone would, and passes the others through', () => {
    const inner = O.adam(0.1);
    const optimiser = O.masked(inner, O.weightsOnly);
    const [u] = optimiser.update(grads, optimiser.init(theta), theta);
    const [alone] = inner.update(grads, inner.init(theta), theta);
    expect(T.Tree.allClose(u[0]!.W, alone[0]!.W, { rtol: 0, atol: 0 })).toBe(true);
    expect(T.Tree.allClose(u[1]!.W, alone[1]!.W, { rtol: 0, atol: 0 })).toBe(true);
    expect(u[0]!.b).toBe(grads[0]!.b);
    expect(u[1]!.b).toBe(grads[1]!.b);
  });

  it('stores no moments for the leaves it leaves out', () => {
    const optimiser = O.masked(O.scaleByAdam(), O.weightsOnly);
    const state = optimiser.init(theta);
    expect(T.Tree.leaves(state.inner.mu).length).toBe(2);
    expect((state.inner.mu as readonly { b: unknown }[]).map((layer) => layer.b)).toEqual([null, null]);
  });

  it('asks the mask with the paths T.Tree gives, in init and in update', () => {
    const seen: string[] = [];
    const optimiser = O.masked(O.trace(), (_leaf, path) => (seen.push(path), path === '[1].b'));
    const state = optimiser.init(theta);
    const [u] = optimiser.update(grads, state, theta);
    expect(seen).toEqual([...T.Tree.paths(theta), ...T.Tree.paths(theta), ...T.Tree.paths(theta)]);
    expect(T.Tree.paths(u)).toEqual(T.Tree.paths(theta));
    expect(T.toArray(u[1]!.b)).toEqual([-6, -7]);
  });

  it('threads the inner state from step to step', () => {
    const optimiser = O.masked(O.trace({ decay: 0.5 }), (_leaf, path) => path === '[0].b');
    let state = optimiser.init(theta);
    let u = grads;
    for (let t = 0; t < 2; t++) [u, state] = optimiser.update(grads, state, theta);
    expect(T.toArray(u[0]!.b)).toEqual([-4.5]); // −3 + 0.5 · (−3)
  });
});
