/**
 * The shared control block of a worker pool: counters the threads meet on with Atomics, and
 * room for the first error's message (a blocked caller cannot receive messages, so a worker's
 * error travels through shared memory).
 *
 * Layout (Int32 slots): NEXT, DONE, FAILED, ERROR_LENGTH, then one READY flag per worker, then
 * the error's UTF-8 bytes, then (8-byte aligned, BigInt64 slots) the copy counters BYTES_IN,
 * BYTES_OUT and CHUNKS and one MEMORY slot per worker (its WebAssembly memory's size).
 * NEXT and DONE only grow, across calls: call g owns chunk numbers [first_g, first_g +
 * chunks_g), so a worker that reads a call's message late can never claim a chunk of a later
 * call (its compare-and-swap only succeeds inside its own call's range).
 */

/** The next unclaimed chunk number. */
export const NEXT = 0;
/** Chunks finished (successfully or not). */
export const DONE = 1;
/** 1 once a chunk of the current call has thrown. */
export const FAILED = 2;
/** Bytes of the error message written after the flags. */
export const ERROR_LENGTH = 3;
/** First worker's READY flag (set once the worker listens). */
export const READY = 4;
/** Chunk numbers restart from 0 past this (only a call 2³⁰ chunks old could be confused). */
export const WRAP = 2 ** 30;
/** Longest error message kept, in bytes. */
export const ERROR_BYTES = 2048;

/** Counter slot (BigInt64): bytes copied from shared memory into WebAssembly memories. */
export const BYTES_IN = 0;
/** Counter slot (BigInt64): bytes copied from WebAssembly memories into shared results. */
export const BYTES_OUT = 1;
/** Counter slot (BigInt64): chunks computed by the WebAssembly kernel. */
export const CHUNKS = 2;
/** First worker's counter slot (BigInt64) holding its WebAssembly memory's size in bytes. */
export const MEMORY = 3;

/** Byte offset of the BigInt64 counters. */
const countersAt = (workers: number): number => Math.ceil(((READY + workers) * 4 + ERROR_BYTES) / 8) * 8;

/** A control block for `workers` workers. */
export const controlBlock = (workers: number): SharedArrayBuffer => new SharedArrayBuffer(countersAt(workers) + (MEMORY + workers) * 8);

/** The BigInt64 counters of a control block (see the layout above). */
export const counters = (control: SharedArrayBuffer, workers: number): BigInt64Array =>
  new BigInt64Array(control, countersAt(workers), MEMORY + workers);

/** The error bytes of a control block. */
const errorBytes = (control: SharedArrayBuffer, workers: number): Uint8Array => new Uint8Array(control, (READY + workers) * 4, ERROR_BYTES);

/** Records the first failure of a call (later ones are dropped) and counts the job as done. */
export function reportFailure(control: SharedArrayBuffer, workers: number, error: unknown): void {
  const flags = new Int32Array(control);
  if (Atomics.compareExchange(flags, FAILED, 0, 1) === 0) {
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    // TextEncoder may refuse shared views: encode, then copy.
    const bytes = new TextEncoder().encode(text).subarray(0, ERROR_BYTES);
    errorBytes(control, workers).set(bytes);
    Atomics.store(flags, ERROR_LENGTH, bytes.length);
  }
}

/**
 * Claims the next chunk of the call owning [first, first + chunks): its index in the call, or
 * -1 when all are taken (or the call is over).
 */
export function claim(flags: Int32Array, first: number, chunks: number): number {
  for (;;) {
    const next = Atomics.load(flags, NEXT);
    if (next < first || next >= first + chunks) return -1;
    if (Atomics.compareExchange(flags, NEXT, next, next + 1) === next) return next - first;
  }
}

/** Counts one chunk as done and wakes the caller. */
export function reportDone(flags: Int32Array): void {
  Atomics.add(flags, DONE, 1);
  Atomics.notify(flags, DONE);
}

/** The message of the call's first failure. */
export function failureMessage(control: SharedArrayBuffer, workers: number): string {
  const length = Atomics.load(new Int32Array(control), ERROR_LENGTH);
  return new TextDecoder().decode(errorBytes(control, workers).slice(0, length));
}
