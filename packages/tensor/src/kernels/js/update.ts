/**
 * The plain-JS passes a training step makes over every parameter: Θ + factor·g (an SGD step)
 * and the finiteness check. One loop per dtype: a loop that has seen both float32 and float64
 * arrays runs markedly slower in V8.
 */
import type { TypedArray } from '../../core/tensor.js';

/** out = base + factor·x; float32: the product is rounded to float32 before the add. */
export function scaledAddInto(base: TypedArray, x: TypedArray, out: TypedArray, factor: number): void {
  if (base instanceof Float32Array && x instanceof Float32Array && out instanceof Float32Array) scaledAdd32(base, x, out, factor);
  else scaledAdd64(base, x, out as Float64Array, factor);
}

function scaledAdd32(base: Float32Array, x: Float32Array, out: Float32Array, factor: number): void {
  for (let i = 0; i < x.length; i++) out[i] = (base[i] as number) + Math.fround(factor * (x[i] as number));
}

function scaledAdd64(base: TypedArray, x: TypedArray, out: Float64Array, factor: number): void {
  for (let i = 0; i < x.length; i++) out[i] = (base[i] as number) + factor * (x[i] as number);
}

/**
 * Whether every element is finite, branch-free: v · 0 is ±0 for finite v and NaN for NaN or
 * ±∞, so the sums stay 0 only if all are finite. Four sums, because one would wait on each
 * add's latency.
 */
export function allFiniteData(data: TypedArray): boolean {
  const n = data.length;
  const n4 = n - (n % 4);
  let a0 = 0;
  let a1 = 0;
  let a2 = 0;
  let a3 = 0;
  for (let i = 0; i < n4; i += 4) {
    a0 += (data[i] as number) * 0;
    a1 += (data[i + 1] as number) * 0;
    a2 += (data[i + 2] as number) * 0;
    a3 += (data[i + 3] as number) * 0;
  }
  for (let i = n4; i < n; i++) a0 += (data[i] as number) * 0;
  return a0 + a1 + a2 + a3 === 0;
}
