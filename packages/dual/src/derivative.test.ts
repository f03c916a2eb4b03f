import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as D from './index.js';

/** The notes' example, written once over Num: a = x², b = exp(a), c = a + b, d = √c. */
const f = (x: D.Num): D.Num => {
  const a = D.mul(x, x);
  const b = D.exp(a);
  const c = D.add(a, b);
  return D.sqrt(c);
};
const sigma = (x: number) => 1 / (1 + Math.exp(-x));

describe("the notes' example f(x) = sqrt(x² + exp(x²))", () => {
  it.each([-2, -0.5, 0, 0.3, 1, 3])('f′(%d) = x(1 + exp(x²)) / f(x) to 1e-14 relative', (x) => {
    const expected = (x * (1 + Math.exp(x * x))) / Math.sqrt(x * x + Math.exp(x * x));
    const got = D.derivative(f)(x) as number;
    expect(Math.abs(got - expected)).toBeLessThanOrEqual(1e-14 * Math.abs(expected));
  });

  it('runs plainly on numbers, and valueAndDerivative gives f(x) from the same pass', () => {
    expect(f(1)).toBe(Math.sqrt(1 + Math.E));
    const [value, slope] = D.valueAndDerivative(f)(1);
    expect(value).toBe(Math.sqrt(1 + Math.E));
    expect(slope).toBe(D.derivative(f)(1));
  });
});

describe('nesting and perturbation confusion', () => {
  it('derivative(x => x · derivative(y => x + y)(1))(1) is 1', () => {
    const inner = (x: D.Num) => D.derivative((y) => D.add(x, y))(1);
    expect(D.derivative((x) => D.mul(x, inner(x)))(1)).toBe(1);
  });

  it('the same code without tags (one tag shared by both levels) gives 2', () => {
    // An untagged derivative: every call seeds and reads the same perturbation.
    const shared = D.freshTag();
    const untagged = (g: (x: D.Num) => D.Num) => (x: D.Num) => D.tangentOf(g(D.perturb(x, 1, shared)), shared) as D.Num;
    const inner = (x: D.Num) => untagged((y) => D.add(x, y))(1);
    // The inner tangent picks up the outer x's perturbation: d(x + y)/dy reads 1 + 1 = 2.
    expect(inner(D.perturb(1, 1, shared))).toBe(2);
    expect(untagged((x) => D.mul(x, inner(x)))(1)).toBe(2);
  });

  it('keeps nested closures apart: d/dx [x · d/dy (x·y)] = 2x and d/dx d/dy (x·y) = 1', () => {
    const g = (x: D.Num) => D.mul(x, D.derivative((y) => D.mul(x, y))(2));
    expect(D.derivative(g)(3)).toBe(6);
    expect(D.derivative((x) => D.derivative((y) => D.mul(x, y))(2))(3)).toBe(1);
  });

  it('a function that ignores its input has derivative 0', () => {
    expect(D.derivative(() => 7)(1)).toBe(0);
    // A closure over an outer dual is a constant for the inner call.
    expect(D.derivative((x) => D.add(x, D.derivative(() => D.mul(x, x))(5)))(2)).toBe(1);
  });
});

describe('higher derivatives against closed forms (1e-12)', () => {
  const run = { seed: 11, numRuns: 100 };
  const close = (got: D.Num, want: number) => Math.abs((got as number) - want) <= 1e-12 * Math.max(1, Math.abs(want));

  it('sin″ = −sin', () => {
    const x = fc.double({ min: -10, max: 10, noNaN: true });
    fc.assert(fc.property(x, (t) => close(D.nthDerivative(D.sin, 2)(t), -Math.sin(t))), run);
  });

  it('σ″ = σ(1 − σ)(1 − 2σ)', () => {
    fc.assert(
      fc.property(fc.double({ min: -20, max: 20, noNaN: true }), (x) => {
        const s = sigma(x);
        return close(D.nthDerivative(D.sigmoid, 2)(x), s * (1 - s) * (1 - 2 * s));
      }),
      run,
    );
  });

  it('(x³)‴ = 6, through mul and through powi', () => {
    fc.assert(
      fc.property(fc.double({ min: -100, max: 100, noNaN: true }), (x) => {
        const cube = (t: D.Num) => D.mul(t, D.mul(t, t));
        return close(D.nthDerivative(cube, 3)(x), 6) && D.nthDerivative((t) => D.powi(t, 3), 3)(x) === 6;
      }),
      run,
    );
  });

  it('exp⁽⁵⁾ = exp and the fourth derivative of a cubic is 0', () => {
    expect(D.nthDerivative(D.exp, 5)(0.5)).toBe(Math.exp(0.5));
    expect(D.nthDerivative((t) => D.powi(t, 3), 4)(2)).toBe(0);
  });

  it('nthDerivative(f, 0) is f, and a bad order is a DomainError', () => {
    expect(D.nthDerivative(f, 0)(1)).toBe(f(1));
    for (const k of [-1, 1.5, NaN, Infinity]) {
      try {
        D.nthDerivative(f, k);
        expect.unreachable();
      } catch (e) {
        expect(D.DomainError.is(e) && e.parameter === 'k' && Object.is(e.value, k)).toBe(true);
      }
    }
  });
});

describe('bad input', () => {
  it('a function returning something else than a number or Dual is a TypeMismatchError', () => {
    const bad = [() => 'one', () => [1, 2], () => undefined, () => ({ y: 1 }), () => null];
    for (const g of bad) {
      try {
        D.derivative(g as unknown as (x: D.Num) => D.Num)(1);
        expect.unreachable();
      } catch (e) {
        expect(D.TypeMismatchError.is(e)).toBe(true);
        if (D.TypeMismatchError.is(e)) {
          expect([e.op, e.argument]).toEqual(['derivative', 'f(x)']);
          expect(e.expected).toMatch(/number or Dual/);
        }
      }
    }
  });

  it('an input that is not a number or Dual is a TypeMismatchError naming x', () => {
    try {
      D.derivative(f)('2' as unknown as number);
      expect.unreachable();
    } catch (e) {
      expect(D.TypeMismatchError.is(e) && e.argument === 'x' && e.actual === 'string "2"').toBe(true);
    }
  });
});
