import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { centralDifference, centralGradient, isClose } from '@theta/testing';
import * as D from './index.js';

// Random expression trees over three inputs. Every elementary function appears; arguments are
// mapped into each function's domain with smooth maps (positive, bounded), and points closer
// than `margin` to a kink, tie or branch cut are skipped, so finite differences are a fair
// reference. Seeded: a failure prints its seed and path, and replays with them.

type Expr =
  | { readonly kind: 'input'; readonly index: number }
  | { readonly kind: 'constant'; readonly value: number }
  | { readonly kind: 'unary'; readonly op: UnaryName; readonly arg: Expr }
  | { readonly kind: 'binary'; readonly op: BinaryName; readonly left: Expr; readonly right: Expr };

/** Distances to the nearest kink, tie or cut met while evaluating: the caller checks them. */
type Margins = number[];

const positive = (e: D.Num) => D.add(0.5, D.mul(e, e));
const bounded = (e: D.Num, r: number) => D.mul(r, D.tanh(e));
const kink = (m: Margins, e: D.Num, at = 0) => {
  m.push(Math.abs(D.primal(e) - at));
  return e;
};

const unary = {
  neg: (e: D.Num) => D.neg(e),
  sqrt: (e: D.Num) => D.sqrt(positive(e)),
  cbrt: (e: D.Num) => D.cbrt(positive(e)),
  exp: (e: D.Num) => D.exp(bounded(e, 3)),
  expm1: (e: D.Num) => D.expm1(bounded(e, 3)),
  log: (e: D.Num) => D.log(positive(e)),
  log1p: (e: D.Num) => D.log1p(positive(e)),
  log2: (e: D.Num) => D.log2(positive(e)),
  log10: (e: D.Num) => D.log10(positive(e)),
  sin: (e: D.Num) => D.sin(e),
  cos: (e: D.Num) => D.cos(e),
  tan: (e: D.Num) => D.tan(bounded(e, 1.2)),
  asin: (e: D.Num) => D.asin(bounded(e, 0.9)),
  acos: (e: D.Num) => D.acos(bounded(e, 0.9)),
  atan: (e: D.Num) => D.atan(e),
  sinh: (e: D.Num) => D.sinh(bounded(e, 3)),
  cosh: (e: D.Num) => D.cosh(bounded(e, 3)),
  tanh: (e: D.Num) => D.tanh(e),
  asinh: (e: D.Num) => D.asinh(e),
  acosh: (e: D.Num) => D.acosh(D.add(1.1, D.mul(e, e))),
  atanh: (e: D.Num) => D.atanh(bounded(e, 0.9)),
  sigmoid: (e: D.Num) => D.sigmoid(e),
  softplus: (e: D.Num) => D.softplus(e),
  powi2: (e: D.Num) => D.powi(e, 2),
  powi3: (e: D.Num) => D.powi(bounded(e, 3), 3),
  powiNeg: (e: D.Num) => D.powi(positive(e), -2),
  abs: (e: D.Num, m: Margins) => D.abs(kink(m, e)),
  sign: (e: D.Num, m: Margins) => D.sign(kink(m, e)),
  relu: (e: D.Num, m: Margins) => D.relu(kink(m, e)),
  leakyRelu: (e: D.Num, m: Margins) => D.leakyRelu(kink(m, e), 0.1),
  elu: (e: D.Num, m: Margins) => D.elu(kink(m, e), 0.7),
};
type UnaryName = keyof typeof unary;

const binary = {
  add: (a: D.Num, b: D.Num) => D.add(a, b),
  sub: (a: D.Num, b: D.Num) => D.sub(a, b),
  mul: (a: D.Num, b: D.Num) => D.mul(a, b),
  div: (a: D.Num, b: D.Num) => D.div(a, positive(b)),
  pow: (a: D.Num, b: D.Num) => D.pow(positive(a), bounded(b, 2)),
  // The origin is a pole of their derivatives: finite differences need room there.
  hypot: (a: D.Num, b: D.Num, m: Margins) => {
    m.push(Math.hypot(D.primal(a), D.primal(b)) / 100);
    return D.hypot(a, b);
  },
  atan2: (a: D.Num, b: D.Num, m: Margins) => {
    m.push(Math.hypot(D.primal(a), D.primal(b)) / 100, D.primal(b) < 0 ? Math.abs(D.primal(a)) : Infinity);
    return D.atan2(a, b);
  },
  min: (a: D.Num, b: D.Num, m: Margins) => D.min(a, kink(m, b, D.primal(a))),
  max: (a: D.Num, b: D.Num, m: Margins) => D.max(a, kink(m, b, D.primal(a))),
};
type BinaryName = keyof typeof binary;

const evaluate = (e: Expr, x: readonly D.Num[], m: Margins = []): D.Num => {
  switch (e.kind) {
    case 'input':
      return x[e.index]!;
    case 'constant':
      return e.value;
    case 'unary':
      return unary[e.op](evaluate(e.arg, x, m), m);
    case 'binary':
      return binary[e.op](evaluate(e.left, x, m), evaluate(e.right, x, m), m);
  }
};

const { expr } = fc.letrec<{ expr: Expr; leaf: Expr; unary: Expr; binary: Expr }>((tie) => ({
  expr: fc.oneof(
    { maxDepth: 6, depthSize: 'medium', depthIdentifier: 'expr' },
    { arbitrary: tie('leaf'), weight: 1 },
    { arbitrary: tie('unary'), weight: 2 },
    { arbitrary: tie('binary'), weight: 2 },
  ),
  leaf: fc.oneof(
    { arbitrary: fc.record({ kind: fc.constant('input' as const), index: fc.integer({ min: 0, max: 2 }) }), weight: 3 },
    { arbitrary: fc.record({ kind: fc.constant('constant' as const), value: fc.double({ min: -3, max: 3, noNaN: true }) }), weight: 1 },
  ),
  unary: fc.record({
    kind: fc.constant('unary' as const),
    op: fc.constantFrom(...(Object.keys(unary) as UnaryName[])),
    arg: tie('expr'),
  }),
  binary: fc.record({
    kind: fc.constant('binary' as const),
    op: fc.constantFrom(...(Object.keys(binary) as BinaryName[])),
    left: tie('expr'),
    right: tie('expr'),
  }),
}));
const point = fc.tuple(...[0, 1, 2].map(() => fc.double({ min: -2, max: 2, noNaN: true })));

/** Keeps a case when it stays clear of kinks and its values are of moderate size. */
const fair = (e: Expr, x: readonly number[]): boolean => {
  const margins: Margins = [];
  const value = D.primal(evaluate(e, x, margins));
  const grad = D.gradient((v: D.Vector) => evaluate(e, v))(x).map(D.primal);
  return margins.every((m) => m > 1e-3) && Math.abs(value) < 1e6 && grad.every((g) => Math.abs(g) < 1e4);
};

describe('random expression trees', () => {
  it('dual derivatives agree with central differences (600 trees)', () => {
    fc.assert(
      fc.property(expr, point, (e, x) => {
        fc.pre(fair(e, x));
        const along = (t: D.Num) => evaluate(e, [t, x[1]!, x[2]!]);
        const dual = D.primal(D.derivative(along)(x[0]!));
        const fd = centralDifference((t) => D.primal(along(t)), x[0]!);
        return isClose(dual, fd, 1e-5, 1e-6);
      }),
      { seed: 20260101, numRuns: 600 },
    );
  });

  it('chunked gradients equal one-pass-per-input gradients exactly, and central differences (500 trees)', () => {
    fc.assert(
      fc.property(expr, point, (e, x) => {
        fc.pre(fair(e, x));
        const f = (v: D.Vector) => evaluate(e, v);
        const single = D.gradient(f, { chunk: 1 })(x);
        for (const chunk of [2, 3]) {
          const chunked = D.gradient(f, { chunk })(x);
          expect(chunked.every((g, i) => g === single[i])).toBe(true);
        }
        const fd = centralGradient((v) => D.primal(f(v)), x);
        return single.every((g, i) => isClose(D.primal(g), fd[i]!, 1e-5, 1e-6));
      }),
      { seed: 20260102, numRuns: 500 },
    );
  });

  it('jvp equals the gradient dotted with the direction (300 trees)', () => {
    fc.assert(
      fc.property(expr, point, point, (e, x, v) => {
        fc.pre(fair(e, x));
        const f = (p: D.Vector) => evaluate(e, p);
        const [value, tangent] = D.jvp(f)(x, v);
        const g = D.gradient(f)(x).map(D.primal);
        const dot = g.reduce((s, gi, i) => s + gi * v[i]!, 0);
        const scale = g.reduce((s, gi, i) => s + Math.abs(gi * v[i]!), 0);
        return value === f(x) && Math.abs(D.primal(tangent) - dot) <= 1e-12 * (1 + scale);
      }),
      { seed: 20260103, numRuns: 300 },
    );
  });
});
