/**
 * The playground's two Gaussian clouds.
 *
 * @module
 */
import * as T from '@theta/tensor';
import type { ClassificationDataset, GeneratorOptions } from '../dataset.js';
import { halves, normals, playgroundSettings, twoClassSet } from './playground-common.js';

/**
 * Two classes as Gaussian clouds, as the TensorFlow playground's "gaussian": class 1 has
 * ⌈N/2⌉ points around (2, 2), class 0 the others around (−2, −2), each coordinate normal with
 * variance $0.5 + 7\cdot$noise (so noise 0–0.5, the playground's range, gives variance
 * 0.5–4). `noise` defaults to 0, N to 500; rows are in random order.
 *
 * @since 0.1.0
 * @category Generators
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as D from '@theta/data';
 * const data = D.gaussians(T.key(0), { n: 1000 });
 * const centre = T.toArray(T.mean(data.X, { axis: 0 }));
 * console.log(centre.every((c) => Math.abs(c) < 0.2)); // true: the clouds balance around 0
 * ```
 */
export function gaussians(key: T.Key, options: GeneratorOptions = {}): ClassificationDataset {
  const { n, noise, dtype } = playgroundSettings('gaussians', key, options);
  const [pointKey, orderKey] = T.split(key);
  const positives = halves(n)[1];
  const std = Math.sqrt(0.5 + 7 * noise);
  const z = normals(pointKey, 2 * n);
  const points: number[] = [];
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const centre = i < positives ? 2 : -2;
    points.push(centre + std * (z[2 * i] as number), centre + std * (z[2 * i + 1] as number));
    labels.push(i < positives ? 1 : 0);
  }
  return twoClassSet('gaussians', orderKey, points, labels, dtype);
}
