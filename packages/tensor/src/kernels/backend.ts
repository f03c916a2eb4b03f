/**
 * Which kernels run. One module-level choice, made once at start-up (or by `setBackend`),
 * read by every op; it holds no tensors, so it never grows.
 *
 * Backends: `js` (plain JavaScript, everywhere; the reference), `wasm` (WebAssembly SIMD,
 * registered where the engine validates a SIMD module) and `threads` (the wasm kernels — the JS
 * ones until those are ready — with large matmuls split across worker threads, where a
 * synchronous call can wait for them). The default is `wasm` where it exists.
 * In Node, the environment variable THETA_BACKEND=js|wasm|threads forces one at start-up; `setBackend`
 * forces one at any time. On a browser's main thread the module cannot be compiled
 * synchronously: `js` runs until the asynchronous compile finishes ({@link wasmReady}), then
 * `wasm` takes over unless a backend was forced.
 */
import { DomainError } from '../core/errors.js';
import { jsKernels } from './js/index.js';
import type { Kernels } from './types.js';
import { wasmKernels } from './wasm/kernels.js';
import { availableThreads, withThreads, type ThreadedKernels } from './workers/index.js';
import { instantiateAsync, instantiateSync, simdSupported, type WasmRuntime, type WasmStats } from './wasm/runtime.js';

const available = new Map<string, Kernels>([['js', jsKernels]]);
// Large products split across worker threads; opt-in, where threads can serve a synchronous
// call (Node, cross-origin-isolated workers). Over the JS kernels until the WebAssembly module
// is ready, then over the wasm backend: each thread runs the SIMD kernel on its own instance,
// and this thread shares the wasm backend's runtime.
const threadsOver = (base: Kernels, rt?: WasmRuntime): ThreadedKernels =>
  withThreads(base, rt === undefined ? { threads: availableThreads() } : { threads: availableThreads(), runtime: rt });
let threads: ThreadedKernels | undefined = availableThreads() > 1 ? threadsOver(jsKernels) : undefined;
if (threads !== undefined) available.set('threads', { ...threads, name: 'threads' });
let active: Kernels = jsKernels;
/** The backend asked for by THETA_BACKEND or setBackend; undefined: the fastest available. */
let requested: string | undefined;
let runtime: WasmRuntime | undefined;

const environment = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.['THETA_BACKEND'];
if (environment !== undefined && environment !== '') {
  if (environment !== 'js' && environment !== 'wasm' && environment !== 'threads') {
    throw new DomainError({ op: 'THETA_BACKEND', parameter: 'THETA_BACKEND', value: environment, expected: "'js', 'wasm' or 'threads'" });
  }
  requested = environment;
  if (environment === 'threads') active = available.get('threads') ?? jsKernels;
}

const register = (rt: WasmRuntime | undefined): boolean => {
  if (rt === undefined) return false;
  runtime = rt;
  const wasm = wasmKernels(rt);
  available.set('wasm', wasm);
  if (threads !== undefined) {
    void threads.close();
    threads = threadsOver(wasm, rt);
    available.set('threads', { ...threads, name: 'threads' });
  }
  if (requested === undefined || requested === 'wasm') active = wasm;
  else if (requested === 'threads') active = available.get('threads') ?? active;
  return true;
};

// Synchronous where allowed (Node, workers); otherwise compile in the background.
const pending: Promise<boolean> = register(instantiateSync())
  ? Promise.resolve(true)
  : simdSupported()
    ? instantiateAsync().then(register, () => false)
    : Promise.resolve(false);

/** The kernels every op calls. */
export const kernels = (): Kernels => active;

/** Every registered backend by name, the reference `js` first (for the conformance tests). */
export const backends = (): ReadonlyMap<string, Kernels> => available;

/**
 * Resolves when the WebAssembly backend is registered (true) or known to be unavailable
 * (false). Only a browser's main thread ever waits: elsewhere it resolves at once.
 *
 * @since 0.1.0
 * @category Backends
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(await T.wasmReady()); // true in Node 20 (WebAssembly SIMD)
 * ```
 */
export const wasmReady = (): Promise<boolean> => pending;

/**
 * Traffic between JS and the WebAssembly kernels since start-up (calls, bytes copied in and
 * out, memory size); undefined where the wasm backend is not loaded.
 *
 * @since 0.1.0
 * @category Backends
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * T.matmul(T.ones([64, 64]), T.ones([64, 64]));
 * console.log(T.wasmStats()?.bytesIn); // bytes copied into WebAssembly memory so far
 * ```
 */
export const wasmStats = (): WasmStats | undefined => runtime?.stats();

/**
 * Chooses the kernel backend by name: `'js'` (plain JavaScript, the reference), `'threads'`
 * (the wasm backend with large matmuls split across worker threads, each running the SIMD
 * kernel) or `'wasm'` (WebAssembly SIMD; the default where the engine supports it). In Node the environment
 * variable `THETA_BACKEND` makes the same choice at start-up.
 *
 * @since 0.1.0
 * @category Backends
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const before = T.getBackend();
 * T.setBackend('js');
 * console.log(T.getBackend()); // js
 * T.setBackend(before);
 * ```
 */
export function setBackend(name: string): void {
  const next = available.get(name);
  if (next === undefined) {
    throw new DomainError({ op: 'setBackend', parameter: 'name', value: name, expected: `one of ${[...available.keys()].map((k) => `'${k}'`).join(', ')}` });
  }
  requested = name;
  active = next;
}

/**
 * The name of the active kernel backend: `'wasm'` where WebAssembly SIMD runs, else `'js'`.
 *
 * @since 0.1.0
 * @category Backends
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.getBackend()); // wasm in Node and modern browsers, js elsewhere
 * ```
 */
export const getBackend = (): string => active.name;
