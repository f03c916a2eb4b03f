/**
 * Which kernels run. One module-level choice, made once at start-up (or by `setBackend`),
 * read by every op; it holds no tensors, so it never grows.
 */
import { DomainError } from '../core/errors.js';
import { jsKernels } from './js/index.js';
import type { Kernels } from './types.js';

const available = new Map<string, Kernels>([['js', jsKernels]]);
let active: Kernels = jsKernels;

/** The kernels every op calls. */
export const kernels = (): Kernels => active;

/**
 * Chooses the kernel backend by name. Only `'js'` exists in this version; faster backends
 * (WebAssembly SIMD, workers) register themselves here when they land.
 *
 * @since 0.1.0
 * @category Backends
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * T.setBackend('js');
 * console.log(T.getBackend()); // js
 * ```
 */
export function setBackend(name: string): void {
  const next = available.get(name);
  if (next === undefined) {
    throw new DomainError({ op: 'setBackend', parameter: 'name', value: name, expected: `one of ${[...available.keys()].map((k) => `'${k}'`).join(', ')}` });
  }
  active = next;
}

/**
 * The name of the active kernel backend.
 *
 * @since 0.1.0
 * @category Backends
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * console.log(T.getBackend()); // js
 * ```
 */
export const getBackend = (): string => active.name;
