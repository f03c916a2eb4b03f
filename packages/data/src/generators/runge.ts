/**
 * Runge's function, where high-degree polynomial interpolation on equally spaced points fails.
 *
 * @module
 */
import type * as T from '@theta/tensor';
import type { RegressionDataset } from '../dataset.js';
import type { RegressionOptions } from './franke.js';
import { regressionSample } from './sample.js';

/**
 * Runge's function $f(x) = \dfrac{1}{1 + 25x^2}$.
 *
 * @since 0.1.0
 * @category Generators
 * @example
 * ```ts
 * import * as D from '@theta/data';
 * console.log(D.rungeFunction(0), D.rungeFunction(1)); // 1 0.038461538461538464 (= 1/26)
 * ```
 */
export const rungeFunction = (x: number): number => 1 / (1 + 25 * x * x);

/**
 * Runge's function in two variables, $f(x, y) = \dfrac{1}{1 + 25(x^2 + y^2)}$: radially
 * symmetric, 1 at the origin.
 *
 * @since 0.1.0
 * @category Generators
 * @example
 * ```ts
 * import * as D from '@theta/data';
 * console.log(D.runge2dFunction(0, 0), D.runge2dFunction(0.5, 0.5)); // 1 0.07407407407407407 (= 2/27)
 * ```
 */
export const runge2dFunction = (x: number, y: number): number => 1 / (1 + 25 * (x * x + y * y));

/**
 * N points x in $[-1, 1]$ with targets $f(x) + \sigma\varepsilon$, f the {@link rungeFunction}
 * and $\varepsilon \sim \mathcal{N}(0, 1)$; `noise` is σ (default 0); N defaults to 100.
 * `sampling: 'grid'` gives the equally spaced points of Runge's phenomenon.
 *
 * @since 0.1.0
 * @category Generators
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as D from '@theta/data';
 * const data = D.runge(T.key(0), { n: 5, sampling: 'grid' });
 * console.log(T.toArray(data.X)); // [-1, -0.5, 0, 0.5, 1]
 * console.log(T.toArray(data.y).map((v) => v.toFixed(4))); // ['0.0385', '0.1379', '1.0000', '0.1379', '0.0385']
 * ```
 */
export function runge(key: T.Key, options: RegressionOptions = {}): RegressionDataset {
  return regressionSample(
    { op: 'runge', name: 'runge', featureNames: ['x'], low: -1, high: 1, target: (x, i) => rungeFunction(x[i] as number) },
    key,
    options,
    100,
  );
}

/**
 * N points $(x, y)$ in $[-1, 1]^2$ with targets $f(x, y) + \sigma\varepsilon$, f the
 * {@link runge2dFunction}; `noise` is σ (default 0); N defaults to 400.
 *
 * @since 0.1.0
 * @category Generators
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as D from '@theta/data';
 * const data = D.runge2d(T.key(0), { n: 9, sampling: 'grid' }); // a 3 × 3 grid
 * console.log(T.toArray(data.y)[4]); // 1 (the centre)
 * ```
 */
export function runge2d(key: T.Key, options: RegressionOptions = {}): RegressionDataset {
  return regressionSample(
    {
      op: 'runge2d',
      name: 'runge2d',
      featureNames: ['x', 'y'],
      low: -1,
      high: 1,
      target: (x, i) => runge2dFunction(x[2 * i] as number, x[2 * i + 1] as number),
    },
    key,
    options,
    400,
  );
}
