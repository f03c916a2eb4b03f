/**
 * Where one WebAssembly kernel call's operands and results go in the arena, and the copies in
 * and out.
 *
 * Outside a resident scope (../resident.ts) every call lays out its operands and results from
 * the arena's start, copies each operand in and each result out, and the next call reuses the
 * same bytes: memory stays bounded by the largest call.
 *
 * Inside a scope, calls are laid out one after another instead, and each operand copied in and
 * each result copied out is remembered by its typed array: a later call in the scope that reads
 * the same array uses the bytes already there. When the next call would not fit in the memory,
 * everything remembered is dropped and layout starts again from the arena's start (so memory
 * is still bounded by the largest call); a move to a larger memory drops it too. Nothing is
 * remembered past the scope's end. No kernel writes into its operands, so remembered bytes are
 * never overwritten while they are remembered, and the one writer that lays out its own operands
 * in the same arena (this thread's rows of a product split across threads, workers/wasm-rows.ts)
 * reports it with {@link arenaOverwritten}, after which nothing remembered is used.
 */
import type { Tensor, TypedArray } from '../../core/tensor.js';
import { copyOf } from '../../core/uninitialised.js';
import { residentScope } from '../resident.js';
import type { WasmRuntime } from './runtime.js';

/** One runtime's layout state, reused by every call on it (the glue allocates nothing itself). */
export interface Placement {
  /**
   * Starts a call that needs at most `bytes` of arena (every operand and result, each rounded
   * up to 16 bytes); false when the memory cannot hold that (the caller runs the JS kernel).
   */
  begin(bytes: number): boolean;
  /** The byte address of `t`'s elements: where they already are, or where they are copied now. */
  input(t: Tensor): number;
  /** The byte address of room for a result of `bytes`. */
  output(bytes: number): number;
  /** A fresh array of `length` elements of the dtype from byte address `at` (a result of this call). */
  result(float32: boolean, at: number, length: number): TypedArray;
  /** Counts copies the caller made itself (a chunked pass). */
  copied(bytesIn: number, bytesOut: number): void;
  /** Ends the call: adds its copies to the runtime's counters. */
  end(): void;
}

/** How often each runtime's arena was written outside placement (see {@link arenaOverwritten}). */
const overwrites = new WeakMap<WasmRuntime, number>();

/**
 * Records that code other than the kernels' placement wrote into `rt`'s arena (from its
 * start): whatever a resident scope remembered there is gone.
 */
export function arenaOverwritten(rt: WasmRuntime): void {
  overwrites.set(rt, (overwrites.get(rt) ?? 0) + 1);
}

/** Bytes rounded up to the 16-byte alignment every operand gets. */
export const align16 = (bytes: number): number => (bytes + 15) & ~15;

/** Each runtime's placement: one per memory, however many kernel sets run on it. */
const placements = new WeakMap<WasmRuntime, Placement>();

/** The placement state of `rt` (shared by every kernel set over it, so none lays out over another's operands). */
export function placementOf(rt: WasmRuntime): Placement {
  let placement = placements.get(rt);
  if (placement === undefined) {
    placement = newPlacement(rt);
    placements.set(rt, placement);
  }
  return placement;
}

function newPlacement(rt: WasmRuntime): Placement {
  /** Next free byte of the arena. */
  let top = rt.arena;
  /** The scope the remembered arrays belong to (0: none, nothing is remembered). */
  let scope = 0;
  /** Arrays copied in or out in this scope and their byte addresses. */
  let where = new WeakMap<TypedArray, number>();
  /** The runtime's overwrite count when this placement last looked. */
  let seen = 0;
  let bytesIn = 0;
  let bytesOut = 0;
  const forget = (): void => {
    where = new WeakMap();
    top = rt.arena;
  };
  return {
    begin(bytes) {
      const overwritten = overwrites.get(rt) ?? 0;
      if (overwritten !== seen) {
        seen = overwritten;
        forget();
      }
      const now = residentScope();
      if (now !== scope) {
        scope = now;
        if (now !== 0) forget();
        else top = rt.arena;
      } else if (now === 0) top = rt.arena;
      // Starting over also covers a move to a larger memory: the reserve below can only move
      // when the call does not fit after `top`, and then nothing is remembered any more.
      else if (top + bytes > rt.f32().byteLength) forget();
      if (!rt.reserve(top - rt.arena + bytes)) return false;
      bytesIn = 0;
      bytesOut = 0;
      return true;
    },
    input(t) {
      const data = t.data;
      if (scope !== 0) {
        const at = where.get(data);
        if (at !== undefined) return at;
      }
      const at = top;
      top += align16(data.byteLength);
      if (data instanceof Float64Array) rt.f64().set(data, at / 8);
      else rt.f32().set(data, at / 4);
      bytesIn += data.byteLength;
      if (scope !== 0) where.set(data, at);
      return at;
    },
    output(bytes) {
      const at = top;
      top += align16(bytes);
      return at;
    },
    result(float32, at, length) {
      const out = float32 ? copyOf(rt.f32(), at / 4, length) : copyOf(rt.f64(), at / 8, length);
      bytesOut += out.byteLength;
      if (scope !== 0) where.set(out, at);
      return out;
    },
    copied(inBytes, outBytes) {
      bytesIn += inBytes;
      bytesOut += outBytes;
    },
    end() {
      rt.count(bytesIn, bytesOut);
    },
  };
}
