// The per-parameter passes of a training step (scaledAdd, allFinite, the momentum and Adam
// steps) on every backend, and on the WebAssembly kernels with the size limits off (so lengths
// 0–8 and odd tails run there too), held bit for bit against naive loops written here: base + fround(factor·x) in float32 (the
// product in float64), base + factor·x in float64 — IEEE makes each result unique.
import { describe, expect, it } from 'vitest';
import { callWithoutMutation } from '@theta/testing';
import { make, type DType, type Tensor } from '../core/tensor.js';
import { suites } from '../test-support/kernels.js';

const SPECIALS = [NaN, Infinity, -Infinity, 0, -0, 1e-40, -1e-310, 3.4e38, -1.7e308, 0.1];
const LENGTHS = [0, 1, 2, 3, 4, 5, 7, 8, 9, 31, 1023, 1024, 1025, 4099];

/** Deterministic values (an LCG) of `dtype`; every `every`-th one a special value. */
function data(n: number, seed: number, dtype: DType, every = 0): Tensor {
  const out = dtype === 'float32' ? new Float32Array(n) : new Float64Array(n);
  let s = (seed >>> 0) || 1;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = every > 0 && i % every === every - 1 ? SPECIALS[(s >>> 8) % SPECIALS.length]! : (s / 2 ** 31 - 1) * 3;
  }
  return make(out, [n]);
}

/** The reference step, one element at a time. */
function naiveScaledAdd(base: Tensor, x: Tensor, factor: number): number[] {
  const f32 = base.dtype === 'float32';
  return Array.from(base.data, (b, i) => {
    const product = factor * (x.data[i] as number);
    return f32 ? Math.fround(b + Math.fround(product)) : b + product;
  });
}

const fr = (v: number, f32: boolean): number => (f32 ? Math.fround(v) : v);

/** The momentum step, element by element, as the optimiser's definition reads. */
function naiveMomentum(theta: Tensor, g: Tensor, v0: Tensor, decay: number, nesterov: boolean, factor: number): [number[], number[]] {
  const f32 = theta.dtype === 'float32';
  const v = Array.from(g.data, (gi, i) => fr(gi + decay * v0.data[i]!, f32));
  const u = v.map((vi, i) => (nesterov ? g.data[i]! + decay * vi : vi));
  return [Array.from(theta.data, (t, i) => fr(t + fr(factor * fr(u[i]!, f32), f32), f32)), v];
}

/** The Adam step, element by element: moments stored rounded, the step from the unrounded ones. */
function naiveAdam(theta: Tensor, g: Tensor, m0: Tensor, v0: Tensor, c: { beta1: number; beta2: number; eps: number; epsRoot: number; momentWeight: number; gradientWeight: number; inverseC2: number; factor: number }): [number[], number[], number[]] {
  const f32 = theta.dtype === 'float32';
  const out: [number[], number[], number[]] = [[], [], []];
  g.data.forEach((gi, i) => {
    const m = c.beta1 * m0.data[i]! + (1 - c.beta1) * gi;
    const v = c.beta2 * v0.data[i]! + (1 - c.beta2) * gi * gi;
    const denominator = Math.sqrt(v * c.inverseC2 + c.epsRoot) + c.eps;
    const u = denominator === 0 ? 0 : (c.momentWeight * m + c.gradientWeight * gi) / denominator;
    out[0].push(fr(theta.data[i]! + fr(c.factor * fr(u, f32), f32), f32));
    out[1].push(fr(m, f32));
    out[2].push(fr(v, f32));
  });
  return out;
}

const same = (got: Tensor, want: readonly number[], what: string): void => {
  expect(got.data.length).toBe(want.length);
  got.data.forEach((v, i) => {
    if (!Object.is(v, want[i])) expect.fail(`${what}, entry ${i}: ${v} vs ${want[i]}`);
  });
};

/** A non-negative copy (second moments are ≥ 0), specials kept. */
const squares = (t: Tensor): Tensor => make(t.data.map((v) => v * v), t.shape);

for (const [name, k] of suites) {
  describe(`${name}: training-step passes`, () => {
    for (const dtype of ['float64', 'float32'] as const) {
      it(`scaledAdd, ${dtype}: the naive step bit for bit, every length, NaN/±∞/−0/subnormals included, inputs untouched`, () => {
        for (const n of LENGTHS) {
          for (const factor of [-0.05, 1e-3 / 3, -1, 0, 2.5e10]) {
            const base = data(n, n + 1, dtype, 7);
            const x = data(n, n + 2, dtype, 5);
            const got = callWithoutMutation(k.scaledAdd.bind(k), [base, x, factor]);
            expect(got.dtype).toBe(dtype);
            expect(got.shape).toEqual([n]);
            const want = naiveScaledAdd(base, x, factor);
            got.data.forEach((v, i) => {
              if (!Object.is(v, want[i])) expect.fail(`n = ${n}, factor ${factor}, entry ${i}: ${v} vs ${want[i]}`);
            });
          }
        }
      });

      it(`momentumStep, ${dtype}: the naive step bit for bit (Nesterov or not), every length`, () => {
        for (const n of LENGTHS) {
          for (const [decay, nesterov, factor] of [[0.9, false, -0.05], [0.99, true, -1e-3 / 3], [0, false, 2.5]] as const) {
            const [theta, g, v0] = [data(n, n + 4, dtype, 11), data(n, n + 5, dtype, 9), data(n, n + 6, dtype, 13)];
            const r = callWithoutMutation(k.momentumStep.bind(k), [theta, g, v0, { decay, nesterov, factor }]);
            const [wantTheta, wantV] = naiveMomentum(theta, g, v0, decay, nesterov, factor);
            same(r.theta, wantTheta, `n = ${n} Θ`);
            same(r.velocity, wantV, `n = ${n} v`);
            // What the step learned about g and Θ' while it ran (known-finite.ts) is never wrong.
            expect(k.allFinite(g), `n = ${n} g finite`).toBe(g.data.every(Number.isFinite));
            expect(k.allFinite(r.theta), `n = ${n} Θ finite`).toBe(r.theta.data.every(Number.isFinite));
            expect([r.theta.dtype, r.velocity.dtype]).toEqual([dtype, dtype]);
          }
        }
      });

      it(`adamStep, ${dtype}: the naive step bit for bit (Adam, NAdam weights, ε = 0 with zero moments), every length`, () => {
        for (const n of LENGTHS) {
          const coefficients = [
            { beta1: 0.9, beta2: 0.999, eps: 1e-8, epsRoot: 0, momentWeight: 1 / (1 - 0.9 ** 3), gradientWeight: 0, inverseC2: 1 / (1 - 0.999 ** 3), factor: -1e-3 },
            { beta1: 0.8, beta2: 0.99, eps: 1e-7, epsRoot: 1e-9, momentWeight: 0.8 / (1 - 0.8 ** 2), gradientWeight: 0.2 / (1 - 0.8), inverseC2: 1 / (1 - 0.99), factor: -0.1 },
            // ε = 0 and zero moments and gradients: the denominator is 0, the step must be 0.
            { beta1: 0.9, beta2: 0.999, eps: 0, epsRoot: 0, momentWeight: 10, gradientWeight: 0, inverseC2: 1000, factor: -1 },
          ];
          for (const [j, c] of coefficients.entries()) {
            const zeros = j === 2;
            const theta = data(n, n + 7, dtype, 17);
            const g = zeros ? make(theta.data.map(() => 0), [n]) : data(n, n + 8, dtype, 19);
            const m0 = zeros ? make(theta.data.map(() => 0), [n]) : data(n, n + 9, dtype, 23);
            const v0 = zeros ? make(theta.data.map(() => 0), [n]) : squares(data(n, n + 10, dtype, 29));
            const r = callWithoutMutation(k.adamStep.bind(k), [theta, g, m0, v0, c]);
            const [wantTheta, wantM, wantV] = naiveAdam(theta, g, m0, v0, c);
            same(r.theta, wantTheta, `n = ${n}, case ${j} Θ`);
            same(r.mu, wantM, `n = ${n}, case ${j} m`);
            same(r.nu, wantV, `n = ${n}, case ${j} v`);
            expect(k.allFinite(g), `n = ${n}, case ${j}: g finite`).toBe(g.data.every(Number.isFinite));
            expect(k.allFinite(r.theta), `n = ${n}, case ${j}: Θ finite`).toBe(r.theta.data.every(Number.isFinite));
          }
        }
      });

      it(`allFinite after scaledAdd, ${dtype}: the gradient read and the Θ written agree with a naive scan (what the step learned is never wrong)`, () => {
        const naive = (t: Tensor): boolean => t.data.every((v) => Number.isFinite(v));
        const big = dtype === 'float32' ? 3.4e38 : 1.7e308;
        for (const n of LENGTHS) {
          const cases: [Tensor, Tensor, number][] = [
            [data(n, n + 1, dtype), data(n, n + 2, dtype), -0.05], // all finite
            [data(n, n + 1, dtype, 7), data(n, n + 2, dtype, 5), -0.05], // NaN and ±∞ in both
            [data(n, n + 1, dtype), data(n, n + 2, dtype, 5), 0], // 0 · ∞ = NaN in Θ
            [make(new (dtype === 'float32' ? Float32Array : Float64Array)(n).fill(big), [n]), make(new (dtype === 'float32' ? Float32Array : Float64Array)(n).fill(big), [n]), 1], // finite + finite overflows
          ];
          if (n > 0) {
            // One NaN in the gradient's last element (the scalar tail on WebAssembly).
            const tail = data(n, n + 2, dtype).data.slice();
            tail[n - 1] = NaN;
            cases.push([data(n, n + 1, dtype), make(tail, [n]), -0.05]);
          }
          for (const [j, [base, x, factor]] of cases.entries()) {
            const out = k.scaledAdd(base, x, factor);
            expect(k.allFinite(x), `n = ${n}, case ${j}: gradient`).toBe(naive(x));
            expect(k.allFinite(out), `n = ${n}, case ${j}: Θ`).toBe(naive(out));
          }
        }
      });

      it(`allFinite, ${dtype}: agrees with a naive scan, one non-finite value at any position`, () => {
        for (const n of LENGTHS) {
          const clean = data(n, n + 3, dtype);
          expect(k.allFinite(clean)).toBe(true);
          // Huge finite values are finite: v · 0 must not overflow into a false alarm.
          const huge = make(clean.data.map((v, i) => (i % 2 === 0 ? (dtype === 'float32' ? 3.4e38 : 1.7e308) : -v)), [n]);
          expect(k.allFinite(huge)).toBe(true);
          for (const position of n === 0 ? [] : [0, n - 1, Math.floor(n / 2)]) {
            for (const bad of [NaN, Infinity, -Infinity]) {
              const copy = clean.data.slice();
              copy[position] = bad;
              expect(k.allFinite(make(copy, [n]))).toBe(false);
            }
          }
        }
      });
    }
  });
}
