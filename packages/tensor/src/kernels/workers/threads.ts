/**
 * Worker-thread parallelism for matmul behind the kernel interface: {@link withThreads} wraps
 * a backend so that large products are split by rows of C across worker threads, each running
 * the wrapped backend's matmul kernel on its rows (the WebAssembly kernel, in an instance per
 * thread, for the `wasm` backend; the plain-JS kernel otherwise), while everything else (and
 * every small product) goes to the wrapped backend.
 *
 * Inputs that do not already live in shared memory are copied into the pool's shared scratch
 * (two buffers, grown to the largest operand seen, freed by `close`); the result is allocated
 * on a fresh SharedArrayBuffer, so a product of threaded products copies nothing more. With
 * the WebAssembly kernel each thread also copies op(B) and its rows of op(A) into its own
 * instance's memory and its rows of C back (wasm-rows.ts; counted, see `traffic`); each
 * instance's memory grows to its largest share, k·n + 2·chunk·(k + n) elements, and no further.
 */
import { make, type TypedArray } from '../../core/tensor.js';
import type { Kernels } from '../types.js';
import { defaultLimits } from '../wasm/kernels.js';
import { instantiateSync, type WasmRuntime } from '../wasm/runtime.js';
import { availableThreads, threadHost, type ThreadHost } from './host.js';
import { createPool, type PoolTraffic, type WorkerPool } from './pool.js';
import type { RowKernel } from './rows.js';
import { arenaBytes, MAX_ARENA_BYTES } from './wasm-rows.js';
import { afterSplit, beforeSplit, fresh, type Backoff } from './backoff.js';

/**
 * Smallest m·k·n multiply-adds worth splitting, per kernel the threads run. Measured on the
 * 2-core machine, whose other core is busy with other work much of the time: ratios are one
 * thread's time over two threads' (every product split), best of 4–6 interleaved rounds, each
 * started when both cores were idle, as bench/suites/threads.mjs does.
 *
 * - `js`: 2²⁰ (about 102³, 0.3–0.6 ms on one thread). A split call costs about 25 µs more
 *   (post, wake, wait), so 16³–48³ run 2–5× slower on two threads, 64³ is even, 96³–128³ gain
 *   1.25–1.65×.
 * - `wasm`: 2²² (about 161³: 0.3 ms float32, 0.6 ms float64 on one thread). The SIMD kernel is
 *   8× faster, so the costs of a split weigh 8× more: the call itself (10–35 µs: post, wake,
 *   wait), the copies (operands into shared memory and into each thread's instance, rows of C
 *   back; op(B) repacked by every thread: one thread taking every chunk of a split 256³ runs
 *   1.07× as long as the plain kernel, 128³ 1.14×), and a worker's share takes 0.05 ms (128³)
 *   to 0.3 ms (256³) longer than the same share on this thread (the operands move to its
 *   core's cache). Split: 64³ 0.5–0.6×, 96³ 0.86–1.06×, 128³ 1.07–1.31×, 160³ 0.88–1.37×,
 *   192³ 0.88–1.37×, 224³ 1.25–1.38×, 256³ 1.63–1.73×, 512³ 1.77–1.86×, 1024³ 1.78× (float32,
 *   27.9 → 49.7 GFLOP/s) and 1.96× (float64); MNIST's 6.4·10⁶ products (64 × 784 × 128 and
 *   the like) 1.06–1.43×, its 64 × 128 × 64 0.68–0.87×. Break-even is near 2²¹; 2²² leaves a
 *   margin for the noise.
 *
 * The margin keeps a call whose worker the OS leaves waiting (a busy core) close to one
 * thread: this thread then takes every chunk and loses only the overhead. On a machine whose
 * every core is busy no threshold helps (there 2²²–2²⁴ products ran 0.8–0.93× as fast split);
 * the backoff (backoff.ts) then stops splitting after splits that did not pay.
 */
export const DEFAULT_THRESHOLDS: Readonly<Record<RowKernel, number>> = { js: 2 ** 20, wasm: 2 ** 22 };

/** Fewest rows of C a thread takes: below the kernels' 4-row tile the JS one would switch loops. */
const MIN_ROWS = 4;
/** js/matmul.ts's DIRECT_LIMIT: below this many multiply-adds it switches loops (and sum order). */
const PACKED_MIN = 512;

/**
 * Rows per chunk of an m × k · k × n product for `threads` threads running `kernel`.
 *
 * - `js`: about four chunks per thread, so a thread the OS leaves waiting costs little; but at
 *   least 32 rows (each chunk repacks op(B), a k·n cost against rows·k·n multiply-adds) unless
 *   that would leave a thread idle; and big enough that every chunk takes the kernel's packed
 *   path whenever the whole product does: then the sums, and so the results, are the same.
 * - `wasm`: about four chunks per thread too, but at least 128 rows (the float32 kernel's
 *   m-block) unless that would leave a thread idle: each chunk repacks all of op(B), which
 *   costs relatively more next to the SIMD kernel's faster multiply-adds (measured on one
 *   thread, 256³ float32 in 4 chunks instead of 1: 4% slower, in 16: 20%). Fewer, longer
 *   chunks lose more to a thread that finishes late: 1024³ on 2 threads in 8 chunks ran
 *   1.77× (float32) and 2.1× (float64) as fast as one thread, in 4 chunks 1.76× and 1.4×, in
 *   2 chunks 1.5× and 1.6× (best of 6 rounds, each started when the machine was quiet).
 *   Any split gives the same results.
 *
 * Always a multiple of 4 (whole register tiles).
 */
export const chunkRows = (m: number, k: number, n: number, threads: number, kernel: RowKernel = 'js'): number => {
  const rows = kernel === 'wasm'
    ? Math.max(Math.ceil(m / (threads * 4)), Math.min(128, Math.ceil(m / threads)), MIN_ROWS)
    : Math.max(Math.ceil(m / (threads * 4)), Math.min(32, Math.ceil(m / threads)), MIN_ROWS, n >= MIN_ROWS ? Math.ceil(PACKED_MIN / Math.max(1, k * n)) : 1);
  return Math.ceil(rows / MIN_ROWS) * MIN_ROWS;
};

/** Options of {@link withThreads}. */
export interface ThreadOptions {
  /** Threads per product, the calling thread included; defaults to the machine's cores. */
  readonly threads?: number;
  /** Smallest m·k·n split across threads; defaults to the kernel's {@link DEFAULT_THRESHOLDS}. */
  readonly threshold?: number;
  /**
   * The kernel every thread runs on its rows: `wasm` (each thread its own WebAssembly
   * instance) by default when `base` is the `wasm` backend, else `js`. It should be `base`'s
   * own kernel: products below the threshold run on `base`, and all should give the same bits.
   */
  readonly kernel?: RowKernel;
  /** The WebAssembly instance this thread computes its chunks on; default: one of its own. */
  readonly runtime?: WasmRuntime;
  /**
   * Run products on one thread for a while after splits that did not pay (a busy machine; see
   * backoff.ts). Default true; tests that must see every product split turn it off.
   */
  readonly backoff?: boolean;
}

/** Copies of the WebAssembly threads, as {@link ThreadedKernels.traffic} reports them. */
export interface ThreadTraffic extends PoolTraffic {
  /** The calling thread's WebAssembly memory, in bytes (0 for the `js` kernel). */
  readonly callerMemoryBytes: number;
}

/** Kernels whose matmul may run on worker threads, plus control of the pool. */
export interface ThreadedKernels extends Kernels {
  /** Threads a large product uses (1 where threads are unavailable). */
  readonly threads: number;
  /** The kernel the threads run. */
  readonly kernel: RowKernel;
  /** Copies between shared memory and the threads' WebAssembly memories so far (all threads). */
  traffic(): ThreadTraffic;
  /** Starts the workers now and resolves, with how many are ready, once all are (or after `timeoutMs`). */
  warmUp(timeoutMs?: number): Promise<number>;
  /** Workers currently running. */
  liveWorkers(): number;
  /** Stops the workers (they restart on the next large product). */
  close(): Promise<void>;
}

const sharedArray = (data: TypedArray, bytes: number, from: SharedArrayBuffer): TypedArray =>
  data instanceof Float32Array ? new Float32Array(from, 0, bytes / 4) : new Float64Array(from, 0, bytes / 8);

/**
 * Wraps `base` so that products of at least `threshold` multiply-adds are split by rows of C
 * across `threads` threads (this one and `threads − 1` workers), each running `kernel` on its
 * rows. Where worker threads cannot serve a synchronous call (a browser page's main thread, no
 * cross-origin isolation), where `threads` ≤ 1, or where the `wasm` kernel cannot be
 * instantiated, matmul is `base.matmul`. The parallel result is bit-identical to the
 * one-thread kernel's (the plain-JS kernel's, or matmul32/matmul64's: see wasm-rows.ts for
 * why any split of the rows gives the WebAssembly kernel's bits). After splits that do not pay
 * (the other cores busy) it runs products on one thread for a while (backoff.ts). `host` is
 * for tests: `null` acts as a place without threads.
 */
export function withThreads(base: Kernels, options: ThreadOptions = {}, host: ThreadHost | null = threadHost() ?? null): ThreadedKernels {
  const wanted = Math.max(1, Math.floor(options.threads ?? availableThreads()));
  const kernel: RowKernel = options.kernel ?? (base.name === 'wasm' ? 'wasm' : 'js');
  // Never below the wasm backend's own limit: it runs smaller products in JS (other sums in float32).
  const threshold = Math.max(options.threshold ?? DEFAULT_THRESHOLDS[kernel], kernel === 'wasm' ? defaultLimits.matmul : 0);
  const threaded = host !== null && wanted > 1;
  // This thread's instance for its own chunks; the workers instantiate theirs.
  const rt = kernel === 'wasm' && threaded ? (options.runtime ?? instantiateSync()) : undefined;
  // The workers instantiate the same build as this thread's instance: the same bits from every row.
  const pool: WorkerPool | undefined = threaded && (kernel === 'js' || rt !== undefined) ? createPool(host, wanted - 1, kernel, rt?.variant) : undefined;
  // Shared copies of operands that live in ordinary memory; grown, never shrunk, until close.
  const scratch: (SharedArrayBuffer | undefined)[] = [undefined, undefined];
  const adaptive = options.backoff ?? true;
  let backoff: Backoff = fresh;

  const toShared = (data: TypedArray, slot: 0 | 1): TypedArray => {
    if (data.buffer instanceof SharedArrayBuffer) return data;
    const bytes = data.byteLength;
    const buffer = scratch[slot] !== undefined && scratch[slot].byteLength >= bytes ? scratch[slot] : (scratch[slot] = new SharedArrayBuffer(bytes));
    const view = sharedArray(data, bytes, buffer);
    view.set(data);
    return view;
  };

  const matmul: Kernels['matmul'] = (a, b, transposeA, transposeB) => {
    const [ra, ca] = a.shape as [number, number];
    const [rb, cb] = b.shape as [number, number];
    const m = transposeA ? ca : ra;
    const k = transposeA ? ra : ca;
    const n = transposeB ? rb : cb;
    if (pool === undefined || a.dtype !== b.dtype || m * k * n < threshold || m < 2 * MIN_ROWS) return base.matmul(a, b, transposeA, transposeB);
    pool.start();
    const ready = pool.ready();
    const rows = chunkRows(m, k, n, ready.length + 1, kernel);
    const size = a.dtype === 'float32' ? 4 : 8;
    const tooBig = kernel === 'wasm' && arenaBytes({ k, n }, 2 * rows, size) > MAX_ARENA_BYTES;
    if (ready.length === 0 || m < 2 * rows || tooBig) return base.matmul(a, b, transposeA, transposeB);
    if (adaptive) {
      const [split, next] = beforeSplit(backoff);
      backoff = next;
      if (!split) return base.matmul(a, b, transposeA, transposeB);
    }
    const started = performance.now();
    const out = sharedArray(a.data, m * n * size, new SharedArrayBuffer(m * n * size));
    const own = pool.run(ready, { a: toShared(a.data, 0), b: toShared(b.data, 1), out, m, k, n, transposeA, transposeB, chunkRows: rows, kernel }, true, rt);
    if (adaptive) backoff = afterSplit(backoff, m, performance.now() - started, own.rows, own.busyMs);
    return make(out, [m, n]);
  };

  const warmUp = async (timeoutMs = 30_000): Promise<number> => {
    if (pool === undefined) return 0;
    pool.start();
    const deadline = Date.now() + timeoutMs;
    while (pool.ready().length < pool.size && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
    return pool.ready().length;
  };

  const close = async (): Promise<void> => {
    scratch[0] = scratch[1] = undefined;
    await pool?.close();
  };

  const none = { bytesIn: 0, bytesOut: 0, chunks: 0, workerMemoryBytes: 0 };

  return {
    ...base,
    name: pool === undefined ? base.name : `${base.name}+threads`,
    threads: pool === undefined ? 1 : wanted,
    kernel,
    matmul,
    warmUp,
    liveWorkers: () => pool?.alive() ?? 0,
    traffic: () => ({ ...(pool?.traffic() ?? none), callerMemoryBytes: rt?.stats().memoryBytes ?? 0 }),
    close,
  };
}
