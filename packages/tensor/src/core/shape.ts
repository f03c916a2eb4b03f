/**
 * Shape arithmetic shared by the ops: broadcasting, axis normalisation, strides.
 * Internal: not exported from the package.
 */
import { DomainError, ShapeError } from './errors.js';

/** Row-major strides of a shape: strides[i] = product of shape[i+1..]. */
export function stridesOf(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i] as number;
  }
  return strides;
}

/** NumPy broadcasting of two shapes; a mismatch names the op and both shapes. */
export function broadcastShapes(op: string, a: readonly number[], b: readonly number[]): number[] {
  const rank = Math.max(a.length, b.length);
  const out = new Array<number>(rank);
  for (let i = 0; i < rank; i++) {
    const da = a[a.length - rank + i] ?? 1;
    const db = b[b.length - rank + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) {
      throw new ShapeError({ op, argument: 'b', expected: `a shape broadcastable with [${a.join(', ')}]`, actual: b });
    }
    out[i] = da === 1 ? db : da;
  }
  return out;
}

/** True when two shapes are equal element by element. */
export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Strides with which to read `shape` as if broadcast to `outShape`: 0 on broadcast axes.
 * `shape` is right-aligned against `outShape`.
 */
export function broadcastStrides(shape: readonly number[], outShape: readonly number[]): number[] {
  const own = stridesOf(shape);
  const offset = outShape.length - shape.length;
  return outShape.map((_, i) => {
    const j = i - offset;
    return j < 0 || shape[j] === 1 ? 0 : (own[j] as number);
  });
}

/**
 * Turns an `axis` option (number, list, or absent for all axes) into sorted unique
 * non-negative axes; negative axes count from the end.
 */
export function normaliseAxes(op: string, rank: number, axis: number | readonly number[] | undefined): number[] {
  if (axis === undefined) return Array.from({ length: rank }, (_, i) => i);
  const list = typeof axis === 'number' ? [axis] : axis;
  const out = new Set<number>();
  for (const a of list) out.add(normaliseAxis(op, rank, a));
  return [...out].sort((x, y) => x - y);
}

/** One axis in [−rank, rank) to [0, rank). */
export function normaliseAxis(op: string, rank: number, axis: number): number {
  if (!Number.isInteger(axis) || axis < -rank || axis >= Math.max(rank, 1)) {
    throw new DomainError({ op, parameter: 'axis', value: axis, expected: `an integer in [${-rank}, ${rank})` });
  }
  return axis < 0 ? axis + rank : axis;
}

/** The shape after reducing `axes`, keeping them as length-1 axes or dropping them. */
export function reducedShape(shape: readonly number[], axes: readonly number[], keepDims: boolean): number[] {
  const out: number[] = [];
  shape.forEach((d, i) => {
    if (!axes.includes(i)) out.push(d);
    else if (keepDims) out.push(1);
  });
  return out;
}
