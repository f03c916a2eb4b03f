import { describe, expect, it } from 'vitest';
import * as T from '@theta/tensor';
import * as O from '@theta/optim';

const theta = [{ W: T.tensor([[1, -2], [3, 0.5]]), b: T.tensor([4, -4]) }];
const grads = [{ W: T.tensor([[0.1, 0.2], [0.3, 0.4]]), b: T.tensor([1, 2]) }];

describe('addDecayedWeights', () => {
  it('adds λΘ to every leaf by default', () => {
    const decay = O.addDecayedWeights(0.5);
    const [[u]] = decay.update(grads, decay.init(theta), theta) as unknown as [[{ W: T.Tensor; b: T.Tensor }]];
    expect(T.toNested(u.W)).toEqual([[0.6, -0.8], [1.8, 0.65]]);
    expect(T.toArray(u.b)).toEqual([3, 0]);
  });

  it('spares the leaves the mask leaves out (weightsOnly: the biases)', () => {
    const decay = O.addDecayedWeights(0.5, { mask: O.weightsOnly });
    const [u] = decay.update(grads, decay.init(theta), theta);
    expect(T.toNested(u[0]!.W)).toEqual([[0.6, -0.8], [1.8, 0.65]]);
    expect(u[0]!.b).toBe(grads[0]!.b);
  });

  it('asks the mask about each leaf by its T.Tree path', () => {
    const seen: string[] = [];
    const decay = O.addDecayedWeights(0.1, { mask: (_leaf, path) => (seen.push(path), path.endsWith('.b')) });
    const [u] = decay.update(grads, decay.init(theta), theta);
    expect(seen).toEqual(T.Tree.paths(theta));
    expect(u[0]!.W).toBe(grads[0]!.W);
  });

  it('is masked(addDecayedWeights(λ), mask) as Optax builds it', () => {
    const direct = O.addDecayedWeights(0.3, { mask: O.weightsOnly });
    const viaMasked = O.masked(O.addDecayedWeights(0.3), O.weightsOnly);
    const a = direct.update(grads, direct.init(theta), theta)[0];
    const b = viaMasked.update(grads, viaMasked.init(theta), theta)[0];
    expect(T.Tree.allClose(a, b, { rtol: 0, atol: 0 })).toBe(true);
  });

  it('rejects a Θ whose shapes differ from the gradients\', naming the path', () => {
    const decay = O.addDecayedWeights(0.1);
    const wrong = [{ W: T.zeros([2, 2]), b: T.zeros([3]) }];
    expect(() => decay.update(grads, decay.init(theta), wrong)).toThrow(/addDecayedWeights: argument 'theta at '\[0\]\.b''/);
  });
});
