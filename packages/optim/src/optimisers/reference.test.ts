// Each optimiser against its paper's algorithm, written out here step by step on plain numbers
// (no call into this library), fed the same fixed sequence of gradients, in float64, to 1e-12.
import { describe, expect, it } from 'vitest';
import * as T from '@theta/tensor';
import * as O from '@theta/optim';

type Tree = readonly { readonly W: T.Tensor; readonly b: T.Tensor }[];

const theta0: Tree = [
  { W: T.tensor([[0.5, -1.2, 2], [0.1, 0, -0.3]]), b: T.tensor([0.2, -0.4]) },
  { W: T.tensor([[1.5, -0.7]]), b: T.tensor([0.05]) },
];
const flat = (tree: T.TensorTree): number[] => T.Tree.leaves(tree).flatMap((x) => T.toArray(x));
const { structure } = T.Tree.flatten(theta0);
const shapes = T.Tree.leaves(theta0).map((x) => x.shape);
const unflat = (values: readonly number[]): Tree => {
  let k = 0;
  return T.Tree.unflatten<Tree>(structure, shapes.map((shape) => {
    const n = shape.reduce((a, d) => a * d, 1);
    const leaf = T.fromArray(values.slice(k, k + n), shape);
    k += n;
    return leaf;
  }));
};

const STEPS = 25;
// A fixed, deterministic gradient sequence with mixed signs and scales, and one coordinate that
// is 0 for the first steps (where adaptive methods divide by a small accumulated square).
const gradient = (t: number, i: number): number =>
  i === 4 && t < 3 ? 0 : Math.sin(1.7 * t + 0.9 * i + 0.3) * (1 + (i % 3)) + 0.1 * Math.cos(3.1 * t * (i + 1));
const n = flat(theta0).length;
const gradients = Array.from({ length: STEPS }, (_, t) => Array.from({ length: n }, (_, i) => gradient(t, i)));

/** θ after each step of the library's optimiser. */
function library(optimiser: O.GradientTransformation<any>): number[][] {
  let theta = theta0;
  let state = optimiser.init(theta);
  return gradients.map((g) => {
    const [updates, next] = optimiser.update(unflat(g), state, theta);
    theta = O.applyUpdates(theta, updates);
    state = next;
    return flat(theta);
  });
}

/** θ after each step of a reference written as `step(x, g, t)` on numbers, t = 1, 2, … */
function reference(step: (x: number[], g: readonly number[], t: number) => number[]): number[][] {
  let x = flat(theta0);
  return gradients.map((g, k) => (x = step(x, g, k + 1)));
}

function expectTrajectoriesClose(actual: number[][], expected: number[][], tolerance = 1e-12): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, t) =>
    row.forEach((v, i) => {
      const e = (expected[t] as number[])[i] as number;
      if (!(Math.abs(v - e) <= tolerance * Math.max(1, Math.abs(e)))) {
        throw new Error(`step ${t + 1}, coordinate ${i}: got ${v}, expected ${e}`);
      }
    }),
  );
}

describe('optimisers against their papers, step by step', () => {
  it('sgd: θ ← θ − η g (Robbins & Monro 1951)', () => {
    const eta = 0.05;
    expectTrajectoriesClose(library(O.sgd(eta)), reference((x, g) => x.map((xi, i) => xi - eta * (g[i] as number))));
  });

  it('momentum: Polyak\'s heavy ball θ_{t+1} = θ_t − η g_t + β (θ_t − θ_{t−1})', () => {
    const [eta, beta] = [0.05, 0.9];
    let previous = flat(theta0);
    const expected = reference((x, g) => {
      const next = x.map((xi, i) => xi - eta * (g[i] as number) + beta * (xi - (previous[i] as number)));
      previous = x;
      return next;
    });
    expectTrajectoriesClose(library(O.momentum(eta, { beta })), expected);
  });

  it('nesterov: Bengio et al. 2013, v_t = μ v_{t−1} − η g_t, θ_t = θ_{t−1} − μ v_{t−1} + (1 + μ) v_t', () => {
    const [eta, mu] = [0.05, 0.9];
    let v = new Array<number>(n).fill(0);
    const expected = reference((x, g) => {
      const vNext = v.map((vi, i) => mu * vi - eta * (g[i] as number));
      const next = x.map((xi, i) => xi - mu * (v[i] as number) + (1 + mu) * (vNext[i] as number));
      v = vNext;
      return next;
    });
    expectTrajectoriesClose(library(O.nesterov(eta, { beta: mu })), expected);
  });

  it('nesterov: Sutskever et al. 2013 with the look-ahead gradient; Θ is their θ + μv', () => {
    // f(x) = Σ (x_i⁴/4 + c_i x_i²/2 + s_i x_i), not quadratic, so the look-ahead point matters.
    const grad = (x: readonly number[]): number[] => x.map((xi, i) => xi ** 3 + (1 + i) * 0.5 * xi + Math.sin(i));
    const [eta, mu] = [0.02, 0.8];
    let theta = flat(theta0);
    let v = new Array<number>(n).fill(0);
    let ours = theta0;
    const optimiser = O.nesterov(eta, { beta: mu });
    let state = optimiser.init(ours);
    for (let t = 0; t < STEPS; t++) {
      const lookAhead = theta.map((xi, i) => xi + mu * (v[i] as number));
      v = v.map((vi, i) => mu * vi - eta * (grad(lookAhead)[i] as number));
      theta = theta.map((xi, i) => xi + (v[i] as number));
      const [updates, next] = optimiser.update(unflat(grad(flat(ours))), state, ours);
      [ours, state] = [O.applyUpdates(ours, updates), next];
      expectTrajectoriesClose([flat(ours)], [theta.map((xi, i) => xi + mu * (v[i] as number))]);
    }
  });

  it('adagrad: Duchi et al. 2011, G ← G + g², θ ← θ − η g / (δ + √G)', () => {
    const [eta, delta] = [0.1, 1e-8];
    const G = new Array<number>(n).fill(0);
    const expected = reference((x, g) =>
      x.map((xi, i) => {
        const gi = g[i] as number;
        G[i] = (G[i] as number) + gi * gi;
        return xi - (eta * gi) / (delta + Math.sqrt(G[i] as number));
      }),
    );
    expectTrajectoriesClose(library(O.adagrad(eta)), expected);
  });

  it('adagrad with momentum: the course\'s change = η g / (δ + √G) + β change, θ ← θ − change', () => {
    const [eta, delta, beta] = [0.1, 1e-8, 0.7];
    const G = new Array<number>(n).fill(0);
    const change = new Array<number>(n).fill(0);
    const expected = reference((x, g) =>
      x.map((xi, i) => {
        const gi = g[i] as number;
        G[i] = (G[i] as number) + gi * gi;
        change[i] = (eta * gi) / (delta + Math.sqrt(G[i] as number)) + beta * (change[i] as number);
        return xi - (change[i] as number);
      }),
    );
    expectTrajectoriesClose(library(O.adagrad(eta, { momentum: beta })), expected);
  });

  it('rmsprop: Hinton (lecture 6e), E[g²] ← ρ E[g²] + (1 − ρ) g², θ ← θ − η g / (√E[g²] + ε)', () => {
    const [eta, rho, eps] = [0.01, 0.9, 1e-8];
    const meanSquare = new Array<number>(n).fill(0);
    const expected = reference((x, g) =>
      x.map((xi, i) => {
        const gi = g[i] as number;
        meanSquare[i] = rho * (meanSquare[i] as number) + (1 - rho) * gi * gi;
        return xi - (eta * gi) / (Math.sqrt(meanSquare[i] as number) + eps);
      }),
    );
    expectTrajectoriesClose(library(O.rmsprop(eta, { decay: rho })), expected);
  });

  const adamReference = (alpha: number, beta1: number, beta2: number, eps: number, lambda = 0) => {
    const m = new Array<number>(n).fill(0);
    const v = new Array<number>(n).fill(0);
    return reference((x, g, t) =>
      x.map((xi, i) => {
        const gi = g[i] as number;
        m[i] = beta1 * (m[i] as number) + (1 - beta1) * gi;
        v[i] = beta2 * (v[i] as number) + (1 - beta2) * gi * gi;
        const mHat = (m[i] as number) / (1 - beta1 ** t);
        const vHat = (v[i] as number) / (1 - beta2 ** t);
        return xi - ((alpha * mHat) / (Math.sqrt(vHat) + eps) + lambda * xi);
      }),
    );
  };

  it('adam: Kingma & Ba 2015, Algorithm 1', () => {
    expectTrajectoriesClose(library(O.adam(0.01)), adamReference(0.01, 0.9, 0.999, 1e-8));
    expectTrajectoriesClose(library(O.adam(0.03, { beta1: 0.5, beta2: 0.8, eps: 1e-3 })), adamReference(0.03, 0.5, 0.8, 1e-3));
  });

  it('adamw: Loshchilov & Hutter 2019, Algorithm 2 (η_t = 1; their λ is our η·λ)', () => {
    const [alpha, lambda] = [0.01, 0.05];
    expectTrajectoriesClose(library(O.adamw(alpha, { weightDecay: lambda })), adamReference(alpha, 0.9, 0.999, 1e-8, alpha * lambda));
  });

  it('adamax: Kingma & Ba 2015, Algorithm 2 (u ← max(β₂ u, |g|), θ ← θ − α/(1 − β₁ᵗ) m/u)', () => {
    const [alpha, beta1, beta2] = [0.002, 0.9, 0.999];
    const m = new Array<number>(n).fill(0);
    const u = new Array<number>(n).fill(0);
    const expected = reference((x, g, t) =>
      x.map((xi, i) => {
        const gi = g[i] as number;
        m[i] = beta1 * (m[i] as number) + (1 - beta1) * gi;
        u[i] = Math.max(beta2 * (u[i] as number), Math.abs(gi));
        // The paper's algorithm divides by u; where every gradient so far was 0, m = 0 too: no step.
        return (u[i] as number) === 0 ? xi : xi - (alpha / (1 - beta1 ** t)) * ((m[i] as number) / (u[i] as number));
      }),
    );
    expectTrajectoriesClose(library(O.adamax(alpha, { eps: 0 })), expected);
  });

  it('nadam: Dozat 2016, Algorithm 2 with a constant μ', () => {
    const [eta, mu, nu, eps] = [0.01, 0.9, 0.999, 1e-8];
    const m = new Array<number>(n).fill(0);
    const s = new Array<number>(n).fill(0);
    const expected = reference((x, g, t) =>
      x.map((xi, i) => {
        const gi = g[i] as number;
        const gHat = gi / (1 - mu ** t);
        m[i] = mu * (m[i] as number) + (1 - mu) * gi;
        const mHat = (m[i] as number) / (1 - mu ** (t + 1));
        s[i] = nu * (s[i] as number) + (1 - nu) * gi * gi;
        const sHat = (s[i] as number) / (1 - nu ** t);
        const mBar = (1 - mu) * gHat + mu * mHat;
        return xi - (eta * mBar) / (Math.sqrt(sHat) + eps);
      }),
    );
    expectTrajectoriesClose(library(O.nadam(eta)), expected);
  });
});

describe("Adam's two-step case (x = [2, 4], f = Σx², η 0.1, β₁ 0.8, β₂ 0.9, ε 1e-8 outside the root)", () => {
  it('gives [1.9, 3.9] after step one and [1.800182955834871, 3.8000820674404254] after step two', () => {
    const optimiser = O.adam(0.1, { beta1: 0.8, beta2: 0.9, eps: 1e-8 });
    let x = T.tensor([2, 4]);
    let state = optimiser.init(x);
    const step = (): number[] => {
      const [updates, next] = optimiser.update(T.mul(x, 2), state, x);
      [x, state] = [O.applyUpdates(x, updates), next];
      return T.toArray(x);
    };
    const [a1, b1] = step() as [number, number];
    expect(Math.abs(a1 - 1.9)).toBeLessThanOrEqual(1e-9);
    expect(Math.abs(b1 - 3.9)).toBeLessThanOrEqual(1e-9);
    const [a2, b2] = step() as [number, number];
    expect(Math.abs(a2 - 1.800182955834871)).toBeLessThanOrEqual(1e-12);
    expect(Math.abs(b2 - 3.8000820674404254)).toBeLessThanOrEqual(1e-12);
  });

  it('puts ε inside the root with epsRoot, which changes step two measurably', () => {
    const inside = O.adam(0.1, { beta1: 0.8, beta2: 0.9, eps: 0, epsRoot: 1e-2 });
    const x = T.tensor([2, 4]);
    const [u] = inside.update(T.mul(x, 2), inside.init(x), x);
    // Step one: m̂ = g, v̂ = g², u = −η g / √(g² + 1e-2).
    const [u1, u2] = T.toArray(u) as [number, number];
    expect(Math.abs(u1 - (-0.1 * 4) / Math.sqrt(16 + 1e-2))).toBeLessThanOrEqual(1e-15);
    expect(Math.abs(u2 - (-0.1 * 8) / Math.sqrt(64 + 1e-2))).toBeLessThanOrEqual(1e-15);
    expect(Math.abs(u1 + 0.1)).toBeGreaterThan(1e-5); // not the eps-outside value −η
  });
});
