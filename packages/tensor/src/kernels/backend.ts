/**
 * Which kernels run. One module-level choice, made once at start-up (or by `setBackend`),
 * read by every op; it holds no tensors, so it never grows.
 *
 * Backends: `js` (plain JavaScript, everywhere; the reference), `wasm` (WebAssembly SIMD,
 * registered where the engine validates a SIMD module) and `threads` (the wasm kernels — the JS
 * ones until those are ready — with large matmuls split across worker threads, where a
 * synchronous call can wait for them). The default is `wasm` where it exists.
 * In Node, the environment variable THETA_BACKEND=js|wasm|threads forces one at start-up; `setBackend`
 * forces one at any time.
 *
 * The WebAssembly kernels come in two builds (runtime.ts's WasmVariant): `relaxed`, whose
 * matmul uses fused multiply-adds, where the engine has relaxed SIMD, else `simd`.
 * THETA_WASM_VARIANT=simd|relaxed or `setBackend(name, { variant })` chooses one.
 *
 * On a browser's main thread the module cannot be compiled
 * synchronously: `js` runs until the asynchronous compile finishes ({@link wasmReady}), then
 * `wasm` takes over unless a backend was forced.
 */
import { DomainError } from '../core/errors.js';
import { jsKernels } from './js/index.js';
import type { Kernels } from './types.js';
import { wasmKernels } from './wasm/kernels.js';
import { availableThreads, withThreads, type ThreadedKernels } from './workers/index.js';
import { bestVariant, instantiateAsync, instantiateSync, relaxedSimdSupported, simdSupported, type WasmRuntime, type WasmStats, type WasmVariant } from './wasm/runtime.js';

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

/** `value` as a WasmVariant, or a DomainError naming `op` and `parameter`. */
const checkVariant = (op: string, parameter: string, value: unknown): WasmVariant => {
  if (value !== 'simd' && value !== 'relaxed') throw new DomainError({ op, parameter, value, expected: "'simd' or 'relaxed'" });
  return value;
};

const variantVariable = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.['THETA_WASM_VARIANT'];
/** The build the WebAssembly kernels start on: THETA_WASM_VARIANT's, else the best this engine runs. */
let startVariant: WasmVariant = bestVariant();
if (variantVariable !== undefined && variantVariable !== '') {
  startVariant = checkVariant('THETA_WASM_VARIANT', 'THETA_WASM_VARIANT', variantVariable);
  if (startVariant === 'relaxed' && !relaxedSimdSupported()) {
    throw new DomainError({
      op: 'THETA_WASM_VARIANT',
      parameter: 'THETA_WASM_VARIANT',
      value: variantVariable,
      expected: "'simd' here: this engine has no WebAssembly relaxed SIMD (Node ≥ 22 has it; Node 20 with --experimental-wasm-relaxed-simd)",
    });
  }
}

/** The wasm kernels over each runtime made so far, one per variant. */
const wasmOf = new Map<WasmVariant, { rt: WasmRuntime; kernels: Kernels }>();

const register = (rt: WasmRuntime | undefined): boolean => {
  if (rt === undefined) return false;
  runtime = rt;
  const wasm = wasmOf.get(rt.variant)?.kernels ?? wasmKernels(rt);
  wasmOf.set(rt.variant, { rt, kernels: wasm });
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
const pending: Promise<boolean> = register(instantiateSync(startVariant))
  ? Promise.resolve(true)
  : simdSupported()
    ? instantiateAsync(startVariant).then(register, () => false)
    : Promise.resolve(false);

/** The kernels every op calls. */
export const kernels = (): Kernels => active;

/** Every registered backend by name, the reference `js` first (for the conformance tests). */
export const backends = (): ReadonlyMap<string, Kernels> => available;

/** Builds compiling in the background for {@link wasmReady}, by variant. */
const compiling = new Map<WasmVariant, Promise<WasmRuntime | undefined>>();

/** The `wanted` build's runtime, compiled asynchronously once (a browser's main thread can only do that). */
const prepare = (wanted: WasmVariant): Promise<WasmRuntime | undefined> => {
  const known = wasmOf.get(wanted)?.rt;
  if (known !== undefined) return Promise.resolve(known);
  let compiled = compiling.get(wanted);
  if (compiled === undefined) {
    compiled = instantiateAsync(wanted).then(
      (rt) => {
        if (rt !== undefined && !wasmOf.has(wanted)) wasmOf.set(wanted, { rt, kernels: wasmKernels(rt) });
        return wasmOf.get(wanted)?.rt;
      },
      () => undefined,
    );
    compiling.set(wanted, compiled);
  }
  return compiled;
};

/**
 * Options of {@link wasmReady}.
 *
 * @since 0.1.0
 * @category Backends
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const options: T.WasmReadyOptions = { variant: 'simd' };
 * console.log(await T.wasmReady(options)); // true where WebAssembly SIMD exists
 * ```
 */
export interface WasmReadyOptions {
  /** Also wait until this build of the kernels is compiled, so that `setBackend(name, { variant })` can switch to it anywhere. */
  readonly variant?: WasmVariant | undefined;
}

/**
 * Resolves when the WebAssembly backend is registered (true) or known to be unavailable
 * (false). Only a browser's main thread ever waits: elsewhere it resolves at once. With
 * `options.variant`, it also compiles that build of the kernels (once), and resolves false
 * where that build cannot run: on a browser's main thread, where modules this size cannot be
 * compiled synchronously, await it before `setBackend(name, { variant })`.
 *
 * @since 0.1.0
 * @category Backends
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(await T.wasmReady()); // true in Node 20 (WebAssembly SIMD)
 * if (await T.wasmReady({ variant: 'simd' })) T.setBackend('wasm', { variant: 'simd' });
 * console.log(T.wasmStats()?.variant); // simd
 * ```
 */
export const wasmReady = async (options: WasmReadyOptions = {}): Promise<boolean> => {
  const wanted = options.variant === undefined ? undefined : checkVariant('wasmReady', 'options.variant', options.variant);
  const ready = await pending;
  return wanted === undefined ? ready : (await prepare(wanted)) !== undefined;
};

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
 * Options of {@link setBackend}.
 *
 * @since 0.1.0
 * @category Backends
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const options: T.BackendOptions = { variant: 'simd' }; // the same bits on every machine
 * console.log(options.variant); // simd
 * ```
 */
export interface BackendOptions {
  /**
   * The build of the WebAssembly kernels the `wasm` and `threads` backends run (see
   * {@link WasmVariant}): `'relaxed'` (fused multiply-adds; the default where the engine has
   * relaxed SIMD) or `'simd'` (results identical on every machine). Unchanged when left out.
   */
  readonly variant?: WasmVariant | undefined;
}

const variantError = (wanted: WasmVariant): DomainError =>
  new DomainError({
    op: 'setBackend',
    parameter: 'options.variant',
    value: wanted,
    expected:
      wanted === 'relaxed'
        ? "an engine with WebAssembly relaxed SIMD (Node ≥ 22, Chrome ≥ 114; Node 20 with --experimental-wasm-relaxed-simd; on a browser's main thread, `await T.wasmReady({ variant })` first), or 'simd'"
        : "an engine with WebAssembly SIMD (on a browser's main thread, `await T.wasmReady({ variant })` first: it cannot compile synchronously)",
  });

/** Makes `wanted` the running build of the wasm kernels (compiled on first use). */
const useVariant = (wanted: WasmVariant): void => {
  if (runtime?.variant === wanted) return;
  const rt = wasmOf.get(wanted)?.rt ?? instantiateSync(wanted);
  if (rt === undefined) throw variantError(wanted);
  register(rt);
};

/**
 * Chooses the kernel backend by name: `'js'` (plain JavaScript, the reference), `'threads'`
 * (the wasm backend with large matmuls split across worker threads, each running the SIMD
 * kernel) or `'wasm'` (WebAssembly SIMD; the default where the engine supports it). In Node the environment
 * variable `THETA_BACKEND` makes the same choice at start-up. `options.variant` also chooses the
 * build of the WebAssembly kernels (THETA_WASM_VARIANT at start-up); it throws a
 * `DomainError` where that build cannot run.
 *
 * @since 0.1.0
 * @category Backends
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const before = T.getBackend();
 * T.setBackend('js');
 * console.log(T.getBackend()); // js
 * T.setBackend('wasm', { variant: 'simd' }); // no fused multiply-adds: the same bits on every machine
 * console.log(T.wasmStats()?.variant); // simd
 * T.setBackend(before);
 * ```
 */
export function setBackend(name: string, options: BackendOptions = {}): void {
  if (!available.has(name)) {
    throw new DomainError({ op: 'setBackend', parameter: 'name', value: name, expected: `one of ${[...available.keys()].map((k) => `'${k}'`).join(', ')}` });
  }
  if (options.variant !== undefined) useVariant(checkVariant('setBackend', 'options.variant', options.variant));
  requested = name;
  active = available.get(name)!;
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
