/**
 * The neighbouring floats of a number, read from its bits: used to keep uniform draws strictly
 * below `max` when rounding lands on it. Internal: not exported from the package.
 */

/** The largest float64 below `x` (finite `x`). */
export function nextDown64(x: number): number {
  if (x === 0) return -Number.MIN_VALUE;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  // A positive float moves down by decrementing its bit pattern; a negative one by incrementing it.
  const step = x > 0 ? -1 : 1;
  const newLo = lo + step;
  view.setUint32(4, newLo >>> 0);
  if (newLo < 0 || newLo > 0xffffffff) view.setUint32(0, hi + step);
  return view.getFloat64(0);
}

/** Moves a float32 value (or ±Infinity) one float32 step down (`direction` −1) or up (+1). */
function step32(x: number, direction: -1 | 1): number {
  if (x === 0) return direction * 1.401298464324817e-45;
  const view = new DataView(new ArrayBuffer(4));
  view.setFloat32(0, x);
  const bits = view.getUint32(0);
  // The bit pattern grows with the magnitude, so the step's sign flips for negative numbers.
  view.setUint32(0, x > 0 ? bits + direction : bits - direction);
  return view.getFloat32(0);
}

/** The largest float32 strictly below `x` (any number). */
export function float32Below(x: number): number {
  const f = Math.fround(x);
  return f < x ? f : step32(f, -1);
}

/** The smallest float32 at or above `x` (any number). */
export function float32AtOrAbove(x: number): number {
  const f = Math.fround(x);
  return f >= x ? f : step32(f, 1);
}
