/**
 * Tensors a kernel has already seen to be all finite.
 *
 * A training step checks every gradient and every new Θ for NaN and ±∞. The WebAssembly SGD,
 * momentum and Adam steps read each gradient and write each new Θ anyway, and test both on the
 * way at almost no cost; remembering the answer spares each check a copy into WebAssembly
 * memory and a pass over a large leaf. Sound because tensors are immutable: `data` is never written
 * after construction, so a fact about it stays true. Keyed weakly, so it holds nothing alive.
 */
import type { TypedArray } from '../core/tensor.js';

const finite = new WeakSet<TypedArray>();

/** Records that every element of `data` is finite. */
export function markFinite(data: TypedArray): void {
  finite.add(data);
}

/** True when a kernel has seen every element of `data` to be finite (false means: not known). */
export function knownFinite(data: TypedArray): boolean {
  return finite.has(data);
}
