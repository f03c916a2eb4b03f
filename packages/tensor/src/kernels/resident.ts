/**
 * Resident scopes: while one is open, an operand the WebAssembly kernels copied into their
 * memory stays there, and a later call in the scope that reads the same tensor uses it where
 * it is instead of copying it again.
 *
 * A training step reads the same tensors several times: the forward pass copies in the batch
 * and W, the backward pass needs the batch and the activations again, and the SGD step reads W
 * and the gradient the backward pass has just copied out. With copies per call that is about
 * 1.9 MB a step for MNIST 784-128-64-10 at batch 64 in float32, where the distinct operands
 * are about 0.8 MB.
 *
 * Sound because tensors are immutable: `data` is never written after construction, so while
 * the scope lasts the copy in memory equals the tensor. The scope is what makes that safe in
 * practice: it ends when `fn` returns or throws, and nothing is reused across scopes, so an
 * array built by a caller and written again later (as `fromData` allows before it is wrapped)
 * is never met stale. The kernels track this per runtime (wasm/placement.ts); the JS backend
 * has nothing to keep.
 *
 * @module
 */
import { DomainError } from '../core/errors.js';

/** Scopes open now (nested scopes share the outermost one). */
let depth = 0;
/** The open scope's number, or 0 when none is open. */
let open = 0;
/** Scopes opened so far: each gets a fresh number, so no reuse outlives its scope. */
let opened = 0;

/** The number of the resident scope open now, or 0 outside any. */
export function residentScope(): number {
  return open;
}

/**
 * Runs `fn` in a resident scope and returns its result: inside it, a tensor the WebAssembly
 * kernels have copied into their memory is not copied again by later kernel calls that read
 * it, until `fn` returns or throws. Results are the same bit for bit; only the copies go.
 * Scopes nest (the outermost one counts) and cost nothing on the JS backend.
 *
 * Use it around code that reads the same tensors several times, such as one training step:
 * `Tr.steps`, `Tr.fit` and @theta/nn's gradients open one per step. `fn` must be synchronous
 * (a promise it returns is not waited for) and, like all code, must not write into a tensor's
 * `data`.
 *
 * @since 0.1.0
 * @category Backends
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const X = T.uniform(T.key(0), [64, 256]);
 * const W = T.uniform(T.key(1), [256, 128]);
 * const [y, z] = T.resident(() => [T.matmul(X, W), T.matmul(T.square(X), W)]);
 * console.log(y.shape, z.shape); // [64, 128] [64, 128]
 * ```
 */
export function resident<R>(fn: () => R): R {
  if (typeof fn !== 'function') throw new DomainError({ op: 'resident', parameter: 'fn', value: fn, expected: 'a function' });
  if (depth++ === 0) open = ++opened;
  try {
    return fn();
  } finally {
    if (--depth === 0) open = 0;
  }
}
