/**
 * One thread's share of a parallel matmul on the WebAssembly kernel: each thread has its own
 * instance (its own linear memory), so a chunk of rows of C travels shared memory → that
 * memory → shared memory. Per thread and call, op(B) is copied in once (on the thread's first
 * chunk); per chunk, its rows of op(A) are copied in, matmul32/matmul64 runs on them, and its
 * rows of C are copied out. Every copy is a bulk `TypedArray.set` (k strided runs for a
 * transposed A), none inside the kernel's loops.
 *
 * Why the rows equal the one-thread product's bit for bit: the kernels (assembly/matmul*.ts)
 * sum each entry of C over depth blocks whose length depends on k alone, each block from zero
 * in one SIMD lane, in order of depth, then add the block to C (edge tiles go through a zeroed
 * scratch tile first, which adds the same value). Which rows share an m-block, a register tile
 * or a call changes no sum, so any split of the rows gives the same bits.
 */
import type { TypedArray } from '../../core/tensor.js';
import { arenaOverwritten } from '../wasm/placement.js';
import type { WasmRuntime } from '../wasm/runtime.js';

/** A product's operands in shared memory, as a thread sees them. */
export interface WasmProduct {
  /** op(A)'s storage: m × k, or k × m when `transposeA`. */
  readonly a: TypedArray;
  /** op(B)'s storage: k × n, or n × k when `transposeB`. */
  readonly b: TypedArray;
  /** C, m × n. */
  readonly out: TypedArray;
  /** Rows of op(A) and of C. */
  readonly m: number;
  /** The inner dimension. */
  readonly k: number;
  /** Columns of op(B) and of C. */
  readonly n: number;
  /** `a` stores Aᵀ. */
  readonly transposeA: boolean;
  /** `b` stores Bᵀ. */
  readonly transposeB: boolean;
}

/** Bytes one call's copies moved, for the pool's counters. */
export interface Traffic {
  /** Bytes copied into the WebAssembly memory. */
  bytesIn: number;
  /** Bytes copied out of it. */
  bytesOut: number;
}

const align16 = (bytes: number): number => (bytes + 15) & ~15;

/** Largest arena a thread reserves for one product (beyond it the product is not split). */
export const MAX_ARENA_BYTES = 2 ** 30;

/** Arena bytes a thread needs for `product` in chunks of at most `maxRows` rows. */
export const arenaBytes = (product: Pick<WasmProduct, 'k' | 'n'>, maxRows: number, size: number): number =>
  align16(product.k * product.n * size) + align16(maxRows * product.k * size) + maxRows * product.n * size;

/**
 * A function computing rows [row0, row1) of `product` on `rt`, for chunks of at most `maxRows`
 * rows; it copies op(B) in on its first call. Throws a TypeError on a malformed product and an
 * Error when the memory cannot grow enough. Adds its copies to `traffic`.
 */
export function wasmRows(rt: WasmRuntime, product: WasmProduct, maxRows: number, traffic: Traffic): (row0: number, row1: number) => void {
  const { a, b, out, m, k, n, transposeA, transposeB } = product;
  const float32 = a instanceof Float32Array;
  if (!(a instanceof Float32Array || a instanceof Float64Array) || a.constructor !== b.constructor || b.constructor !== out.constructor) {
    throw new TypeError('matmul rows: a, b and out must be Float64Arrays or Float32Arrays of one type');
  }
  if (a.length !== m * k || b.length !== k * n || out.length !== m * n) {
    throw new TypeError(`matmul rows: lengths do not fit ${m} × ${k} · ${k} × ${n}`);
  }
  const size = float32 ? 4 : 8;
  const pb = rt.arena;
  const pa = pb + align16(k * n * size);
  const pc = pa + align16(maxRows * k * size);
  let loaded = false;

  return (row0, row1) => {
    const rows = row1 - row0;
    if (!(0 <= row0 && row0 < row1 && row1 <= m && rows <= maxRows)) throw new TypeError(`matmul rows: rows [${row0}, ${row1}) do not fit ${m} rows`);
    if (!loaded) {
      if (pc - pb + maxRows * n * size > MAX_ARENA_BYTES || !rt.reserve(pc - pb + maxRows * n * size)) {
        throw new Error('matmul rows: the WebAssembly memory cannot grow enough');
      }
    }
    // Views after reserve: growing the memory detaches older ones.
    const memory = float32 ? rt.f32() : rt.f64();
    if (!loaded) {
      arenaOverwritten(rt); // a resident scope's operands there are gone (wasm/placement.ts)
      memory.set(b, pb / size);
      traffic.bytesIn += b.length * size;
      loaded = true;
    }
    const at = pa / size;
    if (!transposeA) {
      memory.set(a.subarray(row0 * k, row1 * k), at);
    } else {
      // A is stored k × m: the chunk's rows of op(A) are columns of A; gather them k × rows.
      for (let p = 0; p < k; p++) memory.set(a.subarray(p * m + row0, p * m + row1), at + p * rows);
    }
    (float32 ? rt.exports.matmul32 : rt.exports.matmul64)(pa, pb, pc, rows, k, n, transposeA ? 1 : 0, transposeB ? 1 : 0, rt.scratch);
    out.set(memory.subarray(pc / size, pc / size + rows * n), row0 * n);
    traffic.bytesIn += rows * k * size;
    traffic.bytesOut += rows * n * size;
  };
}
