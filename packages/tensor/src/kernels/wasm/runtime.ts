/**
 * One instance of the WebAssembly kernels and the linear memory they work in.
 *
 * Memory layout: [module statics | matmul packing scratch | arena]. The arena holds one call's
 * operands and result at a time, from its start: it is reused by every call and is enlarged
 * (never shrunk) only when a call needs more than it has — by moving to a new memory, never by
 * growing one (see runtimeOf) — so memory is bounded by the largest call, however many calls run. Results are copied out before the next call reuses the arena, so
 * tensors never alias the module's memory.
 *
 * Compiling: `new WebAssembly.Module` is synchronous and fine in Node and in workers. Browsers
 * refuse synchronous compiles over 4 KB on the main thread (this module is ~90 KB); there
 * {@link instantiateSync} returns undefined and {@link instantiateAsync} compiles it off the
 * main thread's critical path (backend.ts switches to it when it is ready).
 */
import { wasmBase64, wasmRelaxedBase64 } from './module.generated.js';

/**
 * Which build of the WebAssembly kernels runs: `'simd'` (WebAssembly SIMD; each multiply-add
 * of a matrix product rounds twice, so results are the same bits on every machine) or
 * `'relaxed'` (relaxed SIMD too; the matmul micro-kernels use its fused multiply-add, one
 * rounding per step and twice the arithmetic throughput where the CPU has FMA, so results may
 * differ in the last bits between machines with and without FMA).
 *
 * @since 0.1.0
 * @category Backends
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const variant: T.WasmVariant | undefined = T.wasmStats()?.variant;
 * console.log(variant); // 'relaxed' where the engine has relaxed SIMD, else 'simd'
 * ```
 */
export type WasmVariant = 'simd' | 'relaxed';

/** The functions and memory the compiled module exports (assembly/index.ts). */
export interface WasmExports {
  /** The module's one linear memory. */
  readonly memory: WebAssembly.Memory;
  /** First byte after the module's statics. */
  heapBase(): number;
  /** Scratch bytes matmul64 needs. */
  readonly SCRATCH64: WebAssembly.Global;
  /** Scratch bytes matmul32 needs. */
  readonly SCRATCH32: WebAssembly.Global;
  /** C = op(A)·op(B), float64. */
  matmul64(a: number, b: number, c: number, m: number, k: number, n: number, ta: number, tb: number, scratch: number): void;
  /** C = op(A)·op(B), float32. */
  matmul32(a: number, b: number, c: number, m: number, k: number, n: number, ta: number, tb: number, scratch: number): void;
  /** out = a ∘ b, float64. */
  binary64(op: number, a: number, b: number, out: number, n: number, mode: number, period: number): void;
  /** out = a ∘ b, float32. */
  binary32(op: number, a: number, b: number, out: number, n: number, mode: number, period: number): void;
  /** out = f(x), float64. */
  unary64(op: number, x: number, out: number, n: number, alpha: number): void;
  /** out = f(x), float32. */
  unary32(op: number, x: number, out: number, n: number, alpha: number): void;
  /** Reduction of [outer, reduced, inner] to [outer, inner], float64. */
  reduce64(op: number, x: number, out: number, outer: number, reduced: number, inner: number): void;
  /** Reduction of [outer, reduced, inner] to [outer, inner], float32. */
  reduce32(op: number, x: number, out: number, outer: number, reduced: number, inner: number): void;
  /** Z = X·Wᵀ + b, A = σ(Z), float64 (assembly/dense.ts). */
  denseForward64(x: number, w: number, b: number, z: number, a: number, N: number, k: number, n: number, act: number, alpha: number, scratch: number): void;
  /** Z = X·Wᵀ + b, A = σ(Z), float32. */
  denseForward32(x: number, w: number, b: number, z: number, a: number, N: number, k: number, n: number, act: number, alpha: number, scratch: number): void;
  /** δ, dW, db and (when propagate) dInput of one layer, float64. */
  denseBackward64(
    g: number, s: number, x: number, w: number, delta: number, dW: number, db: number, dInput: number,
    N: number, k: number, n: number, act: number, alpha: number, propagate: number, scratch: number,
  ): void;
  /** δ, dW, db and (when propagate) dInput of one layer, float32. */
  denseBackward32(
    g: number, s: number, x: number, w: number, delta: number, dW: number, db: number, dInput: number,
    N: number, k: number, n: number, act: number, alpha: number, propagate: number, scratch: number,
  ): void;
  /** out = base + factor·x, float64 (assembly/update.ts); returns 1 | 2 when x | out are all finite. */
  scaledAdd64(base: number, x: number, out: number, n: number, factor: number): number;
  /** out = base + fround(factor·x), float32. */
  scaledAdd32(base: number, x: number, out: number, n: number, factor: number): number;
  /** 1 when every float64 element is finite, else 0. */
  allFinite64(x: number, n: number): number;
  /** 1 when every float32 element is finite, else 0. */
  allFinite32(x: number, n: number): number;
  /** Fused momentum step, float64 (assembly/optimiser.ts); returns 1 | 2 when g | Θ' are all finite. */
  momentumStep64(theta: number, g: number, v0: number, thetaOut: number, vOut: number, n: number, decay: number, nesterov: number, factor: number): number;
  /** Fused momentum step, float32. */
  momentumStep32(theta: number, g: number, v0: number, thetaOut: number, vOut: number, n: number, decay: number, nesterov: number, factor: number): number;
  /** Fused Adam step, float64; returns 1 | 2 when g | Θ' are all finite. */
  adamStep64(
    theta: number, g: number, m0: number, v0: number, thetaOut: number, mOut: number, vOut: number, n: number,
    beta1: number, beta2: number, eps: number, epsRoot: number, momentWeight: number, gradientWeight: number, inverseC2: number, factor: number,
  ): number;
  /** Fused Adam step, float32. */
  adamStep32(
    theta: number, g: number, m0: number, v0: number, thetaOut: number, mOut: number, vOut: number, n: number,
    beta1: number, beta2: number, eps: number, epsRoot: number, momentWeight: number, gradientWeight: number, inverseC2: number, factor: number,
  ): number;
}

/**
 * Traffic between JS and the WebAssembly kernels, as {@link wasmStats} reports it.
 *
 * @since 0.1.0
 * @category Backends
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const stats: T.WasmStats | undefined = T.wasmStats();
 * console.log(stats === undefined || stats.memoryBytes > 0); // true
 * ```
 */
export interface WasmStats {
  /** Kernel calls that ran in WebAssembly. */
  readonly calls: number;
  /** Bytes copied from JS tensors into WebAssembly memory. */
  readonly bytesIn: number;
  /** Bytes copied out of WebAssembly memory into fresh tensors. */
  readonly bytesOut: number;
  /** Current size of the WebAssembly memory (it never shrinks; bounded by the largest call). */
  readonly memoryBytes: number;
  /** The build of the kernels running: `'relaxed'` (fused multiply-add) or `'simd'`. */
  readonly variant: WasmVariant;
}

/** A live instance: its exports, the arena and typed views of its memory. */
export interface WasmRuntime {
  /** The module's exports (those of the current instance: a resize makes a new one). */
  readonly exports: WasmExports;
  /** The build of the kernels this instance runs. */
  readonly variant: WasmVariant;
  /** Byte address of the matmul packing scratch. */
  readonly scratch: number;
  /** Byte address where each call's operands start. */
  readonly arena: number;
  /**
   * Makes the arena hold at least `bytes`; false when the memory cannot grow that far (the
   * caller then runs the JS kernel). Call before {@link WasmRuntime.f64}/{@link WasmRuntime.f32}
   * and before reading {@link WasmRuntime.exports}: a call that resizes moves the arena to a new
   * memory, so nothing written there before it survives.
   */
  reserve(bytes: number): boolean;
  /** A float64 view of the whole memory, current after the last reserve. */
  f64(): Float64Array;
  /** A float32 view of the whole memory, current after the last reserve. */
  f32(): Float32Array;
  /** Adds one call's traffic to the counters. */
  count(bytesIn: number, bytesOut: number): void;
  /** The counters. */
  stats(): WasmStats;
}

const PAGE = 65536;

/** A minimal module with one SIMD instruction (i8x16.splat): validates only where SIMD exists. */
const SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11,
]);

/** Whether this engine runs WebAssembly with SIMD (Node ≥ 16.4, Chrome ≥ 91, Firefox ≥ 89, Safari ≥ 16.4). */
export function simdSupported(): boolean {
  try {
    return typeof WebAssembly === 'object' && WebAssembly.validate(SIMD_PROBE);
  } catch {
    return false;
  }
}

/**
 * A minimal module with one relaxed SIMD instruction, (v128, v128, v128) → f32x4.relaxed_madd:
 * validates only where relaxed SIMD exists.
 */
const RELAXED_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, // magic, version
  1, 8, 1, 96, 3, 123, 123, 123, 1, 123, // types: (v128, v128, v128) → v128
  3, 2, 1, 0, // one function of type 0
  10, 13, 1, 11, 0, 32, 0, 32, 1, 32, 2, 253, 133, 2, 11, // its body: local.get 0 1 2, f32x4.relaxed_madd
]);

/**
 * Whether this engine runs WebAssembly relaxed SIMD (Chrome ≥ 114, Node ≥ 22; Node 20 with
 * `--experimental-wasm-relaxed-simd`).
 */
export function relaxedSimdSupported(): boolean {
  try {
    return typeof WebAssembly === 'object' && WebAssembly.validate(RELAXED_PROBE);
  } catch {
    return false;
  }
}

/** The best build this engine runs: `relaxed` where it validates, else `simd`. */
export const bestVariant = (): WasmVariant => (relaxedSimdSupported() ? 'relaxed' : 'simd');

const bytes = (variant: WasmVariant): Uint8Array<ArrayBuffer> =>
  Uint8Array.from(atob(variant === 'relaxed' ? wasmRelaxedBase64 : wasmBase64), (c) => c.charCodeAt(0));

/** Whether `variant` can run here. */
const runs = (variant: WasmVariant): boolean => simdSupported() && (variant === 'simd' || relaxedSimdSupported());

const align = (x: number, to: number): number => Math.ceil(x / to) * to;

/**
 * Bytes a runtime's memory starts with: the module's statics, the matmul scratch and an arena
 * that holds every call of the networks in the benchmarks (MNIST 784-128-64-10 at batch 64 in
 * float64 needs about 3 MiB), so training never resizes it. Untouched pages cost no RAM.
 */
const INITIAL_BYTES = 16 << 20;

/** The most pages a memory may have (4 GiB). */
const MAX_PAGES = 65536;

/** The imports of the module: the memory it works in (built with `importMemory`). */
const importsOf = (memory: WebAssembly.Memory): WebAssembly.Imports => ({ env: { memory } });

/** A fresh memory of at least `bytes`. */
const memoryOf = (bytes: number): WebAssembly.Memory => new WebAssembly.Memory({ initial: Math.min(MAX_PAGES, Math.ceil(bytes / PAGE)) });

/**
 * Wraps an instance: lays out scratch and arena and keeps the views and counters.
 *
 * The memory is never grown. `WebAssembly.Memory.prototype.grow` detaches the old buffer, and
 * the first detached ArrayBuffer in a V8 isolate makes every optimised typed-array loop in it
 * (all of Theta's JS kernels, optimisers and checks, and the user's own code) 1.5–2× slower for
 * the rest of the process. So a call that needs more room gets a new, larger memory and a new
 * instance of the same compiled module on it (the kernels keep no state between calls); the
 * old memory is simply garbage. Only where a synchronous instantiation is refused (a browser's
 * main thread) does it fall back to growing.
 */
function runtimeOf(module: WebAssembly.Module, variant: WasmVariant, first: WebAssembly.Instance, firstMemory: WebAssembly.Memory): WasmRuntime {
  let exports = first.exports as unknown as WasmExports;
  let memory = firstMemory;
  const scratchBytes = Math.max(exports.SCRATCH64.value as number, exports.SCRATCH32.value as number);
  const scratch = align(exports.heapBase(), 64);
  const arena = align(scratch + scratchBytes, 64);
  let f64 = new Float64Array(memory.buffer);
  let f32 = new Float32Array(memory.buffer);
  let calls = 0;
  let bytesIn = 0;
  let bytesOut = 0;
  /** Moves to a memory of at least `bytes` (doubling, so resizes stay rare); false past 4 GiB. */
  const resize = (bytes: number): boolean => {
    if (bytes > MAX_PAGES * PAGE) return false;
    const wanted = Math.max(bytes, Math.min(MAX_PAGES * PAGE, 2 * memory.buffer.byteLength));
    try {
      const next = memoryOf(wanted);
      exports = new WebAssembly.Instance(module, importsOf(next)).exports as unknown as WasmExports;
      memory = next;
    } catch {
      try {
        memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / PAGE));
      } catch {
        return false; // past the engine's limit: the JS kernel takes this call
      }
    }
    f64 = new Float64Array(memory.buffer);
    f32 = new Float32Array(memory.buffer);
    return true;
  };
  const reserve = (size: number): boolean => arena + size <= memory.buffer.byteLength || resize(arena + size);
  reserve(0);
  return {
    get exports() {
      return exports;
    },
    variant,
    scratch,
    arena,
    reserve,
    f64: () => f64,
    f32: () => f32,
    count(inBytes, outBytes) {
      calls += 1;
      bytesIn += inBytes;
      bytesOut += outBytes;
    },
    stats: () => ({ calls, bytesIn, bytesOut, memoryBytes: memory.buffer.byteLength, variant }),
  };
}

/**
 * Compiles and instantiates the `variant` build of the kernels (the best this engine runs by
 * default) synchronously; undefined where that build cannot run or the engine refuses a
 * synchronous compile (a browser's main thread).
 */
export function instantiateSync(variant: WasmVariant = bestVariant()): WasmRuntime | undefined {
  if (!runs(variant)) return undefined;
  try {
    const module = new WebAssembly.Module(bytes(variant));
    const memory = memoryOf(INITIAL_BYTES);
    return runtimeOf(module, variant, new WebAssembly.Instance(module, importsOf(memory)), memory);
  } catch {
    return undefined;
  }
}

/** Compiles and instantiates the `variant` build asynchronously; undefined where it cannot run. */
export async function instantiateAsync(variant: WasmVariant = bestVariant()): Promise<WasmRuntime | undefined> {
  if (!runs(variant)) return undefined;
  const module = await WebAssembly.compile(bytes(variant));
  const memory = memoryOf(INITIAL_BYTES);
  return runtimeOf(module, variant, await WebAssembly.instantiate(module, importsOf(memory)), memory);
}
