// Every elementwise op: its VJP against central finite differences, against @theta/dual's
// forward mode, and the transpose identity ⟨v, J u⟩ = ⟨Jᵀ v, u⟩ to 1e-10 with J u written out
// independently here; the scalar fast path against the tensor path.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as T from '@theta/tensor';
import * as D from '@theta/dual';
import * as R from '../index.js';

/** A small seeded generator (mulberry32), so inputs are spread out: no ties, no kinks hit. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
type Domain = (u: number) => number; // maps U(0, 1) to the op's domain
const anywhere: Domain = (u) => 4 * u - 2;
const positive: Domain = (u) => 0.2 + 2 * u;
const awayFromZero: Domain = (u) => (u < 0.5 ? -0.2 - 3 * u : 0.2 + 3 * (u - 0.5));
const small: Domain = (u) => 2.4 * u - 1.2;
const fill = (next: () => number, shape: readonly number[], domain: Domain): T.Tensor =>
  T.fromArray(Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => domain(next())), shape);
const flat = (v: R.Value): number[] => {
  const p = R.stopGradient(v);
  return typeof p === 'number' ? [p] : T.toArray(p);
};
const inner = (a: R.Value, b: R.Value): number => {
  const y = flat(b);
  return flat(a).reduce((s, xi, i) => s + xi * (y[i] as number), 0);
};

interface Unary {
  readonly op: R.UnaryOp;
  readonly dual: (x: D.Num) => D.Num;
  readonly derivative: (x: number) => number; // written out here, independently of the rules
  readonly domain: Domain;
}
const sig = (x: number): number => 1 / (1 + Math.exp(-x));
const unary: Record<string, Unary> = {
  exp: { op: R.exp, dual: D.exp, derivative: Math.exp, domain: anywhere },
  expm1: { op: R.expm1, dual: D.expm1, derivative: Math.exp, domain: anywhere },
  log: { op: R.log, dual: D.log, derivative: (x) => 1 / x, domain: positive },
  log1p: { op: R.log1p, dual: D.log1p, derivative: (x) => 1 / (1 + x), domain: positive },
  sqrt: { op: R.sqrt, dual: D.sqrt, derivative: (x) => 0.5 / Math.sqrt(x), domain: positive },
  square: { op: R.square, dual: (x) => D.mul(x, x), derivative: (x) => 2 * x, domain: anywhere },
  reciprocal: { op: R.reciprocal, dual: (x) => D.div(1, x), derivative: (x) => -1 / (x * x), domain: awayFromZero },
  abs: { op: R.abs, dual: D.abs, derivative: Math.sign, domain: awayFromZero },
  neg: { op: R.neg, dual: D.neg, derivative: () => -1, domain: anywhere },
  sin: { op: R.sin, dual: D.sin, derivative: Math.cos, domain: anywhere },
  cos: { op: R.cos, dual: D.cos, derivative: (x) => -Math.sin(x), domain: anywhere },
  tan: { op: R.tan, dual: D.tan, derivative: (x) => 1 / Math.cos(x) ** 2, domain: small },
  tanh: { op: R.tanh, dual: D.tanh, derivative: (x) => 1 / Math.cosh(x) ** 2, domain: anywhere },
  sigmoid: { op: R.sigmoid, dual: D.sigmoid, derivative: (x) => sig(x) * sig(-x), domain: anywhere },
  logSigmoid: { op: R.logSigmoid, dual: (x) => D.neg(D.softplus(D.neg(x))), derivative: (x) => sig(-x), domain: anywhere },
  softplus: { op: R.softplus, dual: D.softplus, derivative: sig, domain: anywhere },
  relu: { op: R.relu, dual: D.relu, derivative: (x) => (x > 0 ? 1 : 0), domain: awayFromZero },
  leakyRelu: { op: (x: R.Value) => R.leakyRelu(x, 0.1), dual: (x) => D.leakyRelu(x, 0.1), derivative: (x) => (x > 0 ? 1 : 0.1), domain: awayFromZero } as Unary,
  elu: { op: (x: R.Value) => R.elu(x, 0.7), dual: (x) => D.elu(x, 0.7), derivative: (x) => (x > 0 ? 1 : 0.7 * Math.exp(x)), domain: awayFromZero } as Unary,
};

interface Binary {
  readonly op: R.BinaryOp;
  readonly dual: (a: D.Num, b: D.Num) => D.Num;
  readonly partials: (a: number, b: number) => [number, number];
  readonly domains: [Domain, Domain];
}
const binary: Record<string, Binary> = {
  add: { op: R.add, dual: D.add, partials: () => [1, 1], domains: [anywhere, anywhere] },
  sub: { op: R.sub, dual: D.sub, partials: () => [1, -1], domains: [anywhere, anywhere] },
  mul: { op: R.mul, dual: D.mul, partials: (a, b) => [b, a], domains: [anywhere, anywhere] },
  safeMul: { op: R.safeMul, dual: D.mul, partials: (a, b) => [b, a], domains: [anywhere, anywhere] },
  div: { op: R.div, dual: D.div, partials: (a, b) => [1 / b, -a / (b * b)], domains: [anywhere, awayFromZero] },
  pow: { op: R.pow, dual: D.pow, partials: (a, b) => [b * a ** (b - 1), a ** b * Math.log(a)], domains: [positive, anywhere] },
  maximum: { op: R.maximum, dual: D.max, partials: (a, b) => (a > b ? [1, 0] : [0, 1]), domains: [anywhere, anywhere] },
  minimum: { op: R.minimum, dual: D.min, partials: (a, b) => (a < b ? [1, 0] : [0, 1]), domains: [anywhere, anywhere] },
};

/** Broadcast shape pairs, both ways round and with scalars. */
const shapePairs: [number[], number[]][] = [[[2, 3], [2, 3]], [[2, 3], [3]], [[2, 1], [1, 3]], [[3], []], [[], [2, 2]], [[4, 1, 2], [3, 1]]];

/** Checks ⟨v, J u⟩: the pullback's against the independent `Ju` (1e-10) and finite differences. */
function checkTranspose(f: (...xs: R.Value[]) => R.Value, xs: T.Tensor[], us: T.Tensor[], v: T.Tensor, Ju: T.Tensor): void {
  const [, pullback] = R.vjp(f)(...xs);
  const pulled = pullback(v) as readonly R.Value[];
  const lhs = pulled.reduce<number>((s, g, j) => s + inner(g, us[j] as T.Tensor), 0);
  const rhs = inner(v, Ju);
  expect(Math.abs(lhs - rhs)).toBeLessThanOrEqual(1e-10 * (1 + Math.abs(rhs)));
  const h = 1e-6;
  const along = (t: number): number => inner(v, f(...xs.map((x, j) => T.add(x, T.mul(us[j] as T.Tensor, t)))) as T.Tensor);
  const fd = (along(h) - along(-h)) / (2 * h);
  expect(Math.abs(fd - lhs)).toBeLessThanOrEqual(1e-6 * (1 + Math.abs(lhs)));
}

/**
 * Ops whose tensor kernels on the WebAssembly backend use the module's SIMD exp rather than
 * Math.exp (tensor README: within 3 ulp): on numbers they call Math, so the two paths agree to a
 * few ulp there, and bit for bit on the JS backend.
 */
const ownExp = new Set(['exp', 'expm1', 'tanh', 'sigmoid', 'logSigmoid', 'softplus', 'elu']);

describe('unary elementwise ops', () => {
  for (const [name, spec] of Object.entries(unary)) {
    it(`${name}: VJP vs J u written out, and vs finite differences`, () => {
      fc.assert(
        fc.property(fc.integer(), (seed) => {
          const next = random(seed);
          const x = fill(next, [2, 3], spec.domain);
          const u = fill(next, [2, 3], anywhere);
          const v = fill(next, [2, 3], anywhere);
          const Ju = T.fromArray(T.toArray(x).map((xi, i) => spec.derivative(xi) * (T.toArray(u)[i] as number)), [2, 3]);
          checkTranspose((t) => spec.op(t), [x], [u], v, Ju);
        }),
        { seed: 11, numRuns: 20 },
      );
    });

    it(`${name}: scalar path, tensor path and @theta/dual agree`, () => {
      fc.assert(
        fc.property(fc.integer(), (seed) => {
          const next = random(seed);
          const xs = Array.from({ length: 5 }, () => spec.domain(next()));
          const onTensor = T.toArray(R.grad((t: R.Value) => R.sum(spec.op(t)))(T.tensor(xs)));
          xs.forEach((x, i) => {
            const onNumber = R.grad(spec.op)(x);
            const dual = D.derivative(spec.dual)(x) as number;
            expect(Math.abs(onNumber - dual)).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(dual)));
            const [tensorValue, numberValue] = [T.toArray(spec.op(T.tensor([x])))[0]!, spec.op(x) as number];
            if (ownExp.has(name)) {
              // The wasm backend computes these with its own SIMD exp (within 3 ulp of Math.exp).
              // tanh′ = 1 − tanh² cancels where |tanh| is near 1: there an ulp of tanh is an absolute error.
              const scale = name === 'tanh' ? 1 : Math.abs(onNumber);
              expect(Math.abs(onTensor[i]! - onNumber)).toBeLessThanOrEqual(8 * Number.EPSILON * scale);
              expect(Math.abs(tensorValue - numberValue)).toBeLessThanOrEqual(8 * Number.EPSILON * Math.abs(numberValue));
            } else {
              expect(onTensor[i]).toBe(onNumber);
              expect(numberValue).toBe(tensorValue); // the values agree too
            }
          });
        }),
        { seed: 12, numRuns: 20 },
      );
    });
  }
});

describe('binary elementwise ops, with broadcasting', () => {
  for (const [name, spec] of Object.entries(binary)) {
    it(`${name}: VJP (summed over broadcast axes) vs J u written out, and vs finite differences`, () => {
      fc.assert(
        fc.property(fc.integer(), fc.constantFrom(...shapePairs), (seed, [sa, sb]) => {
          const next = random(seed);
          const a = fill(next, sa, spec.domains[0]);
          const b = fill(next, sb, spec.domains[1]);
          const [ua, ub] = [fill(next, sa, anywhere), fill(next, sb, anywhere)];
          const out = T.add(a, b).shape;
          const v = fill(next, out, anywhere);
          const [A, B, UA, UB] = [a, b, ua, ub].map((t) => T.toArray(T.broadcastTo(t, out)));
          const Ju = T.fromArray(
            (A as number[]).map((ai, i) => {
              const [da, db] = spec.partials(ai, (B as number[])[i] as number);
              return da * ((UA as number[])[i] as number) + db * ((UB as number[])[i] as number);
            }),
            out,
          );
          checkTranspose((p, q) => spec.op(p, q), [a, b], [ua, ub], v, Ju);
        }),
        { seed: 13, numRuns: 24 },
      );
    });

    it(`${name}: scalar path, tensor path and @theta/dual agree`, () => {
      fc.assert(
        fc.property(fc.integer(), (seed) => {
          const next = random(seed);
          const a = spec.domains[0](next());
          const b = spec.domains[1](next());
          const onNumbers = R.grad((p: R.Value, q: R.Value) => spec.op(p, q), { argnums: [0, 1] })(a, b);
          const onTensors = R.grad((p: R.Value, q: R.Value) => R.sum(spec.op(p, q)), { argnums: [0, 1] })(T.tensor([a]), T.tensor([b]));
          const dual = [D.derivative((p) => spec.dual(p, b))(a), D.derivative((q) => spec.dual(a, q))(b)] as number[];
          onNumbers.forEach((g, j) => {
            expect(Math.abs(g - (dual[j] as number))).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(dual[j] as number)));
            expect(T.toArray(onTensors[j] as T.Tensor)[0]).toBe(g);
          });
        }),
        { seed: 14, numRuns: 20 },
      );
    });
  }

  it('maximum and minimum split the cotangent in halves at a tie', () => {
    expect(R.grad((a: R.Value, b: R.Value) => R.maximum(a, b), { argnums: [0, 1] })(2, 2)).toEqual([0.5, 0.5]);
    const [ga, gb] = R.grad((a: R.Value, b: R.Value) => R.sum(R.minimum(a, b)), { argnums: [0, 1] })(T.tensor([1, 3]), T.tensor([1, 2]));
    expect([T.toArray(ga), T.toArray(gb)]).toEqual([[0.5, 0], [0.5, 1]]);
  });

  it('pow has finite rules where the exponent or base is 0', () => {
    expect(R.grad((x: R.Value) => R.pow(x, 0))(0)).toBe(0);
    expect(R.grad((x: R.Value) => R.pow(x, 2))(0)).toBe(0);
    expect(R.grad((b: R.Value) => R.pow(0, b))(2)).toBe(0);
    expect(T.toArray(R.grad((x: R.Value) => R.sum(R.pow(x, 0)))(T.tensor([0, 1])))).toEqual([0, 0]);
  });
});
