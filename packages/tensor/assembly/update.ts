// Two passes a training step makes over every parameter, in SIMD lanes:
// - scaledAdd: Θ + factor·g, an SGD step. The product is formed in float64 (factor is a
//   float64 learning rate) and, for float32, rounded to float32 before the float32 add — the
//   arithmetic of @theta/optim's JS loop (base + fround(factor·g)), so results are bit-identical.
// - allFinite: v·0 is ±0 for finite v and NaN for NaN or ±∞; lanes of sums stay 0 only if every
//   element is finite.
// scaledAdd tests the Θ it writes on the way and returns flags (FINITE_X | FINITE_OUT): training
// checks both Θ and g right after, and a finite Θ' vouches for g (see BOTH).

/** Flag of scaledAdd's result: every element of x is finite. */
const FINITE_X: i32 = 1;
/** Flag of scaledAdd's result: every element of out is finite. */
const FINITE_OUT: i32 = 2;

/**
 * Both flags when every element of out is finite, else none: a non-finite x makes out
 * non-finite (±∞·factor is ±∞, or NaN for a zero factor; NaN stays NaN), so a finite out
 * vouches for x too, and one test serves both. None means "not known": the caller then scans.
 */
const BOTH: i32 = FINITE_X | FINITE_OUT;

/** out = base + factor·x, float64, n elements; returns BOTH when out (and so x) is all finite. */
export function scaledAdd64(base: usize, x: usize, out: usize, n: i32, factor: f64): i32 {
  const f = f64x2.splat(factor);
  const zero = f64x2.splat(0);
  // Two accumulators of o·0 (±0 while finite, NaN after): one add chain would bound the loop.
  let f0 = zero;
  let f1 = zero;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const at = <usize>i << 3;
    const o0 = f64x2.add(v128.load(base + at), f64x2.mul(f, v128.load(x + at)));
    const o1 = f64x2.add(v128.load(base + at, 16), f64x2.mul(f, v128.load(x + at, 16)));
    v128.store(out + at, o0);
    v128.store(out + at, o1, 16);
    f0 = f64x2.add(f0, f64x2.mul(o0, zero));
    f1 = f64x2.add(f1, f64x2.mul(o1, zero));
  }
  let to: f64 = 0;
  for (; i < n; i++) {
    const at = <usize>i << 3;
    const o = load<f64>(base + at) + factor * load<f64>(x + at);
    store<f64>(out + at, o);
    to += o * 0;
  }
  return v128.all_true<i64>(f64x2.eq(f64x2.add(f0, f1), zero)) && to == 0 ? BOTH : 0;
}

/**
 * out = base + fround(factor·x), float32 data, the product in float64; returns BOTH when out
 * (and so x) is all finite. The test keeps the largest exponent field seen (an integer max, a
 * one-cycle chain): all ones only where some element is ±∞ or NaN.
 */
export function scaledAdd32(base: usize, x: usize, out: usize, n: i32, factor: f64): i32 {
  const f = f64x2.splat(factor);
  const EXPONENT = i32x4.splat(0x7f800000);
  let exponents = i32x4.splat(0);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const at = <usize>i << 2;
    // Lanes 0–1 and 2–3 of x, widened to float64, scaled, rounded back to float32.
    const low = f32x4.demote_f64x2_zero(f64x2.mul(f, f64x2.promote_low_f32x4(v128.load64_zero(x + at))));
    const high = f32x4.demote_f64x2_zero(f64x2.mul(f, f64x2.promote_low_f32x4(v128.load64_zero(x + at, 8))));
    const o = f32x4.add(v128.load(base + at), i64x2.shuffle(low, high, 0, 2));
    v128.store(out + at, o);
    exponents = i32x4.max_u(exponents, v128.and(o, EXPONENT));
  }
  let to: f32 = 0;
  for (; i < n; i++) {
    const at = <usize>i << 2;
    const o = load<f32>(base + at) + <f32>(factor * <f64>load<f32>(x + at));
    store<f32>(out + at, o);
    to += o * 0;
  }
  return !v128.any_true(i32x4.eq(exponents, EXPONENT)) && to == 0 ? BOTH : 0;
}

/** 1 when all n float64 elements are finite, else 0. */
export function allFinite64(x: usize, n: i32): i32 {
  const zero = f64x2.splat(0);
  let a = zero;
  let b = zero;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const at = <usize>i << 3;
    a = f64x2.add(a, f64x2.mul(v128.load(x + at), zero));
    b = f64x2.add(b, f64x2.mul(v128.load(x + at + 16), zero));
  }
  let tail: f64 = 0;
  for (; i < n; i++) tail += load<f64>(x + (<usize>i << 3)) * 0;
  return v128.all_true<i64>(f64x2.eq(f64x2.add(a, b), zero)) && tail == 0 ? 1 : 0;
}

/** 1 when all n float32 elements are finite, else 0. */
export function allFinite32(x: usize, n: i32): i32 {
  const zero = f32x4.splat(0);
  let a = zero;
  let b = zero;
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    const at = <usize>i << 2;
    a = f32x4.add(a, f32x4.mul(v128.load(x + at), zero));
    b = f32x4.add(b, f32x4.mul(v128.load(x + at + 16), zero));
  }
  let tail: f32 = 0;
  for (; i < n; i++) tail += load<f32>(x + (<usize>i << 2)) * 0;
  return v128.all_true<i32>(f32x4.eq(f32x4.add(a, b), zero)) && tail == 0 ? 1 : 0;
}
