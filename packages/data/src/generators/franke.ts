/**
 * The Franke function: the course's regression problem.
 *
 * @module
 */
import type * as T from '@theta/tensor';
import type { GeneratorOptions, RegressionDataset } from '../dataset.js';
import { regressionSample } from './sample.js';

/**
 * The Franke function on $[0, 1]^2$, a sum of three bumps and a dip:
 *
 * $$
 * f(x, y) = \tfrac34 e^{-\frac{(9x-2)^2}{4} - \frac{(9y-2)^2}{4}}
 *   + \tfrac34 e^{-\frac{(9x+1)^2}{49} - \frac{9y+1}{10}}
 *   + \tfrac12 e^{-\frac{(9x-7)^2}{4} - \frac{(9y-3)^2}{4}}
 *   - \tfrac15 e^{-(9x-4)^2 - (9y-7)^2}
 * $$
 *
 * @since 0.1.0
 * @category Generators
 * @example
 * ```ts
 * import * as D from '@theta/data';
 * console.log(D.frankeFunction(0, 0).toFixed(6)); // 0.766421
 * ```
 */
export function frankeFunction(x: number, y: number): number {
  const a = 9 * x;
  const b = 9 * y;
  return (
    0.75 * Math.exp(-((a - 2) ** 2) / 4 - (b - 2) ** 2 / 4) +
    0.75 * Math.exp(-((a + 1) ** 2) / 49 - (b + 1) / 10) +
    0.5 * Math.exp(-((a - 7) ** 2) / 4 - (b - 3) ** 2 / 4) -
    0.2 * Math.exp(-((a - 4) ** 2) - (b - 7) ** 2)
  );
}

/**
 * Options of {@link franke}, {@link runge} and {@link runge2d}.
 *
 * @since 0.1.0
 * @category Generators
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as D from '@theta/data';
 * const options: D.RegressionOptions = { n: 400, noise: 0.1, sampling: 'grid' }; // a 20 × 20 grid
 * console.log(D.franke(T.key(0), options).X.shape); // [400, 2]
 * ```
 */
export interface RegressionOptions extends GeneratorOptions {
  /**
   * `uniform` (the default): inputs drawn uniformly in the domain. `grid`: equally spaced
   * inputs, ends included, last coordinate fastest; N must then be a perfect square for 2-D
   * inputs, and the key only drives the noise.
   */
  readonly sampling?: 'uniform' | 'grid';
}

/**
 * The course's regression problem: N points $(x, y)$ in $[0, 1]^2$ and targets
 * $z = f(x, y) + \sigma\varepsilon$ with f the {@link frankeFunction} and
 * $\varepsilon \sim \mathcal{N}(0, 1)$ independent. `noise` is σ (default 0, the bare
 * function); N defaults to 400.
 *
 * The key is split in two: one key for the inputs, one for the noise, so changing σ keeps the
 * same inputs. Targets are computed from the inputs as stored (rounded first for float32).
 *
 * @since 0.1.0
 * @category Generators
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as D from '@theta/data';
 * const data = D.franke(T.key(0), { n: 100, noise: 0.1 });
 * console.log(data.X.shape, data.y.shape, data.featureNames); // [100, 2] [100, 1] ['x', 'y']
 * ```
 */
export function franke(key: T.Key, options: RegressionOptions = {}): RegressionDataset {
  return regressionSample(
    {
      op: 'franke',
      name: 'franke',
      featureNames: ['x', 'y'],
      low: 0,
      high: 1,
      target: (x, i) => frankeFunction(x[2 * i] as number, x[2 * i + 1] as number),
    },
    key,
    options,
    400,
  );
}
