/**
 * Normal (Gaussian) draws by the Box–Muller transform.
 *
 * @module
 */
import { DomainError } from '../core/errors.js';
import { make, type DType, type Tensor } from '../core/tensor.js';
import { cosSinTurn, logUnit } from './elementary.js';
import { assertKey, type Key } from './key.js';
import { keyBlocks } from './threefry.js';
import { checkDType, checkFinite, checkShape } from './validate.js';

/** Threefry blocks made per pass (even: blocks come in Box–Muller pairs). */
const CHUNK = 2048;
const TWO_POW_MINUS_53 = 1.1102230246251565e-16;

/**
 * Options of {@link normal}.
 *
 * @since 0.1.0
 * @category Random
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const options: T.NormalOptions = { mean: 0, std: 0.01, dtype: 'float32' };
 * console.log(T.normal(T.key(0), [2, 2], options).shape); // [2, 2]
 * ```
 */
export interface NormalOptions {
  /** Mean μ; 0 when absent. */
  readonly mean?: number;
  /** Standard deviation σ ≥ 0; 1 when absent. */
  readonly std?: number;
  /** Element type; `float64` when absent. */
  readonly dtype?: DType;
}

/**
 * Draws from the normal distribution $\mathcal{N}(\mu, \sigma^2)$ (default μ = 0, σ = 1) with
 * the given shape (default `[]`). Box–Muller on pairs: elements 2j and 2j + 1 are
 * $\mu + \sigma r\cos\theta$ and $\mu + \sigma r\sin\theta$ with
 * $r = \sqrt{-2\ln(1 - u_{2j})}$, $\theta = 2\pi u_{2j+1}$, where $u_i \in [0, 1)$ is the
 * 53-bit uniform of Threefry block i (as float64 {@link uniform}). Since $1 - u \ge 2^{-53}$,
 * the logarithm never sees 0 and |z| stays below 8.6. The logarithm, sine and cosine are
 * computed with + − × ÷ only, so the bits are the same in every engine; float32 draws are
 * the float64 draws rounded. Element i depends only on `key` and i.
 *
 * Throws `DomainError` unless `mean` is finite and `std` is finite and ≥ 0.
 *
 * @since 0.1.0
 * @category Random
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * const [wKey, bKey] = T.split(T.key(0));
 * const W = T.normal(wKey, [3, 2], { std: Math.sqrt(2 / 2) }); // He initialisation
 * const b = T.normal(bKey, [3], { mean: 0, std: 0.01 });
 * console.log(W.shape, b.shape); // [3, 2] [3]
 * ```
 */
export function normal(key: Key, shape: readonly number[] = [], options: NormalOptions = {}): Tensor {
  assertKey('normal', key);
  const size = checkShape('normal', shape);
  const dtype = checkDType('normal', options.dtype);
  const mean = checkFinite('normal', 'mean', options.mean ?? 0);
  const std = options.std ?? 1;
  if (typeof std !== 'number' || !Number.isFinite(std) || std < 0) {
    throw new DomainError({ op: 'normal', parameter: 'std', value: std, expected: 'a finite number ≥ 0' });
  }
  const out = dtype === 'float64' ? new Float64Array(size) : new Float32Array(size);
  const blocks = 2 * Math.ceil(size / 2);
  const words = new Uint32Array(2 * Math.min(CHUNK, blocks));
  const cosSin = new Float64Array(2);
  for (let start = 0; start < blocks; start += CHUNK) {
    const m = Math.min(CHUNK, blocks - start);
    keyBlocks(key, start, words, m);
    for (let j = 0; j < m; j += 2) {
      const u1 = ((words[2 * j] as number) * 2097152 + ((words[2 * j + 1] as number) >>> 11)) * TWO_POW_MINUS_53;
      const u2 = ((words[2 * j + 2] as number) * 2097152 + ((words[2 * j + 3] as number) >>> 11)) * TWO_POW_MINUS_53;
      const r = Math.sqrt(-2 * logUnit(1 - u1));
      cosSinTurn(u2, cosSin);
      const i = start + j;
      out[i] = mean + std * (r * (cosSin[0] as number));
      if (i + 1 < size) out[i + 1] = mean + std * (r * (cosSin[1] as number));
    }
  }
  return make(out, shape);
}
