import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { callWithoutMutation } from '@theta/testing';
import { make } from '../../core/tensor.js';
import { naiveMatmul } from '../../test-support/kernels.js';
import { matmulInto } from './matmul.js';

type Storage = Float64Array | Float32Array;
type Ctor = Float64ArrayConstructor | Float32ArrayConstructor;
interface Case {
  readonly m: number;
  readonly k: number;
  readonly n: number;
  readonly transposeA: boolean;
  readonly transposeB: boolean;
}

const dtypes: readonly [string, Ctor][] = [['float64', Float64Array], ['float32', Float32Array]];
const forms = [[false, false], [false, true], [true, false], [true, true]] as const;

/** Deterministic values in [−1, 1) from a seed (an LCG: tests draw no unseeded randomness). */
const filled = (ArrayType: Ctor, length: number, seed: number): Storage => {
  const out = new ArrayType(length);
  let state = (seed >>> 0) || 1;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out[i] = state / 2 ** 31 - 1;
  }
  return out;
};

/** The kernel's contract: a fresh zero-filled output of the inputs' dtype. */
const run = (a: Storage, b: Storage, c: Case): Storage => {
  const out = a instanceof Float32Array ? new Float32Array(c.m * c.n) : new Float64Array(c.m * c.n);
  matmulInto(a, b, out, c.m, c.k, c.n, c.transposeA, c.transposeB);
  return out;
};

/** The naive triple loop in float64 (test-support's reference), over the raw arrays. */
const naive = (a: Storage, b: Storage, { m, k, n, transposeA, transposeB }: Case): { value: Float64Array; scale: Float64Array } =>
  naiveMatmul(make(a, [a.length]), make(b, [b.length]), m, k, n, transposeA, transposeB);

/**
 * Every entry within `tolerance` of the reference, relative to Σ|a_ip·b_pj| (the scale of the
 * rounding error of any summation order; |c_ij| itself can be tiny through cancellation).
 */
const expectClose = (actual: Storage, a: Storage, b: Storage, c: Case, tolerance: number): void => {
  const { value, scale } = naive(a, b, c);
  expect(actual.length).toBe(c.m * c.n);
  let worst = 0;
  for (let i = 0; i < value.length; i++) {
    worst = Math.max(worst, Math.abs(actual[i]! - value[i]!) / Math.max(scale[i]!, Number.MIN_VALUE));
  }
  expect(worst).toBeLessThanOrEqual(tolerance);
};

const tolerance = (ArrayType: Ctor): number => (ArrayType === Float64Array ? 1e-12 : 1e-5);

const check = (ArrayType: Ctor, c: Case, seed: number): void => {
  const a = filled(ArrayType, c.m * c.k, seed);
  const b = filled(ArrayType, c.k * c.n, seed + 1);
  const out = callWithoutMutation((x: Storage, y: Storage) => run(x, y, c), [a, b]);
  expect(out).toBeInstanceOf(ArrayType);
  expectClose(out, a, b, c, tolerance(ArrayType));
};

const small = fc.integer({ min: 0, max: 24 });
// Lengths around the register tile (4), the row block (128), the depth block (256) and the
// column panel (512), where the packing and edge handling change.
const nearBlock = fc.constantFrom(3, 4, 5, 7, 8, 9, 127, 128, 129, 255, 256, 257, 511, 512, 513);
const formArb = fc.constantFrom(...forms);

describe('matmulInto (plain-JS kernel)', () => {
  for (const [name, ArrayType] of dtypes) {
    it(`${name}: agrees with the naive triple loop on small shapes, 0 and 1 included, in every transpose form`, () => {
      fc.assert(
        fc.property(small, small, small, formArb, fc.integer(), (m, k, n, [transposeA, transposeB], seed) => {
          check(ArrayType, { m, k, n, transposeA, transposeB }, seed);
        }),
        { numRuns: 200, seed: 11 },
      );
    });

    it(`${name}: agrees with the naive triple loop when one length straddles a block size`, () => {
      const thin = fc.integer({ min: 1, max: 9 });
      const shape = fc.oneof(
        fc.tuple(nearBlock, thin, thin),
        fc.tuple(thin, nearBlock, thin),
        fc.tuple(thin, thin, nearBlock),
        fc.tuple(fc.integer({ min: 4, max: 40 }), nearBlock, fc.integer({ min: 4, max: 40 })),
      );
      fc.assert(
        fc.property(shape, formArb, fc.integer(), ([m, k, n], [transposeA, transposeB], seed) => {
          check(ArrayType, { m, k, n, transposeA, transposeB }, seed);
        }),
        { numRuns: 100, seed: 12 },
      );
    });

    it(`${name}: agrees with the naive triple loop across several blocks in every axis at once`, () => {
      // 133 rows → two row blocks, 260 depth → two depth blocks, 517 columns → two panels; none
      // of them a multiple of the 4 × 4 tile. All four forms with one panel, one form with two
      // (the property above crosses the panel edge in every form).
      for (const [transposeA, transposeB] of forms) check(ArrayType, { m: 133, k: 260, n: 45, transposeA, transposeB }, 5);
      const [transposeA, transposeB] = ArrayType === Float64Array ? forms[0] : forms[3];
      check(ArrayType, { m: 133, k: 260, n: 517, transposeA, transposeB }, 6);
    });

    it(`${name}: is exact on small integers, where every sum is representable`, () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 70 }), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 70 }), formArb, fc.integer(), (m, k, n, [transposeA, transposeB], seed) => {
          const c = { m, k, n, transposeA, transposeB };
          const a = filled(ArrayType, m * k, seed).map((v) => Math.round(8 * v));
          const b = filled(ArrayType, k * n, ~seed).map((v) => Math.round(8 * v));
          expect(Array.from(run(a, b, c))).toEqual(Array.from(naive(a, b, c).value));
        }),
        { numRuns: 40, seed: 13 },
      );
    });
  }

  it('rounds a float32 result once, from a float64 accumulation', () => {
    // 1 + 2⁻²⁴ + 2⁻²⁴: a float32 accumulator loses both small terms; the float64 one keeps them.
    const a = new Float32Array([1, 2 ** -24, 2 ** -24]);
    const b = new Float32Array([1, 1, 1]);
    const out = run(a, b, { m: 1, k: 3, n: 1, transposeA: false, transposeB: false });
    expect(out[0]).toBe(Math.fround(1 + 2 ** -23));
    // The blocked path (8 × 12 · 12 × 8): each row is 1 followed by eleven 2⁻²⁴.
    const rows = new Float32Array(8 * 12).map((_, i) => (i % 12 === 0 ? 1 : 2 ** -24));
    const ones = new Float32Array(12 * 8).fill(1);
    const expected = Math.fround(1 + 11 * 2 ** -24);
    expect(expected).toBeGreaterThan(1);
    const tiled = run(rows, ones, { m: 8, k: 12, n: 8, transposeA: false, transposeB: false });
    expect(Array.from(tiled)).toEqual(new Array<number>(64).fill(expected));
  });

  it('propagates NaN and ±Infinity as the naive loop does, and padding never leaks into the result', () => {
    const special = fc.constantFrom(-2, -1, 0, 1, 2, Infinity, -Infinity, NaN);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 13 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 13 }), formArb, fc.infiniteStream(special), (m, k, n, [transposeA, transposeB], values) => {
        const c = { m, k, n, transposeA, transposeB };
        const a = Float64Array.from({ length: m * k }, () => values.next().value as number);
        const b = Float64Array.from({ length: k * n }, () => values.next().value as number);
        expect(Array.from(run(a, b, c))).toEqual(Array.from(naive(a, b, c).value));
      }),
      { numRuns: 200, seed: 14 },
    );
  });

  it('reads views at an offset and writes only inside the output view', () => {
    // 9 × 7 · 7 × 10 takes the blocked path; 2 × 7 · 7 × 10 and 9 × 30 · 30 × 3 the direct ones.
    for (const [m, k, n] of [[9, 7, 10], [2, 7, 10], [9, 30, 3]] as const) {
      for (const [, ArrayType] of dtypes) {
        for (const [transposeA, transposeB] of forms) {
          const c = { m, k, n, transposeA, transposeB };
          const a = filled(ArrayType, 3 + m * k, 21).subarray(3);
          const b = filled(ArrayType, 5 + k * n + 4, 22).subarray(5, 5 + k * n);
          const backing = new ArrayType(2 + m * n + 2).fill(7);
          const out = backing.subarray(2, 2 + m * n).fill(0);
          matmulInto(a, b, out, m, k, n, transposeA, transposeB);
          expect(Array.from(backing.subarray(0, 2))).toEqual([7, 7]);
          expect(Array.from(backing.subarray(2 + m * n))).toEqual([7, 7]);
          expectClose(out, a, b, c, tolerance(ArrayType));
        }
      }
    }
  });

  it('gives the same answer on a repeated call (pooled scratch carries nothing over)', () => {
    const big = { m: 40, k: 300, n: 40, transposeA: false, transposeB: false };
    const a = filled(Float64Array, 40 * 300, 31);
    const b = filled(Float64Array, 300 * 40, 32);
    const first = run(a, b, big);
    // A product with different block sizes in between reuses the same scratch.
    run(filled(Float64Array, 17 * 5, 1), filled(Float64Array, 5 * 19, 2), { m: 17, k: 5, n: 19, transposeA: true, transposeB: true });
    expect(Array.from(run(a, b, big))).toEqual(Array.from(first));
  });
});
