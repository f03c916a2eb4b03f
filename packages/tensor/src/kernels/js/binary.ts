/**
 * Elementwise maps of two broadcast arguments, plain JS. The broadcast is walked as rows of
 * the last axis; each row is one tight loop chosen by a switch outside it.
 */
import type { TypedArray } from '../../core/tensor.js';
import { broadcastStrides } from '../../core/shape.js';
import type { BinaryOp } from '../types.js';

/** out[o + i] = op(a[ia + i·sa], b[ib + i·sb]) for i < n. */
function row(op: BinaryOp, a: TypedArray, ia: number, sa: number, b: TypedArray, ib: number, sb: number, out: TypedArray, o: number, n: number): void {
  switch (op) {
    case 'add': for (let i = 0; i < n; i++) out[o + i] = (a[ia + i * sa] as number) + (b[ib + i * sb] as number); return;
    case 'sub': for (let i = 0; i < n; i++) out[o + i] = (a[ia + i * sa] as number) - (b[ib + i * sb] as number); return;
    case 'mul': for (let i = 0; i < n; i++) out[o + i] = (a[ia + i * sa] as number) * (b[ib + i * sb] as number); return;
    case 'div': for (let i = 0; i < n; i++) out[o + i] = (a[ia + i * sa] as number) / (b[ib + i * sb] as number); return;
    case 'pow': for (let i = 0; i < n; i++) out[o + i] = Math.pow(a[ia + i * sa] as number, b[ib + i * sb] as number); return;
    // NaN-propagating, as NumPy's maximum/minimum.
    case 'maximum': for (let i = 0; i < n; i++) out[o + i] = Math.max(a[ia + i * sa] as number, b[ib + i * sb] as number); return;
    case 'minimum': for (let i = 0; i < n; i++) out[o + i] = Math.min(a[ia + i * sa] as number, b[ib + i * sb] as number); return;
    case 'equal': for (let i = 0; i < n; i++) out[o + i] = a[ia + i * sa] === b[ib + i * sb] ? 1 : 0; return;
    case 'notEqual': for (let i = 0; i < n; i++) out[o + i] = a[ia + i * sa] !== b[ib + i * sb] ? 1 : 0; return;
    case 'less': for (let i = 0; i < n; i++) out[o + i] = (a[ia + i * sa] as number) < (b[ib + i * sb] as number) ? 1 : 0; return;
    case 'lessEqual': for (let i = 0; i < n; i++) out[o + i] = (a[ia + i * sa] as number) <= (b[ib + i * sb] as number) ? 1 : 0; return;
    case 'greater': for (let i = 0; i < n; i++) out[o + i] = (a[ia + i * sa] as number) > (b[ib + i * sb] as number) ? 1 : 0; return;
    case 'greaterEqual': for (let i = 0; i < n; i++) out[o + i] = (a[ia + i * sa] as number) >= (b[ib + i * sb] as number) ? 1 : 0; return;
  }
}

/**
 * Calls `visit(offsets, out offset)` once per row of the last axis of `outShape`, with each
 * operand's starting offset for that row (odometer over the leading axes).
 */
export function forEachRow(
  shapes: readonly (readonly number[])[],
  outShape: readonly number[],
  visit: (offsets: readonly number[], o: number, n: number, lastStrides: readonly number[]) => void,
): void {
  const rank = outShape.length;
  const strides = shapes.map((s) => broadcastStrides(s, outShape));
  const n = rank === 0 ? 1 : (outShape[rank - 1] as number);
  const lastStrides = strides.map((s) => (rank === 0 ? 0 : (s[rank - 1] as number)));
  let rows = 1;
  for (let i = 0; i < rank - 1; i++) rows *= outShape[i] as number;
  if (n === 0 || rows === 0) return;
  const index = new Array<number>(Math.max(rank - 1, 0)).fill(0);
  const offsets = new Array<number>(shapes.length).fill(0);
  for (let r = 0; r < rows; r++) {
    visit(offsets, r * n, n, lastStrides);
    // Advance the odometer over axes rank−2 … 0 and update each operand's offset.
    for (let ax = rank - 2; ax >= 0; ax--) {
      index[ax] = (index[ax] as number) + 1;
      for (let k = 0; k < shapes.length; k++) offsets[k] = (offsets[k] as number) + ((strides[k] as number[])[ax] as number);
      if ((index[ax] as number) < (outShape[ax] as number)) break;
      for (let k = 0; k < shapes.length; k++) offsets[k] = (offsets[k] as number) - ((strides[k] as number[])[ax] as number) * (outShape[ax] as number);
      index[ax] = 0;
    }
  }
}

/** Writes op(a, b) broadcast to `outShape` into `out`. */
export function binaryInto(
  op: BinaryOp,
  a: TypedArray, aShape: readonly number[],
  b: TypedArray, bShape: readonly number[],
  out: TypedArray, outShape: readonly number[],
): void {
  // Fast paths: equal sizes (no broadcast) and a scalar on either side.
  if (a.length === out.length && b.length === out.length) return row(op, a, 0, 1, b, 0, 1, out, 0, out.length);
  if (b.length === 1 && a.length === out.length) return row(op, a, 0, 1, b, 0, 0, out, 0, out.length);
  if (a.length === 1 && b.length === out.length) return row(op, a, 0, 0, b, 0, 1, out, 0, out.length);
  forEachRow([aShape, bShape], outShape, (offsets, o, n, last) =>
    row(op, a, offsets[0] as number, last[0] as number, b, offsets[1] as number, last[1] as number, out, o, n),
  );
}
