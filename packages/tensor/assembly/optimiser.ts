// The per-parameter arithmetic of @theta/optim's fused momentum and Adam steps, in float64x2
// lanes. Every operation is the one the JS loops do, in the same order and in float64 (float32
// data is widened on load and rounded where the JS loop stores or calls Math.fround), so the
// results are bit-identical to @theta/optim's loops — and ~10× faster than them.
// Each step also tests the gradient it reads and the Θ it stores for NaN and ±∞ (v·0 is ±0 only
// for finite v) and returns FINITE_G | FINITE_THETA, as update.ts's scaledAdd does.

/** Flag of a step's result: every element of g is finite. */
const FINITE_G: i32 = 1;
/** Flag of a step's result: every element of the stored Θ' is finite. */
const FINITE_THETA: i32 = 2;

/** The flags from the lanes' and the tail's sums of v·0. */
// @ts-ignore: decorator
@inline function flags(fg: v128, fo: v128, tg: f64, to: f64): i32 {
  const zero = f64x2.splat(0);
  return (v128.all_true<i64>(f64x2.eq(fg, zero)) && tg == 0 ? FINITE_G : 0) | (v128.all_true<i64>(f64x2.eq(fo, zero)) && to == 0 ? FINITE_THETA : 0);
}

// @ts-ignore: decorator
@inline function load2(p: usize, f32: bool): v128 {
  return f32 ? f64x2.promote_low_f32x4(v128.load64_zero(p)) : v128.load(p);
}

// @ts-ignore: decorator
@inline function store2(p: usize, v: v128, f32: bool): void {
  if (f32) v128.store64_lane(p, f32x4.demote_f64x2_zero(v), 0);
  else v128.store(p, v);
}

// @ts-ignore: decorator
@inline function load1(p: usize, f32: bool): f64 {
  return f32 ? <f64>load<f32>(p) : load<f64>(p);
}

// @ts-ignore: decorator
@inline function store1(p: usize, v: f64, f32: bool): void {
  if (f32) store<f32>(p, <f32>v);
  else store<f64>(p, v);
}

/** fround in the lanes: through float32 and back (the identity for float64 data). */
// @ts-ignore: decorator
@inline function round2(v: v128, f32: bool): v128 {
  return f32 ? f64x2.promote_low_f32x4(f32x4.demote_f64x2_zero(v)) : v;
}

// @ts-ignore: decorator
@inline function round1(v: f64, f32: bool): f64 {
  return f32 ? <f64><f32>v : v;
}

/**
 * Momentum (optim's trace, fused with the learning rate and Θ): v = g + decay·v0 (stored),
 * u = v (or g + decay·v with Nesterov, v read back as stored), Θ' = Θ + round(factor·round(u)).
 */
// @ts-ignore: decorator
@inline function momentum(theta: usize, g: usize, v0: usize, thetaOut: usize, vOut: usize, n: i32, decay: f64, nesterov: bool, factor: f64, f32: bool): i32 {
  const shift: usize = f32 ? 2 : 3;
  const d = f64x2.splat(decay);
  const f = f64x2.splat(factor);
  const zero = f64x2.splat(0);
  let fg = zero;
  let fo = zero;
  let i = 0;
  for (; i + 2 <= n; i += 2) {
    const at = <usize>i << shift;
    const gi = load2(g + at, f32);
    const v = round2(f64x2.add(gi, f64x2.mul(d, load2(v0 + at, f32))), f32);
    store2(vOut + at, v, f32);
    const raw = nesterov ? f64x2.add(gi, f64x2.mul(d, v)) : v;
    const step = round2(f64x2.mul(f, round2(raw, f32)), f32);
    const o = round2(f64x2.add(load2(theta + at, f32), step), f32);
    store2(thetaOut + at, o, f32);
    fg = f64x2.add(fg, f64x2.mul(gi, zero));
    fo = f64x2.add(fo, f64x2.mul(o, zero));
  }
  let tg: f64 = 0;
  let to: f64 = 0;
  for (; i < n; i++) {
    const at = <usize>i << shift;
    const gi = load1(g + at, f32);
    const v = round1(gi + decay * load1(v0 + at, f32), f32);
    store1(vOut + at, v, f32);
    const raw = nesterov ? gi + decay * v : v;
    const o = round1(load1(theta + at, f32) + round1(factor * round1(raw, f32), f32), f32);
    store1(thetaOut + at, o, f32);
    tg += gi * 0;
    to += o * 0;
  }
  return flags(fg, fo, tg, to);
}

export function momentumStep64(theta: usize, g: usize, v0: usize, thetaOut: usize, vOut: usize, n: i32, decay: f64, nesterov: i32, factor: f64): i32 {
  return momentum(theta, g, v0, thetaOut, vOut, n, decay, nesterov != 0, factor, false);
}

export function momentumStep32(theta: usize, g: usize, v0: usize, thetaOut: usize, vOut: usize, n: i32, decay: f64, nesterov: i32, factor: f64): i32 {
  return momentum(theta, g, v0, thetaOut, vOut, n, decay, nesterov != 0, factor, true);
}

/**
 * Adam (optim's scaleByAdam, fused with the learning rate and Θ), per element, in float64:
 *   m = β₁m0 + (1−β₁)g, v = β₂v0 + ((1−β₂)g)g (both stored; the unrounded values go on),
 *   u = (wm·m + wg·g) / (√(v·c2 + εroot) + ε), 0 where the denominator is 0,
 *   Θ' = Θ + round(factor·round(u)).
 */
// @ts-ignore: decorator
@inline function adam(
  theta: usize, g: usize, m0: usize, v0: usize, thetaOut: usize, mOut: usize, vOut: usize, n: i32,
  beta1: f64, beta2: f64, eps: f64, epsRoot: f64, momentWeight: f64, gradientWeight: f64, inverseC2: f64, factor: f64, f32: bool,
): i32 {
  const shift: usize = f32 ? 2 : 3;
  const b1 = f64x2.splat(beta1);
  const b2 = f64x2.splat(beta2);
  const c1 = f64x2.splat(1 - beta1);
  const c2 = f64x2.splat(1 - beta2);
  const wm = f64x2.splat(momentWeight);
  const wg = f64x2.splat(gradientWeight);
  const ic2 = f64x2.splat(inverseC2);
  const er = f64x2.splat(epsRoot);
  const e = f64x2.splat(eps);
  const f = f64x2.splat(factor);
  const zero = f64x2.splat(0);
  let fg = zero;
  let fo = zero;
  let i = 0;
  for (; i + 2 <= n; i += 2) {
    const at = <usize>i << shift;
    const gi = load2(g + at, f32);
    const m = f64x2.add(f64x2.mul(b1, load2(m0 + at, f32)), f64x2.mul(c1, gi));
    const v = f64x2.add(f64x2.mul(b2, load2(v0 + at, f32)), f64x2.mul(f64x2.mul(c2, gi), gi));
    store2(mOut + at, m, f32);
    store2(vOut + at, v, f32);
    const den = f64x2.add(f64x2.sqrt(f64x2.add(f64x2.mul(v, ic2), er)), e);
    const num = f64x2.add(f64x2.mul(wm, m), f64x2.mul(wg, gi));
    const raw = v128.bitselect(zero, f64x2.div(num, den), f64x2.eq(den, zero));
    const step = round2(f64x2.mul(f, round2(raw, f32)), f32);
    const o = round2(f64x2.add(load2(theta + at, f32), step), f32);
    store2(thetaOut + at, o, f32);
    fg = f64x2.add(fg, f64x2.mul(gi, zero));
    fo = f64x2.add(fo, f64x2.mul(o, zero));
  }
  let tg: f64 = 0;
  let to: f64 = 0;
  for (; i < n; i++) {
    const at = <usize>i << shift;
    const gi = load1(g + at, f32);
    const m = beta1 * load1(m0 + at, f32) + (1 - beta1) * gi;
    const v = beta2 * load1(v0 + at, f32) + (1 - beta2) * gi * gi;
    store1(mOut + at, m, f32);
    store1(vOut + at, v, f32);
    const den = Math.sqrt(v * inverseC2 + epsRoot) + eps;
    const raw = den == 0 ? 0 : (momentWeight * m + gradientWeight * gi) / den;
    const o = round1(load1(theta + at, f32) + round1(factor * round1(raw, f32), f32), f32);
    store1(thetaOut + at, o, f32);
    tg += gi * 0;
    to += o * 0;
  }
  return flags(fg, fo, tg, to);
}

export function adamStep64(
  theta: usize, g: usize, m0: usize, v0: usize, thetaOut: usize, mOut: usize, vOut: usize, n: i32,
  beta1: f64, beta2: f64, eps: f64, epsRoot: f64, momentWeight: f64, gradientWeight: f64, inverseC2: f64, factor: f64,
): i32 {
  return adam(theta, g, m0, v0, thetaOut, mOut, vOut, n, beta1, beta2, eps, epsRoot, momentWeight, gradientWeight, inverseC2, factor, false);
}

export function adamStep32(
  theta: usize, g: usize, m0: usize, v0: usize, thetaOut: usize, mOut: usize, vOut: usize, n: i32,
  beta1: f64, beta2: f64, eps: f64, epsRoot: f64, momentWeight: f64, gradientWeight: f64, inverseC2: f64, factor: f64,
): i32 {
  return adam(theta, g, m0, v0, thetaOut, mOut, vOut, n, beta1, beta2, eps, epsRoot, momentWeight, gradientWeight, inverseC2, factor, true);
}
