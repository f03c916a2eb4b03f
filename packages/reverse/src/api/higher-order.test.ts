// Second order and nesting: grad(grad(f)) against closed forms, perturbation confusion,
// Hessian-vector products, Hessians and Jacobians.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as T from '@theta/tensor';
import { isClose } from '@theta/testing';
import * as R from '../index.js';

const sig = (x: number): number => 1 / (1 + Math.exp(-x));
/** f, and f″ in closed form. */
const secondDerivatives: Record<string, [(x: R.Value) => R.Value, (x: number) => number, number, number]> = {
  'sin (→ −sin)': [R.sin, (x) => -Math.sin(x), -3, 3],
  'x³ (→ 6x)': [(x) => R.pow(x, 3), (x) => 6 * x, -3, 3],
  'x · x · x (→ 6x, by fan-out)': [(x) => R.mul(R.mul(x, x), x), (x) => 6 * x, -3, 3],
  'exp(x²) (→ (2 + 4x²) e^{x²})': [(x) => R.exp(R.square(x)), (x) => (2 + 4 * x * x) * Math.exp(x * x), -1.5, 1.5],
  'sigmoid (→ σ(1 − σ)(1 − 2σ))': [R.sigmoid, (x) => sig(x) * (1 - sig(x)) * (1 - 2 * sig(x)), -4, 4],
  'tanh (→ −2 tanh · sech²)': [R.tanh, (x) => -2 * Math.tanh(x) * (1 - Math.tanh(x) ** 2), -3, 3],
  'log (→ −1/x²)': [R.log, (x) => -1 / (x * x), 0.1, 4],
  'sqrt (→ −¼ x^{−3/2})': [R.sqrt, (x) => -0.25 * x ** -1.5, 0.1, 4],
  '1/x (→ 2/x³)': [(x) => R.div(1, x), (x) => 2 / x ** 3, 0.2, 4],
  'softplus (→ σ(1 − σ))': [R.softplus, (x) => sig(x) * (1 - sig(x)), -4, 4],
  'logsumexp([x, 2x]) (→ 1·σ′(x)·1 …)': [
    (x) => R.logsumexp(R.concat([R.reshape(x, [1]), R.reshape(R.mul(x, 2), [1])])),
    (x) => sig(x) * (1 - sig(x)), // d/dx of (1·(1−σ(x)) + 2σ(x)) = σ′(x), with σ(x) = e^{2x}/(e^x + e^{2x})
    -3,
    3,
  ],
};

describe('grad(grad(f)) against closed forms', () => {
  for (const [name, [f, f2, lo, hi]] of Object.entries(secondDerivatives)) {
    it(name, () => {
      fc.assert(
        fc.property(fc.double({ min: lo, max: hi, noNaN: true }), (x) => {
          const onNumber = R.grad(R.grad(f))(x) as number;
          expect(isClose(onNumber, f2(x), 1e-10, 1e-12)).toBe(true);
          const onTensor = R.grad((t: R.Value) => R.sum(R.grad((s: R.Value) => R.sum(f(s)))(t)))(T.tensor([x]));
          expect(isClose(T.toArray(onTensor)[0] as number, f2(x), 1e-10, 1e-12)).toBe(true);
        }),
        { seed: 41, numRuns: 25 },
      );
    });
  }

  it('the third derivative of sin is −cos', () => {
    expect(R.grad(R.grad(R.grad(R.sin)))(0.5)).toBeCloseTo(-Math.cos(0.5), 14);
  });
});

describe('nested traces never confuse their perturbations', () => {
  it('d/dx [x · d/dy (x + y)] = 1', () => {
    expect(R.grad((x: R.Value) => R.mul(x, R.grad((y: R.Value) => R.add(x, y))(1)))(1)).toBe(1);
    expect(T.item(R.grad((x: R.Value) => R.mul(x, R.grad((y: R.Value) => R.sum(R.add(x, y)))(T.scalar(1))))(T.scalar(1)))).toBe(1);
  });

  it('d/dx [x · d/dy (x · y)] = 2x', () => {
    expect(R.grad((x: R.Value) => R.mul(x, R.grad((y: R.Value) => R.mul(x, y))(3)))(5)).toBe(10);
  });

  it('the levels of the traces are their nesting depth', () => {
    const levels: number[] = [];
    R.grad((x: R.Value) => R.grad((y: R.Value) => {
      if (R.isTraced(x) && R.isTraced(y)) levels.push(x.level, y.level);
      return R.mul(x, y);
    })(2))(1);
    expect(levels).toEqual([1, 2]);
  });
});

describe('Hessian-vector products, Hessians and Jacobians', () => {
  const A = T.tensor([[2, 1, 0], [-1, 3, 2], [0.5, 0, 1]]);
  const quadratic = (x: R.Value) => R.mul(0.5, R.dot(x, R.dot(A, x)));
  const symmetric = T.mul(T.add(A, T.transpose(A)), 0.5); // H of ½ xᵀAx

  it('H v of ½ xᵀAx is ½(A + Aᵀ) v, and the Hessian is ½(A + Aᵀ)', () => {
    const x = T.tensor([0.3, -1, 2]);
    const v = T.tensor([1, 2, -0.5]);
    const hv = R.hessianVectorProduct(quadratic)(x, v) as T.Tensor;
    T.toArray(hv).forEach((h, i) => expect(h).toBeCloseTo(T.toArray(T.dot(symmetric, v))[i] as number, 13));
    const H = R.hessian(quadratic)(x) as T.Tensor;
    expect(H.shape).toEqual([3, 3]);
    T.toArray(H).forEach((h, i) => expect(h).toBeCloseTo(T.toArray(symmetric)[i] as number, 13));
  });

  it('H v over a Θ-tree matches central differences of the gradient', () => {
    const X = T.tensor([[1, -1], [0.5, 2], [0, 1]]);
    const loss = (th: { W: R.Value; b: R.Value }) => R.sum(R.tanh(R.add(R.matmul(X, th.W, { transposeB: true }), th.b)));
    const theta = { W: T.tensor([[0.2, -0.4], [0.7, 0.1]]), b: T.tensor([0.1, -0.3]) };
    const v = { W: T.tensor([[1, 0.5], [-1, 2]]), b: T.tensor([0.3, 1]) };
    const hv = R.hessianVectorProduct(loss)(theta, v) as { W: T.Tensor; b: T.Tensor };
    const h = 1e-5;
    const at = (s: number) => R.grad(loss)({ W: T.add(theta.W, T.mul(v.W, s)), b: T.add(theta.b, T.mul(v.b, s)) });
    const [up, down] = [at(h), at(-h)];
    for (const key of ['W', 'b'] as const) {
      const fd = T.toArray(T.div(T.sub(up[key], down[key]), 2 * h));
      T.toArray(hv[key]).forEach((x, i) => expect(isClose(x, fd[i] as number, 1e-6, 1e-8)).toBe(true));
    }
    expect(() => R.hessianVectorProduct(loss)(theta, { W: v.W, b: T.ones([3]) })).toThrow(/v\.b/);
  });

  it('the reverse Jacobian of A x is A, of an elementwise op diagonal, and works on trees', () => {
    const x = T.tensor([1, 2, 3]);
    expect(T.toNested(R.jacobian((t: R.Value) => R.dot(A, t))(x))).toEqual(T.toNested(A));
    const J = R.jacobian((t: R.Value) => R.square(t))(x);
    expect(T.toNested(J)).toEqual([[2, 0, 0], [0, 4, 0], [0, 0, 6]]);
    const [jw, jb] = R.jacobian((W: R.Value, b: R.Value) => R.add(R.dot(W, x), b), { argnums: [0, 1] })(T.ones([2, 3]), T.zeros([2]));
    expect([jw.shape, jb.shape]).toEqual([[2, 2, 3], [2, 2]]);
    expect(T.toNested(jb)).toEqual([[1, 0], [0, 1]]);
    expect(R.jacobian((t: R.Value) => R.mul(t, t))(3)).toBe(6);
    expect(T.toArray(R.jacobian((t: R.Value) => R.mul(T.tensor([1, 2]), t))(3) as T.Tensor)).toEqual([1, 2]);
  });

  it('a pullback can itself be differentiated (VJP of a VJP)', () => {
    // d/dc [Jᵀ c] for f(x) = x² at x = 3 is J = 6, whatever c.
    expect(R.grad((c: R.Value) => R.vjp((x: R.Value) => R.square(x))(3)[1](c)[0] as R.Value)(1)).toBe(6);
  });
});
