/**
 * A pool of worker threads that serves a synchronous caller: the caller posts the product to
 * every ready worker, claims and computes chunks of its rows like they do, then blocks in
 * Atomics.wait until every chunk is counted done in the shared control block.
 *
 * Workers start lazily, on the first call that wants them, and are unref'd: an idle pool never
 * keeps Node alive. A call uses only the workers that already listen (their READY flag is set),
 * so no call waits for a thread to boot, and a browser worker (which cannot start while its
 * parent blocks) joins on a later call.
 */
import { bestVariant, type WasmRuntime, type WasmVariant } from '../wasm/runtime.js';
import { BYTES_IN, BYTES_OUT, CHUNKS, controlBlock, counters, DONE, ERROR_LENGTH, failureMessage, FAILED, MEMORY, NEXT, READY, WRAP } from './control.js';
import { startNodeWorker, workerExecArgv, type NodeWorker, type ThreadHost } from './host.js';
import { chunkCount, drain, type RowKernel, type SharedJob } from './rows.js';
import { sourceExecArgv } from './source-hooks.js';
import type { InitMessage, JobMessage } from './worker.js';

/** What a pool's WebAssembly threads copied (all threads, since the pool was created). */
export interface PoolTraffic {
  /** Bytes copied from shared memory into the threads' WebAssembly memories. */
  readonly bytesIn: number;
  /** Bytes copied from those memories into shared results. */
  readonly bytesOut: number;
  /** Chunks of rows computed by the WebAssembly kernel. */
  readonly chunks: number;
  /** The running workers' WebAssembly memory, in bytes (each is bounded by its largest chunk). */
  readonly workerMemoryBytes: number;
}

/** What the calling thread did in one {@link WorkerPool.run}. */
export interface Share {
  /** Rows of C it computed. */
  readonly rows: number;
  /** Milliseconds it spent on them. */
  readonly busyMs: number;
}

/** A pool of worker threads (see the module comment). */
export interface WorkerPool {
  /** Workers the pool starts. */
  readonly size: number;
  /** Starts the workers if they are not running yet. */
  start(): void;
  /** The indices of the workers ready to take a job now. */
  ready(): number[];
  /**
   * Posts `job` to the listed workers, helps with its chunks on this thread (unless `help` is
   * false; a `wasm` job on `rt`), then waits until all are done. Throws the first chunk's error,
   * after all are done.
   */
  run(workers: readonly number[], job: Omit<SharedJob, 'first'>, help?: boolean, rt?: WasmRuntime): Share;
  /** The WebAssembly threads' copies so far. */
  traffic(): PoolTraffic;
  /** Workers started and not yet exited. */
  alive(): number;
  /** Stops every worker; the pool starts fresh ones on its next use. */
  close(): Promise<void>;
}

/** Seconds a call waits for a worker beyond its own share's time before it gives up on the pool. */
const STALL_SECONDS = 60;

interface Thread {
  readonly post: (message: InitMessage | JobMessage) => void;
  readonly terminate: () => Promise<unknown>;
}

/** Starts one worker for `host` running worker.ts / worker.js beside this module. */
function spawn(host: ThreadHost, onExit: () => void): Thread {
  if (host.kind === 'node') {
    // Run from TypeScript sources (vitest): the worker needs hooks to load .ts files.
    const fromSources = import.meta.url.endsWith('.ts');
    const worker: NodeWorker = fromSources
      ? startNodeWorker(host.threads, new URL('./worker.ts', import.meta.url), sourceExecArgv)
      : startNodeWorker(host.threads, new URL('./worker.js', import.meta.url), workerExecArgv());
    worker.unref();
    // A crashed worker must not crash the caller's process; the call that needed it times out.
    worker.on('error', onExit);
    worker.on('exit', onExit);
    return { post: (message) => worker.postMessage(message), terminate: () => worker.terminate() };
  }
  const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  worker.addEventListener('error', onExit);
  return { post: (message) => worker.postMessage(message), terminate: async () => worker.terminate() };
}

/**
 * A pool of `size` workers on `host` whose jobs run `kernel` (the workers of a `wasm` pool
 * instantiate the `variant` build of the WebAssembly kernels before they say they are ready,
 * the caller's build, so every row comes out with the same bits); nothing starts until
 * the first `start` or `run`.
 */
export function createPool(host: ThreadHost, size: number, kernel: RowKernel = 'js', variant: WasmVariant = bestVariant()): WorkerPool {
  let control = controlBlock(size);
  let flags = new Int32Array(control);
  let threads: (Thread | undefined)[] = [];
  let live = 0;
  // Counters of control blocks replaced by close.
  let retired = { bytesIn: 0, bytesOut: 0, chunks: 0 };

  const traffic = (): PoolTraffic => {
    const slots = counters(control, size);
    let workerMemoryBytes = 0;
    for (let i = 0; i < size; i++) if (threads[i] !== undefined) workerMemoryBytes += Number(Atomics.load(slots, MEMORY + i));
    return {
      bytesIn: retired.bytesIn + Number(Atomics.load(slots, BYTES_IN)),
      bytesOut: retired.bytesOut + Number(Atomics.load(slots, BYTES_OUT)),
      chunks: retired.chunks + Number(Atomics.load(slots, CHUNKS)),
      workerMemoryBytes,
    };
  };

  const start = (): void => {
    if (threads.length > 0) return;
    threads = Array.from({ length: size }, (_, index) => {
      let exited = false;
      const thread = spawn(host, () => {
        if (exited) return;
        exited = true;
        live -= 1;
        // Never hand this worker another job.
        if (threads[index] === thread) {
          threads[index] = undefined;
          Atomics.store(flags, READY + index, 0);
        }
      });
      live += 1;
      thread.post({ type: 'init', control, workers: size, index, wasm: kernel === 'wasm' ? variant : false });
      return thread;
    });
  };

  const ready = (): number[] => {
    const indices: number[] = [];
    for (let i = 0; i < threads.length; i++) if (threads[i] !== undefined && Atomics.load(flags, READY + i) === 1) indices.push(i);
    return indices;
  };

  const close = async (): Promise<void> => {
    const stopping = threads;
    const { bytesIn, bytesOut, chunks } = traffic();
    retired = { bytesIn, bytesOut, chunks };
    threads = [];
    // A fresh control block: a late READY from a stopped worker cannot mark a new one ready.
    control = controlBlock(size);
    flags = new Int32Array(control);
    await Promise.all(stopping.map((thread) => thread?.terminate()));
  };

  const run = (workers: readonly number[], job: Omit<SharedJob, 'first'>, help = true, rt?: WasmRuntime): Share => {
    const chunks = chunkCount(job);
    let first = Atomics.load(flags, NEXT);
    if (first + chunks > WRAP) Atomics.store(flags, NEXT, (first = 0));
    const doneBefore = Atomics.load(flags, DONE);
    Atomics.store(flags, FAILED, 0);
    Atomics.store(flags, ERROR_LENGTH, 0);
    const shared: SharedJob = { ...job, first };
    for (const index of workers) threads[index]?.post({ type: 'job', job: shared });
    const started = performance.now();
    const rows = help ? drain(control, size, shared, rt) : 0;
    const busyMs = performance.now() - started;
    // Wait for the chunks the workers claimed, even after a failure: they still read the inputs.
    const deadline = performance.now() + Math.max(STALL_SECONDS * 1000, 100 * (performance.now() - started));
    for (let done = Atomics.load(flags, DONE); ((done - doneBefore) | 0) < chunks; done = Atomics.load(flags, DONE)) {
      const left = deadline - performance.now();
      if (left <= 0) {
        void close();
        throw new Error(`matmul: worker threads left ${chunks - ((done - doneBefore) | 0)} chunk(s) unfinished; the pool was closed`);
      }
      Atomics.wait(flags, DONE, done, Math.min(left, 1000));
    }
    if (Atomics.load(flags, FAILED) === 1) throw new Error(`matmul failed in a thread: ${failureMessage(control, size)}`);
    return { rows, busyMs };
  };

  return { size, start, ready, run, traffic, alive: () => live, close };
}
