/**
 * Where worker threads can run a synchronous matmul, and the small slice of Node's
 * `worker_threads` the pool uses. Nothing here imports a Node module at the top level:
 * browsers bundle @theta/tensor, so Node's modules are reached through
 * `process.getBuiltinModule` (Node ≥ 20.16) only when it exists.
 */

/** The part of a Node `Worker` the pool uses. */
export interface NodeWorker {
  /** Sends a message (typed arrays over SharedArrayBuffers are shared, not copied). */
  postMessage(message: unknown): void;
  /** Lets the process exit while this worker idles. */
  unref(): void;
  /** Stops the thread. */
  terminate(): Promise<number>;
  /** Listens for the thread's death. */
  on(event: 'error' | 'exit', listener: (value: unknown) => void): unknown;
}

/** The part of `node:worker_threads` the pool uses. */
export interface NodeWorkerThreads {
  /** The Worker constructor. */
  readonly Worker: new (url: URL, options: { readonly execArgv?: readonly string[] }) => NodeWorker;
  /** The port to the parent, inside a worker; null on the main thread. */
  readonly parentPort: { on(event: 'message', listener: (message: unknown) => void): unknown } | null;
}

/** A place where worker threads can serve a synchronous caller. */
export type ThreadHost =
  | { readonly kind: 'node'; readonly threads: NodeWorkerThreads }
  | { readonly kind: 'web' };

interface MaybeNodeProcess {
  readonly process?: { readonly getBuiltinModule?: (id: string) => unknown };
}

/** A Node built-in module, or undefined outside Node (or on Node < 20.16). */
export const nodeBuiltin = (id: string): unknown => {
  const getBuiltinModule = (globalThis as MaybeNodeProcess).process?.getBuiltinModule;
  return typeof getBuiltinModule === 'function' ? getBuiltinModule(id) : undefined;
};

/** True when this thread may block in Atomics.wait (Node and workers may; a browser page may not). */
export const canBlock = (): boolean => {
  if (typeof SharedArrayBuffer !== 'function' || typeof Atomics !== 'object') return false;
  try {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 1, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * The host worker threads can run on from this thread, or undefined where a synchronous
 * parallel matmul is impossible: no SharedArrayBuffer (a page without cross-origin
 * isolation), no Atomics.wait (a browser's main thread), or no way to start workers.
 */
export function threadHost(): ThreadHost | undefined {
  if (!canBlock()) return undefined;
  const threads = nodeBuiltin('node:worker_threads') as NodeWorkerThreads | undefined;
  if (threads !== undefined) return { kind: 'node', threads };
  const scope = globalThis as { crossOriginIsolated?: boolean; Worker?: unknown };
  if (scope.crossOriginIsolated === true && typeof scope.Worker === 'function') return { kind: 'web' };
  return undefined;
}

/**
 * The Node options a worker inherits: this process's, less those a worker refuses. A process
 * started as `node --input-type=module --eval …` (the bench runner, one-liners) has
 * `--input-type` in its options, and a worker started with it exits at once ("--input-type can
 * only be used with string input").
 */
export function workerExecArgv(): string[] {
  const inherited = (globalThis as { process?: { execArgv?: readonly string[] } }).process?.execArgv ?? [];
  const kept: string[] = [];
  for (let i = 0; i < inherited.length; i++) {
    const arg = inherited[i] as string;
    if (arg === '--input-type') i += 1; // and its value
    else if (!arg.startsWith('--input-type=')) kept.push(arg);
  }
  return kept;
}

/**
 * Starts a Node worker on `url` with `execArgv`, less the options Node refuses in a worker.
 * V8's options (`--max-old-space-size`, `--experimental-wasm-relaxed-simd`, …) apply to the
 * whole process, workers included, but a worker given them in `execArgv` throws
 * ERR_WORKER_INVALID_EXEC_ARGV, naming them; they are dropped (with a value that follows one
 * as its own argument) and the worker is started again.
 */
export function startNodeWorker(threads: NodeWorkerThreads, url: URL, execArgv: readonly string[]): NodeWorker {
  try {
    return new threads.Worker(url, { execArgv });
  } catch (error) {
    const { code, message } = error as { code?: unknown; message?: unknown };
    if (code !== 'ERR_WORKER_INVALID_EXEC_ARGV' || typeof message !== 'string') throw error;
    const refused = new Set(message.slice(message.indexOf(':') + 1).split(',').map((flag) => flag.trim()).filter((flag) => flag !== ''));
    const kept: string[] = [];
    for (let i = 0; i < execArgv.length; i++) {
      const arg = execArgv[i] as string;
      if (!refused.has(arg) && !refused.has(arg.split('=')[0] as string)) kept.push(arg);
      else if (!arg.includes('=') && i + 1 < execArgv.length && !(execArgv[i + 1] as string).startsWith('-')) i += 1;
    }
    if (kept.length === execArgv.length) throw error;
    return new threads.Worker(url, { execArgv: kept });
  }
}

/** Cores this machine offers (at least 1), from Node's `os` or the browser's navigator. */
export function availableThreads(): number {
  const os = nodeBuiltin('node:os') as { availableParallelism?: () => number; cpus?: () => unknown[] } | undefined;
  const count = os?.availableParallelism?.() ?? os?.cpus?.().length
    ?? (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency ?? 1;
  return Math.max(1, Math.floor(count));
}
