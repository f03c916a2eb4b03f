/**
 * The playground's plane: a linear regression target.
 *
 * @module
 */
import * as T from '@theta/tensor';
import type { GeneratorOptions, RegressionDataset } from '../dataset.js';
import { planeRegressionSet, playgroundSettings, uniforms } from './playground-common.js';

/**
 * A regression set, as the TensorFlow playground's "plane": points uniform in $[-6, 6]^2$ with
 * target $(x_1 + x_2)/10$ evaluated at the point shifted by $\mathcal{U}(-6, 6)\cdot$noise per
 * coordinate (the stored points are not moved). Targets lie in [−1.2, 1.2] without noise.
 * `noise` defaults to 0 (the playground offers 0–0.5), N to 500.
 *
 * @since 0.1.0
 * @category Generators
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as D from '@theta/data';
 * const data = D.plane(T.key(0), { n: 3 });
 * const x = T.toArray(data.X);
 * console.log(T.toArray(data.y).every((t, i) => Math.abs(t - ((x[2 * i] ?? 0) + (x[2 * i + 1] ?? 0)) / 10) < 1e-15)); // true
 * ```
 */
export function plane(key: T.Key, options: GeneratorOptions = {}): RegressionDataset {
  const { n, noise, dtype } = playgroundSettings('plane', key, options);
  const [pointKey, noiseKey] = T.split(key);
  const points = uniforms(pointKey, 2 * n, -6, 6);
  const shifts = uniforms(noiseKey, 2 * n, -6, 6);
  const targets: number[] = [];
  for (let i = 0; i < n; i++) {
    const x1 = (points[2 * i] as number) + (shifts[2 * i] as number) * noise;
    const x2 = (points[2 * i + 1] as number) + (shifts[2 * i + 1] as number) * noise;
    targets.push((x1 + x2) / 10);
  }
  return planeRegressionSet('plane', points, targets, dtype);
}
