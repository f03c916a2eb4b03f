/**
 * The per-parameter passes of a training step (the SGD, momentum and Adam steps) over chunks of
 * a leaf: a chunk of each operand is copied in, the kernel runs on it, and its results are
 * copied out, then the next chunk reuses the same slots. A chunk's operands and results stay in
 * the L2 cache, where copying whole leaves (a 128 × 784 float32 weight is 400 KB) through the
 * arena would stream every operand through memory three times. In a resident scope, where the
 * operands are already in memory, the pass runs over whole leaves instead.
 */
import type { Tensor, TypedArray } from '../../core/tensor.js';
import { uninitialised } from '../../core/uninitialised.js';
import { residentScope } from '../resident.js';
import { align16, type Placement } from './placement.js';
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
  rt: WasmRuntime, at: Placement, inputs: readonly Tensor[], outputs: number, kernel: (addresses: readonly number[], length: number) => number,
): PassResult | undefined {
  const first = inputs[0] as Tensor;
  const n = first.data.length;
  const float32 = first.dtype === 'float32';
  const size = float32 ? 4 : 8;
  // In a resident scope the operands are usually in memory already (Θ from the forward pass,
  // the gradient from the backward pass): one call over the whole leaf reads them where they
  // are, unless that needs a larger memory.
  const whole = (inputs.length + outputs) * align16(n * size);
  if (residentScope() !== 0 && n > 0 && rt.arena + whole <= rt.f32().byteLength) {
    if (!at.begin(whole)) return undefined;
    const addresses = inputs.map((t) => at.input(t));
    for (let r = 0; r < outputs; r++) addresses.push(at.output(n * size));
    const flags = kernel(addresses, n);
    const results = addresses.slice(inputs.length).map((address) => at.result(float32, address, n));
    at.end();
    return { outputs: results, flags };
  }
  const per = Math.max(1, Math.min(n, SLOT_BYTES / size));
  const slots = inputs.length + outputs;
  if (!at.begin(slots * align16(per * size))) return undefined;
  const addresses = Array.from({ length: slots }, () => at.output(per * size));
  const view = float32 ? rt.f32() : rt.f64();
  const results = Array.from({ length: outputs }, () => uninitialised(first.dtype, n));
  let flags = ~0; // over no chunks (an empty leaf) every flag holds: nothing in it is non-finite
  for (let from = 0; from < n; from += per) {
    const length = Math.min(per, n - from);
    for (let s = 0; s < inputs.length; s++) view.set((inputs[s] as Tensor).data.subarray(from, from + length), (addresses[s] as number) / size);
    flags &= kernel(addresses, length);
    for (let r = 0; r < outputs; r++) {
      const slot = (addresses[inputs.length + r] as number) / size;
      (results[r] as TypedArray).set(view.subarray(slot, slot + length), from);
    }
  }
  at.copied(inputs.length * n * size, outputs * n * size);
  at.end();
  return { outputs: results, flags };
}
