/**
 * Differentiable selection and joining. Each VJP is the opposite move: a slice's cotangent is
 * padded back with zeros, a gather's is scattered back (adding where an index repeats), a
 * concatenation's is sliced apart. None of them computes anything but the scatter's additions.
 *
 * | op | z | VJP |
 * | --- | --- | --- |
 * | slice | x[b : b + s] | x̄ = pad(z̄) with zeros around |
 * | pad | zeros around x | x̄ = slice(z̄) |
 * | gather | x[idx] along an axis | x̄ = scatterAdd(z̄, idx) |
 * | scatterAdd | Σ of z̄'s rows into idx | ḡ = gather(z̄, idx) |
 * | concat | [x₁, …, xₙ] along an axis | x̄ⱼ = slice of z̄ |
 *
 * @module
 */
import * as T from '@theta/tensor';
import type { Cost, Rule } from '../rule.js';
import { primalAt, tapeOf, topN } from '../tape.js';
import { asTensor, shapeOf, sizeOf, type Value } from '../value.js';
import { expandDims } from './layout.js';

const free = (inputs: readonly Value[]): Cost => ({ forward: 0, backward: inputs.map(() => 0) });

const sliceRule: Rule<readonly number[], readonly [Value]> = {
  op: 'slice',
  vjp: (g, [x], z, begin) => pad(g, shapeOf(x).map((d, i) => [begin[i] as number, d - (begin[i] as number) - (shapeOf(z)[i] as number)] as const)),
  cost: free,
};

/**
 * The block of x that starts at `begin` and has `size` (−1 or absent: to the end of the axis).
 * VJP: $\bar x$ is $\bar z$ padded with zeros back to x's shape.
 *
 * @since 0.1.0
 * @category Selection
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * import * as T from '@theta/tensor';
 * const x = T.tensor([1, 2, 3, 4]);
 * console.log(T.toArray(R.grad((v: R.Value) => R.sum(R.slice(v, [1], [2])))(x))); // [0, 1, 1, 0]
 * ```
 */
export function slice(x: T.Tensor, begin: readonly number[], size?: readonly number[]): T.Tensor;
export function slice(x: Value, begin: readonly number[], size?: readonly number[]): Value;
export function slice(x: Value, begin: readonly number[], size?: readonly number[]): Value {
  const tape = tapeOf(x, 'slice');
  if (tape === undefined) return T.slice(asTensor(x), begin, size);
  const inner = primalAt(x, tape);
  const out = slice(inner, begin, size);
  return tape.push(sliceRule, [x], [inner], out, shapeOf(x).map((_, i) => begin[i] ?? 0));
}

/** Zero padding by `[before, after]` per axis, with @theta/tensor's concat. */
function padPlain(x: T.Tensor, widths: readonly (readonly [number, number])[]): T.Tensor {
  let r = x;
  widths.forEach(([before, after], axis) => {
    for (const [name, w] of [['before', before], ['after', after]] as const) {
      if (!Number.isInteger(w) || w < 0) throw new T.DomainError({ op: 'pad', parameter: `widths[${axis}].${name}`, value: w, expected: 'a non-negative integer' });
    }
    if (before === 0 && after === 0) return;
    const side = (w: number): T.Tensor => T.zeros(r.shape.map((d, i) => (i === axis ? w : d)), { dtype: r.dtype });
    r = T.concat([side(before), r, side(after)], axis);
  });
  return r;
}

const padRule: Rule<readonly (readonly [number, number])[], readonly [Value]> = {
  op: 'pad',
  vjp: (g, [x], _z, widths) => slice(g, shapeOf(x).map((_, i) => widths[i]?.[0] ?? 0), shapeOf(x)),
  cost: free,
};

/**
 * Pads x with `widths[i] = [before, after]` zeros along axis i (missing axes: none).
 * VJP: $\bar x$ is the middle block of $\bar z$ — the adjoint of {@link slice}.
 *
 * @since 0.1.0
 * @category Selection
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * import * as T from '@theta/tensor';
 * console.log(T.toArray(R.pad(T.tensor([1, 2]), [[1, 2]]))); // [0, 1, 2, 0, 0]
 * ```
 */
export function pad(x: T.Tensor, widths: readonly (readonly [number, number])[]): T.Tensor;
export function pad(x: Value, widths: readonly (readonly [number, number])[]): Value;
export function pad(x: Value, widths: readonly (readonly [number, number])[]): Value {
  const tape = tapeOf(x, 'pad');
  if (tape === undefined) {
    const t = asTensor(x);
    if (widths.length > t.shape.length) throw new T.ShapeError({ op: 'pad', argument: 'widths', expected: `at most ${t.shape.length} pairs`, actual: `${widths.length} pairs` });
    return padPlain(t, widths);
  }
  const inner = primalAt(x, tape);
  return tape.push(padRule, [x], [inner], pad(inner, widths), widths);
}

/** Gather's parameters: the indices (copied) and the normalised axis. */
interface Gathered {
  readonly indices: readonly number[];
  readonly axis: number;
}

const gatherRule: Rule<Gathered, readonly [Value]> = {
  op: 'gather',
  vjp: (g, [x], _z, { indices, axis }) => scatterAdd(g, indices, axis, shapeOf(x)[axis] as number),
  // The scatter adds each cotangent element once.
  cost: (_x, z) => ({ forward: 0, backward: [sizeOf(z)] }),
};

/**
 * The entries `indices` of x along `axis` (repeats allowed). VJP: $\bar z$ is scattered back,
 * adding where an index repeats.
 *
 * @since 0.1.0
 * @category Selection
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * import * as T from '@theta/tensor';
 * const x = T.tensor([10, 20, 30]);
 * console.log(T.toArray(R.grad((v: R.Value) => R.sum(R.gather(v, [2, 0, 2])))(x))); // [1, 0, 2]
 * ```
 */
export function gather(x: T.Tensor, indices: ArrayLike<number> | T.Tensor, axis?: number): T.Tensor;
export function gather(x: Value, indices: ArrayLike<number> | T.Tensor, axis?: number): Value;
export function gather(x: Value, indices: ArrayLike<number> | T.Tensor, axis = 0): Value {
  const tape = tapeOf(x, 'gather');
  if (tape === undefined) return T.gather(asTensor(x), indices, axis);
  const inner = primalAt(x, tape);
  const out = gather(inner, indices, axis);
  const list = T.isTensor(indices) ? T.toArray(indices) : Array.from(indices);
  const rank = shapeOf(x).length;
  return tape.push(gatherRule, [x], [inner], out, { indices: list, axis: axis < 0 ? axis + rank : axis });
}

/** out[…, indices[j], …] += g[…, j, …] along `axis`, into `length` slots. */
function scatterAddPlain(g: T.Tensor, indices: readonly number[], axis: number, length: number): T.Tensor {
  const shape = g.shape.map((d, i) => (i === axis ? length : d));
  const inner = g.shape.slice(axis + 1).reduce((a, b) => a * b, 1);
  const outer = g.shape.slice(0, axis).reduce((a, b) => a * b, 1);
  const source = T.toArray(g);
  const out = new Array<number>(outer * length * inner).fill(0);
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < indices.length; j++) {
      const to = (o * length + (indices[j] as number)) * inner;
      const from = (o * indices.length + j) * inner;
      for (let i = 0; i < inner; i++) out[to + i] = (out[to + i] as number) + (source[from + i] as number);
    }
  }
  return T.fromArray(out, shape, { dtype: g.dtype });
}

const scatterAddRule: Rule<Gathered & { readonly length: number }, readonly [Value]> = {
  op: 'scatterAdd',
  vjp: (g, _x, _z, { indices, axis }) => gather(g, indices, axis),
  cost: ([x]) => ({ forward: sizeOf(x), backward: [0] }),
};

/** The adjoint of gather: rows of `g` added into `length` slots at `indices` along `axis`. */
export function scatterAdd(g: Value, indices: readonly number[], axis: number, length: number): Value {
  const tape = tapeOf(g, 'scatterAdd');
  if (tape === undefined) return scatterAddPlain(asTensor(g), indices, axis, length);
  const inner = primalAt(g, tape);
  return tape.push(scatterAddRule, [g], [inner], scatterAdd(inner, indices, axis, length), { indices, axis, length });
}

/** Concat's parameters: the normalised axis and where each part starts along it. */
interface Joined {
  readonly axis: number;
  readonly offsets: readonly number[];
}

const concatRule: Rule<Joined, readonly Value[]> = {
  op: 'concat',
  vjp: (g, inputs, _z, { axis, offsets }, j) => {
    const part = shapeOf(inputs[j] as Value);
    return slice(g, part.map((_, i) => (i === axis ? (offsets[j] as number) : 0)), part);
  },
  cost: free,
};

/**
 * Joins tensors along an existing `axis`. VJP: $\bar x_j$ is the slice of $\bar z$ where $x_j$ sits.
 *
 * @since 0.1.0
 * @category Selection
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * import * as T from '@theta/tensor';
 * console.log(T.toArray(R.concat([T.tensor([1]), T.tensor([2, 3])]))); // [1, 2, 3]
 * ```
 */
export function concat(parts: readonly T.Tensor[], axis?: number): T.Tensor;
export function concat(parts: readonly Value[], axis?: number): Value;
export function concat(parts: readonly Value[], axis = 0): Value {
  const tape = topN(parts, 'concat');
  if (tape === undefined) return T.concat(parts.map(asTensor), axis);
  const inner = parts.map((p) => primalAt(p, tape));
  const out = concat(inner, axis);
  const ax = axis < 0 ? axis + shapeOf(out).length : axis;
  let at = 0;
  const offsets = inner.map((p) => ((at += shapeOf(p)[ax] as number), at - (shapeOf(p)[ax] as number)));
  return tape.push(concatRule, parts, inner, out, { axis: ax, offsets });
}

/**
 * Stacks equal-shaped tensors along a new `axis`: `expandDims` each, then `concat`.
 *
 * @since 0.1.0
 * @category Selection
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * import * as T from '@theta/tensor';
 * console.log(R.stack([T.tensor([1, 2]), T.tensor([3, 4])]).shape); // [2, 2]
 * ```
 */
export function stack(parts: readonly T.Tensor[], axis?: number): T.Tensor;
export function stack(parts: readonly Value[], axis?: number): Value;
export function stack(parts: readonly Value[], axis = 0): Value {
  if (topN(parts, 'stack') === undefined) return T.stack(parts.map(asTensor), axis);
  const first = shapeOf(parts[0] as Value);
  parts.forEach((p, i) => {
    const s = shapeOf(p);
    if (s.length !== first.length || s.some((d, j) => d !== first[j])) throw new T.ShapeError({ op: 'stack', argument: `tensors[${i}]`, expected: first, actual: s });
  });
  return concat(parts.map((p) => expandDims(p, axis)), axis);
}
