// Elementwise maps of one argument. The cheap ones and those built on exp (exp, expm1, tanh,
// sigmoid, elu and their derivatives: exp.ts, a few ulp from V8's Math; float32 evaluated in
// f64x2 lanes and rounded once, as the JS kernel) run in SIMD lanes; log, log1p, softplus,
// logSigmoid and leakyRelu call AssemblyScript's float64 Math (a musl port) per element,
// float32 data widened to float64 and rounded once, as in the JS kernel.
import { exp64, expm164, high, low, narrow, sigmoid64, tanh64 } from './exp';
import {
  NEG, ABS, SQUARE, SQRT, RECIPROCAL, RELU, RELU_DERIVATIVE, LEAKY_RELU_DERIVATIVE,
  LEAKY_RELU, EXP, EXPM1, LOG, LOG1P, TANH, SIGMOID, SIGMOID_DERIVATIVE, TANH_DERIVATIVE,
  SOFTPLUS, LOG_SIGMOID, ELU, ELU_DERIVATIVE,
} from './ops';

// @ts-ignore: decorator
@inline function vec64(op: i32, v: v128, alpha: v128): v128 {
  if (op == NEG) return f64x2.neg(v);
  if (op == ABS) return f64x2.abs(v);
  if (op == SQUARE) return f64x2.mul(v, v);
  if (op == SQRT) return f64x2.sqrt(v);
  if (op == RECIPROCAL) return f64x2.div(f64x2.splat(1), v);
  if (op == EXP) return exp64(v);
  if (op == EXPM1) return expm164(v);
  if (op == TANH) return tanh64(v);
  if (op == SIGMOID) return sigmoid64(v);
  if (op == SIGMOID_DERIVATIVE) {
    const s = sigmoid64(v);
    return f64x2.mul(s, f64x2.sub(f64x2.splat(1), s));
  }
  if (op == TANH_DERIVATIVE) {
    const t = tanh64(v);
    return f64x2.sub(f64x2.splat(1), f64x2.mul(t, t));
  }
  if (op == ELU) return v128.bitselect(v, f64x2.mul(alpha, expm164(v)), f64x2.gt(v, f64x2.splat(0)));
  if (op == ELU_DERIVATIVE) return v128.bitselect(f64x2.splat(1), f64x2.mul(alpha, exp64(v)), f64x2.gt(v, f64x2.splat(0)));
  // v > 0 ? v : (v is NaN ? v : 0), and the derivatives with 1 and α in place of v and 0.
  const positive = f64x2.gt(v, f64x2.splat(0));
  const nan = f64x2.ne(v, v);
  if (op == RELU) return v128.bitselect(v, f64x2.splat(0), v128.or(positive, nan));
  const low = v128.bitselect(v, op == RELU_DERIVATIVE ? f64x2.splat(0) : alpha, nan);
  return v128.bitselect(f64x2.splat(1), low, positive);
}

// @ts-ignore: decorator
@inline function vec32(op: i32, v: v128, alpha: v128, alpha64: v128): v128 {
  if (op == NEG) return f32x4.neg(v);
  if (op == ABS) return f32x4.abs(v);
  if (op == SQUARE) return f32x4.mul(v, v);
  if (op == SQRT) return f32x4.sqrt(v);
  if (op == RECIPROCAL) return f32x4.div(f32x4.splat(1), v);
  // The exp-based maps (the only codes ≥ EXP that come here) in float64 lanes, rounded once
  // (the JS kernel's float32 semantics).
  if (op >= EXP) return narrow(vec64(op, low(v), alpha64), vec64(op, high(v), alpha64));
  const positive = f32x4.gt(v, f32x4.splat(0));
  const nan = f32x4.ne(v, v);
  if (op == RELU) return v128.bitselect(v, f32x4.splat(0), v128.or(positive, nan));
  const low = v128.bitselect(v, op == RELU_DERIVATIVE ? f32x4.splat(0) : alpha, nan);
  return v128.bitselect(f32x4.splat(1), low, positive);
}

// @ts-ignore: decorator
@inline function softplus(x: f64): f64 {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

// @ts-ignore: decorator
@inline function scalar(op: i32, v: f64, alpha: f64): f64 {
  if (op == LEAKY_RELU) return v > 0 ? v : alpha * v;
  if (op == LOG) return Math.log(v);
  if (op == LOG1P) return Math.log1p(v);
  if (op == SOFTPLUS) return softplus(v);
  return -softplus(-v); // LOG_SIGMOID
}

// @ts-ignore: decorator
@inline function simd64(op: i32, x: usize, out: usize, n: i32, alpha: f64): void {
  const va = f64x2.splat(alpha);
  let i = 0;
  for (; i + 2 <= n; i += 2) {
    const at = <usize>i << 3;
    v128.store(out + at, vec64(op, v128.load(x + at), va));
  }
  if (i < n) {
    const at = <usize>i << 3;
    v128.store64_lane(out + at, vec64(op, v128.load64_zero(x + at), va), 0);
  }
}

// @ts-ignore: decorator
@inline function simd32(op: i32, x: usize, out: usize, n: i32, alpha: f64): void {
  const va = f32x4.splat(<f32>alpha);
  const va64 = f64x2.splat(alpha);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const at = <usize>i << 2;
    v128.store(out + at, vec32(op, v128.load(x + at), va, va64));
  }
  for (; i < n; i++) {
    const at = <usize>i << 2;
    v128.store32_lane(out + at, vec32(op, v128.load32_zero(x + at), va, va64), 0);
  }
}

// @ts-ignore: decorator
@inline function scalar64(op: i32, x: usize, out: usize, n: i32, alpha: f64): void {
  for (let i = 0; i < n; i++) {
    const at = <usize>i << 3;
    store<f64>(out + at, scalar(op, load<f64>(x + at), alpha));
  }
}

// @ts-ignore: decorator
@inline function scalar32(op: i32, x: usize, out: usize, n: i32, alpha: f64): void {
  for (let i = 0; i < n; i++) {
    const at = <usize>i << 2;
    store<f32>(out + at, <f32>scalar(op, <f64>load<f32>(x + at), alpha));
  }
}

/** out = op(x) over n float64 elements; `alpha` parameterises leakyRelu and elu. */
export function unary64(op: i32, x: usize, out: usize, n: i32, alpha: f64): void {
  switch (op) {
    case NEG: simd64(NEG, x, out, n, alpha); break;
    case ABS: simd64(ABS, x, out, n, alpha); break;
    case SQUARE: simd64(SQUARE, x, out, n, alpha); break;
    case SQRT: simd64(SQRT, x, out, n, alpha); break;
    case RECIPROCAL: simd64(RECIPROCAL, x, out, n, alpha); break;
    case RELU: simd64(RELU, x, out, n, alpha); break;
    case RELU_DERIVATIVE: simd64(RELU_DERIVATIVE, x, out, n, alpha); break;
    case LEAKY_RELU_DERIVATIVE: simd64(LEAKY_RELU_DERIVATIVE, x, out, n, alpha); break;
    case LEAKY_RELU: scalar64(LEAKY_RELU, x, out, n, alpha); break;
    case EXP: simd64(EXP, x, out, n, alpha); break;
    case EXPM1: simd64(EXPM1, x, out, n, alpha); break;
    case LOG: scalar64(LOG, x, out, n, alpha); break;
    case LOG1P: scalar64(LOG1P, x, out, n, alpha); break;
    case TANH: simd64(TANH, x, out, n, alpha); break;
    case SIGMOID: simd64(SIGMOID, x, out, n, alpha); break;
    case SIGMOID_DERIVATIVE: simd64(SIGMOID_DERIVATIVE, x, out, n, alpha); break;
    case TANH_DERIVATIVE: simd64(TANH_DERIVATIVE, x, out, n, alpha); break;
    case SOFTPLUS: scalar64(SOFTPLUS, x, out, n, alpha); break;
    case LOG_SIGMOID: scalar64(LOG_SIGMOID, x, out, n, alpha); break;
    case ELU: simd64(ELU, x, out, n, alpha); break;
    default: simd64(ELU_DERIVATIVE, x, out, n, alpha);
  }
}

/** {@link unary64} for float32 (the scalar maps evaluate in float64, then round). */
export function unary32(op: i32, x: usize, out: usize, n: i32, alpha: f64): void {
  switch (op) {
    case NEG: simd32(NEG, x, out, n, alpha); break;
    case ABS: simd32(ABS, x, out, n, alpha); break;
    case SQUARE: simd32(SQUARE, x, out, n, alpha); break;
    case SQRT: simd32(SQRT, x, out, n, alpha); break;
    case RECIPROCAL: simd32(RECIPROCAL, x, out, n, alpha); break;
    case RELU: simd32(RELU, x, out, n, alpha); break;
    case RELU_DERIVATIVE: simd32(RELU_DERIVATIVE, x, out, n, alpha); break;
    case LEAKY_RELU_DERIVATIVE: simd32(LEAKY_RELU_DERIVATIVE, x, out, n, alpha); break;
    case LEAKY_RELU: scalar32(LEAKY_RELU, x, out, n, alpha); break;
    case EXP: simd32(EXP, x, out, n, alpha); break;
    case EXPM1: simd32(EXPM1, x, out, n, alpha); break;
    case LOG: scalar32(LOG, x, out, n, alpha); break;
    case LOG1P: scalar32(LOG1P, x, out, n, alpha); break;
    case TANH: simd32(TANH, x, out, n, alpha); break;
    case SIGMOID: simd32(SIGMOID, x, out, n, alpha); break;
    case SIGMOID_DERIVATIVE: simd32(SIGMOID_DERIVATIVE, x, out, n, alpha); break;
    case TANH_DERIVATIVE: simd32(TANH_DERIVATIVE, x, out, n, alpha); break;
    case SOFTPLUS: scalar32(SOFTPLUS, x, out, n, alpha); break;
    case LOG_SIGMOID: scalar32(LOG_SIGMOID, x, out, n, alpha); break;
    case ELU: simd32(ELU, x, out, n, alpha); break;
    default: simd32(ELU_DERIVATIVE, x, out, n, alpha);
  }
}
