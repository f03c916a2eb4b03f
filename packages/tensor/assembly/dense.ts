// Fused dense layers: Z = X·Wᵀ + b, A = σ(Z) forward; δ = g ⊙ σ′, ∂W = δᵀX, ∂b = Σ_rows δ and
// ∂X = δW backward. The products are the packed, register-tiled matmuls; bias, σ and σ′ run as
// one epilogue pass over each row of the freshly written product (still in cache), one
// specialised loop per activation (the switch runs once per call). Formulas and evaluation
// order are the JS kernels' (src/kernels/js/dense-activation.ts), float32 evaluated in f64x2
// lanes and rounded once as there; exp-based ones use exp.ts (as the unary maps do, so fused
// and unfused σ agree bit for bit), softplus (needs log1p) calls libm lane by lane.
import { matmul64 } from './matmul64';
import { matmul32 } from './matmul32';
import { exp64, expm164, high, low, narrow, sigmoid64, tanh64 } from './exp';
import { ACT_IDENTITY, ACT_SIGMOID, ACT_TANH, ACT_RELU, ACT_LEAKY_RELU, ACT_ELU, ACT_SOFTPLUS } from './ops';

// @ts-ignore: decorator
@inline function softplus(x: f64): f64 {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

/** σ(v), float64 lanes. */
// @ts-ignore: decorator
@inline function act64(act: i32, v: v128, alpha: f64): v128 {
  if (act == ACT_SIGMOID) return sigmoid64(v);
  if (act == ACT_TANH) return tanh64(v);
  if (act == ACT_RELU) return v128.bitselect(v, f64x2.splat(0), v128.or(f64x2.gt(v, f64x2.splat(0)), f64x2.ne(v, v)));
  if (act == ACT_LEAKY_RELU) return v128.bitselect(v, f64x2.mul(f64x2.splat(alpha), v), f64x2.gt(v, f64x2.splat(0)));
  if (act == ACT_ELU) return v128.bitselect(v, f64x2.mul(f64x2.splat(alpha), expm164(v)), f64x2.gt(v, f64x2.splat(0)));
  if (act == ACT_SOFTPLUS) {
    return f64x2.replace_lane(f64x2.splat(softplus(f64x2.extract_lane(v, 0))), 1, softplus(f64x2.extract_lane(v, 1)));
  }
  return v;
}

/** σ′(s)·g, float64 lanes; s is A for sigmoid and tanh, Z otherwise (as the JS δ pass). */
// @ts-ignore: decorator
@inline function slope64(act: i32, s: v128, g: v128, alpha: f64): v128 {
  const one = f64x2.splat(1);
  if (act == ACT_SIGMOID) return f64x2.mul(f64x2.mul(s, f64x2.sub(one, s)), g);
  if (act == ACT_TANH) return f64x2.mul(f64x2.sub(one, f64x2.mul(s, s)), g);
  const positive = f64x2.gt(s, f64x2.splat(0));
  if (act == ACT_RELU || act == ACT_LEAKY_RELU) {
    const below = v128.bitselect(s, f64x2.splat(act == ACT_RELU ? 0 : alpha), f64x2.ne(s, s));
    return f64x2.mul(v128.bitselect(one, below, positive), g);
  }
  if (act == ACT_ELU) return f64x2.mul(v128.bitselect(one, f64x2.mul(f64x2.splat(alpha), exp64(s)), positive), g);
  if (act == ACT_SOFTPLUS) return f64x2.mul(sigmoid64(s), g);
  return g;
}

/** σ(v), float32 lanes: relu is exact in float32; the others run in float64 lanes, rounded once. */
// @ts-ignore: decorator
@inline function act32(act: i32, v: v128, alpha: f64): v128 {
  if (act == ACT_RELU) return v128.bitselect(v, f32x4.splat(0), v128.or(f32x4.gt(v, f32x4.splat(0)), f32x4.ne(v, v)));
  if (act == ACT_IDENTITY) return v;
  return narrow(act64(act, low(v), alpha), act64(act, high(v), alpha));
}

/**
 * σ′(s)·g, float32 lanes: formed in float64 lanes and rounded once, as the JS δ pass; relu's
 * slope is 1, 0 or NaN, whose product with g is exact in float32 already.
 */
// @ts-ignore: decorator
@inline function slope32(act: i32, s: v128, g: v128, alpha: f64): v128 {
  if (act == ACT_IDENTITY) return g;
  if (act == ACT_RELU) {
    const below = v128.bitselect(s, f32x4.splat(0), f32x4.ne(s, s));
    return f32x4.mul(v128.bitselect(f32x4.splat(1), below, f32x4.gt(s, f32x4.splat(0))), g);
  }
  return narrow(slope64(act, low(s), low(g), alpha), slope64(act, high(s), high(g), alpha));
}

// @ts-ignore: decorator
@inline function forward64(act: i32, z: usize, a: usize, b: usize, rows: i32, n: i32, alpha: f64): void {
  const row = <usize>n << 3;
  for (let i = 0; i < rows; i++) {
    let j = 0;
    for (; j + 2 <= n; j += 2) {
      const at = <usize>j << 3;
      const v = f64x2.add(v128.load(z + at), v128.load(b + at));
      v128.store(z + at, v);
      if (act != ACT_IDENTITY) v128.store(a + at, act64(act, v, alpha));
    }
    if (j < n) {
      const at = <usize>j << 3;
      const v = f64x2.add(v128.load64_zero(z + at), v128.load64_zero(b + at));
      v128.store64_lane(z + at, v, 0);
      if (act != ACT_IDENTITY) v128.store64_lane(a + at, act64(act, v, alpha), 0);
    }
    z += row;
    a += row;
  }
}

// @ts-ignore: decorator
@inline function forward32(act: i32, z: usize, a: usize, b: usize, rows: i32, n: i32, alpha: f64): void {
  const row = <usize>n << 2;
  for (let i = 0; i < rows; i++) {
    let j = 0;
    for (; j + 4 <= n; j += 4) {
      const at = <usize>j << 2;
      const v = f32x4.add(v128.load(z + at), v128.load(b + at));
      v128.store(z + at, v);
      if (act != ACT_IDENTITY) v128.store(a + at, act32(act, v, alpha));
    }
    for (; j < n; j++) {
      const at = <usize>j << 2;
      const v = f32x4.add(v128.load32_zero(z + at), v128.load32_zero(b + at));
      v128.store32_lane(z + at, v, 0);
      if (act != ACT_IDENTITY) v128.store32_lane(a + at, act32(act, v, alpha), 0);
    }
    z += row;
    a += row;
  }
}

/** δ = σ′·g row by row (skipped for the identity, where δ is g) and db = Σ_rows δ, float64. */
// @ts-ignore: decorator
@inline function backward64(act: i32, g: usize, s: usize, delta: usize, db: usize, rows: i32, n: i32, alpha: f64): void {
  const row = <usize>n << 3;
  for (let i = 0; i < rows; i++) {
    let j = 0;
    for (; j + 2 <= n; j += 2) {
      const at = <usize>j << 3;
      const d = act == ACT_IDENTITY ? v128.load(g + at) : slope64(act, v128.load(s + at), v128.load(g + at), alpha);
      if (act != ACT_IDENTITY) v128.store(delta + at, d);
      v128.store(db + at, f64x2.add(v128.load(db + at), d));
    }
    if (j < n) {
      const at = <usize>j << 3;
      const d = act == ACT_IDENTITY ? v128.load64_zero(g + at) : slope64(act, v128.load64_zero(s + at), v128.load64_zero(g + at), alpha);
      if (act != ACT_IDENTITY) v128.store64_lane(delta + at, d, 0);
      v128.store64_lane(db + at, f64x2.add(v128.load64_zero(db + at), d), 0);
    }
    g += row;
    s += row;
    delta += row;
  }
}

/** {@link backward64} for float32 (the bias sums in float32 lanes). */
// @ts-ignore: decorator
@inline function backward32(act: i32, g: usize, s: usize, delta: usize, db: usize, rows: i32, n: i32, alpha: f64): void {
  const row = <usize>n << 2;
  for (let i = 0; i < rows; i++) {
    let j = 0;
    for (; j + 4 <= n; j += 4) {
      const at = <usize>j << 2;
      const d = act == ACT_IDENTITY ? v128.load(g + at) : slope32(act, v128.load(s + at), v128.load(g + at), alpha);
      if (act != ACT_IDENTITY) v128.store(delta + at, d);
      v128.store(db + at, f32x4.add(v128.load(db + at), d));
    }
    for (; j < n; j++) {
      const at = <usize>j << 2;
      const d = act == ACT_IDENTITY ? v128.load32_zero(g + at) : slope32(act, v128.load32_zero(s + at), v128.load32_zero(g + at), alpha);
      if (act != ACT_IDENTITY) v128.store32_lane(delta + at, d, 0);
      v128.store32_lane(db + at, f32x4.add(v128.load32_zero(db + at), d), 0);
    }
    g += row;
    s += row;
    delta += row;
  }
}

/**
 * Z = X·Wᵀ + b and A = σ(Z), float64: X [N, k], W [n, k], b [n], Z and A [N, n] (A unused for
 * the identity). Byte addresses, 16-byte aligned; `scratch` as for matmul64.
 */
export function denseForward64(x: usize, w: usize, b: usize, z: usize, a: usize, N: i32, k: i32, n: i32, act: i32, alpha: f64, scratch: usize): void {
  matmul64(x, w, z, N, k, n, false, true, scratch);
  switch (act) {
    case ACT_IDENTITY: forward64(ACT_IDENTITY, z, a, b, N, n, alpha); break;
    case ACT_SIGMOID: forward64(ACT_SIGMOID, z, a, b, N, n, alpha); break;
    case ACT_TANH: forward64(ACT_TANH, z, a, b, N, n, alpha); break;
    case ACT_RELU: forward64(ACT_RELU, z, a, b, N, n, alpha); break;
    case ACT_LEAKY_RELU: forward64(ACT_LEAKY_RELU, z, a, b, N, n, alpha); break;
    case ACT_ELU: forward64(ACT_ELU, z, a, b, N, n, alpha); break;
    default: forward64(ACT_SOFTPLUS, z, a, b, N, n, alpha);
  }
}

/** {@link denseForward64} in float32. */
export function denseForward32(x: usize, w: usize, b: usize, z: usize, a: usize, N: i32, k: i32, n: i32, act: i32, alpha: f64, scratch: usize): void {
  matmul32(x, w, z, N, k, n, false, true, scratch);
  switch (act) {
    case ACT_IDENTITY: forward32(ACT_IDENTITY, z, a, b, N, n, alpha); break;
    case ACT_SIGMOID: forward32(ACT_SIGMOID, z, a, b, N, n, alpha); break;
    case ACT_TANH: forward32(ACT_TANH, z, a, b, N, n, alpha); break;
    case ACT_RELU: forward32(ACT_RELU, z, a, b, N, n, alpha); break;
    case ACT_LEAKY_RELU: forward32(ACT_LEAKY_RELU, z, a, b, N, n, alpha); break;
    case ACT_ELU: forward32(ACT_ELU, z, a, b, N, n, alpha); break;
    default: forward32(ACT_SOFTPLUS, z, a, b, N, n, alpha);
  }
}

/**
 * The δ-equations, float64: g [N, n], s = A (sigmoid, tanh) or Z (others; unused for the
 * identity), X [N, k], W [n, k]; writes δ [N, n] (for the identity pass delta = g), dW [n, k],
 * db [n] and, when `propagate`, dInput [N, k].
 */
export function denseBackward64(
  g: usize, s: usize, x: usize, w: usize, delta: usize, dW: usize, db: usize, dInput: usize,
  N: i32, k: i32, n: i32, act: i32, alpha: f64, propagate: bool, scratch: usize,
): void {
  memory.fill(db, 0, <usize>n << 3);
  switch (act) {
    case ACT_IDENTITY: backward64(ACT_IDENTITY, g, s, delta, db, N, n, alpha); break;
    case ACT_SIGMOID: backward64(ACT_SIGMOID, g, s, delta, db, N, n, alpha); break;
    case ACT_TANH: backward64(ACT_TANH, g, s, delta, db, N, n, alpha); break;
    case ACT_RELU: backward64(ACT_RELU, g, s, delta, db, N, n, alpha); break;
    case ACT_LEAKY_RELU: backward64(ACT_LEAKY_RELU, g, s, delta, db, N, n, alpha); break;
    case ACT_ELU: backward64(ACT_ELU, g, s, delta, db, N, n, alpha); break;
    default: backward64(ACT_SOFTPLUS, g, s, delta, db, N, n, alpha);
  }
  matmul64(delta, x, dW, n, N, k, true, false, scratch);
  if (propagate) matmul64(delta, w, dInput, N, n, k, false, false, scratch);
}

/** {@link denseBackward64} in float32. */
export function denseBackward32(
  g: usize, s: usize, x: usize, w: usize, delta: usize, dW: usize, db: usize, dInput: usize,
  N: i32, k: i32, n: i32, act: i32, alpha: f64, propagate: bool, scratch: usize,
): void {
  memory.fill(db, 0, <usize>n << 2);
  switch (act) {
    case ACT_IDENTITY: backward32(ACT_IDENTITY, g, s, delta, db, N, n, alpha); break;
    case ACT_SIGMOID: backward32(ACT_SIGMOID, g, s, delta, db, N, n, alpha); break;
    case ACT_TANH: backward32(ACT_TANH, g, s, delta, db, N, n, alpha); break;
    case ACT_RELU: backward32(ACT_RELU, g, s, delta, db, N, n, alpha); break;
    case ACT_LEAKY_RELU: backward32(ACT_LEAKY_RELU, g, s, delta, db, N, n, alpha); break;
    case ACT_ELU: backward32(ACT_ELU, g, s, delta, db, N, n, alpha); break;
    default: backward32(ACT_SOFTPLUS, g, s, delta, db, N, n, alpha);
  }
  matmul32(delta, x, dW, n, N, k, true, false, scratch);
  if (propagate) matmul32(delta, w, dInput, N, n, k, false, false, scratch);
}
