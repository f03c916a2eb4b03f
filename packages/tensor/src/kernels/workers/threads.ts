/**
 * Worker-thread parallelism for matmul behind the kernel interface: {@link withThreads} wraps
 * a backend so that large products are split by rows of C across worker threads, each running
 * the plain-JS kernel on its rows, while everything else (and every small product) goes to the
 * wrapped backend.
 *
 * Inputs that do not already live in shared memory are copied into the pool's shared scratch
 * (two buffers, grown to the largest operand seen, freed by `close`); the result is allocated
 * on a fresh SharedArrayBuffer, so a product of threaded products copies nothing.
 */
import { make, type TypedArray } from '../../core/tensor.js';
import type { Kernels } from '../types.js';
import { availableThreads, threadHost, type ThreadHost } from './host.js';
import { createPool, type WorkerPool } from './pool.js';

/**
 * Smallest m·k·n multiply-adds worth splitting: 2²⁰ (about 102³, 0.3–0.6 ms on one thread).
 * Measured on the 2-core machine (bench/suites/threads.mjs): a split call costs about 25 µs more
 * (post, wake, wait), so 16³–48³ run 2–5× slower on two threads, 64³ is even, 96³–128³ gain
 * 1.25–1.65×. The margin keeps a call whose worker the OS leaves waiting (a busy core) no
 * slower than one thread: this thread then takes every chunk and loses only that overhead.
 */
export const DEFAULT_THRESHOLD = 2 ** 20;

/** Fewest rows of C a thread takes: below the kernel's 4-row tile it would switch loops. */
const MIN_ROWS = 4;
/** js/matmul.ts's DIRECT_LIMIT: below this many multiply-adds it switches loops (and sum order). */
const PACKED_MIN = 512;

/**
 * Rows per chunk of an m × k · k × n product for `threads` threads: about four chunks per
 * thread, so a thread the OS leaves waiting costs little; but at least 32 rows (each chunk
 * repacks op(B), a k·n cost against rows·k·n multiply-adds) unless that would leave a thread
 * idle. A multiple of 4, and big enough that every chunk takes the kernel's packed path
 * whenever the whole product does: then the sums, and so the results, are the same.
 */
export const chunkRows = (m: number, k: number, n: number, threads: number): number => {
  const packed = n >= MIN_ROWS ? Math.ceil(PACKED_MIN / Math.max(1, k * n)) : 1;
  const rows = Math.max(Math.ceil(m / (threads * 4)), Math.min(32, Math.ceil(m / threads)), MIN_ROWS, packed);
  return Math.ceil(rows / MIN_ROWS) * MIN_ROWS;
};

/** Options of {@link withThreads}. */
export interface ThreadOptions {
  /** Threads per product, the calling thread included; defaults to the machine's cores. */
  readonly threads?: number;
  /** Smallest m·k·n split across threads; defaults to {@link DEFAULT_THRESHOLD}. */
  readonly threshold?: number;
}

/** Kernels whose matmul may run on worker threads, plus control of the pool. */
export interface ThreadedKernels extends Kernels {
  /** Threads a large product uses (1 where threads are unavailable). */
  readonly threads: number;
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
 * across `threads` threads (this one and `threads − 1` workers). Where worker threads cannot
 * serve a synchronous call (a browser page's main thread, no cross-origin isolation), or
 * `threads` ≤ 1, matmul is `base.matmul`. The parallel result is bit-identical to the plain-JS
 * kernel's. `host` is for tests: `null` acts as a place without threads.
 */
export function withThreads(base: Kernels, options: ThreadOptions = {}, host: ThreadHost | null = threadHost() ?? null): ThreadedKernels {
  const wanted = Math.max(1, Math.floor(options.threads ?? availableThreads()));
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const pool: WorkerPool | undefined = host !== null && wanted > 1 ? createPool(host, wanted - 1) : undefined;
  // Shared copies of operands that live in ordinary memory; grown, never shrunk, until close.
  const scratch: (SharedArrayBuffer | undefined)[] = [undefined, undefined];

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
    if (pool === undefined || m * k * n < threshold || m < 2 * MIN_ROWS) return base.matmul(a, b, transposeA, transposeB);
    pool.start();
    const ready = pool.ready();
    const rows = chunkRows(m, k, n, ready.length + 1);
    if (ready.length === 0 || m < 2 * rows) return base.matmul(a, b, transposeA, transposeB);
    const bytes = m * n * (a.dtype === 'float32' ? 4 : 8);
    const out = sharedArray(a.data, bytes, new SharedArrayBuffer(bytes));
    pool.run(ready, { a: toShared(a.data, 0), b: toShared(b.data, 1), out, m, k, n, transposeA, transposeB, chunkRows: rows });
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

  return {
    ...base,
    name: pool === undefined ? base.name : `${base.name}+threads`,
    threads: pool === undefined ? 1 : wanted,
    matmul,
    warmUp,
    liveWorkers: () => pool?.alive() ?? 0,
    close,
  };
}
