// Every non-elementwise op (matmul in every transpose form and batched, reductions along axes,
// layout, selection, where, softmax): its VJP against the forward derivative J u written out
// here (⟨v, J u⟩ = ⟨Jᵀv, u⟩ to 1e-10) and against central finite differences.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as T from '@theta/tensor';
import * as R from '../index.js';

const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const fill = (next: () => number, shape: readonly number[]): T.Tensor =>
  T.fromArray(Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => 4 * next() - 2), shape);
const flat = (v: R.Value): number[] => {
  const p = R.stopGradient(v);
  return typeof p === 'number' ? [p] : T.toArray(p);
};
const inner = (a: R.Value, b: R.Value): number => {
  const y = flat(b);
  return flat(a).reduce((s, xi, i) => s + xi * (y[i] as number), 0);
};

interface Spec {
  /** Input shapes. */
  readonly shapes: readonly (readonly number[])[];
  /** The op under test, on R values. */
  readonly f: (...xs: R.Value[]) => R.Value;
  /** Its forward derivative in direction us, from @theta/tensor ops and closed forms. */
  readonly jvp: (xs: T.Tensor[], us: T.Tensor[]) => T.Tensor;
}

const mm = (flags: T.MatmulOptions): Spec => {
  const [m, k, n] = [2, 3, 4];
  return {
    shapes: [flags.transposeA === true ? [k, m] : [m, k], flags.transposeB === true ? [n, k] : [k, n]],
    f: (a, b) => R.matmul(a, b, flags),
    jvp: ([a, b], [ua, ub]) => T.add(T.matmul(ua!, b!, flags), T.matmul(a!, ub!, flags)),
  };
};
const linear = (shapes: number[][], op: (...xs: R.Value[]) => R.Value): Spec => ({
  shapes,
  f: op,
  jvp: (_xs, us) => R.stopGradient(op(...us)) as T.Tensor, // a linear op is its own derivative
});
/** [x = its max along the axes], as weights for the derivative of max/min (no ties here). */
const argmaxMask = (x: T.Tensor, z: T.Tensor): T.Tensor => T.equal(x, z);

const specs: Record<string, Spec> = {
  'matmul A B': mm({}),
  'matmul A Bᵀ': mm({ transposeB: true }),
  'matmul Aᵀ B': mm({ transposeA: true }),
  'matmul Aᵀ Bᵀ': mm({ transposeA: true, transposeB: true }),
  'matmul batched, a broadcast': { shapes: [[2, 3], [2, 3, 4]], f: (a, b) => R.matmul(a, b), jvp: ([a, b], [ua, ub]) => T.add(T.matmul(ua!, b!), T.matmul(a!, ub!)) },
  'matmul batched Aᵀ, b broadcast': {
    shapes: [[2, 1, 3, 2], [2, 3, 4]],
    f: (a, b) => R.matmul(a, b, { transposeA: true }),
    jvp: ([a, b], [ua, ub]) => T.add(T.matmul(ua!, b!, { transposeA: true }), T.matmul(a!, ub!, { transposeA: true })),
  },
  'dot vector·vector': { shapes: [[4], [4]], f: (a, b) => R.dot(a, b), jvp: ([a, b], [ua, ub]) => T.add(T.dot(ua!, b!), T.dot(a!, ub!)) },
  'dot matrix·vector': { shapes: [[3, 4], [4]], f: (a, b) => R.dot(a, b), jvp: ([a, b], [ua, ub]) => T.add(T.dot(ua!, b!), T.dot(a!, ub!)) },
  outer: { shapes: [[3], [2]], f: (a, b) => R.outer(a, b), jvp: ([a, b], [ua, ub]) => T.add(T.outer(ua!, b!), T.outer(a!, ub!)) },
  'sum all': linear([[2, 3]], (x) => R.sum(x!)),
  'sum axis 0': linear([[2, 3]], (x) => R.sum(x!, { axis: 0 })),
  'sum axes [0, 2] keepDims': linear([[2, 3, 2]], (x) => R.sum(x!, { axis: [0, 2], keepDims: true })),
  'mean axis -1': linear([[2, 3]], (x) => R.mean(x!, { axis: -1 })),
  'max axis 1': {
    shapes: [[3, 4]],
    f: (x) => R.max(x!, { axis: 1 }),
    jvp: ([x], [u]) => T.sum(T.mul(argmaxMask(x!, T.max(x!, { axis: 1, keepDims: true })), u!), { axis: 1 }),
  },
  'min all': { shapes: [[3, 4]], f: (x) => R.min(x!), jvp: ([x], [u]) => T.sum(T.mul(argmaxMask(x!, T.min(x!)), u!)) },
  'logsumexp axis 1': {
    shapes: [[3, 4]],
    f: (x) => R.logsumexp(x!, { axis: 1 }),
    jvp: ([x], [u]) => T.sum(T.mul(T.softmax(x!, 1), u!), { axis: 1 }),
  },
  'norm (ord 2) axis -1': { shapes: [[3, 4]], f: (x) => R.norm(x!, { axis: -1 }), jvp: ([x], [u]) => T.div(T.sum(T.mul(x!, u!), { axis: -1 }), T.norm(x!, { axis: -1 })) },
  'norm ord 1': { shapes: [[5]], f: (x) => R.norm(x!, { ord: 1 }), jvp: ([x], [u]) => T.sum(T.mul(T.sign(x!), u!)) },
  'norm ord ∞': { shapes: [[5]], f: (x) => R.norm(x!, { ord: Infinity }), jvp: ([x], [u]) => T.sum(T.mul(T.mul(T.sign(x!), argmaxMask(T.abs(x!), T.max(T.abs(x!)))), u!)) },
  reshape: linear([[2, 3]], (x) => R.reshape(x!, [3, -1])),
  transpose: linear([[2, 3, 4]], (x) => R.transpose(x!, [1, 2, 0])),
  'transpose (reversed)': linear([[2, 3]], (x) => R.transpose(x!)),
  broadcastTo: linear([[3, 1]], (x) => R.broadcastTo(x!, [2, 3, 4])),
  sumTo: linear([[2, 3, 4]], (x) => R.sumTo(x!, [3, 1])),
  expandDims: linear([[2, 3]], (x) => R.expandDims(x!, -1)),
  slice: linear([[3, 4]], (x) => R.slice(x!, [1, 1], [2, -1])),
  pad: linear([[2, 3]], (x) => R.pad(x!, [[1, 0], [2, 1]])),
  'gather with repeats, axis 1': linear([[2, 4]], (x) => R.gather(x!, [3, 0, 3, 1], 1)),
  concat: linear([[2, 1], [2, 3], [2, 2]], (a, b, c) => R.concat([a!, b!, c!], 1)),
  stack: linear([[2, 3], [2, 3]], (a, b) => R.stack([a!, b!], -1)),
  'where, broadcast': {
    shapes: [[2, 3], [3]],
    f: (a, b) => R.where(T.tensor([[1, 0, 1], [0, 0, 1]]), a!, b!),
    jvp: (_xs, [ua, ub]) => T.where(T.tensor([[1, 0, 1], [0, 0, 1]]), ua!, ub!),
  },
  'softmax axis -1': {
    shapes: [[2, 4]],
    f: (x) => R.softmax(x!),
    jvp: ([x], [u]) => {
      const s = T.softmax(x!);
      return T.mul(s, T.sub(u!, T.sum(T.mul(s, u!), { axis: -1, keepDims: true })));
    },
  },
  'softmax axis 0': {
    shapes: [[3, 2]],
    f: (x) => R.softmax(x!, 0),
    jvp: ([x], [u]) => {
      const s = T.softmax(x!, 0);
      return T.mul(s, T.sub(u!, T.sum(T.mul(s, u!), { axis: 0, keepDims: true })));
    },
  },
  logSoftmax: { shapes: [[2, 4]], f: (x) => R.logSoftmax(x!), jvp: ([x], [u]) => T.sub(u!, T.sum(T.mul(T.softmax(x!), u!), { axis: -1, keepDims: true })) },
};

describe('tensor ops: VJP vs J u written out (1e-10) and vs finite differences', () => {
  for (const [name, spec] of Object.entries(specs)) {
    it(name, () => {
      fc.assert(
        fc.property(fc.integer(), (seed) => {
          const next = random(seed);
          const xs = spec.shapes.map((s) => fill(next, s));
          const us = spec.shapes.map((s) => fill(next, s));
          const [y, pullback] = R.vjp(spec.f)(...xs);
          const v = fill(next, R.shapeOf(y as R.Value));
          const pulled = pullback(v) as readonly R.Value[];
          pulled.forEach((g, j) => expect(R.shapeOf(g)).toEqual(spec.shapes[j]));
          const lhs = pulled.reduce<number>((s, g, j) => s + inner(g, us[j] as T.Tensor), 0);
          const rhs = inner(v, spec.jvp(xs, us));
          expect(Math.abs(lhs - rhs)).toBeLessThanOrEqual(1e-10 * (1 + Math.abs(rhs)));
          const h = 1e-6;
          const along = (t: number): number => inner(v, spec.f(...xs.map((x, j) => T.add(x, T.mul(us[j] as T.Tensor, t)))));
          expect(Math.abs((along(h) - along(-h)) / (2 * h) - lhs)).toBeLessThanOrEqual(1e-6 * (1 + Math.abs(lhs)));
        }),
        { seed: 21, numRuns: 15 },
      );
    });
  }
});

describe('ops on plain values compute exactly what @theta/tensor computes', () => {
  it('matmul, softmax, logsumexp, norm: the traced value equals the plain one', () => {
    const next = random(5);
    const a = fill(next, [3, 4]);
    const b = fill(next, [4, 2]);
    const plain = [T.matmul(a, b), T.softmax(a), T.logsumexp(a, { axis: 0 }), T.norm(a, { axis: 1 })];
    const traced = R.trace((x: R.Value) => [R.matmul(x, b), R.softmax(x), R.logsumexp(x, { axis: 0 }), R.norm(x, { axis: 1 })])(a).output as T.Tensor[];
    traced.forEach((t, i) => expect(T.toArray(t)).toEqual(T.toArray(plain[i] as T.Tensor)));
    expect(T.toArray(R.matmul(a, b))).toEqual(T.toArray(plain[0] as T.Tensor));
  });

  it('reductions spread the cotangent over ties and stay finite at large inputs', () => {
    expect(T.toArray(R.grad((x: R.Value) => R.max(x))(T.tensor([2, 1, 2])))).toEqual([0.5, 0, 0.5]);
    expect(T.toArray(R.grad((x: R.Value) => R.logsumexp(x))(T.tensor([1000, 1000])))).toEqual([0.5, 0.5]);
    expect(T.toArray(R.grad((x: R.Value) => R.sum(R.logSoftmax(x)))(T.tensor([800, -800])))).toEqual([-1, 1]); // 1 − 2·softmax
    expect(T.toArray(R.grad((x: R.Value) => R.norm(x))(T.zeros([3])))).toEqual([0, 0, 0]);
  });

  it('the FLOP model counts 2mkn for a 32×50 · 50×50 product, forward and per traced input', () => {
    const count = R.flopCount(R.trace((a: R.Value, b: R.Value) => R.matmul(a, b))(T.ones([32, 50]), T.ones([50, 50])));
    expect([count.forward, count.backward]).toEqual([160000, 320000]);
    const one = R.flopCount(R.trace((b: R.Value) => R.matmul(T.ones([32, 50]), b))(T.ones([50, 50])));
    expect(one.backward).toBe(160000);
  });
});
