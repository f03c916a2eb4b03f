// The SIMD exp family (assembly/exp.ts) against V8's Math on dense sweeps and the edges of
// its range: float64 within a few ulp, float32 equal to Math.fround of the float64 Math value
// (the JS kernels' float32 rule), and the special values exactly.
import { describe, expect, it } from 'vitest';
import { make, type Tensor } from '../../core/tensor.js';
import { sigmoidScalar } from '../js/unary.js';
import type { UnaryOp } from '../types.js';
import { wasmKernels } from './kernels.js';
import { instantiateSync } from './runtime.js';

const kernels = wasmKernels(instantiateSync()!);
const MATH: Partial<Record<UnaryOp, (x: number) => number>> = { exp: Math.exp, expm1: Math.expm1, sigmoid: sigmoidScalar, tanh: Math.tanh };
/** Most ulp from V8's float64 result allowed (measured over 4·10⁵ points: exp 1, expm1 and sigmoid 2, tanh 3). */
const ULPS: Partial<Record<UnaryOp, number>> = { exp: 1, expm1: 2, sigmoid: 2, tanh: 3 };

const EDGES = [
  0, -0, 5e-324, -5e-324, 2.2e-308, 1e-300, -1e-300, 1e-20, -1e-20, 1e-8, -1e-8, 0.5, -0.5, 0.34657359, -0.34657359, 1, -1,
  19, 20, 22, -22, 40, -40, 88, -88, 88.72, 88.73, -103.9, -104, 709, -709, 709.78, 709.79, 710, -710, 744.4, -744.4, 745, -745,
  745.2, -745.2, 800, -800, 1e300, -1e300, NaN, Infinity, -Infinity,
];

/** A dense sweep: wide (±760), moderate (±30) and small (±1.5·10^−e) values, then the edges. */
function sweep(): number[] {
  const n = 24_000;
  const xs = Array.from({ length: n }, (_, i) => {
    const t = (i / n) * 2 - 1;
    return i % 3 === 0 ? t * 760 : i % 3 === 1 ? t * 30 : t * 1.5 * 10 ** -(i % 17);
  });
  return [...xs, ...EDGES];
}

/** The spacing of float64 numbers at |v| (the subnormal spacing below 2^−1022). */
const ulp = (v: number): number => (v === 0 ? 5e-324 : Math.max(2 ** (Math.floor(Math.log2(Math.abs(v))) - 52), 5e-324));

const run = (op: UnaryOp, data: Float64Array | Float32Array): Tensor => kernels.unary(op, make(data, [data.length]), 0);

describe('SIMD exp, expm1, sigmoid and tanh', () => {
  const xs = sweep();
  for (const op of ['exp', 'expm1', 'sigmoid', 'tanh'] as const) {
    const f = MATH[op]!;
    it(`${op}, float64: within ${ULPS[op]} ulp of Math; NaN, ±∞, ±0, overflow and underflow exactly as Math`, () => {
      const got = run(op, Float64Array.from(xs)).data;
      let worst = 0;
      xs.forEach((x, i) => {
        const want = f(x);
        const g = got[i]!;
        if (!Number.isFinite(want) || want === 0 || (EDGES.includes(x) && Math.abs(want) < 1e-300)) {
          if (!Object.is(g, want) && Math.abs(g - want) > 5e-324) expect.fail(`${op}(${x}) = ${g}, Math gives ${want}`);
          return;
        }
        worst = Math.max(worst, Math.abs(g - want) / ulp(want));
      });
      expect(worst).toBeLessThanOrEqual(ULPS[op]!);
      // −0 keeps its sign where Math's does.
      expect(Object.is(got[xs.findIndex((x) => Object.is(x, -0))], f(-0))).toBe(true);
    });

    it(`${op}, float32: Math.fround of Math's float64 value at every point`, () => {
      const x32 = Float32Array.from(xs);
      const got = run(op, x32).data;
      x32.forEach((x, i) => {
        const want = Math.fround(f(x));
        if (!Object.is(got[i], want)) expect.fail(`${op}(${x}) = ${got[i]}, want ${want}`);
      });
    });
  }

  it('saturates without NaN: sigmoid(±800) = 1 and 0, tanh(±1000) = ±1, exp(−1000) = 0, exp(1000) = ∞', () => {
    expect(Array.from(run('sigmoid', new Float64Array([800, -800])).data)).toEqual([1, 0]);
    expect(Array.from(run('tanh', new Float64Array([1000, -1000])).data)).toEqual([1, -1]);
    expect(Array.from(run('exp', new Float64Array([-1000, 1000])).data)).toEqual([0, Infinity]);
    expect(Array.from(run('sigmoid', new Float32Array([100, -100, 88, -88])).data)).toEqual([1, Math.fround(sigmoidScalar(-100)), 1, Math.fround(sigmoidScalar(-88))]);
  });
});
