/**
 * Reductions over one contiguous block of axes, plain JS: the input is viewed as
 * [outer, reduced, inner] and the result as [outer, inner]. The op layer moves non-contiguous
 * axes together first, so this one shape covers every reduction.
 */
import type { TypedArray } from '../../core/tensor.js';
import type { ReduceOp } from '../types.js';

/** Writes the reduction of x viewed as [outer, reduced, inner] into out ([outer, inner]). */
export function reduceInto(op: ReduceOp, x: TypedArray, out: TypedArray, outer: number, reduced: number, inner: number): void {
  switch (op) {
    case 'sum': return sum(x, out, outer, reduced, inner);
    case 'max': return extreme(x, out, outer, reduced, inner, 1);
    case 'min': return extreme(x, out, outer, reduced, inner, -1);
    case 'argmax': return argExtreme(x, out, outer, reduced, inner, 1);
    case 'argmin': return argExtreme(x, out, outer, reduced, inner, -1);
    case 'logsumexp': return logsumexp(x, out, outer, reduced, inner);
  }
}

function sum(x: TypedArray, out: TypedArray, outer: number, reduced: number, inner: number): void {
  for (let o = 0; o < outer; o++) {
    const base = o * inner;
    if (inner === 1) {
      // Contiguous row: one running sum in a register (float64 even for float32 data).
      let s = 0;
      const start = o * reduced;
      for (let r = 0; r < reduced; r++) s += x[start + r] as number;
      out[o] = s;
      continue;
    }
    for (let r = 0; r < reduced; r++) {
      const row = (o * reduced + r) * inner;
      for (let i = 0; i < inner; i++) out[base + i] = (out[base + i] as number) + (x[row + i] as number);
    }
  }
}

/** max (sign 1) or min (sign −1); NaN wins, as in NumPy. Empty → ∓∞. */
function extreme(x: TypedArray, out: TypedArray, outer: number, reduced: number, inner: number, sign: 1 | -1): void {
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      let m = -sign * Infinity;
      for (let r = 0; r < reduced; r++) {
        const v = x[(o * reduced + r) * inner + i] as number;
        if (v !== v) { m = v; break; }
        if (sign * v > sign * m) m = v;
      }
      out[o * inner + i] = m;
    }
  }
}

/** Index of the first maximum (minimum); the first NaN wins, as in NumPy. */
function argExtreme(x: TypedArray, out: TypedArray, outer: number, reduced: number, inner: number, sign: 1 | -1): void {
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      let best = 0;
      let m = x[o * reduced * inner + i] as number;
      for (let r = 1; r < reduced && m === m; r++) {
        const v = x[(o * reduced + r) * inner + i] as number;
        if (v !== v || sign * v > sign * m) { m = v; best = r; }
      }
      out[o * inner + i] = best;
    }
  }
}

/** m + ln Σ exp(x − m) with m the max: never overflows; all −∞ gives −∞. */
function logsumexp(x: TypedArray, out: TypedArray, outer: number, reduced: number, inner: number): void {
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      let m = -Infinity;
      for (let r = 0; r < reduced; r++) {
        const v = x[(o * reduced + r) * inner + i] as number;
        if (v > m || v !== v) m = v;
        if (v !== v) break;
      }
      if (m === Infinity || m === -Infinity || m !== m) { out[o * inner + i] = m; continue; }
      let s = 0;
      for (let r = 0; r < reduced; r++) s += Math.exp((x[(o * reduced + r) * inner + i] as number) - m);
      out[o * inner + i] = m + Math.log(s);
    }
  }
}
