/**
 * Independent references for the tests: a network, costs and penalties written as plain loops
 * over numbers with Math, sharing no code with the package.
 */
import type { ActivationSpec } from '../src/index.js';

export type Matrix = number[][];
export interface PlainLayer { W: Matrix; b: number[] }

const scalarActivations: Record<string, (z: number, alpha: number) => number> = {
  identity: (z) => z,
  sigmoid: (z) => 1 / (1 + Math.exp(-z)),
  tanh: (z) => Math.tanh(z),
  relu: (z) => (z > 0 ? z : 0),
  leakyRelu: (z, alpha) => (z > 0 ? z : alpha * z),
  elu: (z, alpha) => (z > 0 ? z : alpha * (Math.exp(z) - 1)),
  softplus: (z) => Math.log(1 + Math.exp(z)),
  gelu: (z) => 0.5 * z * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (z + 0.044715 * z ** 3))),
};

/** σ applied to one row of z (softmax needs the whole row). */
export function activateRow(spec: ActivationSpec, z: readonly number[]): number[] {
  const name = typeof spec === 'string' ? spec : spec.name;
  const alpha = (typeof spec === 'string' ? undefined : spec.alpha) ?? (name === 'elu' ? 1 : 0.01);
  if (name === 'softmax') {
    const m = Math.max(...z);
    const e = z.map((v) => Math.exp(v - m));
    const s = e.reduce((p, q) => p + q, 0);
    return e.map((v) => v / s);
  }
  const f = scalarActivations[name];
  if (f === undefined) throw new Error(`no reference for ${name}`);
  return z.map((v) => f(v, alpha));
}

/** a^L for every row of X, by loops: z_j = Σ_k w_jk a_k + b_j. */
export function forwardPlain(layers: readonly PlainLayer[], activations: readonly ActivationSpec[], X: Matrix): Matrix {
  return X.map((x) => {
    let a = x;
    layers.forEach((layer, l) => {
      const z = layer.W.map((row, j) => row.reduce((s, w, k) => s + w * (a[k] as number), layer.b[j] as number));
      a = activateRow(activations[l] as ActivationSpec, z);
    });
    return a;
  });
}

/** Cost of outputs A against targets t, by loops; `scale` is 1 (sum) or 1/N (mean). */
export function costPlain(name: string, fromLogits: boolean, t: Matrix, A: Matrix, scale: number): number {
  let c = 0;
  A.forEach((row, n) => {
    const tn = t[n] as number[];
    if (name === 'mse') row.forEach((a, j) => (c += ((tn[j] as number) - a) ** 2));
    else if (name === 'binaryCrossEntropy') {
      row.forEach((a, j) => {
        const y = tn[j] as number;
        const p = fromLogits ? 1 / (1 + Math.exp(-a)) : a;
        c -= (y === 0 ? 0 : y * Math.log(p)) + (y === 1 ? 0 : (1 - y) * Math.log(1 - p));
      });
    } else {
      const p = fromLogits ? activateRow('softmax', row) : row;
      p.forEach((q, j) => (c -= (tn[j] as number) === 0 ? 0 : (tn[j] as number) * Math.log(q)));
    }
  });
  return c * scale;
}

/** λ Σ w² (or λ Σ |w|), biases included only when asked. */
export function penaltyPlain(kind: 'l2' | 'l1', lambda: number, layers: readonly PlainLayer[], includeBiases = false): number {
  const f = kind === 'l2' ? (v: number) => v * v : Math.abs;
  let s = 0;
  for (const { W, b } of layers) {
    for (const row of W) for (const w of row) s += f(w);
    if (includeBiases) for (const v of b) s += f(v);
  }
  return lambda * s;
}

/** Θ as one flat list (W^1 row-major, b^1, W^2, …) and back. */
export const flattenLayers = (layers: readonly PlainLayer[]): number[] => layers.flatMap(({ W, b }) => [...W.flat(), ...b]);
export function unflattenLayers(flat: readonly number[], sizes: readonly number[]): PlainLayer[] {
  let i = 0;
  return sizes.slice(1).map((rows, l) => {
    const cols = sizes[l] as number;
    const W = Array.from({ length: rows }, () => Array.from({ length: cols }, () => flat[i++] as number));
    const b = Array.from({ length: rows }, () => flat[i++] as number);
    return { W, b };
  });
}
