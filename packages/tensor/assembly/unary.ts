// Elementwise maps of one argument. The cheap ones run in SIMD lanes; the transcendental ones
// call the float64 Math of AssemblyScript (a port of musl's libm, within an ulp of V8's) per
// element, and float32 data is widened to float64 and rounded once, as in the JS kernel.
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
  // v > 0 ? v : (v is NaN ? v : 0), and the derivatives with 1 and α in place of v and 0.
  const positive = f64x2.gt(v, f64x2.splat(0));
  const nan = f64x2.ne(v, v);
  if (op == RELU) return v128.bitselect(v, f64x2.splat(0), v128.or(positive, nan));
  const low = v128.bitselect(v, op == RELU_DERIVATIVE ? f64x2.splat(0) : alpha, nan);
  return v128.bitselect(f64x2.splat(1), low, positive);
}

// @ts-ignore: decorator
@inline function vec32(op: i32, v: v128, alpha: v128): v128 {
  if (op == NEG) return f32x4.neg(v);
  if (op == ABS) return f32x4.abs(v);
  if (op == SQUARE) return f32x4.mul(v, v);
  if (op == SQRT) return f32x4.sqrt(v);
  if (op == RECIPROCAL) return f32x4.div(f32x4.splat(1), v);
  const positive = f32x4.gt(v, f32x4.splat(0));
  const nan = f32x4.ne(v, v);
  if (op == RELU) return v128.bitselect(v, f32x4.splat(0), v128.or(positive, nan));
  const low = v128.bitselect(v, op == RELU_DERIVATIVE ? f32x4.splat(0) : alpha, nan);
  return v128.bitselect(f32x4.splat(1), low, positive);
}

/** Numerically stable logistic function, as sigmoidScalar in the JS kernel. */
// @ts-ignore: decorator
@inline function sigmoid(x: f64): f64 {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

// @ts-ignore: decorator
@inline function softplus(x: f64): f64 {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

// @ts-ignore: decorator
@inline function scalar(op: i32, v: f64, alpha: f64): f64 {
  if (op == LEAKY_RELU) return v > 0 ? v : alpha * v;
  if (op == EXP) return Math.exp(v);
  if (op == EXPM1) return Math.expm1(v);
  if (op == LOG) return Math.log(v);
  if (op == LOG1P) return Math.log1p(v);
  if (op == TANH) return Math.tanh(v);
  if (op == SIGMOID) return sigmoid(v);
  if (op == SIGMOID_DERIVATIVE) {
    const s = sigmoid(v);
    return s * (1 - s);
  }
  if (op == TANH_DERIVATIVE) {
    const t = Math.tanh(v);
    return 1 - t * t;
  }
  if (op == SOFTPLUS) return softplus(v);
  if (op == LOG_SIGMOID) return -softplus(-v);
  if (op == ELU) return v > 0 ? v : alpha * Math.expm1(v);
  return v > 0 ? 1 : alpha * Math.exp(v); // ELU_DERIVATIVE
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
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const at = <usize>i << 2;
    v128.store(out + at, vec32(op, v128.load(x + at), va));
  }
  for (; i < n; i++) {
    const at = <usize>i << 2;
    v128.store32_lane(out + at, vec32(op, v128.load32_zero(x + at), va), 0);
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
    case EXP: scalar64(EXP, x, out, n, alpha); break;
    case EXPM1: scalar64(EXPM1, x, out, n, alpha); break;
    case LOG: scalar64(LOG, x, out, n, alpha); break;
    case LOG1P: scalar64(LOG1P, x, out, n, alpha); break;
    case TANH: scalar64(TANH, x, out, n, alpha); break;
    case SIGMOID: scalar64(SIGMOID, x, out, n, alpha); break;
    case SIGMOID_DERIVATIVE: scalar64(SIGMOID_DERIVATIVE, x, out, n, alpha); break;
    case TANH_DERIVATIVE: scalar64(TANH_DERIVATIVE, x, out, n, alpha); break;
    case SOFTPLUS: scalar64(SOFTPLUS, x, out, n, alpha); break;
    case LOG_SIGMOID: scalar64(LOG_SIGMOID, x, out, n, alpha); break;
    case ELU: scalar64(ELU, x, out, n, alpha); break;
    default: scalar64(ELU_DERIVATIVE, x, out, n, alpha);
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
    case EXP: scalar32(EXP, x, out, n, alpha); break;
    case EXPM1: scalar32(EXPM1, x, out, n, alpha); break;
    case LOG: scalar32(LOG, x, out, n, alpha); break;
    case LOG1P: scalar32(LOG1P, x, out, n, alpha); break;
    case TANH: scalar32(TANH, x, out, n, alpha); break;
    case SIGMOID: scalar32(SIGMOID, x, out, n, alpha); break;
    case SIGMOID_DERIVATIVE: scalar32(SIGMOID_DERIVATIVE, x, out, n, alpha); break;
    case TANH_DERIVATIVE: scalar32(TANH_DERIVATIVE, x, out, n, alpha); break;
    case SOFTPLUS: scalar32(SOFTPLUS, x, out, n, alpha); break;
    case LOG_SIGMOID: scalar32(LOG_SIGMOID, x, out, n, alpha); break;
    case ELU: scalar32(ELU, x, out, n, alpha); break;
    default: scalar32(ELU_DERIVATIVE, x, out, n, alpha);
  }
}
