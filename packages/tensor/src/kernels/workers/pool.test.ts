import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { jsKernels } from '../js/index.js';
import { make } from '../../core/tensor.js';
import { canBlock, startNodeWorker, threadHost, workerExecArgv, type NodeWorker, type NodeWorkerThreads, type ThreadHost } from './host.js';
import { createPool, type WorkerPool } from './pool.js';
import type { SharedJob } from './rows.js';
import { sourceExecArgv } from './source-hooks.js';
import { withThreads } from './threads.js';

const host = threadHost() as ThreadHost;

/** Blocks (up to 30 s) until every worker of the pool listens. */
const startAll = async (pool: WorkerPool): Promise<void> => {
  pool.start();
  const deadline = Date.now() + 30_000;
  while (pool.ready().length < pool.size && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(pool.ready()).toHaveLength(pool.size);
};

/** Waits for async exit events (up to 10 s) until `alive()` reaches `count`. */
const aliveBecomes = async (alive: () => number, count: number): Promise<void> => {
  const deadline = Date.now() + 10_000;
  while (alive() !== count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(alive()).toBe(count);
};

/** [1 2; 3 4] · [5 6; 7 8] = [19 22; 43 50] on shared memory, in chunks of one row. */
const job = (): Omit<SharedJob, 'first'> => {
  const shared = (values: number[]) => {
    const out = new Float64Array(new SharedArrayBuffer(values.length * 8));
    out.set(values);
    return out;
  };
  return { a: shared([1, 2, 3, 4]), b: shared([5, 6, 7, 8]), out: shared([0, 0, 0, 0]), m: 2, k: 2, n: 2, transposeA: false, transposeB: false, chunkRows: 1, kernel: 'js' };
};

describe('thread host', () => {
  it('finds worker_threads in Node, where the main thread may block', () => {
    expect(canBlock()).toBe(true);
    expect(host.kind).toBe('node');
  });
});

describe('worker options', () => {
  it("pass this process's Node options on, less --input-type (a worker started with it exits)", () => {
    const saved = process.execArgv;
    try {
      process.execArgv = ['--max-old-space-size=512', '--input-type=module', '--eval', 'x', '--input-type', 'module', '--no-warnings'];
      expect(workerExecArgv()).toEqual(['--max-old-space-size=512', '--eval', 'x', '--no-warnings']);
    } finally {
      process.execArgv = saved;
    }
  });
});

describe('starting a Node worker', () => {
  it("drops the V8 options Node refuses in a worker's execArgv (they reach it anyway: they are the process's)", async () => {
    const threads = (host as { kind: 'node'; threads: NodeWorkerThreads }).threads;
    const echo = new URL(`data:text/javascript,${encodeURIComponent("import { parentPort } from 'node:worker_threads'; parentPort.postMessage(process.execArgv);")}`);
    const execArgv = ['--max-old-space-size=512', '--no-warnings', '--experimental-wasm-relaxed-simd', '--stack-size', '2000', '--no-deprecation'];
    // Node itself refuses them:
    expect(() => new threads.Worker(echo, { execArgv })).toThrow(expect.objectContaining({ code: 'ERR_WORKER_INVALID_EXEC_ARGV' }));
    const worker = startNodeWorker(threads, echo, execArgv) as NodeWorker & { once(event: 'message', listener: (value: unknown) => void): unknown };
    const seen = await new Promise((resolve) => worker.once('message', resolve));
    await worker.terminate();
    expect(seen).toEqual(['--no-warnings', '--no-deprecation']);
  });

  it('rethrows what dropping options cannot mend', () => {
    const refusing = (error: object): NodeWorkerThreads => ({
      parentPort: null,
      Worker: class {
        constructor() {
          throw Object.assign(new Error('refused'), error);
        }
      } as unknown as NodeWorkerThreads['Worker'],
    });
    const url = new URL('file:///worker.js');
    expect(() => startNodeWorker(refusing({ code: 'ERR_WORKER_PATH' }), url, ['--no-warnings'])).toThrow(expect.objectContaining({ code: 'ERR_WORKER_PATH' }));
    // Names no option it was given: nothing to drop, so the error stands.
    const unnamed = refusing({ code: 'ERR_WORKER_INVALID_EXEC_ARGV', message: 'Initiated Worker with invalid execArgv flags: --other' });
    expect(() => startNodeWorker(unnamed, url, ['--no-warnings'])).toThrow(expect.objectContaining({ code: 'ERR_WORKER_INVALID_EXEC_ARGV' }));
  });
});

describe('worker pool', () => {
  it('runs jobs on workers and waits for them', async () => {
    const pool = createPool(host, 1);
    expect(pool.alive()).toBe(0); // lazy: nothing before start
    await startAll(pool);
    expect(pool.alive()).toBe(1);
    for (let i = 0; i < 20; i++) {
      const product = job();
      pool.run(pool.ready(), product, false); // the workers alone
      expect(Array.from(product.out)).toEqual([19, 22, 43, 50]);
    }
    await pool.close();
    await aliveBecomes(pool.alive, 0);
  });

  it("throws a worker's error on the caller, after every chunk is done, and stays usable", async () => {
    const pool = createPool(host, 1);
    await startAll(pool);
    const bad = { ...job(), a: new Int32Array(new SharedArrayBuffer(16)) } as unknown as SharedJob;
    expect(() => pool.run([0], bad, false)).toThrow(/in a thread: TypeError: matmul rows: a, b and out must be/);
    const good = job();
    pool.run([0], good, false);
    expect(Array.from(good.out)).toEqual([19, 22, 43, 50]);
    // An error on this thread's own chunks surfaces the same way.
    expect(() => pool.run([], bad)).toThrow(/in a thread: TypeError/);
    await pool.close();
  });

  it('keeps the same workers over many calls, and restarts them after close', async () => {
    const kernels = withThreads(jsKernels, { threads: 2, threshold: 0, backoff: false });
    await kernels.warmUp();
    const a = make(new Float64Array(16 * 8).fill(0.5), [16, 8]);
    for (let i = 0; i < 300; i++) kernels.matmul(a, a, false, true);
    expect(kernels.liveWorkers()).toBe(1);
    await kernels.close();
    await aliveBecomes(kernels.liveWorkers, 0);
    // Straight after close no worker is ready: the product runs on this thread alone.
    expect(kernels.matmul(a, a, false, true).data.buffer instanceof SharedArrayBuffer).toBe(false);
    expect(await kernels.warmUp()).toBe(1);
    const c = kernels.matmul(a, a, false, true);
    expect(c.data.buffer instanceof SharedArrayBuffer).toBe(true);
    expect(c.data).toEqual(jsKernels.matmul(a, a, false, true).data);
    await kernels.close();
  });

  it('never keeps Node alive: a script that uses threads (JS and WebAssembly kernels) and never closes them exits', () => {
    const url = (path: string) => JSON.stringify(new URL(path, import.meta.url).href);
    const script = `
      import { withThreads } from ${url('./threads.ts')};
      import { jsKernels } from ${url('../js/index.ts')};
      import { wasmKernels } from ${url('../wasm/kernels.ts')};
      import { instantiateSync } from ${url('../wasm/runtime.ts')};
      for (const base of [jsKernels, wasmKernels(instantiateSync())]) {
        const kernels = withThreads(base, { threads: 2, threshold: 0, backoff: false });
        await kernels.warmUp();
        const x = { _tag: 'Tensor', shape: [64, 64], dtype: 'float32', data: new Float32Array(64 * 64).fill(1) };
        const c = kernels.matmul(x, x, false, false);
        console.log(kernels.kernel, c.data.buffer instanceof SharedArrayBuffer, c.data[0], kernels.liveWorkers());
      }
    `;
    // A fresh Node transpiles the sources (the WebAssembly modules' base64 included) in each of
    // its threads: seconds on an idle machine, many more under the whole test run's load.
    const child = spawnSync(process.execPath, [...sourceExecArgv, '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 90_000 });
    expect(child.error).toBeUndefined(); // a hang would be ETIMEDOUT
    expect(child.stderr).toBe('');
    expect(child.stdout.trim().split('\n')).toEqual(['js true 64 1', 'wasm true 64 1']);
    expect(child.status).toBe(0);
  }, 120_000);
});
