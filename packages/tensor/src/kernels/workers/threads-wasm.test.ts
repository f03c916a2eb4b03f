import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { make, type DType, type Tensor } from '../../core/tensor.js';
import { filled, forms, isShared, operands } from '../../test-support/products.js';
import { jsKernels } from '../js/index.js';
import { resident } from '../resident.js';
import type { Kernels } from '../types.js';
import { defaultLimits, wasmKernels } from '../wasm/kernels.js';
import { instantiateSync, type WasmRuntime } from '../wasm/runtime.js';
import { threadHost, type ThreadHost } from './host.js';
import { createPool } from './pool.js';
import { chunkRows, DEFAULT_THRESHOLDS, withThreads } from './threads.js';
import { arenaBytes, wasmRows } from './wasm-rows.js';

const dtypes: readonly DType[] = ['float32', 'float64'];

/** Index of the first element whose bits differ (NaNs included), −1 when x and y are the same bits. */
const firstDifference = (x: Tensor, y: Tensor): number => {
  if (x.dtype !== y.dtype || x.data.length !== y.data.length) return 0;
  const [bx, by] = [x, y].map((t) => (t.dtype === 'float32' ? new Int32Array(t.data.buffer, t.data.byteOffset, t.data.length) : new BigInt64Array(t.data.buffer, t.data.byteOffset, t.data.length)));
  for (let i = 0; i < x.data.length; i++) if (bx?.[i] !== by?.[i]) return i;
  return -1;
};

const rt = instantiateSync() as WasmRuntime;
const wasm = wasmKernels(rt);
/** The WebAssembly kernel even on products too small for the backend (it sends those to JS). */
const raw = wasmKernels(rt, { ...defaultLimits, matmul: 0 });
// Three threads (two workers), so a product has a middle slice; threshold 0 splits all. This
// thread computes its chunks on the wasm backend's own instance (as backend.ts would share it),
// so every test below also checks that threaded and plain calls can take turns on one arena.
const threaded = withThreads(wasm, { threads: 3, threshold: 0, runtime: rt, backoff: false });
afterAll(() => threaded.close());

describe('withThreads over the wasm backend: results', () => {
  it('runs the WebAssembly kernel on its workers', async () => {
    expect(threaded.kernel).toBe('wasm');
    expect(threaded.name).toBe('wasm+threads');
    expect(await threaded.warmUp()).toBe(2);
    expect(withThreads(jsKernels, { threads: 2 }).kernel).toBe('js');
    expect(withThreads(wasm, { threads: 2, kernel: 'js' }).kernel).toBe('js');
  });

  it('is bit-identical to the one-thread WebAssembly kernel across tile and block edges, in every form and dtype', () => {
    // Register tiles 4 × 8 (f32) and 4 × 4 (f64); depth blocks of ≤ 256 (k = 300, 513 cross
    // them); m-blocks of 128 / 96 rows (m = 200); n-panels of 1024 / 512 columns (n = 1030).
    const shapes = [[37, 300, 29], [200, 513, 9], [45, 40, 1030], [64, 33, 70], [9, 70, 4]] as const;
    for (const dtype of dtypes) {
      for (const [transposeA, transposeB] of forms) {
        for (const [m, k, n] of shapes) {
          const [a, b] = operands(dtype, m, k, n, transposeA, transposeB, m + k + n);
          const expected = wasm.matmul(a, b, transposeA, transposeB);
          const actual = threaded.matmul(a, b, transposeA, transposeB);
          expect(isShared(actual), 'took the parallel path').toBe(true);
          expect(actual.shape).toEqual([m, n]);
          expect(actual.dtype).toBe(dtype);
          expect(firstDifference(actual, expected)).toBe(-1);
        }
      }
    }
  });

  it('runs the build of its runtime on every worker: the simd build\'s bits over a simd runtime, the relaxed build\'s over a relaxed one', async () => {
    const simd = instantiateSync('simd') as WasmRuntime;
    const simdThreaded = withThreads(wasmKernels(simd), { threads: 3, threshold: 0, runtime: simd, backoff: false });
    try {
      expect(await simdThreaded.warmUp()).toBe(2);
      let differs = false;
      for (const dtype of dtypes) {
        const [a, b] = operands(dtype, 200, 300, 40, false, true, 5);
        const actual = simdThreaded.matmul(a, b, false, true);
        expect(isShared(actual), 'took the parallel path').toBe(true);
        expect(firstDifference(actual, wasmKernels(simd).matmul(a, b, false, true))).toBe(-1);
        // The relaxed build rounds otherwise (fused multiply-adds): a worker on the wrong build shows.
        differs ||= firstDifference(actual, threaded.matmul(a, b, false, true)) !== -1;
      }
      expect(rt.variant).toBe('relaxed');
      expect(differs).toBe(true);
    } finally {
      await simdThreaded.close();
    }
  });

  it('is bit-identical on random shapes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 8, max: 90 }), fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 40 }),
        fc.boolean(), fc.boolean(), fc.constantFrom(...dtypes), fc.nat(1000),
        (m, k, n, transposeA, transposeB, dtype, seed) => {
          const [a, b] = operands(dtype, m, k, n, transposeA, transposeB, seed);
          const actual = threaded.matmul(a, b, transposeA, transposeB);
          // Split when the wasm backend itself would run the WebAssembly kernel and each thread gets a chunk.
          expect(isShared(actual)).toBe(m * k * n >= defaultLimits.matmul && m >= 2 * chunkRows(m, k, n, 3, 'wasm'));
          expect(firstDifference(actual, wasm.matmul(a, b, transposeA, transposeB))).toBe(-1);
        },
      ),
      { seed: 8, numRuns: 40 },
    );
  });

  it('gives the same bits for any split of the rows, tile-aligned or not (the claim the split relies on)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 40 }), fc.integer({ min: 1, max: 600 }), fc.integer({ min: 1, max: 20 }),
        fc.boolean(), fc.boolean(), fc.constantFrom(...dtypes), fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
        (m, k, n, transposeA, transposeB, dtype, cuts) => {
          const product = {
            a: filled(dtype, m * k, m, true), b: filled(dtype, k * n, n, true), out: filled(dtype, m * n, 0, true).fill(0),
            m, k, n, transposeA, transposeB,
          };
          const whole = raw.matmul(make(product.a, transposeA ? [k, m] : [m, k]), make(product.b, transposeB ? [n, k] : [k, n]), transposeA, transposeB);
          const edges = [...new Set([0, m, ...cuts.map((c) => 1 + (c % (m - 1)))])].sort((x, y) => x - y);
          const rows = wasmRows(instantiateSync() as WasmRuntime, product, m, { bytesIn: 0, bytesOut: 0 });
          for (let i = 1; i < edges.length; i++) rows(edges[i - 1] as number, edges[i] as number);
          expect(firstDifference(make(product.out, [m, n]), whole)).toBe(-1);
        },
      ),
      { seed: 3, numRuns: 60 },
    );
  });

  it('multiplies shared results and leaves its inputs untouched', () => {
    const [a, b] = operands('float32', 40, 24, 40, true, false, 5);
    const [aCopy, bCopy] = [a.data.slice(), b.data.slice()];
    const ab = threaded.matmul(a, b, true, false);
    expect(a.data).toEqual(aCopy);
    expect(b.data).toEqual(bCopy);
    const abab = threaded.matmul(ab, ab, true, false);
    const reference = wasm.matmul(wasm.matmul(a, b, true, false), wasm.matmul(a, b, true, false), true, false);
    expect(firstDifference(abab, reference)).toBe(-1);
  });

  it('takes turns with a resident scope on the shared arena: what this thread writes there is never read as a resident operand', () => {
    for (const dtype of dtypes) {
      const [a, b] = operands(dtype, 40, 30, 20, false, false, 7);
      const [c, d] = operands(dtype, 1024, 300, 90, false, false, 8);
      const expected = wasm.matmul(a, b, false, false);
      const [first, split, again] = resident(() => [wasm.matmul(a, b, false, false), threaded.matmul(c, d, false, false), wasm.matmul(a, b, false, false)]);
      expect(isShared(split!), 'took the parallel path').toBe(true);
      expect(firstDifference(split!, wasm.matmul(c, d, false, false))).toBe(-1);
      expect(firstDifference(first!, expected)).toBe(-1);
      expect(firstDifference(again!, expected)).toBe(-1);
    }
  });
});

/** A base backend named `wasm` that counts its matmul calls. */
const counting = (): Kernels & { calls: () => number } => {
  let calls = 0;
  return {
    ...wasm,
    matmul: (a, b, transposeA, transposeB) => {
      calls += 1;
      return wasm.matmul(a, b, transposeA, transposeB);
    },
    calls: () => calls,
  };
};

describe('withThreads over the wasm backend: when it splits', () => {
  it('calls the base kernel below the threshold (by default the measured wasm one), and after close', async () => {
    const base = counting();
    const kernels = withThreads(base, { threads: 2, backoff: false });
    await kernels.warmUp();
    const rows = Math.ceil(DEFAULT_THRESHOLDS.wasm / (64 * 64));
    const [a, b] = operands('float32', rows - 1, 64, 64, false, false, 1);
    expect(isShared(kernels.matmul(a, b, false, false))).toBe(false);
    expect(base.calls()).toBe(1);
    const [c, d] = operands('float32', rows, 64, 64, false, false, 1);
    expect(isShared(kernels.matmul(c, d, false, false))).toBe(true);
    expect(base.calls()).toBe(1);
    // Mixed dtypes go to the base (which runs the JS kernel on them).
    const [e] = operands('float64', rows, 64, 64, false, false, 1);
    expect(isShared(kernels.matmul(e, d, false, false))).toBe(false);
    expect(base.calls()).toBe(2);
    // close stops the workers; until they are ready again the base computes.
    await kernels.close();
    const deadline = Date.now() + 10_000;
    while (kernels.liveWorkers() !== 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(kernels.liveWorkers()).toBe(0);
    expect(isShared(kernels.matmul(c, d, false, false))).toBe(false);
    expect(base.calls()).toBe(3);
    expect(await kernels.warmUp()).toBe(1);
    const again = kernels.matmul(c, d, false, false);
    expect(isShared(again)).toBe(true);
    expect(firstDifference(again, wasm.matmul(c, d, false, false))).toBe(-1);
    await kernels.close();
  });

  it('cuts chunks of at least 128 rows, about four per thread on tall products, in whole tiles', () => {
    expect(chunkRows(2048, 1024, 1024, 2, 'wasm')).toBe(256);
    expect(chunkRows(1024, 1024, 1024, 2, 'wasm')).toBe(128);
    expect(chunkRows(512, 512, 512, 2, 'wasm')).toBe(128);
    expect(chunkRows(256, 256, 256, 2, 'wasm')).toBe(128);
    expect(chunkRows(64, 784, 128, 2, 'wasm')).toBe(32);
    expect(chunkRows(784, 64, 128, 2, 'wasm')).toBe(128);
    for (const [m, threads] of [[9, 2], [37, 3], [2000, 4], [13, 2]] as const) {
      const rows = chunkRows(m, 10, 10, threads, 'wasm');
      expect(rows % 4).toBe(0);
      expect(rows).toBeGreaterThanOrEqual(4);
    }
  });

  it('is the base backend where the calling thread has no WebAssembly kernel or no thread host', async () => {
    for (const kernels of [withThreads(wasm, { threads: 2, threshold: 0 }, null), withThreads(wasm, { threads: 1, threshold: 0 })]) {
      expect(kernels.kernel).toBe('wasm');
      expect(kernels.threads).toBe(1);
      expect(kernels.name).toBe('wasm');
      expect(await kernels.warmUp()).toBe(0);
      const [a, b] = operands('float64', 64, 64, 64, false, false, 2);
      expect(isShared(kernels.matmul(a, b, false, false))).toBe(false);
    }
  });

  it('throws, not miscomputes, when a thread has no WebAssembly instance for a wasm job', async () => {
    const pool = createPool(threadHost() as ThreadHost, 1, 'wasm');
    const shared = (values: number[]): Float64Array => {
      const out = new Float64Array(new SharedArrayBuffer(values.length * 8));
      out.set(values);
      return out;
    };
    const job = { a: shared([1, 2, 3, 4]), b: shared([5, 6, 7, 8]), out: shared([0, 0, 0, 0]), m: 2, k: 2, n: 2, transposeA: false, transposeB: false, chunkRows: 1, kernel: 'wasm' as const };
    expect(() => pool.run([], job)).toThrow(/WebAssembly kernels are not available/);
    pool.run([], job, true, instantiateSync());
    expect(Array.from(job.out)).toEqual([19, 22, 43, 50]);
    await pool.close();
  });
});

describe('withThreads over the wasm backend: copies and memory', () => {
  it('copies op(B) once per thread and op(A) and C once, and its memory stays bounded over many calls', async () => {
    const kernels = threaded; // three threads, this one on the wasm backend's instance
    const [m, k, n] = [96, 80, 64];
    const [a, b] = operands('float64', m, k, n, false, true, 4);
    const before = kernels.traffic();
    kernels.matmul(a, b, false, true);
    const once = kernels.traffic();
    const rows = chunkRows(m, k, n, 3, 'wasm');
    expect(once.chunks - before.chunks).toBe(Math.floor(m / rows));
    expect(once.bytesOut - before.bytesOut).toBe(m * n * 8);
    // op(A) once in all; op(B) once into each thread that took a chunk (one to three of them).
    const copiesOfB = (once.bytesIn - before.bytesIn - m * k * 8) / (k * n * 8);
    expect([1, 2, 3]).toContain(copiesOfB);
    // Many calls, and smaller ones: once every thread has reserved its share, no memory grows.
    for (let i = 0; i < 20; i++) kernels.matmul(a, b, false, true);
    const settled = kernels.traffic();
    for (let i = 0; i < 150; i++) kernels.matmul(a, b, false, true);
    const [c, d] = operands('float64', 40, 30, 20, false, true, 4);
    for (let i = 0; i < 50; i++) kernels.matmul(c, d, false, true);
    const after = kernels.traffic();
    expect(after.workerMemoryBytes).toBeGreaterThan(0);
    expect(after.workerMemoryBytes).toBe(settled.workerMemoryBytes);
    expect(after.callerMemoryBytes).toBe(settled.callerMemoryBytes);
    expect(after.callerMemoryBytes).toBe(rt.stats().memoryBytes);
    expect(after.chunks - settled.chunks).toBe(150 * Math.floor(m / rows) + 50 * Math.floor(40 / chunkRows(40, 30, 20, 3, 'wasm')));
  });

  it('bounds each memory by its largest share (with backoff on, which never changes a result)', async () => {
    const kernels = withThreads(wasm, { threads: 2, threshold: 0 }); // this thread on an instance of its own
    expect(await kernels.warmUp()).toBe(1);
    const [m, k, n] = [96, 80, 64];
    const [a, b] = operands('float32', m, k, n, true, false, 4);
    const expected = wasm.matmul(a, b, true, false);
    for (let i = 0; i < 100; i++) expect(firstDifference(kernels.matmul(a, b, true, false), expected)).toBe(-1);
    const after = kernels.traffic();
    expect(after.chunks).toBeGreaterThanOrEqual(2); // at least the first product split
    const initial = (instantiateSync() as WasmRuntime).stats().memoryBytes;
    const bound = Math.max(initial, rt.arena + arenaBytes({ k, n }, m, 4) + 65536);
    expect(after.callerMemoryBytes).toBeLessThanOrEqual(bound);
    expect(after.workerMemoryBytes).toBeLessThanOrEqual(bound);
    await kernels.close();
  });

  it('keeps its counts over close', async () => {
    const kernels = withThreads(wasm, { threads: 2, threshold: 0 }, null);
    expect(kernels.traffic()).toEqual({ bytesIn: 0, bytesOut: 0, chunks: 0, workerMemoryBytes: 0, callerMemoryBytes: 0 });
    const before = threaded.traffic();
    await threaded.close();
    expect(threaded.traffic().chunks).toBe(before.chunks);
    expect(threaded.traffic().workerMemoryBytes).toBe(0);
    // (threaded stays closed: this is the last test that uses it.)
  });
});
