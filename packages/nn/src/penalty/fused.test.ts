import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as T from '@theta/tensor';
import { callWithoutMutation, isClose } from '@theta/testing';
import * as N from '../index.js';
import { fusedPenalty, type FusedPenalty } from './fused.js';

const passOf = (penalty: N.Penalty): FusedPenalty => (penalty as unknown as Record<symbol, FusedPenalty>)[fusedPenalty]!;

/** A random Θ and data gradient of a 3-4-2 network, both of `dtype`. */
const pair = (dtype: T.DType) =>
  fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 2 * (3 * 4 + 4 + 4 * 2 + 2), maxLength: 2 * (3 * 4 + 4 + 4 * 2 + 2) }).map((v) => {
    const at = (o: number, shape: number[]) => T.fromArray(v.slice(o, o + shape.reduce((a, b) => a * b, 1)), shape, { dtype });
    const theta: N.Theta = [{ W: at(0, [4, 3]), b: at(12, [4]) }, { W: at(16, [2, 4]), b: at(24, [2]) }];
    const grads: N.Theta = [{ W: at(26, [4, 3]), b: at(38, [4]) }, { W: at(42, [2, 4]), b: at(50, [2]) }];
    return { theta, grads };
  });

describe('the one-pass penalty of backprop', () => {
  for (const dtype of ['float64', 'float32'] as const) {
    for (const kind of ['l2', 'l1'] as const) {
      for (const includeBiases of [false, true]) {
        it(`${kind}, ${dtype}${includeBiases ? ', biases too' : ''}: the composed ops' gradient bit for bit, their value to rounding`, () => {
          fc.assert(
            fc.property(pair(dtype), fc.double({ min: 0, max: 2, noNaN: true }), ({ theta, grads }, lambda) => {
              const penalty = (kind === 'l2' ? N.l2 : N.l1)(lambda, { includeBiases });
              const fused = callWithoutMutation(passOf(penalty), [theta, grads]);
              // The reference: value, gradient and add as separate tensor ops.
              const extra = penalty.gradient(theta);
              grads.forEach((g, l) => {
                expect(T.toArray(fused.grads[l]!.W)).toEqual(T.toArray(T.add(g.W, extra[l]!.W)));
                expect(T.toArray(fused.grads[l]!.b)).toEqual(T.toArray(includeBiases ? T.add(g.b, extra[l]!.b) : g.b));
                expect(fused.grads[l]!.W.dtype).toBe(dtype);
              });
              const tolerance = dtype === 'float32' ? 1e-6 : 1e-12;
              expect(isClose(fused.value, T.item(penalty.value(theta)), tolerance, tolerance)).toBe(true);
            }),
            { seed: 21, numRuns: 25 },
          );
        });
      }
    }
  }

  it('backprop with a penalty: loss and gradients as the data term plus the composed penalty', () => {
    const net = N.mlp({ sizes: [3, 5, 2], activations: ['tanh', 'identity'] });
    const theta = net.init(T.key(3));
    const X = T.uniform(T.key(4), [6, 3]);
    const t = T.uniform(T.key(5), [6, 2]);
    const penalty = N.l2(0.3);
    const plain = N.backprop(net, N.mse())(theta, X, t);
    const penalised = N.backprop(net, N.mse(), penalty)(theta, X, t);
    const extra = penalty.gradient(theta);
    expect(isClose(penalised.loss, plain.loss + T.item(penalty.value(theta)), 1e-13, 1e-13)).toBe(true);
    plain.grads.forEach((g, l) => {
      expect(T.toArray(penalised.grads[l]!.W)).toEqual(T.toArray(T.add(g.W, extra[l]!.W)));
      expect(T.toArray(penalised.grads[l]!.b)).toEqual(T.toArray(g.b));
    });
  });

  it('names a gradient leaf whose dtype or size does not match Θ', () => {
    const theta: N.Theta = [{ W: T.ones([2, 2]), b: T.ones([2]) }];
    const pass = passOf(N.l2(1));
    expect(() => pass(theta, [{ W: T.ones([2, 2], { dtype: 'float32' }), b: T.ones([2]) }])).toThrow(T.DTypeError);
    expect(() => pass(theta, [{ W: T.ones([3]), b: T.ones([2]) }])).toThrow(T.ShapeError);
  });
});
