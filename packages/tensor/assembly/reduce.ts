// Reductions of x viewed as [outer, reduced, inner] into out ([outer, inner]), as reduceInto in
// the JS kernel. Along a strided axis (inner > 1) the SIMD lanes run across inner, so every
// entry is summed in the JS kernel's order, bit for bit (float32 sums rounded at every step,
// as there). Along the last axis (inner = 1) sums use four float64 partial sums (float32
// widened), a different order: each sum differs from the JS one by rounding only.
import { SUM, MAX, MIN } from './ops';

// @ts-ignore: decorator
@inline function rowSum64(x: usize, n: i32): f64 {
  let s0 = f64x2.splat(0), s1 = f64x2.splat(0);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const at = x + (<usize>i << 3);
    s0 = f64x2.add(s0, v128.load(at));
    s1 = f64x2.add(s1, v128.load(at, 16));
  }
  const s = f64x2.add(s0, s1);
  let total = f64x2.extract_lane(s, 0) + f64x2.extract_lane(s, 1);
  for (; i < n; i++) total += load<f64>(x + (<usize>i << 3));
  return total;
}

// @ts-ignore: decorator
@inline function rowSum32(x: usize, n: i32): f64 {
  let s0 = f64x2.splat(0), s1 = f64x2.splat(0);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const v = v128.load(x + (<usize>i << 2));
    s0 = f64x2.add(s0, f64x2.promote_low_f32x4(v));
    s1 = f64x2.add(s1, f64x2.promote_low_f32x4(i32x4.shuffle(v, v, 2, 3, 0, 1)));
  }
  const s = f64x2.add(s0, s1);
  let total = f64x2.extract_lane(s, 0) + f64x2.extract_lane(s, 1);
  for (; i < n; i++) total += <f64>load<f32>(x + (<usize>i << 2));
  return total;
}

/** Running max (sign > 0) or min over the lanes: NaN wins and the first of equals stays, as in JS. */
// @ts-ignore: decorator
@inline function pick64(op: i32, m: v128, v: v128): v128 {
  const better = op == MAX ? f64x2.gt(v, m) : f64x2.lt(v, m);
  return v128.bitselect(v, m, v128.or(better, f64x2.ne(v, v)));
}

// @ts-ignore: decorator
@inline function pick32(op: i32, m: v128, v: v128): v128 {
  const better = op == MAX ? f32x4.gt(v, m) : f32x4.lt(v, m);
  return v128.bitselect(v, m, v128.or(better, f32x4.ne(v, v)));
}

/** Scalar max/min/logsumexp of a strided line, exactly the JS kernel's loop. */
// @ts-ignore: decorator
@inline function line(op: i32, x: usize, stride: usize, n: i32, wide: bool): f64 {
  const sign: f64 = op == MIN ? -1 : 1;
  let m: f64 = op == MIN ? Infinity : -Infinity;
  for (let r = 0; r < n; r++) {
    const at = x + <usize>r * stride;
    const v: f64 = wide ? load<f64>(at) : <f64>load<f32>(at);
    if (v != v) { m = v; break; }
    if (sign * v > sign * m) m = v;
  }
  if (op != MAX && op != MIN) {
    // logsumexp: m + ln Σ exp(x − m); ±∞ and NaN maxima are the answer.
    if (m == Infinity || m == -Infinity || m != m) return m;
    let s: f64 = 0;
    for (let r = 0; r < n; r++) {
      const at = x + <usize>r * stride;
      s += Math.exp((wide ? load<f64>(at) : <f64>load<f32>(at)) - m);
    }
    return m + Math.log(s);
  }
  return m;
}

/** Reduces float64 x ([outer, reduced, inner]) into out ([outer, inner]) with op SUM, MAX, MIN or LOGSUMEXP. */
export function reduce64(op: i32, x: usize, out: usize, outer: i32, reduced: i32, inner: i32): void {
  const rowBytes = <usize>inner << 3;
  for (let o = 0; o < outer; o++) {
    const src = x + <usize>o * <usize>reduced * rowBytes;
    const dst = out + <usize>o * rowBytes;
    if (inner == 1) {
      store<f64>(dst, op == SUM ? rowSum64(src, reduced) : line(op, src, 8, reduced, true));
      continue;
    }
    if (op == SUM || op == MAX || op == MIN) {
      const start = op == SUM ? f64x2.splat(0) : f64x2.splat(op == MAX ? -Infinity : Infinity);
      let i = 0;
      for (; i + 2 <= inner; i += 2) {
        const at = <usize>i << 3;
        let acc = start;
        for (let r = 0; r < reduced; r++) {
          const v = v128.load(src + <usize>r * rowBytes + at);
          acc = op == SUM ? f64x2.add(acc, v) : op == MAX ? pick64(MAX, acc, v) : pick64(MIN, acc, v);
        }
        v128.store(dst + at, acc);
      }
      for (; i < inner; i++) {
        const at = <usize>i << 3;
        if (op == SUM) {
          let s: f64 = 0;
          for (let r = 0; r < reduced; r++) s += load<f64>(src + <usize>r * rowBytes + at);
          store<f64>(dst + at, s);
        } else store<f64>(dst + at, line(op, src + at, rowBytes, reduced, true));
      }
      continue;
    }
    for (let i = 0; i < inner; i++) store<f64>(dst + (<usize>i << 3), line(op, src + (<usize>i << 3), rowBytes, reduced, true));
  }
}

/** {@link reduce64} for float32 data. */
export function reduce32(op: i32, x: usize, out: usize, outer: i32, reduced: i32, inner: i32): void {
  const rowBytes = <usize>inner << 2;
  for (let o = 0; o < outer; o++) {
    const src = x + <usize>o * <usize>reduced * rowBytes;
    const dst = out + <usize>o * rowBytes;
    if (inner == 1) {
      store<f32>(dst, <f32>(op == SUM ? rowSum32(src, reduced) : line(op, src, 4, reduced, false)));
      continue;
    }
    if (op == SUM || op == MAX || op == MIN) {
      const start = op == SUM ? f32x4.splat(0) : f32x4.splat(op == MAX ? -Infinity : Infinity);
      let i = 0;
      for (; i + 4 <= inner; i += 4) {
        const at = <usize>i << 2;
        let acc = start;
        for (let r = 0; r < reduced; r++) {
          const v = v128.load(src + <usize>r * rowBytes + at);
          acc = op == SUM ? f32x4.add(acc, v) : op == MAX ? pick32(MAX, acc, v) : pick32(MIN, acc, v);
        }
        v128.store(dst + at, acc);
      }
      for (; i < inner; i++) {
        const at = <usize>i << 2;
        if (op == SUM) {
          let s: f32 = 0;
          for (let r = 0; r < reduced; r++) s += load<f32>(src + <usize>r * rowBytes + at);
          store<f32>(dst + at, s);
        } else store<f32>(dst + at, <f32>line(op, src + at, rowBytes, reduced, false));
      }
      continue;
    }
    for (let i = 0; i < inner; i++) store<f32>(dst + (<usize>i << 2), <f32>line(op, src + (<usize>i << 2), rowBytes, reduced, false));
  }
}
