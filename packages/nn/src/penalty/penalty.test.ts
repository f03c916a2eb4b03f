import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as R from '@theta/reverse';
import * as T from '@theta/tensor';
import { callWithoutMutation, centralGradient, isClose } from '@theta/testing';
import * as N from '../index.js';
import { flattenLayers, penaltyPlain, unflattenLayers, type PlainLayer } from '../../test/reference.js';

const toTheta = (layers: readonly PlainLayer[]): N.Theta => layers.map(({ W, b }) => ({ W: T.tensor(W), b: T.tensor(b) }));
const sizes = [3, 2, 1];
const parameterCount = 3 * 2 + 2 + 2 * 1 + 1;
const flatTheta = fc.array(fc.double({ min: -2, max: 2, noNaN: true }).filter((v) => Math.abs(v) > 1e-3), { minLength: parameterCount, maxLength: parameterCount });

describe('penalties', () => {
  for (const kind of ['l2', 'l1'] as const) {
    for (const includeBiases of [false, true]) {
      it(`${kind}${includeBiases ? ' with biases' : ''}: value matches the loop reference, gradient central differences`, () => {
        fc.assert(
          fc.property(flatTheta, fc.double({ min: 0, max: 3, noNaN: true }), (flat, lambda) => {
            const layers = unflattenLayers(flat, sizes);
            const penalty = (kind === 'l2' ? N.l2 : N.l1)(lambda, { includeBiases });
            expect(isClose(T.item(penalty.value(toTheta(layers))), penaltyPlain(kind, lambda, layers, includeBiases), 1e-12, 1e-12)).toBe(true);
            const grad = flattenLayers(penalty.gradient(toTheta(layers)).map(({ W, b }) => ({ W: T.toNested(W) as number[][], b: T.toArray(b) })));
            const fd = centralGradient((x) => penaltyPlain(kind, lambda, unflattenLayers(x, sizes), includeBiases), flat, 1e-7);
            fd.forEach((g, i) => expect(isClose(grad[i] as number, g, 1e-6, 1e-7)).toBe(true));
          }),
          { seed: 9, numRuns: 30 },
        );
      });
    }
  }

  it('is one node of the Wengert list, differentiable twice: H·v of λ‖W‖² is 2λv, of λ‖W‖₁ is 0', () => {
    const W = T.tensor([[1, -2], [0.5, 3]]);
    const v = T.tensor([[0.3, -1], [2, 0.25]]);
    const theta = (w: R.Value): N.Theta<R.Value> => [{ W: w, b: T.zeros([2]) }];
    const graph = R.trace((w: R.Value) => N.l2(0.7).value(theta(w)))(W);
    expect(graph.nodes.filter((node) => node.op !== 'input').map((node) => node.op)).toEqual(['l2']);
    const hvpL2 = R.hessianVectorProduct((w: R.Value) => N.l2(0.7).value(theta(w)))(W, v) as T.Tensor;
    T.toArray(hvpL2).forEach((h, i) => expect(h).toBeCloseTo(2 * 0.7 * T.toArray(v)[i]!, 14));
    const hvpL1 = R.hessianVectorProduct((w: R.Value) => N.l1(0.7).value(theta(w)))(W, v) as T.Tensor;
    expect(T.toArray(hvpL1)).toEqual([0, 0, 0, 0]);
    // And its gradient is the closed form 2λW, through R.grad.
    expect(T.toArray(R.grad((w: R.Value) => N.l2(0.7).value(theta(w)))(W) as T.Tensor)).toEqual(T.toArray(W).map((x) => 2 * 0.7 * x));
  });

  it('covers the weights only by default: the notes’ λ‖W‖²', () => {
    const theta = [{ W: T.tensor([[1, 2]]), b: T.tensor([10]) }, { W: T.tensor([[3]]), b: T.tensor([-10]) }];
    expect(T.item(N.l2(0.1).value(theta))).toBeCloseTo(1.4, 15);
    expect(T.toArray(N.l2(0.1).gradient(theta)[1]!.b)).toEqual([0]);
    expect(T.item(N.l2(0.1, { includeBiases: true }).value(theta))).toBeCloseTo(21.4, 13);
    expect(T.item(N.noPenalty.value(theta))).toBe(0);
    expect(T.toArray(N.noPenalty.gradient(theta)[0]!.W)).toEqual([0, 0]);
  });

  it('l2FromSklearnAlpha is λ = α / (2n)', () => {
    const p = N.l2FromSklearnAlpha(0.5, 10);
    expect(p.lambda).toBe(0.025);
    const theta = [{ W: T.tensor([[2]]), b: T.tensor([0]) }];
    expect(T.item(p.value(theta))).toBe((0.5 / (2 * 10)) * 4);
    expect(() => N.l2FromSklearnAlpha(0.5, 0)).toThrow(T.DomainError);
  });

  it('rejects λ < 0 or non-finite', () => {
    for (const bad of [-1e-9, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => N.l2(bad)).toThrow(T.DomainError);
      expect(() => N.l1(bad)).toThrow(T.DomainError);
    }
  });

  it('never mutates Θ', () => {
    const theta = [{ W: T.tensor([[1, -2]]), b: T.tensor([3]) }];
    callWithoutMutation(N.l2(1).value, [theta]);
    callWithoutMutation(N.l1(1).gradient, [theta]);
  });
});
