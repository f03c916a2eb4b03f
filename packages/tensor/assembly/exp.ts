// SIMD exp, expm1, sigmoid and tanh in f64x2 lanes, shared by the unary maps and the fused
// dense kernels (so A = σ(Z) is the same bits whichever of the two computes it). float32 data
// is widened to f64x2 lanes ({@link low}, {@link high}) and rounded once ({@link narrow}), as the JS kernels
// evaluate float32 in float64: the results are then Math.fround of a value within 3 ulp of
// V8's float64 result, which is Math.fround(V8's) except in ~10⁻⁸ of cases.
//
// Cody–Waite reduction: x = k·ln2 + r with k = round(x / ln2) (found with the 1.5·2^52 shifter,
// whose low mantissa bits then hold k as an integer) and |r| ≤ ln2 / 2 computed in two steps
// (ln2 = hi + lo, k·hi exact). Clamps use pmin/pmax (one instruction each; they keep NaN when
// it is the first operand). e^r − 1 = r + r²·q(r) with q the Taylor series to r¹³ (float64,
// truncation < 0.05 ulp). 2^k is built in the exponent bits in two halves,
// 2^k₁·2^k₂, so that results from 2^-1074 (subnormal, rounded once) up to overflow come out
// right without a branch. Inputs are clamped first (±1100), which maps ±∞ to
// ∞ and 0 and leaves NaN as NaN (min/max propagate it).

// @ts-ignore: decorator
@inline const INV_LN2: f64 = 1.4426950408889634;
// @ts-ignore: decorator
@inline const LN2_HI: f64 = 6.93147180369123816490e-01; // 32 significant bits: k·hi is exact
// @ts-ignore: decorator
@inline const LN2_LO: f64 = 1.90821492927058770002e-10;
// @ts-ignore: decorator
@inline const SHIFT: f64 = 6755399441055744.0; // 1.5·2^52
// @ts-ignore: decorator
@inline const SHIFT_BITS: i64 = 0x4338000000000000;

// @ts-ignore: decorator
@inline function mad64(a: v128, b: v128, c: f64): v128 {
  return f64x2.add(f64x2.mul(a, b), f64x2.splat(c));
}

/**
 * r + r²·q(r) = e^r − 1 for |r| ≤ ln2/2, float64: q is Taylor's 1/2! … 1/13!, by Estrin's
 * scheme (pairs, then powers r², r⁴, r⁸), so the dependency chain is 5 steps instead of 11.
 */
// @ts-ignore: decorator
@inline function poly64(r: v128): v128 {
  const r2 = f64x2.mul(r, r);
  const r4 = f64x2.mul(r2, r2);
  const p01 = mad64(r, f64x2.splat(1.0 / 6.0), 0.5);
  const p23 = mad64(r, f64x2.splat(1.0 / 120.0), 1.0 / 24.0);
  const p45 = mad64(r, f64x2.splat(1.0 / 5040.0), 1.0 / 720.0);
  const p67 = mad64(r, f64x2.splat(1.0 / 362880.0), 1.0 / 40320.0);
  const p89 = mad64(r, f64x2.splat(1.0 / 39916800.0), 1.0 / 3628800.0);
  const p1011 = mad64(r, f64x2.splat(1.0 / 6227020800.0), 1.0 / 479001600.0);
  const low = f64x2.add(p01, f64x2.mul(r2, p23));
  const mid = f64x2.add(p45, f64x2.mul(r2, p67));
  const high = f64x2.add(p89, f64x2.mul(r2, p1011));
  const q = f64x2.add(low, f64x2.mul(r4, f64x2.add(mid, f64x2.mul(r4, high))));
  return f64x2.add(r, f64x2.mul(r2, q));
}

/** round(k/2) as i64 lanes from k as f64 lanes (i64x2.shr_s has no SSE instruction). */
// @ts-ignore: decorator
@inline function half64(kf: v128): v128 {
  return i64x2.sub(f64x2.add(f64x2.mul(kf, f64x2.splat(0.5)), f64x2.splat(SHIFT)), i64x2.splat(SHIFT_BITS));
}

/** e^x per lane, float64: within ~1 ulp; 0 below −745.13, ∞ above 709.78, NaN for NaN. */
// @ts-ignore: decorator
@inline export function exp64(x: v128): v128 {
  x = f64x2.pmin(f64x2.pmax(x, f64x2.splat(-1100)), f64x2.splat(1100));
  const t = f64x2.add(f64x2.mul(x, f64x2.splat(INV_LN2)), f64x2.splat(SHIFT));
  const kf = f64x2.sub(t, f64x2.splat(SHIFT));
  const r = f64x2.sub(f64x2.sub(x, f64x2.mul(kf, f64x2.splat(LN2_HI))), f64x2.mul(kf, f64x2.splat(LN2_LO)));
  const k = i64x2.sub(t, i64x2.splat(SHIFT_BITS));
  const k1 = half64(kf);
  const s1 = i64x2.shl(i64x2.add(k1, i64x2.splat(1023)), 52);
  const s2 = i64x2.shl(i64x2.add(i64x2.sub(k, k1), i64x2.splat(1023)), 52);
  return f64x2.mul(f64x2.mul(f64x2.add(poly64(r), f64x2.splat(1)), s1), s2);
}

/**
 * e^x − 1 per lane, float64, without cancellation near 0: (p + 1 − 2^−k)·2^k with p = e^r − 1
 * (exactly p when k = 0); −0 stays −0.
 */
// @ts-ignore: decorator
@inline export function expm164(x: v128): v128 {
  const c = f64x2.pmin(f64x2.pmax(x, f64x2.splat(-60)), f64x2.splat(1100));
  const t = f64x2.add(f64x2.mul(c, f64x2.splat(INV_LN2)), f64x2.splat(SHIFT));
  const kf = f64x2.sub(t, f64x2.splat(SHIFT));
  const r = f64x2.sub(f64x2.sub(c, f64x2.mul(kf, f64x2.splat(LN2_HI))), f64x2.mul(kf, f64x2.splat(LN2_LO)));
  const k = i64x2.sub(t, i64x2.splat(SHIFT_BITS));
  const k1 = half64(kf);
  const k2 = i64x2.sub(k, k1);
  const bias = i64x2.splat(1023);
  const s1 = i64x2.shl(i64x2.add(k1, bias), 52);
  const s2 = i64x2.shl(i64x2.add(k2, bias), 52);
  // 2^−k, two halves (k ≥ −87 here, so 2^−k₁ and 2^−k₂ are normal; large k underflow to 0).
  const u1 = i64x2.shl(i64x2.sub(bias, k1), 52);
  const u2 = i64x2.shl(i64x2.sub(bias, k2), 52);
  const head = f64x2.sub(f64x2.splat(1), f64x2.mul(u1, u2));
  const y = f64x2.mul(f64x2.mul(f64x2.add(poly64(r), head), s1), s2);
  return v128.bitselect(x, y, f64x2.eq(x, f64x2.splat(0)));
}

/** The stable logistic per lane, float64: 1/(1 + e^−x) for x ≥ 0, e^x/(1 + e^x) below (as the JS kernel), one division. */
// @ts-ignore: decorator
@inline export function sigmoid64(x: v128): v128 {
  const e = exp64(f64x2.neg(f64x2.abs(x)));
  const d = f64x2.add(f64x2.splat(1), e);
  return f64x2.div(v128.bitselect(f64x2.splat(1), e, f64x2.ge(x, f64x2.splat(0))), d);
}

/** tanh per lane, float64: m/(m + 2) with m = e^{2|x|} − 1, sign restored; ±1 past |x| = 22. */
// @ts-ignore: decorator
@inline export function tanh64(x: v128): v128 {
  const m = expm164(f64x2.pmin(f64x2.add(f64x2.abs(x), f64x2.abs(x)), f64x2.splat(44)));
  const t = f64x2.div(m, f64x2.add(m, f64x2.splat(2)));
  return v128.bitselect(x, t, i64x2.splat(0x8000000000000000));
}

/** Two f64x2 results, each rounded once, as four float32 lanes (low lanes first). */
// @ts-ignore: decorator
@inline export function narrow(lo: v128, hi: v128): v128 {
  return v128.shuffle<f32>(f32x4.demote_f64x2_zero(lo), f32x4.demote_f64x2_zero(hi), 0, 1, 4, 5);
}

/** The low two float32 lanes of v as f64x2. */
// @ts-ignore: decorator
@inline export function low(v: v128): v128 {
  return f64x2.promote_low_f32x4(v);
}

/** The high two float32 lanes of v as f64x2. */
// @ts-ignore: decorator
@inline export function high(v: v128): v128 {
  return f64x2.promote_low_f32x4(v128.shuffle<f32>(v, v, 2, 3, 2, 3));
}
