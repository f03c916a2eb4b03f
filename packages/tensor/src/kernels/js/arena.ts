/**
 * The scratch arena of the fused kernels: one module-level float64 buffer that their
 * intermediates (column sums, float64 accumulators of float32 results) are carved from, so a
 * training step does not allocate them again on every call.
 *
 * Rules that keep it safe: kernels are synchronous and never call each other while they hold
 * scratch, so one buffer serves them all; scratch never leaves a kernel (every public result is
 * a fresh array); and the buffer never grows past {@link ARENA_LIMIT} doubles — a larger
 * request gets a one-off array that the garbage collector takes back.
 */

/** The most doubles the arena keeps between calls: 2²⁰ (8 MiB). */
export const ARENA_LIMIT = 1 << 20;

let buffer = new Float64Array(1024);

/**
 * A float64 array of at least `length` elements, zero-filled on its first `length` entries.
 * Valid until the next call; the caller must not keep it past its own return.
 */
export function scratch(length: number): Float64Array {
  if (length > ARENA_LIMIT) return new Float64Array(length);
  if (buffer.length < length) {
    let size = buffer.length;
    while (size < length) size *= 2;
    buffer = new Float64Array(Math.min(size, ARENA_LIMIT));
    return buffer;
  }
  buffer.fill(0, 0, length);
  return buffer;
}

/** Doubles the arena holds now (for the leak checks in the tests). */
export const arenaSize = (): number => buffer.length;
