import { describe, expect, it } from 'vitest';
import * as D from '../index.js';

const d = (f: (x: D.Num) => D.Num, x: number): number => D.derivative(f)(x) as number;

describe('conventions at kinks', () => {
  it('relu′(0) = 0, leakyRelu′(0) = slope, elu′(0) = α: the left-hand derivative', () => {
    expect(d(D.relu, 0)).toBe(0);
    expect(d(D.relu, -0)).toBe(0);
    expect(d(D.relu, 1e-300)).toBe(1);
    expect(d((x) => D.leakyRelu(x, 0.2), 0)).toBe(0.2);
    expect(d((x) => D.leakyRelu(x), -1)).toBe(0.01);
    expect(d((x) => D.elu(x, 2), 0)).toBe(2);
    expect(d((x) => D.elu(x), 1e-300)).toBe(1);
  });

  it('abs′(0) = 0 and sign′ = 0', () => {
    expect(d(D.abs, 0)).toBe(0);
    expect(d(D.abs, -0)).toBe(0);
    expect(d(D.abs, -2)).toBe(-1);
    expect(d(D.sign, 0)).toBe(0);
    expect(d(D.sign, 5)).toBe(0);
  });

  it('min and max give each argument half of a tie, so max(x, x)′ = 1', () => {
    expect(d((x) => D.max(x, 1), 1)).toBe(0.5);
    expect(d((x) => D.max(1, x), 1)).toBe(0.5);
    expect(d((x) => D.min(x, 1), 1)).toBe(0.5);
    expect(d((x) => D.max(x, x), 3)).toBe(1);
    expect(d((x) => D.min(x, x), 3)).toBe(1);
    expect(D.gradient((v: D.Vector) => D.max(v[0]!, v[1]!))([2, 2])).toEqual([0.5, 0.5]);
    expect(D.gradient((v: D.Vector) => D.min(v[0]!, v[1]!))([1, 2])).toEqual([1, 0]);
  });

  it('hypot′ is 0 at the origin, and |x| away from it', () => {
    expect(D.gradient((v: D.Vector) => D.hypot(v[0]!, v[1]!))([0, 0])).toEqual([0, 0]);
    expect(d((x) => D.hypot(x, 0), -3)).toBe(-1);
  });

  it('pow: a constant exponent 0 has derivative 0 at 0, and the exponent partial is 0 at base 0', () => {
    expect(d((x) => D.pow(x, 0), 0)).toBe(0);
    expect(d((x) => D.powi(x, 0), 0)).toBe(0);
    expect(d((x) => D.pow(x, 1), 0)).toBe(1);
    expect(d((b) => D.pow(0, b), 2)).toBe(0);
    expect(d((x) => D.sqrt(x), 0)).toBe(Infinity);
    expect(Number.isNaN(d((b) => D.pow(-2, b), 2))).toBe(true);
  });

  it('keeps sigmoid′ and softplus accurate in the tails', () => {
    expect(Math.abs(d(D.sigmoid, 40) / Math.exp(-40) - 1)).toBeLessThan(1e-12);
    expect(Math.abs(d(D.sigmoid, -40) / Math.exp(-40) - 1)).toBeLessThan(1e-12);
    expect([D.sigmoid(800), D.sigmoid(-800), D.softplus(1000), D.softplus(-1000)]).toEqual([1, 0, 1000, 0]);
    expect(d(D.softplus, 1000)).toBe(1);
  });
});

describe('NaN in gives NaN out', () => {
  const nonlinear: readonly [string, (x: D.Num) => D.Num][] = [
    ['sqrt', D.sqrt], ['cbrt', D.cbrt], ['exp', D.exp], ['expm1', D.expm1], ['log', D.log], ['log1p', D.log1p],
    ['log2', D.log2], ['log10', D.log10], ['sin', D.sin], ['cos', D.cos], ['tan', D.tan], ['asin', D.asin],
    ['acos', D.acos], ['atan', D.atan], ['sinh', D.sinh], ['cosh', D.cosh], ['tanh', D.tanh], ['asinh', D.asinh],
    ['acosh', D.acosh], ['atanh', D.atanh], ['abs', D.abs], ['sign', D.sign], ['sigmoid', D.sigmoid],
    ['softplus', D.softplus], ['relu', D.relu], ['leakyRelu', (x) => D.leakyRelu(x)], ['elu', (x) => D.elu(x)],
    ['powi', (x) => D.powi(x, 3)], ['pow', (x) => D.pow(x, 2.5)], ['pow exponent', (x) => D.pow(2, x)],
    ['mul', (x) => D.mul(x, x)], ['div', (x) => D.div(1, x)], ['atan2', (x) => D.atan2(x, 1)],
    ['atan2 second', (x) => D.atan2(1, x)], ['hypot', (x) => D.hypot(x, 1)], ['min', (x) => D.min(x, 1)],
    ['max', (x) => D.max(x, 1)], ['min second', (x) => D.min(1, x)], ['max second', (x) => D.max(1, x)],
  ];
  it.each(nonlinear)('%s: the value and the derivative are NaN, and nothing throws', (_, f) => {
    const [value, slope] = D.valueAndDerivative(f)(NaN);
    expect(value).toBeNaN();
    expect(slope).toBeNaN();
  });

  it('a NaN tangent direction gives a NaN tangent', () => {
    const [value, tangent] = D.jvp((v: D.Vector) => D.mul(v[0]!, v[1]!))([2, 3], [NaN, 0]);
    expect(value).toBe(6);
    expect(tangent).toBeNaN();
  });

  it('NaN reaches gradients and Hessians', () => {
    const f = (v: D.Vector) => D.mul(D.exp(v[0]!), v[1]!);
    expect(D.gradient(f)([NaN, 1])).toEqual([NaN, NaN]);
    // ∂²f/∂x₁² = 0 whatever x₀ is: x₁'s zero partials stay zero against exp(NaN), in a shared
    // chunk as in one pass per input.
    expect(D.hessian(f)([NaN, 1])).toEqual([[NaN, NaN], [NaN, 0]]);
    expect(D.hessian(f, { chunk: 1 })([NaN, 1])).toEqual([[NaN, NaN], [NaN, 0]]);
  });
});

describe('a zero tangent stays zero (a constant has no say)', () => {
  it('even against an infinite or NaN local derivative', () => {
    // f(x) = √(0·x) is the constant 0: its derivative is 0, not 0 · ∞ = NaN.
    expect(d((x) => D.sqrt(D.mul(x, 0)), 1)).toBe(0);
    expect(d((x) => D.add(x, D.log(D.mul(x, 0))), 2)).toBe(1);
    // A constant argument never contributes, so 1/x at 0 is −∞ (not ∞ · 0 + …).
    expect(d((x) => D.div(1, x), 0)).toBe(-Infinity);
    expect(d((x) => D.mul(x, Infinity), 1)).toBe(Infinity);
  });

  it('in chunks and nested duals alike', () => {
    const f = (v: D.Vector) => D.add(D.sqrt(D.mul(v[0]!, 0)), v[1]!);
    expect(D.gradient(f, { chunk: 2 })([1, 1])).toEqual([0, 1]);
    expect(D.gradient(f, { chunk: 1 })([1, 1])).toEqual([0, 1]);
    expect(D.nthDerivative((x) => D.add(D.sqrt(D.mul(x, 0)), D.mul(x, x)), 2)(1)).toBe(2);
  });
});

describe('parameters', () => {
  it('rejects a non-integer powi exponent and non-finite slopes with a DomainError', () => {
    const cases = [() => D.powi(2, 2.5), () => D.leakyRelu(1, NaN), () => D.elu(1, Infinity)];
    for (const call of cases) {
      expect(call).toThrow(D.DomainError);
      try {
        call();
      } catch (e) {
        expect(D.DomainError.is(e) && ['n', 'slope', 'alpha'].includes(e.parameter)).toBe(true);
      }
    }
  });
});
