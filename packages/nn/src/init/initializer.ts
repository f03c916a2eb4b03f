/**
 * Weight initialisers: the named schemes of Glorot, He and LeCun and the plain N(0, σ²) and
 * U(−a, a), each reduced to one distribution with its bound written out.
 *
 * @module
 */
import * as T from '@theta/tensor';

/**
 * The named initialisers, with fan-in $n_{l-1}$ and fan-out $n_l$ of layer l:
 *
 * | name | distribution of $w^l_{jk}$ |
 * | --- | --- |
 * | `glorotUniform` (Xavier) | $U(-a, a)$, $a = \sqrt{6 / (n_{l-1} + n_l)}$ |
 * | `glorotNormal` | $N(0, \sigma^2)$, $\sigma = \sqrt{2 / (n_{l-1} + n_l)}$ |
 * | `heUniform` | $U(-a, a)$, $a = \sqrt{6 / n_{l-1}}$ |
 * | `heNormal` | $N(0, \sigma^2)$, $\sigma = \sqrt{2 / n_{l-1}}$ |
 * | `lecunUniform` | $U(-a, a)$, $a = \sqrt{3 / n_{l-1}}$ |
 * | `lecunNormal` | $N(0, \sigma^2)$, $\sigma = \sqrt{1 / n_{l-1}}$ |
 *
 * The normal ones are not truncated (PyTorch's `xavier_normal_` and `kaiming_normal_`).
 *
 * @since 0.1.0
 * @category Initialisers
 * @example
 * ```ts
 * import type * as N from '@theta/nn';
 * const scheme: N.InitializerName = 'heNormal';
 * console.log(scheme); // heNormal
 * ```
 */
export type InitializerName = 'glorotUniform' | 'glorotNormal' | 'heUniform' | 'heNormal' | 'lecunUniform' | 'lecunNormal';

/**
 * How to draw the weights: a named scheme, $N(0, \sigma^2)$ as `{ name: 'normal', std }`, or
 * $U(-a, a)$ as `{ name: 'uniform', limit }`.
 *
 * @since 0.1.0
 * @category Initialisers
 * @example
 * ```ts
 * import type * as N from '@theta/nn';
 * const small: N.Initializer = { name: 'normal', std: 0.01 };
 * console.log(small.name); // normal
 * ```
 */
export type Initializer =
  | InitializerName
  | {
      /** $N(0, \sigma^2)$. */
      readonly name: 'normal';
      /** The standard deviation σ > 0. */
      readonly std: number;
    }
  | {
      /** $U(-a, a)$. */
      readonly name: 'uniform';
      /** The bound a > 0. */
      readonly limit: number;
    };

/**
 * The distribution an initialiser draws a layer's weights from: `{ distribution: 'uniform', limit }`
 * for $U(-a, a)$ or `{ distribution: 'normal', std }` for $N(0, \sigma^2)$.
 *
 * @since 0.1.0
 * @category Initialisers
 * @example
 * ```ts
 * import * as N from '@theta/nn';
 * const d: N.WeightDistribution = N.weightDistribution('glorotUniform', 2, 1);
 * console.log(d); // { distribution: 'uniform', limit: 1.4142135623730951 }
 * ```
 */
export type WeightDistribution =
  | {
      /** $U(-a, a)$. */
      readonly distribution: 'uniform';
      /** The bound a. */
      readonly limit: number;
    }
  | {
      /** $N(0, \sigma^2)$. */
      readonly distribution: 'normal';
      /** The standard deviation σ. */
      readonly std: number;
    };

const names: readonly InitializerName[] = ['glorotUniform', 'glorotNormal', 'heUniform', 'heNormal', 'lecunUniform', 'lecunNormal'];

const positive = (parameter: string, value: unknown): number => {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new T.DomainError({ op: 'initializer', parameter, value, expected: 'a finite number > 0' });
  }
  return value;
};

/**
 * The distribution of the weights of a layer with `fanIn` inputs ($n_{l-1}$) and `fanOut`
 * nodes ($n_l$) under an initialiser (see {@link InitializerName} for the bounds). An
 * unknown name or a bound ≤ 0 is a `DomainError`.
 *
 * @since 0.1.0
 * @category Initialisers
 * @example
 * ```ts
 * import * as N from '@theta/nn';
 * console.log(N.weightDistribution('heNormal', 8, 4)); // { distribution: 'normal', std: 0.5 }
 * ```
 */
export function weightDistribution(initializer: Initializer, fanIn: number, fanOut: number): WeightDistribution {
  if (typeof initializer === 'object' && initializer !== null) {
    if (initializer.name === 'normal') return { distribution: 'normal', std: positive('std', initializer.std) };
    if (initializer.name === 'uniform') return { distribution: 'uniform', limit: positive('limit', initializer.limit) };
  }
  switch (initializer) {
    case 'glorotUniform': return { distribution: 'uniform', limit: Math.sqrt(6 / (fanIn + fanOut)) };
    case 'glorotNormal': return { distribution: 'normal', std: Math.sqrt(2 / (fanIn + fanOut)) };
    case 'heUniform': return { distribution: 'uniform', limit: Math.sqrt(6 / fanIn) };
    case 'heNormal': return { distribution: 'normal', std: Math.sqrt(2 / fanIn) };
    case 'lecunUniform': return { distribution: 'uniform', limit: Math.sqrt(3 / fanIn) };
    case 'lecunNormal': return { distribution: 'normal', std: Math.sqrt(1 / fanIn) };
    default:
      throw new T.DomainError({
        op: 'initializer',
        parameter: 'weights',
        value: typeof initializer === 'object' && initializer !== null ? (initializer as { name?: unknown }).name : initializer,
        expected: `one of ${names.join(', ')}, { name: 'normal', std } or { name: 'uniform', limit }`,
      });
  }
}

/**
 * Draws a weight matrix $W^l$ of shape $[n_l, n_{l-1}]$ (`[fanOut, fanIn]`) from `key`.
 * The same key gives bit-identical weights.
 *
 * @since 0.1.0
 * @category Initialisers
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as N from '@theta/nn';
 * const W = N.initWeights(T.key(0), [3, 2], 'glorotUniform');
 * console.log(W.shape, T.toArray(T.abs(W)).every((w) => w < Math.sqrt(6 / 5))); // [3, 2] true
 * ```
 */
export function initWeights(key: T.Key, shape: readonly [number, number], initializer: Initializer, dtype: T.DType = 'float64'): T.Tensor {
  const [fanOut, fanIn] = shape;
  const d = weightDistribution(initializer, fanIn, fanOut);
  return d.distribution === 'uniform'
    ? T.uniform(key, shape, { min: -d.limit, max: d.limit, dtype })
    : T.normal(key, shape, { std: d.std, dtype });
}
