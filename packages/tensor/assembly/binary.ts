// Elementwise a ∘ b for + − × ÷ maximum minimum, with the broadcasts a training step uses:
// equal sizes, a scalar on either side, and one operand repeating with a period (a bias row).
// IEEE semantics are the JS kernel's: float32 + − × ÷ are correctly rounded either way, and
// wasm's min/max propagate NaN and order −0 < +0 like Math.min/Math.max.
import { ADD, SUB, MUL, DIV, MAXIMUM, MINIMUM, FULL, B_SCALAR, A_SCALAR, B_PERIODIC, A_PERIODIC, B_BLOCKS } from './ops';

// @ts-ignore: decorator
@inline function vec64(op: i32, x: v128, y: v128): v128 {
  if (op == ADD) return f64x2.add(x, y);
  if (op == SUB) return f64x2.sub(x, y);
  if (op == MUL) return f64x2.mul(x, y);
  if (op == DIV) return f64x2.div(x, y);
  if (op == MAXIMUM) return f64x2.max(x, y);
  return f64x2.min(x, y);
}

// @ts-ignore: decorator
@inline function vec32(op: i32, x: v128, y: v128): v128 {
  if (op == ADD) return f32x4.add(x, y);
  if (op == SUB) return f32x4.sub(x, y);
  if (op == MUL) return f32x4.mul(x, y);
  if (op == DIV) return f32x4.div(x, y);
  if (op == MAXIMUM) return f32x4.max(x, y);
  return f32x4.min(x, y);
}

// @ts-ignore: decorator
@inline function run64(op: i32, aScalar: bool, bScalar: bool, a: usize, b: usize, out: usize, n: i32): void {
  const av = v128.load64_splat(a);
  const bv = v128.load64_splat(b);
  let i = 0;
  for (; i + 2 <= n; i += 2) {
    const at = <usize>i << 3;
    const x = aScalar ? av : v128.load(a + at);
    const y = bScalar ? bv : v128.load(b + at);
    v128.store(out + at, vec64(op, x, y));
  }
  if (i < n) {
    const at = <usize>i << 3;
    const x = aScalar ? av : v128.load64_zero(a + at);
    const y = bScalar ? bv : v128.load64_zero(b + at);
    v128.store64_lane(out + at, vec64(op, x, y), 0);
  }
}

// @ts-ignore: decorator
@inline function run32(op: i32, aScalar: bool, bScalar: bool, a: usize, b: usize, out: usize, n: i32): void {
  const av = v128.load32_splat(a);
  const bv = v128.load32_splat(b);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const at = <usize>i << 2;
    const x = aScalar ? av : v128.load(a + at);
    const y = bScalar ? bv : v128.load(b + at);
    v128.store(out + at, vec32(op, x, y));
  }
  for (; i < n; i++) {
    const at = <usize>i << 2;
    const x = aScalar ? av : v128.load32_zero(a + at);
    const y = bScalar ? bv : v128.load32_zero(b + at);
    v128.store32_lane(out + at, vec32(op, x, y), 0);
  }
}

// @ts-ignore: decorator
@inline function dispatch64(op: i32, aScalar: bool, bScalar: bool, a: usize, b: usize, out: usize, n: i32): void {
  switch (op) {
    case ADD: run64(ADD, aScalar, bScalar, a, b, out, n); break;
    case SUB: run64(SUB, aScalar, bScalar, a, b, out, n); break;
    case MUL: run64(MUL, aScalar, bScalar, a, b, out, n); break;
    case DIV: run64(DIV, aScalar, bScalar, a, b, out, n); break;
    case MAXIMUM: run64(MAXIMUM, aScalar, bScalar, a, b, out, n); break;
    default: run64(MINIMUM, aScalar, bScalar, a, b, out, n);
  }
}

// @ts-ignore: decorator
@inline function dispatch32(op: i32, aScalar: bool, bScalar: bool, a: usize, b: usize, out: usize, n: i32): void {
  switch (op) {
    case ADD: run32(ADD, aScalar, bScalar, a, b, out, n); break;
    case SUB: run32(SUB, aScalar, bScalar, a, b, out, n); break;
    case MUL: run32(MUL, aScalar, bScalar, a, b, out, n); break;
    case DIV: run32(DIV, aScalar, bScalar, a, b, out, n); break;
    case MAXIMUM: run32(MAXIMUM, aScalar, bScalar, a, b, out, n); break;
    default: run32(MINIMUM, aScalar, bScalar, a, b, out, n);
  }
}

/**
 * out = a ∘ b over n float64 elements. `mode` says which operand is short: FULL (neither),
 * B_SCALAR / A_SCALAR (one element), B_PERIODIC / A_PERIODIC (`period` elements repeated whole),
 * B_BLOCKS / A_BLOCKS (n / period elements, each repeated `period` times); n is a multiple of period.
 */
export function binary64(op: i32, a: usize, b: usize, out: usize, n: i32, mode: i32, period: i32): void {
  if (mode == FULL) dispatch64(op, false, false, a, b, out, n);
  else if (mode == B_SCALAR) dispatch64(op, false, true, a, b, out, n);
  else if (mode == A_SCALAR) dispatch64(op, true, false, a, b, out, n);
  else if (mode == B_PERIODIC) {
    for (let o = 0; o < n; o += period) dispatch64(op, false, false, a + (<usize>o << 3), b, out + (<usize>o << 3), period);
  } else if (mode == A_PERIODIC) {
    for (let o = 0; o < n; o += period) dispatch64(op, false, false, a, b + (<usize>o << 3), out + (<usize>o << 3), period);
  } else if (mode == B_BLOCKS) {
    for (let o = 0, s = 0; o < n; o += period, s++) {
      dispatch64(op, false, true, a + (<usize>o << 3), b + (<usize>s << 3), out + (<usize>o << 3), period);
    }
  } else {
    for (let o = 0, s = 0; o < n; o += period, s++) {
      dispatch64(op, true, false, a + (<usize>s << 3), b + (<usize>o << 3), out + (<usize>o << 3), period);
    }
  }
}

/** {@link binary64} for float32. */
export function binary32(op: i32, a: usize, b: usize, out: usize, n: i32, mode: i32, period: i32): void {
  if (mode == FULL) dispatch32(op, false, false, a, b, out, n);
  else if (mode == B_SCALAR) dispatch32(op, false, true, a, b, out, n);
  else if (mode == A_SCALAR) dispatch32(op, true, false, a, b, out, n);
  else if (mode == B_PERIODIC) {
    for (let o = 0; o < n; o += period) dispatch32(op, false, false, a + (<usize>o << 2), b, out + (<usize>o << 2), period);
  } else if (mode == A_PERIODIC) {
    for (let o = 0; o < n; o += period) dispatch32(op, false, false, a, b + (<usize>o << 2), out + (<usize>o << 2), period);
  } else if (mode == B_BLOCKS) {
    for (let o = 0, s = 0; o < n; o += period, s++) {
      dispatch32(op, false, true, a + (<usize>o << 2), b + (<usize>s << 2), out + (<usize>o << 2), period);
    }
  } else {
    for (let o = 0, s = 0; o < n; o += period, s++) {
      dispatch32(op, true, false, a + (<usize>s << 2), b + (<usize>o << 2), out + (<usize>o << 2), period);
    }
  }
}
