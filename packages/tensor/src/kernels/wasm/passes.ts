/**
 * The per-parameter passes of a training step (the SGD, momentum and Adam steps) over chunks of
 * a leaf: a chunk of each operand is copied in, the kernel runs on it, and its results are
 * copied out, then the next chunk reuses the same slots. A chunk's operands and results stay in
 * the L2 cache, where copying whole leaves (a 128 × 784 float32 weight is 400 KB) through the
 * arena would stream every operand through memory three times.
 */
import type { Tensor, TypedArray } from '../../core/tensor.js';
import { uninitialised } from '../../core/uninitialised.js';
import type { WasmRuntime } from './runtime.js';

/** Bytes per operand slot: with up to seven slots (Adam), one chunk fits in a 1 MB L2. */
const SLOT_BYTES = 64 * 1024;

/** What {@link chunkedPass} returns: the results and the kernel's flags, ANDed over the chunks. */
export interface PassResult {
  /** One fresh array per result, each as long as the inputs. */
  readonly outputs: readonly TypedArray[];
  /** Bits every chunk's kernel call returned (the finiteness flags of optimiser.ts). */
  readonly flags: number;
}

/**
 * Runs `kernel(addresses, length)` over the elements of `inputs` (same dtype and length) in
 * chunks; `addresses` holds the byte address of each input's slot, then of each of `outputs`
 * result slots. Undefined when the memory cannot hold the slots (the caller runs the JS kernel).
 */
export function chunkedPass(
  rt: WasmRuntime, inputs: readonly Tensor[], outputs: number, kernel: (addresses: readonly number[], length: number) => number,
): PassResult | undefined {
  const first = inputs[0] as Tensor;
  const n = first.data.length;
  const size = first.dtype === 'float32' ? 4 : 8;
  const per = Math.max(1, Math.min(n, SLOT_BYTES / size));
  const slot = (per * size + 15) & ~15;
  const slots = inputs.length + outputs;
  if (!rt.reserve(slots * slot)) return undefined;
  const addresses = Array.from({ length: slots }, (_, s) => rt.arena + s * slot);
  const view = size === 4 ? rt.f32() : rt.f64();
  const results = Array.from({ length: outputs }, () => uninitialised(first.dtype, n));
  let flags = ~0; // over no chunks (an empty leaf) every flag holds: nothing in it is non-finite
  for (let at = 0; at < n; at += per) {
    const length = Math.min(per, n - at);
    for (let s = 0; s < inputs.length; s++) view.set((inputs[s] as Tensor).data.subarray(at, at + length), (addresses[s] as number) / size);
    flags &= kernel(addresses, length);
    for (let r = 0; r < outputs; r++) {
      const from = (addresses[inputs.length + r] as number) / size;
      (results[r] as TypedArray).set(view.subarray(from, from + length), at);
    }
  }
  rt.count(inputs.length * n * size, outputs * n * size);
  return { outputs: results, flags };
}
