import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { centralGradient, isClose } from '@theta/testing';
import * as D from '../index.js';

/** One binary function with independent references: its value and both closed-form partials. */
interface Spec {
  readonly name: string;
  readonly f: (a: D.Num, b: D.Num) => D.Num;
  readonly value: (a: number, b: number) => number;
  readonly partials: (a: number, b: number) => readonly [number, number];
  /** Where the function is smooth: away from poles and ties. */
  readonly domain: fc.Arbitrary<readonly [number, number]>;
}

const on = (min: number, max: number) => fc.double({ min, max, noNaN: true });
const pair = (a: fc.Arbitrary<number>, b: fc.Arbitrary<number>) => fc.tuple(a, b);
const apart = pair(on(-20, 20), on(-20, 20)).filter(([a, b]) => Math.abs(a - b) > 0.01);

const specs: readonly Spec[] = [
  { name: 'add', f: D.add, value: (a, b) => a + b, partials: () => [1, 1], domain: pair(on(-50, 50), on(-50, 50)) },
  { name: 'sub', f: D.sub, value: (a, b) => a - b, partials: () => [1, -1], domain: pair(on(-50, 50), on(-50, 50)) },
  { name: 'mul', f: D.mul, value: (a, b) => a * b, partials: (a, b) => [b, a], domain: pair(on(-50, 50), on(-50, 50)) },
  {
    name: 'div',
    f: D.div,
    value: (a, b) => a / b,
    partials: (a, b) => [1 / b, -a / (b * b)],
    domain: pair(on(-50, 50), fc.oneof(on(-20, -0.1), on(0.1, 20))),
  },
  {
    name: 'pow',
    f: D.pow,
    value: Math.pow,
    partials: (a, b) => [b * a ** (b - 1), a ** b * Math.log(a)],
    domain: pair(on(0.1, 5), on(-3, 3)),
  },
  {
    name: 'atan2',
    f: D.atan2,
    value: Math.atan2,
    partials: (a, b) => [b / (a * a + b * b), -a / (a * a + b * b)],
    // Away from the origin and from the branch cut along the negative b axis.
    domain: pair(on(-10, 10), on(-10, 10)).filter(([a, b]) => Math.hypot(a, b) > 0.1 && (b > 0 || Math.abs(a) > 0.1)),
  },
  {
    name: 'hypot',
    f: D.hypot,
    value: Math.hypot,
    partials: (a, b) => [a / Math.hypot(a, b), b / Math.hypot(a, b)],
    domain: pair(on(-10, 10), on(-10, 10)).filter(([a, b]) => Math.hypot(a, b) > 0.1),
  },
  { name: 'min', f: D.min, value: Math.min, partials: (a, b) => (a < b ? [1, 0] : [0, 1]), domain: apart },
  { name: 'max', f: D.max, value: Math.max, partials: (a, b) => (a > b ? [1, 0] : [0, 1]), domain: apart },
];

const run = { seed: 5, numRuns: 60 };
const close = (got: D.Num, want: number, rtol = 1e-12, atol = 1e-14) => isClose(D.primal(got), want, rtol, atol);

describe.each(specs)('$name', (spec) => {
  const g = (v: D.Vector) => spec.f(v[0]!, v[1]!);

  it('computes the plain value on numbers', () => {
    fc.assert(fc.property(spec.domain, ([a, b]) => close(spec.f(a, b), spec.value(a, b), 1e-14, 1e-300)), run);
  });

  it('has the closed-form partials and agrees with central differences', () => {
    fc.assert(
      fc.property(spec.domain, ([a, b]) => {
        const [da, db] = D.gradient(g)([a, b]);
        const [ra, rb] = spec.partials(a, b);
        const [fa, fb] = centralGradient((v) => D.primal(g(v)), [a, b]);
        expect(close(da!, ra) && close(db!, rb)).toBe(true);
        expect(close(da!, fa!, 1e-5, 1e-6) && close(db!, fb!, 1e-5, 1e-6)).toBe(true);
      }),
      run,
    );
  });

  it('differentiates each argument alone, with the other a plain constant', () => {
    fc.assert(
      fc.property(spec.domain, ([a, b]) => {
        const [ra, rb] = spec.partials(a, b);
        return close(D.derivative((x) => spec.f(x, b))(a), ra) && close(D.derivative((y) => spec.f(a, y))(b), rb);
      }),
      run,
    );
  });

  it('gives a chunked gradient exactly equal to one pass per input', () => {
    fc.assert(
      fc.property(spec.domain, ([a, b]) => {
        const chunked = D.gradient(g, { chunk: 2 })([a, b]);
        const single = D.gradient(g, { chunk: 1 })([a, b]);
        return chunked[0] === single[0] && chunked[1] === single[1];
      }),
      run,
    );
  });

  it('has a Hessian that matches central differences of the gradient', () => {
    fc.assert(
      fc.property(spec.domain, ([a, b]) => {
        const H = D.hessian(g)([a, b]);
        for (let i = 0; i < 2; i++) {
          const row = centralGradient((v) => D.primal(D.gradient(g)(v)[i]!), [a, b]);
          for (let j = 0; j < 2; j++) expect(close(H[i]![j]!, row[j]!, 1e-5, 1e-6)).toBe(true);
        }
        return close(H[0]![1]!, D.primal(H[1]![0]!), 1e-12, 1e-14);
      }),
      { ...run, numRuns: 30 },
    );
  });
});
