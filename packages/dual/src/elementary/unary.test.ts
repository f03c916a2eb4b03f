import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { centralDifference, isClose } from '@theta/testing';
import * as D from '../index.js';

/** One unary function with independent references: Math's value and calculus' closed forms. */
interface Spec {
  readonly name: string;
  readonly f: (x: D.Num) => D.Num;
  readonly value: (x: number) => number;
  readonly d1: (x: number) => number;
  readonly d2: (x: number) => number;
  /** Where the function is smooth, away from kinks and poles. */
  readonly domain: fc.Arbitrary<number>;
}

const on = (min: number, max: number) => fc.double({ min, max, noNaN: true });
const away = (min: number, max: number) => fc.oneof(on(-max, -min), on(min, max));
const LN3 = Math.log(3);
const logistic = (x: number) => 1 / (1 + Math.exp(-x));
// σ′ = e^{−|x|} / (1 + e^{−|x|})², accurate in both tails; σ″ = σ′ · (1 − 2σ) = −σ′ tanh(x/2).
const logisticPrime = (x: number) => Math.exp(-Math.abs(x)) / (1 + Math.exp(-Math.abs(x))) ** 2;

const specs: readonly Spec[] = [
  { name: 'neg', f: D.neg, value: (x) => -x, d1: () => -1, d2: () => 0, domain: on(-50, 50) },
  {
    name: 'sqrt',
    f: D.sqrt,
    value: Math.sqrt,
    d1: (x) => 1 / (2 * Math.sqrt(x)),
    d2: (x) => -1 / (4 * x ** 1.5),
    domain: on(0.05, 50),
  },
  {
    name: 'cbrt',
    f: D.cbrt,
    value: Math.cbrt,
    d1: (x) => 1 / (3 * Math.cbrt(x) ** 2),
    d2: (x) => -2 / (9 * Math.cbrt(x) ** 5),
    domain: away(0.05, 50),
  },
  { name: 'exp', f: D.exp, value: Math.exp, d1: Math.exp, d2: Math.exp, domain: on(-20, 20) },
  { name: 'expm1', f: D.expm1, value: Math.expm1, d1: Math.exp, d2: Math.exp, domain: on(-20, 20) },
  { name: 'log', f: D.log, value: Math.log, d1: (x) => 1 / x, d2: (x) => -1 / x ** 2, domain: on(0.05, 100) },
  {
    name: 'log1p',
    f: D.log1p,
    value: Math.log1p,
    d1: (x) => 1 / (1 + x),
    d2: (x) => -1 / (1 + x) ** 2,
    domain: on(-0.95, 100),
  },
  {
    name: 'log2',
    f: D.log2,
    value: Math.log2,
    d1: (x) => 1 / (x * Math.LN2),
    d2: (x) => -1 / (x * x * Math.LN2),
    domain: on(0.05, 100),
  },
  {
    name: 'log10',
    f: D.log10,
    value: Math.log10,
    d1: (x) => 1 / (x * Math.LN10),
    d2: (x) => -1 / (x * x * Math.LN10),
    domain: on(0.05, 100),
  },
  { name: 'sin', f: D.sin, value: Math.sin, d1: Math.cos, d2: (x) => -Math.sin(x), domain: on(-10, 10) },
  {
    name: 'cos',
    f: D.cos,
    value: Math.cos,
    d1: (x) => -Math.sin(x),
    d2: (x) => -Math.cos(x),
    domain: on(-10, 10),
  },
  {
    name: 'tan',
    f: D.tan,
    value: Math.tan,
    d1: (x) => 1 / Math.cos(x) ** 2,
    d2: (x) => (2 * Math.tan(x)) / Math.cos(x) ** 2,
    domain: on(-1.4, 1.4),
  },
  {
    name: 'asin',
    f: D.asin,
    value: Math.asin,
    d1: (x) => 1 / Math.sqrt(1 - x * x),
    d2: (x) => x / (1 - x * x) ** 1.5,
    domain: on(-0.95, 0.95),
  },
  {
    name: 'acos',
    f: D.acos,
    value: Math.acos,
    d1: (x) => -1 / Math.sqrt(1 - x * x),
    d2: (x) => -x / (1 - x * x) ** 1.5,
    domain: on(-0.95, 0.95),
  },
  {
    name: 'atan',
    f: D.atan,
    value: Math.atan,
    d1: (x) => 1 / (1 + x * x),
    d2: (x) => (-2 * x) / (1 + x * x) ** 2,
    domain: on(-20, 20),
  },
  { name: 'sinh', f: D.sinh, value: Math.sinh, d1: Math.cosh, d2: Math.sinh, domain: on(-10, 10) },
  { name: 'cosh', f: D.cosh, value: Math.cosh, d1: Math.sinh, d2: Math.cosh, domain: on(-10, 10) },
  {
    name: 'tanh',
    f: D.tanh,
    value: Math.tanh,
    d1: (x) => 1 / Math.cosh(x) ** 2,
    d2: (x) => (-2 * Math.tanh(x)) / Math.cosh(x) ** 2,
    domain: on(-10, 10),
  },
  {
    name: 'asinh',
    f: D.asinh,
    value: Math.asinh,
    d1: (x) => 1 / Math.sqrt(x * x + 1),
    d2: (x) => -x / (x * x + 1) ** 1.5,
    domain: on(-20, 20),
  },
  {
    name: 'acosh',
    f: D.acosh,
    value: Math.acosh,
    d1: (x) => 1 / Math.sqrt(x * x - 1),
    d2: (x) => -x / (x * x - 1) ** 1.5,
    domain: on(1.05, 50),
  },
  {
    name: 'atanh',
    f: D.atanh,
    value: Math.atanh,
    d1: (x) => 1 / (1 - x * x),
    d2: (x) => (2 * x) / (1 - x * x) ** 2,
    domain: on(-0.95, 0.95),
  },
  { name: 'abs', f: D.abs, value: Math.abs, d1: Math.sign, d2: () => 0, domain: away(0.01, 50) },
  { name: 'sign', f: D.sign, value: Math.sign, d1: () => 0, d2: () => 0, domain: away(0.01, 50) },
  {
    name: 'sigmoid',
    f: D.sigmoid,
    value: logistic,
    d1: logisticPrime,
    d2: (x) => -logisticPrime(x) * Math.tanh(x / 2),
    domain: on(-30, 30),
  },
  {
    name: 'softplus',
    f: D.softplus,
    value: (x) => Math.log1p(Math.exp(x)),
    d1: logistic,
    d2: logisticPrime,
    domain: on(-30, 30),
  },
  {
    name: 'relu',
    f: D.relu,
    value: (x) => (x > 0 ? x : 0),
    d1: (x) => (x > 0 ? 1 : 0),
    d2: () => 0,
    domain: away(0.01, 50),
  },
  {
    name: 'leakyRelu',
    f: (x) => D.leakyRelu(x, 0.1),
    value: (x) => (x > 0 ? x : 0.1 * x),
    d1: (x) => (x > 0 ? 1 : 0.1),
    d2: () => 0,
    domain: away(0.01, 50),
  },
  {
    name: 'elu',
    f: (x) => D.elu(x, 1.5),
    value: (x) => (x > 0 ? x : 1.5 * Math.expm1(x)),
    d1: (x) => (x > 0 ? 1 : 1.5 * Math.exp(x)),
    d2: (x) => (x > 0 ? 0 : 1.5 * Math.exp(x)),
    domain: away(0.01, 20),
  },
  {
    name: 'powi 3',
    f: (x) => D.powi(x, 3),
    value: (x) => x ** 3,
    d1: (x) => 3 * x * x,
    d2: (x) => 6 * x,
    domain: on(-10, 10),
  },
  {
    name: 'powi −2',
    f: (x) => D.powi(x, -2),
    value: (x) => x ** -2,
    d1: (x) => -2 * x ** -3,
    d2: (x) => 6 * x ** -4,
    domain: away(0.1, 10),
  },
  {
    name: 'pow x^2.5',
    f: (x) => D.pow(x, 2.5),
    value: (x) => x ** 2.5,
    d1: (x) => 2.5 * x ** 1.5,
    d2: (x) => 3.75 * Math.sqrt(x),
    domain: on(0.05, 20),
  },
  {
    name: 'pow 3^x',
    f: (x) => D.pow(3, x),
    value: (x) => 3 ** x,
    d1: (x) => 3 ** x * LN3,
    d2: (x) => 3 ** x * LN3 ** 2,
    domain: on(-10, 10),
  },
];

const run = { seed: 3, numRuns: 60 };
const primal = (y: D.Num) => D.primal(y);

describe.each(specs)('$name', (spec) => {
  it('computes the plain value on numbers', () => {
    fc.assert(
      fc.property(spec.domain, (x) => isClose(spec.f(x) as number, spec.value(x), 1e-14, 1e-300)),
      run,
    );
  });

  it('has the closed-form derivative (1e-12) and agrees with central differences', () => {
    fc.assert(
      fc.property(spec.domain, (x) => {
        const [value, slope] = D.valueAndDerivative(spec.f)(x);
        expect(isClose(primal(value), spec.value(x), 1e-14, 1e-300)).toBe(true);
        expect(isClose(primal(slope), spec.d1(x), 1e-12, 1e-14)).toBe(true);
        expect(isClose(primal(slope), centralDifference((t) => primal(spec.f(t)), x), 1e-5, 1e-6)).toBe(true);
      }),
      run,
    );
  });

  it('nests: the second derivative has the closed form (1e-10)', () => {
    fc.assert(
      fc.property(spec.domain, (x) => isClose(primal(D.nthDerivative(spec.f, 2)(x)), spec.d2(x), 1e-10, 1e-12)),
      run,
    );
  });

  it('gives exactly the same first derivative through a chunk of partials', () => {
    fc.assert(
      fc.property(spec.domain, (x) => {
        const [slope] = D.gradient((v: D.Vector) => spec.f(v[0]!), { chunk: 2 })([x, 1]);
        return slope === D.derivative(spec.f)(x);
      }),
      run,
    );
  });

  it('gives the same second derivative through nested chunks (Dual-valued partials)', () => {
    fc.assert(
      fc.property(spec.domain, (x) => {
        const H = D.hessian((v: D.Vector) => spec.f(v[0]!), { chunk: 2 })([x, 1]);
        const nested = primal(D.nthDerivative(spec.f, 2)(x));
        return isClose(primal(H[0]![0]!), nested, 1e-14, 1e-300) && H[0]![1] === 0 && H[1]![1] === 0;
      }),
      run,
    );
  });
});
