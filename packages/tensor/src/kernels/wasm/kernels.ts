/**
 * The WebAssembly backend: the JS kernels with matmul, the fused dense layers, the common
 * elementwise maps and the reductions replaced by SIMD kernels (assembly/**). Anything without
 * a WebAssembly kernel — an op missing from codes.ts, a general broadcast, mixed dtypes, or a
 * call too small to repay the copies — runs the JS kernel, so both backends compute every op.
 *
 * Each call copies its operands into the arena, runs, and copies the result into a fresh
 * typed array: two or three memcpy passes, counted in {@link WasmRuntime.stats}. They are
 * O(size) against the O(m·n·k) of a matmul; for elementwise maps they cost about what the
 * JS loop would, which is why tiny calls stay in JS.
 *
 * Results against the JS kernels (the reference; conformance.test.ts checks all of this):
 * - bit for bit: elementwise + − × ÷ max min, relu/leakyRelu and their derivatives, neg, abs,
 *   square, sqrt, reciprocal (IEEE ops on float32 round the same whether done in float32 or
 *   in float64 and rounded), max/min reductions, and sums along a strided axis (same order);
 *   float64 matmul wherever the JS kernel takes its packed path (m, n ≥ 4, m·n·k ≥ 512): the
 *   same depth blocks, each summed in the same order (its thin-product loops use partial sums).
 * - to rounding: float32 matmul accumulates in float32 lanes (the JS kernel in float64, then
 *   rounds once): relative error ≲ k·2⁻²⁴ of Σ|a·b|, as tfjs and BLAS sgemm; sums along the
 *   last axis use four partial sums (float64 even for float32 data); logsumexp and, when
 *   enabled, the log maps use AssemblyScript's libm, within an ulp of V8's; exp, expm1,
 *   sigmoid, tanh, elu and their derivatives (maps and dense activations, at every size) use
 *   the SIMD exp of assembly/exp.ts and may differ from JS's Math in the last bits (≤ 3 ulp
 *   in float64), softplus AssemblyScript's libm.
 * - NaN, ±∞ and −0 follow the JS rules everywhere (relu(−0) = +0, relu(NaN) = NaN, NaN wins
 *   max/min).
 */
import { make, sizeOf, type Tensor, type TypedArray } from '../../core/tensor.js';
import { knownFinite, markFinite } from '../known-finite.js';
import { reducedShape } from '../../core/shape.js';
import { jsKernels } from '../js/index.js';
import type { Kernels } from '../types.js';
import { Broadcast, activationCodes, binaryCodes, reduceCodes, transcendentalCodes, unaryCodes } from './codes.js';
import { wasmDenseBackward, wasmDenseForward } from './dense.js';
import { chunkedPass } from './passes.js';
import { align16, placementOf } from './placement.js';
import type { WasmRuntime } from './runtime.js';

/** Below these sizes a call stays in JS (its copies and call overhead would cost more). */
export interface WasmLimits {
  /** Least m·n·k multiply-adds for a WebAssembly matmul. */
  readonly matmul: number;
  /** Least output elements for a WebAssembly elementwise map or reduction. */
  readonly elementwise: number;
  /**
   * Run the log-based maps (log, log1p, logSigmoid) in WebAssembly too: scalar libm, no faster
   * than JS and not always bit-identical to it. The activations (codes.ts) always run there.
   */
  readonly transcendental: boolean;
  /** Least elements for the WebAssembly scaledAdd and allFinite passes (1024 when absent). */
  readonly update?: number;
}

/** Measured on the project's 2-core machine: below these sizes the JS kernels are as fast. */
export const defaultLimits: WasmLimits = { matmul: 512, elementwise: 64, transcendental: false };

/** Where an operand of `shape`, broadcast to `outShape`, is its leading (blocks) or trailing (periodic) part. */
function broadcastOf(shape: readonly number[], outShape: readonly number[]): 'periodic' | 'blocks' | undefined {
  let lo = 0;
  let hi = shape.length;
  while (lo < hi && shape[lo] === 1) lo++;
  while (hi > lo && shape[hi - 1] === 1) hi--;
  const core = shape.slice(lo, hi);
  const trailing = shape.length - hi;
  // Periodic: no trailing ones and the core equals the output's last axes.
  const tail = outShape.slice(outShape.length - core.length);
  if (trailing === 0 && core.every((d, i) => d === tail[i])) return 'periodic';
  // Blocks: the core sits right after the output's first axes it matches, then only ones.
  const at = outShape.length - shape.length + lo;
  if (at === 0 && core.every((d, i) => d === outShape[i])) return 'blocks';
  return undefined;
}

/** The mode and period of a binary op's broadcast in the WebAssembly kernel, or undefined for JS. */
export function broadcastMode(a: Tensor, b: Tensor, outShape: readonly number[]): [number, number] | undefined {
  const size = sizeOf(outShape);
  const na = a.data.length;
  const nb = b.data.length;
  if (na === size && nb === size) return [Broadcast.full, size];
  if (na === size && nb === 1) return [Broadcast.bScalar, size];
  if (nb === size && na === 1) return [Broadcast.aScalar, size];
  if (na === size) {
    const kind = broadcastOf(b.shape, outShape);
    if (kind === 'periodic') return [Broadcast.bPeriodic, nb];
    if (kind === 'blocks') return [Broadcast.bBlocks, size / nb];
  }
  if (nb === size) {
    const kind = broadcastOf(a.shape, outShape);
    if (kind === 'periodic') return [Broadcast.aPeriodic, na];
    if (kind === 'blocks') return [Broadcast.aBlocks, size / na];
  }
  return undefined;
}

/**
 * Records what an SGD, momentum or Adam kernel found while it ran (flag 1: the gradient it read
 * is all finite; flag 2: the Θ it wrote is), so the checks a training step makes next need not
 * copy them in again (known-finite.ts); returns Θ's data.
 */
function learned(flags: number, grad: Tensor, theta: TypedArray): TypedArray {
  if ((flags & 1) !== 0) markFinite(grad.data);
  if ((flags & 2) !== 0) markFinite(theta);
  return theta;
}

/** The WebAssembly kernels over one runtime, with JS fallbacks below `limits`. */
export function wasmKernels(rt: WasmRuntime, limits: WasmLimits = defaultLimits): Kernels {
  // Below about a thousand elements the call and the copies cost more than the JS loop saves.
  const update = limits.update ?? 1024;
  const at = placementOf(rt);
  return {
    ...jsKernels,
    name: 'wasm',
    matmul(a, b, transposeA, transposeB) {
      const [ra, ca] = a.shape as [number, number];
      const [rb, cb] = b.shape as [number, number];
      const m = transposeA ? ca : ra;
      const k = transposeA ? ra : ca;
      const n = transposeB ? rb : cb;
      if (a.dtype !== b.dtype || m * n === 0 || m * n * k < limits.matmul) return jsKernels.matmul(a, b, transposeA, transposeB);
      const size = a.dtype === 'float32' ? 4 : 8;
      if (!at.begin(align16(m * k * size) + align16(k * n * size) + align16(m * n * size))) return jsKernels.matmul(a, b, transposeA, transposeB);
      const pa = at.input(a);
      const pb = at.input(b);
      const pc = at.output(m * n * size);
      const run = size === 4 ? rt.exports.matmul32 : rt.exports.matmul64;
      run(pa, pb, pc, m, k, n, transposeA ? 1 : 0, transposeB ? 1 : 0, rt.scratch);
      const c = at.result(size === 4, pc, m * n);
      at.end();
      return make(c, [m, n]);
    },
    unary(op, t, alpha) {
      const n = t.data.length;
      // Activations run here at every size: the fused dense kernels compute them with the same code.
      const always = activationCodes[op];
      const code = always ?? unaryCodes[op] ?? (limits.transcendental ? transcendentalCodes[op] : undefined);
      if (code === undefined || (always === undefined && n < limits.elementwise) || n === 0) return jsKernels.unary(op, t, alpha);
      const size = t.dtype === 'float32' ? 4 : 8;
      if (!at.begin(2 * align16(n * size))) return jsKernels.unary(op, t, alpha);
      const px = at.input(t);
      const po = at.output(n * size);
      (size === 4 ? rt.exports.unary32 : rt.exports.unary64)(code, px, po, n, alpha);
      const out = at.result(size === 4, po, n);
      at.end();
      return make(out, t.shape);
    },
    binary(op, a, b, outShape) {
      const code = binaryCodes[op];
      const n = sizeOf(outShape);
      const mode = code === undefined || a.dtype !== b.dtype || n < limits.elementwise || n === 0 ? undefined : broadcastMode(a, b, outShape);
      if (code === undefined || mode === undefined) return jsKernels.binary(op, a, b, outShape);
      const size = a.dtype === 'float32' ? 4 : 8;
      if (!at.begin(align16(a.data.length * size) + align16(b.data.length * size) + align16(n * size))) return jsKernels.binary(op, a, b, outShape);
      const pa = at.input(a);
      const pb = at.input(b);
      const po = at.output(n * size);
      (size === 4 ? rt.exports.binary32 : rt.exports.binary64)(code, pa, pb, po, n, mode[0], mode[1]);
      const out = at.result(size === 4, po, n);
      at.end();
      return make(out, outShape);
    },
    reduce(op, t, axes) {
      const code = reduceCodes[op];
      // Axes arrive sorted and contiguous: view t as [outer, reduced, inner], as the JS kernel.
      const first = axes[0] ?? 0;
      const last = axes[axes.length - 1] ?? -1;
      const outer = sizeOf(t.shape.slice(0, first));
      const reduced = sizeOf(t.shape.slice(first, last + 1));
      const inner = sizeOf(t.shape.slice(last + 1));
      const n = t.data.length;
      if (code === undefined || n < limits.elementwise || outer * inner === 0) return jsKernels.reduce(op, t, axes);
      const size = t.dtype === 'float32' ? 4 : 8;
      if (!at.begin(align16(n * size) + align16(outer * inner * size))) return jsKernels.reduce(op, t, axes);
      const px = at.input(t);
      const po = at.output(outer * inner * size);
      (size === 4 ? rt.exports.reduce32 : rt.exports.reduce64)(code, px, po, outer, reduced, inner);
      const out = at.result(size === 4, po, outer * inner);
      at.end();
      return make(out, reducedShape(t.shape, axes, true));
    },
    // One call each (wasm/dense.ts), whatever the size: even the 32 × 2 × 50 layers run faster
    // fused than composed (measured). Empty layers take the JS kernel.
    denseForward(xx, w, b, activation, alpha) {
      const N = xx.shape[0] as number;
      const n = w.shape[0] as number;
      const k = xx.shape[1] as number;
      if (N * n * k === 0) return jsKernels.denseForward.call(this, xx, w, b, activation, alpha);
      return wasmDenseForward(rt, at, xx, w, b, activation, alpha) ?? jsKernels.denseForward.call(this, xx, w, b, activation, alpha);
    },
    denseBackward(g, z, a, xx, w, activation, alpha, propagate) {
      const N = g.shape[0] as number;
      const n = g.shape[1] as number;
      const k = xx.shape[1] as number;
      if (N * n * k === 0) return jsKernels.denseBackward.call(this, g, z, a, xx, w, activation, alpha, propagate);
      return wasmDenseBackward(rt, at, g, z, a, xx, w, activation, alpha, propagate)
        ?? jsKernels.denseBackward.call(this, g, z, a, xx, w, activation, alpha, propagate);
    },
    scaledAdd(base, xx, factor) {
      if (base.data.length < update || base.dtype !== xx.dtype) return jsKernels.scaledAdd(base, xx, factor);
      const step = base.dtype === 'float32' ? rt.exports.scaledAdd32 : rt.exports.scaledAdd64;
      const r = chunkedPass(rt, at, [base, xx], 1, ([pb, px, po], length) => step(pb!, px!, po!, length, factor));
      if (r === undefined) return jsKernels.scaledAdd(base, xx, factor);
      return make(learned(r.flags, xx, r.outputs[0]!), base.shape);
    },
    allFinite(xx) {
      const n = xx.data.length;
      if (n < update) return jsKernels.allFinite(xx);
      if (knownFinite(xx.data)) return true;
      const size = xx.dtype === 'float32' ? 4 : 8;
      if (!at.begin(align16(n * size))) return jsKernels.allFinite(xx);
      const px = at.input(xx);
      at.end();
      return (size === 4 ? rt.exports.allFinite32 : rt.exports.allFinite64)(px, n) === 1;
    },
    // The optimiser steps, over chunks of each leaf (passes.ts; optimiser.ts in assembly/).
    momentumStep(theta, grad, velocity, c) {
      if (theta.data.length < update) return jsKernels.momentumStep(theta, grad, velocity, c);
      const step = theta.dtype === 'float32' ? rt.exports.momentumStep32 : rt.exports.momentumStep64;
      const r = chunkedPass(rt, at, [theta, grad, velocity], 2, ([pt, pg, pv, pto, pvo], length) =>
        step(pt!, pg!, pv!, pto!, pvo!, length, c.decay, c.nesterov ? 1 : 0, c.factor));
      if (r === undefined) return jsKernels.momentumStep(theta, grad, velocity, c);
      return { theta: make(learned(r.flags, grad, r.outputs[0]!), theta.shape), velocity: make(r.outputs[1]!, theta.shape) };
    },
    adamStep(theta, grad, mu, nu, c) {
      if (theta.data.length < update) return jsKernels.adamStep(theta, grad, mu, nu, c);
      const step = theta.dtype === 'float32' ? rt.exports.adamStep32 : rt.exports.adamStep64;
      const r = chunkedPass(rt, at, [theta, grad, mu, nu], 3, ([pt, pg, pm, pv, pto, pmo, pvo], length) =>
        step(pt!, pg!, pm!, pv!, pto!, pmo!, pvo!, length, c.beta1, c.beta2, c.eps, c.epsRoot, c.momentWeight, c.gradientWeight, c.inverseC2, c.factor));
      if (r === undefined) return jsKernels.adamStep(theta, grad, mu, nu, c);
      return { theta: make(learned(r.flags, grad, r.outputs[0]!), theta.shape), mu: make(r.outputs[1]!, theta.shape), nu: make(r.outputs[2]!, theta.shape) };
    },
  };
}
