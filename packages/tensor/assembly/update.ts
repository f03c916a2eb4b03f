// Two passes a training step makes over every parameter, in SIMD lanes:
// - scaledAdd: Θ + factor·g, an SGD step. The product is formed in float64 (factor is a
//   float64 learning rate) and, for float32, rounded to float32 before the float32 add — the
//   arithmetic of @theta/optim's JS loop (base + fround(factor·g)), so results are bit-identical.
// - allFinite: v·0 is ±0 for finite v and NaN for NaN or ±∞; lanes of sums stay 0 only if every
//   element is finite.
// scaledAdd runs the same test on the g it reads and the Θ it writes, for free in a loop bound by
// memory, and returns it as flags (FINITE_X | FINITE_OUT): training checks both right after.

/** Flag of scaledAdd's result: every element of x is finite. */
const FINITE_X: i32 = 1;
/** Flag of scaledAdd's result: every element of out is finite. */
const FINITE_OUT: i32 = 2;

/** out = base + factor·x, float64, n elements; returns which of x and out are all finite. */
export function scaledAdd64(base: usize, x: usize, out: usize, n: i32, factor: f64): i32 {
  const f = f64x2.splat(factor);
  const zero = f64x2.splat(0);
  let fx = zero;
  let fo = zero;
  let i = 0;
  for (; i + 2 <= n; i += 2) {
    const at = <usize>i << 3;
    const v = v128.load(x + at);
    const o = f64x2.add(v128.load(base + at), f64x2.mul(f, v));
    v128.store(out + at, o);
    fx = f64x2.add(fx, f64x2.mul(v, zero));
    fo = f64x2.add(fo, f64x2.mul(o, zero));
  }
  let tx: f64 = 0;
  let to: f64 = 0;
  if (i < n) {
    const at = <usize>i << 3;
    const v = load<f64>(x + at);
    const o = load<f64>(base + at) + factor * v;
    store<f64>(out + at, o);
    tx = v * 0;
    to = o * 0;
  }
  return (v128.all_true<i64>(f64x2.eq(fx, zero)) && tx == 0 ? FINITE_X : 0) | (v128.all_true<i64>(f64x2.eq(fo, zero)) && to == 0 ? FINITE_OUT : 0);
}

/** out = base + fround(factor·x), float32 data, the product in float64; returns which of x and out are all finite. */
export function scaledAdd32(base: usize, x: usize, out: usize, n: i32, factor: f64): i32 {
  const f = f64x2.splat(factor);
  const zero = f32x4.splat(0);
  let fx = zero;
  let fo = zero;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const at = <usize>i << 2;
    const v = v128.load(x + at);
    // Lanes 0–1 and 2–3 of x, widened to float64, scaled, rounded back to float32.
    const low = f32x4.demote_f64x2_zero(f64x2.mul(f, f64x2.promote_low_f32x4(v)));
    const high = f32x4.demote_f64x2_zero(f64x2.mul(f, f64x2.promote_low_f32x4(i64x2.shuffle(v, v, 1, 1))));
    const scaled = i64x2.shuffle(low, high, 0, 2);
    const o = f32x4.add(v128.load(base + at), scaled);
    v128.store(out + at, o);
    fx = f32x4.add(fx, f32x4.mul(v, zero));
    fo = f32x4.add(fo, f32x4.mul(o, zero));
  }
  let tx: f32 = 0;
  let to: f32 = 0;
  for (; i < n; i++) {
    const at = <usize>i << 2;
    const v = load<f32>(x + at);
    const o = load<f32>(base + at) + <f32>(factor * <f64>v);
    store<f32>(out + at, o);
    tx += v * 0;
    to += o * 0;
  }
  return (v128.all_true<i32>(f32x4.eq(fx, zero)) && tx == 0 ? FINITE_X : 0) | (v128.all_true<i32>(f32x4.eq(fo, zero)) && to == 0 ? FINITE_OUT : 0);
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
