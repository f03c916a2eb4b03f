import { describe, expect, it } from 'vitest';
import { make } from '../../core/tensor.js';
import { jsKernels } from '../js/index.js';
import { wasmKernels } from './kernels.js';
import { readFileSync } from 'node:fs';
import { bestVariant, instantiateSync, relaxedSimdSupported, simdSupported, type WasmVariant } from './runtime.js';

const filled = (n: number, seed: number): Float64Array => Float64Array.from({ length: n }, (_, i) => Math.sin(seed + i));

describe('WebAssembly runtime', () => {
  it('detects SIMD and instantiates synchronously in Node', () => {
    expect(simdSupported()).toBe(true);
    expect(instantiateSync()).toBeDefined();
  });

  it('never detaches a buffer: a call too big for the memory moves to a new, larger one, and results stay right', () => {
    const rt = instantiateSync()!;
    const k = wasmKernels(rt);
    const old = rt.f64().buffer;
    const size = old.byteLength;
    // A product whose operands alone need more than the whole memory: C = A·B, 1400 × 1600 · 1600 × 3.
    const [m, kk, n] = [1400, 1600, 3];
    expect((m * kk + kk * n + m * n) * 8).toBeGreaterThan(size);
    const a = make(filled(m * kk, 12), [m, kk]);
    const b = make(filled(kk * n, 13), [kk, n]);
    const c = k.matmul(a, b, false, false);
    expect(rt.stats().memoryBytes).toBeGreaterThan(size);
    // A detached ArrayBuffer has byteLength 0; the old memory's buffer is intact.
    expect(old.byteLength).toBe(size);
    expect(rt.f64().buffer).not.toBe(old);
    const reference = jsKernels.matmul(a, b, false, false);
    c.data.forEach((v, i) => expect(Math.abs(v - reference.data[i]!)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(reference.data[i]!))));
    // And the next small call runs on the new memory.
    const small = make(filled(8 * 8, 14), [8, 8]);
    const calls = rt.stats().calls;
    const product = k.matmul(small, small, false, false);
    expect(rt.stats().calls).toBe(calls + 1);
    const expected = jsKernels.matmul(small, small, false, false);
    product.data.forEach((v, i) => expect(Math.abs(v - expected.data[i]!)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected.data[i]!))));
  });

  it('counts the bytes copied in and out of every call', () => {
    const rt = instantiateSync()!;
    const k = wasmKernels(rt);
    const a = make(filled(12 * 20, 1), [12, 20]);
    const b = make(new Float32Array(filled(20 * 9, 2)), [20, 9]);
    const before = rt.stats();
    k.matmul(a, make(filled(20 * 9, 2), [20, 9]), false, false);
    const after = rt.stats();
    expect(after.calls - before.calls).toBe(1);
    expect(after.bytesIn - before.bytesIn).toBe((12 * 20 + 20 * 9) * 8);
    expect(after.bytesOut - before.bytesOut).toBe(12 * 9 * 8);
    // Mixed dtypes run in JS: nothing moves.
    k.matmul(a, b, false, false);
    expect(rt.stats()).toEqual(after);
  });

  it('keeps its memory bounded over 10⁵ calls: the arena is reused, never grown per call', () => {
    const rt = instantiateSync()!;
    const k = wasmKernels(rt);
    const x = make(filled(64 * 33, 3), [64, 33]);
    const w = make(filled(33 * 16, 4), [33, 16]);
    const bias = make(filled(16, 5), [16]);
    const step = (): void => {
      const z = k.binary('add', k.matmul(x, w, false, false), bias, [64, 16]);
      const a = k.unary('relu', z, 0);
      k.reduce('sum', k.matmul(x, a, true, false), [0]);
    };
    step();
    const memory = rt.stats().memoryBytes;
    const calls = rt.stats().calls;
    for (let i = 0; i < 20_000; i++) step();
    expect(rt.stats().calls - calls).toBe(100_000);
    expect(rt.stats().memoryBytes).toBe(memory);
  });

  it('runs a dense layer as one call each way, copying each operand in and each result out once', () => {
    const rt = instantiateSync()!;
    const k = wasmKernels(rt);
    const [N, kk, n] = [32, 50, 7];
    const x = make(new Float32Array(filled(N * kk, 9)), [N, kk]);
    const w = make(new Float32Array(filled(n * kk, 10)), [n, kk]);
    const b = make(new Float32Array(filled(n, 11)), [n]);
    const before = rt.stats();
    const { z, a } = k.denseForward(x, w, b, 'sigmoid', 0);
    const mid = rt.stats();
    expect(mid.calls - before.calls).toBe(1);
    expect(mid.bytesIn - before.bytesIn).toBe((N * kk + n * kk + n) * 4);
    expect(mid.bytesOut - before.bytesOut).toBe(2 * N * n * 4);
    const g = make(new Float32Array(filled(N * n, 12)), [N, n]);
    k.denseBackward(g, z, a, x, w, 'sigmoid', 0, true);
    const after = rt.stats();
    expect(after.calls - mid.calls).toBe(1);
    // g and A in; δ, dW, db and dInput out.
    expect(after.bytesIn - mid.bytesIn).toBe((2 * N * n + N * kk + n * kk) * 4);
    expect(after.bytesOut - mid.bytesOut).toBe((N * n + n * kk + n + N * kk) * 4);
    // The identity reads neither Z nor A and hands g back as δ; without propagate no dInput.
    const r = k.denseBackward(g, undefined, undefined, x, w, 'identity', 0, false);
    expect(r.delta).toBe(g);
    expect(r.dInput).toBeUndefined();
    // Neither Z nor A (identity) nor W (no propagate) is copied in.
    expect(rt.stats().bytesIn - after.bytesIn).toBe((N * n + N * kk) * 4);
    expect(rt.stats().bytesOut - after.bytesOut).toBe((n * kk + n) * 4);
  });

  it('keeps its memory bounded over 10⁵ fused dense calls', () => {
    const rt = instantiateSync()!;
    const k = wasmKernels(rt);
    const x = make(filled(8 * 5, 13), [8, 5]);
    const w = make(filled(5 * 5, 14), [5, 5]);
    const b = make(filled(5, 15), [5]);
    const step = (): void => {
      const { a } = k.denseForward(x, w, b, 'sigmoid', 0);
      k.denseBackward(a, undefined, a, x, w, 'tanh', 0, true);
    };
    step();
    const memory = rt.stats().memoryBytes;
    const calls = rt.stats().calls;
    for (let i = 0; i < 50_000; i++) step();
    expect(rt.stats().calls - calls).toBe(100_000);
    expect(rt.stats().memoryBytes).toBe(memory);
  });

  it('enlarges its memory for a larger call, gives the right answer after, and then stays put', () => {
    const rt = instantiateSync()!;
    const k = wasmKernels(rt);
    const n = 1_200_000;
    expect(rt.stats().memoryBytes).toBeLessThan(rt.arena + 2 * n * 8);
    const x = make(filled(n, 6), [n]);
    const got = k.unary('relu', x, 0);
    expect(rt.stats().memoryBytes).toBeGreaterThanOrEqual(rt.arena + 2 * n * 8);
    const want = jsKernels.unary('relu', x, 0).data;
    expect(got.data.every((v, i) => Object.is(v, want[i]))).toBe(true);
    const grown = rt.stats().memoryBytes;
    k.unary('relu', make(filled(10, 7), [10]), 0);
    k.unary('relu', x, 0);
    expect(rt.stats().memoryBytes).toBe(grown);
  });

  it('returns results that never alias its memory', () => {
    const rt = instantiateSync()!;
    const k = wasmKernels(rt);
    const x = make(filled(100, 8), [100]);
    const first = k.unary('neg', x, 0);
    const copy = Array.from(first.data);
    k.unary('abs', x, 0);
    expect(first.data.buffer).not.toBe(rt.exports.memory.buffer);
    expect(Array.from(first.data)).toEqual(copy);
  });

  it('has relaxed SIMD in these tests (vitest.config.ts turns it on in Node 20) and runs the relaxed build by default', () => {
    expect(relaxedSimdSupported()).toBe(true);
    expect(bestVariant()).toBe('relaxed');
    expect(instantiateSync()!.variant).toBe('relaxed');
    expect(instantiateSync('simd')!.variant).toBe('simd');
    expect(instantiateSync('relaxed')!.stats().variant).toBe('relaxed');
  });

  // [1, 1 + 2⁻³⁰] · [−(1 + 2⁻²⁹), 1 + 2⁻³⁰]ᵀ: the second product is 1 + 2⁻²⁹ + 2⁻⁶⁰ exactly. Rounded
  // before it is added (mul, then add) it cancels the first to 0; fused into one multiply-add,
  // the sum is exact: 2⁻⁶⁰. Any register tile sums the two steps in this order.
  const fusedProbe = (variant: WasmVariant, dtype: 'float64' | 'float32'): number => {
    const k = wasmKernels(instantiateSync(variant)!, { matmul: 0, elementwise: 0, transcendental: true, update: 0 });
    const e = dtype === 'float64' ? [2 ** -30, 2 ** -29] : [2 ** -12, 2 ** -11]; // float32: 1 + 2⁻¹² squared needs 2⁻²⁴
    const of = (values: number[], shape: number[]) => make(dtype === 'float64' ? Float64Array.from(values) : Float32Array.from(values), shape);
    const a = of([1, 1 + e[0]!], [1, 2]);
    const b = of([-(1 + e[1]!), 1 + e[0]!], [2, 1]);
    return k.matmul(a, b, false, false).data[0]!;
  };
  // Every x86-64 CPU since 2013 and every AArch64 one has FMA; where the CPU lacks it the engine
  // may run relaxed madd as mul then add, so the exact sum is asserted only where /proc/cpuinfo says fma.
  const cpuFma = (() => {
    try {
      return /\bfma\b/.test(readFileSync('/proc/cpuinfo', 'utf8'));
    } catch {
      return undefined;
    }
  })();

  it('the simd build rounds each product before adding it; the relaxed build fuses them, where the CPU has FMA', () => {
    for (const dtype of ['float64', 'float32'] as const) {
      expect(fusedProbe('simd', dtype)).toBe(0);
      const fused = fusedProbe('relaxed', dtype);
      const exact = dtype === 'float64' ? 2 ** -60 : 2 ** -24;
      if (cpuFma === true) expect(fused).toBe(exact);
      else expect([0, exact]).toContain(fused);
    }
  });
});

