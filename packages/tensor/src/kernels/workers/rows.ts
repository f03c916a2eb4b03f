/**
 * One thread's share of a parallel matmul: whole rows of C, computed by the plain-JS kernel
 * (here) or by the WebAssembly kernel (wasm-rows.ts), as the job says.
 * Each element of C is summed by the JS kernel in an order that depends on k alone (depth blocks
 * of KC, each summed from zero in a register tile and added to C), never on which rows share a
 * block; so rows computed apart are bit-identical to the rows of the one-thread product, as
 * long as each slice takes the same (packed) path: at least MR rows.
 *
 * The threads of one call share its rows dynamically: each claims chunks of rows until none is
 * left, so a thread the OS leaves waiting (a busy core) costs the call little.
 */
import type { TypedArray } from '../../core/tensor.js';
import { matmulInto } from '../js/matmul.js';
import type { WasmRuntime } from '../wasm/runtime.js';
import { BYTES_IN, BYTES_OUT, CHUNKS, claim, counters, MEMORY, reportDone, reportFailure } from './control.js';
import { wasmRows, type Traffic } from './wasm-rows.js';

/** Rows [row0, row1) of C = op(A) · op(B); the arrays are shared between threads. */
export interface RowsJob {
  /** op(A)'s storage: m × k, or k × m when `transposeA`. */
  readonly a: TypedArray;
  /** op(B)'s storage: k × n, or n × k when `transposeB`. */
  readonly b: TypedArray;
  /** C, m × n, zero-filled; only rows [row0, row1) are written. */
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
  /** First row of C to compute. */
  readonly row0: number;
  /** One past the last row of C to compute. */
  readonly row1: number;
}

const isFloat = (x: unknown): x is TypedArray => x instanceof Float64Array || x instanceof Float32Array;

/** Computes rows [row0, row1) of C into `job.out`; throws a TypeError on a malformed job. */
export function matmulRows(job: RowsJob): void {
  const { a, b, out, m, k, n, transposeA, transposeB, row0, row1 } = job;
  if (!isFloat(a) || !isFloat(b) || !isFloat(out) || a.constructor !== b.constructor || b.constructor !== out.constructor) {
    throw new TypeError('matmul rows: a, b and out must be Float64Arrays or Float32Arrays of one type');
  }
  if (!(0 <= row0 && row0 <= row1 && row1 <= m) || a.length !== m * k || b.length !== k * n || out.length !== m * n) {
    throw new TypeError(`matmul rows: rows [${row0}, ${row1}) or lengths do not fit ${m} × ${k} · ${k} × ${n}`);
  }
  const rows = row1 - row0;
  if (rows === 0) return;
  let slice: TypedArray;
  if (!transposeA) {
    slice = a.subarray(row0 * k, row1 * k);
  } else {
    // A is stored k × m: this thread's rows of op(A) are columns of A; gather them as k × rows,
    // still transposed, so the kernel packs exactly the values it would have packed from A.
    slice = a instanceof Float32Array ? new Float32Array(k * rows) : new Float64Array(k * rows);
    for (let p = 0; p < k; p++) slice.set(a.subarray(p * m + row0, p * m + row1), p * rows);
  }
  matmulInto(slice, b, out.subarray(row0 * n, row1 * n), rows, k, n, transposeA, transposeB);
}

/** Which kernel computes a job's rows: every thread of a call runs the same one. */
export type RowKernel = 'js' | 'wasm';

/** A product shared by the threads of one call, cut into chunks of `chunkRows` rows of C. */
export interface SharedJob extends Omit<RowsJob, 'row0' | 'row1'> {
  /** The kernel every thread runs on its chunks. */
  readonly kernel: RowKernel;
  /** Rows of C per chunk (the last one takes the rest: up to 2·chunkRows − 1). */
  readonly chunkRows: number;
  /** This call's first chunk number in the control block. */
  readonly first: number;
}

/** Chunks of a job: ⌊m / chunkRows⌋ (at least 1); the last one also takes the remaining rows. */
export const chunkCount = (job: Pick<SharedJob, 'm' | 'chunkRows'>): number => Math.max(1, Math.floor(job.m / job.chunkRows));

/**
 * Claims and computes chunks of `job` until none is left; a chunk that throws is recorded in
 * the control block and still counted done, so the caller's wait always ends. A `wasm` job runs
 * on `rt`, this thread's WebAssembly instance (a chunk throws when there is none); its copies
 * are added to the control block's counters, and worker `index`'s memory size is recorded
 * there (the caller passes −1). Returns the rows of C this thread computed.
 */
export function drain(control: SharedArrayBuffer, workers: number, job: SharedJob, rt?: WasmRuntime, index = -1): number {
  const flags = new Int32Array(control);
  const chunks = chunkCount(job);
  const traffic: Traffic = { bytesIn: 0, bytesOut: 0 };
  let rows: ((row0: number, row1: number) => void) | undefined;
  let computed = 0;
  let mine = 0;
  for (let chunk = claim(flags, job.first, chunks); chunk >= 0; chunk = claim(flags, job.first, chunks)) {
    try {
      const row0 = chunk * job.chunkRows;
      const row1 = chunk === chunks - 1 ? job.m : row0 + job.chunkRows;
      mine += row1 - row0;
      if (job.kernel === 'js') {
        matmulRows({ ...job, row0, row1 });
      } else {
        if (rt === undefined) throw new Error('the WebAssembly kernels are not available in this thread');
        // The last chunk is the longest: it takes the rows left over.
        rows ??= wasmRows(rt, job, job.m - (chunks - 1) * job.chunkRows, traffic);
        rows(row0, row1);
        computed += 1;
      }
    } catch (error) {
      reportFailure(control, workers, error);
    }
    // Count before reporting done: once the last chunk is done the caller may read them.
    if (computed > 0) {
      const slots = counters(control, workers);
      Atomics.add(slots, BYTES_IN, BigInt(traffic.bytesIn));
      Atomics.add(slots, BYTES_OUT, BigInt(traffic.bytesOut));
      Atomics.add(slots, CHUNKS, BigInt(computed));
      if (index >= 0 && rt !== undefined) Atomics.store(slots, MEMORY + index, BigInt(rt.stats().memoryBytes));
      traffic.bytesIn = traffic.bytesOut = computed = 0;
    }
    reportDone(flags);
  }
  return mine;
}
