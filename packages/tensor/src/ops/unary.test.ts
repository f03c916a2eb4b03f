import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { centralDifference, isClose } from '@theta/testing';
import * as T from '../index.js';

const sigmoidRef = (x: number) => 1 / (1 + Math.exp(-x));
const reference: Record<string, (x: number) => number> = {
  neg: (x) => -x, abs: Math.abs, sign: Math.sign, exp: Math.exp, expm1: Math.expm1,
  log: Math.log, log1p: Math.log1p, sqrt: Math.sqrt, square: (x) => x * x, reciprocal: (x) => 1 / x,
  sin: Math.sin, cos: Math.cos, tan: Math.tan, tanh: Math.tanh, sigmoid: sigmoidRef,
  // log1p(eˣ) is accurate for |x| ≤ 30 (no overflow there), unlike log(1 + eˣ).
  softplus: (x) => Math.log1p(Math.exp(x)), logSigmoid: (x) => -Math.log1p(Math.exp(-x)), relu: (x) => Math.max(x, 0),
};
const ops = T as unknown as Record<string, (x: T.Tensor, alpha?: number) => T.Tensor>;

describe('elementwise unary ops', () => {
  for (const [name, f] of Object.entries(reference)) {
    it(`${name} matches Math on moderate inputs in both dtypes`, () => {
      fc.assert(
        fc.property(fc.array(fc.double({ min: -30, max: 30, noNaN: true }), { minLength: 1, maxLength: 20 }), (xs) => {
          const out64 = ops[name]!(T.tensor(xs));
          out64.data.forEach((v, i) => expect(isClose(v, f(xs[i] as number), 1e-12, 1e-300)).toBe(true));
          const x32 = T.tensor(xs, { dtype: 'float32' });
          const out32 = ops[name]!(x32);
          expect(out32.dtype).toBe('float32');
          out32.data.forEach((v, i) => expect(v).toBe(Math.fround(f(x32.data[i] as number))));
        }),
        { numRuns: 40, seed: 17 },
      );
    });
  }

  it('is numerically stable at the extremes the issue names', () => {
    expect(T.toArray(T.sigmoid(T.tensor([-800, 800])))).toEqual([0, 1]);
    expect(T.item(T.softplus(T.scalar(1000)))).toBe(1000);
    expect(T.item(T.softplus(T.scalar(-1000)))).toBe(0);
    expect(T.item(T.logSigmoid(T.scalar(-300)))).toBe(-300);
    expect(T.item(T.logSigmoid(T.scalar(800)))).toBe(-0);
    expect(T.item(T.sigmoidDerivative(T.scalar(800)))).toBe(0);
    expect(T.item(T.tanh(T.scalar(1000)))).toBe(1);
  });

  it('leakyRelu and elu use α; relu keeps NaN', () => {
    expect(T.toArray(T.leakyRelu(T.tensor([-2, 0, 3]), 0.01))).toEqual([-0.02, 0, 3]);
    expect(T.toArray(T.elu(T.tensor([-1, 2]), 2))).toEqual([2 * Math.expm1(-1), 2]);
    expect(T.toArray(T.relu(T.tensor([NaN])))).toEqual([NaN]);
    expect(() => T.elu(T.ones([1]), NaN)).toThrow(T.DomainError);
  });

  const derivatives: [string, (x: T.Tensor) => T.Tensor, (x: T.Tensor) => T.Tensor][] = [
    ['sigmoid', T.sigmoid, T.sigmoidDerivative],
    ['tanh', T.tanh, T.tanhDerivative],
    ['relu', T.relu, T.reluDerivative],
    ['leakyRelu', (x) => T.leakyRelu(x, 0.1), (x) => T.leakyReluDerivative(x, 0.1)],
    ['elu', (x) => T.elu(x, 0.7), (x) => T.eluDerivative(x, 0.7)],
  ];
  for (const [name, f, df] of derivatives) {
    it(`${name}′ agrees with central finite differences away from the kink`, () => {
      fc.assert(
        fc.property(fc.double({ min: -8, max: 8, noNaN: true }).filter((x) => Math.abs(x) > 1e-3), (x) => {
          const numeric = centralDifference((t) => T.item(f(T.scalar(t))), x, 1e-6);
          expect(isClose(T.item(df(T.scalar(x))), numeric, 1e-6, 1e-8)).toBe(true);
        }),
        { numRuns: 100, seed: 23 },
      );
    });
  }

  it('uses the documented conventions at kinks: relu′(0) = 0, leakyRelu′(0) = α, elu′(0) = α', () => {
    expect(T.item(T.reluDerivative(T.scalar(0)))).toBe(0);
    expect(T.item(T.leakyReluDerivative(T.scalar(0), 0.2))).toBe(0.2);
    expect(T.item(T.eluDerivative(T.scalar(0), 0.5))).toBe(0.5);
    expect(T.toArray(T.step(T.tensor([-1, 0, 1])))).toEqual([0, 0, 1]);
  });

  it('isFinite marks NaN and infinities', () => {
    expect(T.toArray(T.isFinite(T.tensor([0, NaN, -Infinity, 1e308])))).toEqual([1, 0, 0, 1]);
  });
});
