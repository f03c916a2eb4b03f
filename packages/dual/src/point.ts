/**
 * Points of ℝⁿ as the transforms take them — one `Num`, an array of them, or a record of them —
 * flattened to a list of leaves and rebuilt, with the typed errors for anything else.
 *
 * @module
 */
import { Dual, isNum, type Num } from './dual.js';
import { ShapeError, TypeMismatchError, describe } from './errors.js';

/**
 * A point of ℝⁿ as an array of coordinates.
 *
 * @since 0.1.0
 * @category Points
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * const x: D.Vector = [1, 2, 3];
 * console.log(D.gradient((v: D.Vector) => D.sum(v))(x)); // [ 1, 1, 1 ]
 * ```
 */
export type Vector = readonly Num[];

/**
 * A point of ℝⁿ as named coordinates, such as `{ w: 0.5, b: -1 }`.
 *
 * @since 0.1.0
 * @category Points
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * const p: D.NumRecord = { w: 2, b: 1 };
 * console.log(D.gradient((q: D.NumRecord) => D.mul(q['w']!, q['b']!))(p)); // { w: 1, b: 2 }
 * ```
 */
export type NumRecord = { readonly [key: string]: Num };

/**
 * What the transforms take and return: one `Num`, an array of them, or a record of them.
 *
 * @since 0.1.0
 * @category Points
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * const points: D.Point[] = [1, [1, 2], { a: 1 }];
 * console.log(points.length); // 3
 * ```
 */
export type Point = Num | Vector | NumRecord;

/**
 * A value with the structure of `X` and `Num` leaves: what a gradient of a function of `X` is.
 *
 * @since 0.1.0
 * @category Points
 * @example
 * ```ts
 * import * as D from '@theta/dual';
 * type P = { w: D.Num; b: D.Num };
 * const g: D.Like<P> = D.gradient((p: P) => D.mul(p.w, p.b))({ w: 3, b: 4 });
 * console.log(g.w, g.b); // 4 3
 * ```
 */
export type Like<X> = X extends Num
  ? Num
  : X extends readonly Num[]
    ? Num[]
    : { -readonly [K in keyof X]: Num };

/** How a point is laid out: its leaves go in array order, or in the record's key order. */
export type Structure =
  | { readonly kind: 'scalar' }
  | { readonly kind: 'vector'; readonly length: number }
  | { readonly kind: 'record'; readonly keys: readonly string[] };

/** A point taken apart: its structure and its leaves in order. */
export interface Flat {
  /** The layout to rebuild with. */
  readonly structure: Structure;
  /** The coordinates, in layout order. */
  readonly leaves: readonly Num[];
}

const expectedPoint = 'a number, a Dual, or an array or record of them';

const isRecord = (x: unknown): x is Readonly<Record<string, unknown>> =>
  typeof x === 'object' && x !== null && !Array.isArray(x) && !(x instanceof Dual) && !ArrayBuffer.isView(x);

const leaf = (op: string, path: string, value: unknown): Num => {
  if (isNum(value)) return value;
  throw new TypeMismatchError({ op, argument: path, expected: 'a number or Dual', actual: describe(value) });
};

/** Takes `x` apart, checking every leaf; `name` is how errors refer to it (`x`, `f(x)`). */
export function flatten(op: string, name: string, x: unknown): Flat {
  if (isNum(x)) return { structure: { kind: 'scalar' }, leaves: [x] };
  if (Array.isArray(x)) {
    const leaves = x.map((v, i) => leaf(op, `${name}[${i}]`, v));
    return { structure: { kind: 'vector', length: x.length }, leaves };
  }
  if (isRecord(x)) {
    const keys = Object.keys(x);
    return { structure: { kind: 'record', keys }, leaves: keys.map((k) => leaf(op, `${name}.${k}`, x[k])) };
  }
  throw new TypeMismatchError({ op, argument: name, expected: expectedPoint, actual: describe(x) });
}

const showStructure = (s: Structure): string => {
  if (s.kind === 'scalar') return 'a single number';
  return s.kind === 'vector' ? `length ${s.length}` : `keys [${s.keys.join(', ')}]`;
};

/** The leaves of a tangent `v`, in the order of `structure`; a different layout is a ShapeError. */
export function leavesLike(op: string, name: string, structure: Structure, v: unknown): readonly Num[] {
  const flat = flatten(op, name, v);
  const got = flat.structure;
  const mismatch = (): ShapeError =>
    new ShapeError({ op, argument: name, expected: showStructure(structure), actual: showStructure(got) });
  if (structure.kind === 'scalar' || structure.kind === 'vector') {
    const sameLength = got.kind !== 'vector' || structure.kind !== 'vector' || got.length === structure.length;
    if (got.kind !== structure.kind || !sameLength) throw mismatch();
    return flat.leaves;
  }
  if (got.kind !== 'record' || got.keys.length !== structure.keys.length) throw mismatch();
  const record = v as NumRecord;
  if (!structure.keys.every((k) => Object.prototype.hasOwnProperty.call(record, k))) throw mismatch();
  return structure.keys.map((k) => record[k]!);
}

/** Puts leaves back into `structure`: a lone leaf, an array, or a record. */
export function unflatten<T>(structure: Structure, leaves: readonly T[]): T | T[] | Record<string, T> {
  if (structure.kind === 'scalar') return leaves[0] as T;
  if (structure.kind === 'vector') return leaves.slice();
  return Object.fromEntries(structure.keys.map((k, i) => [k, leaves[i] as T]));
}
