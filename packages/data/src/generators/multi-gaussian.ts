/**
 * The playground's multi-Gaussian: six signed bumps.
 *
 * @module
 */
import * as T from '@theta/tensor';
import type { GeneratorOptions, RegressionDataset } from '../dataset.js';
import { planeRegressionSet, playgroundSettings, uniforms } from './playground-common.js';

/** Centres and signs of the six bumps: two rows of three, alternating in sign. */
const BUMPS: readonly (readonly [number, number, number])[] = [
  [-4, 2.5, 1], [0, 2.5, -1], [4, 2.5, 1],
  [-4, -2.5, -1], [0, -2.5, 1], [4, -2.5, -1],
];

/**
 * The target of {@link multiGaussian} at a point: of the six values
 * $s_k \max(0, 1 - d_k/2)$, with $d_k$ the distance to centre k and $s_k = \pm 1$ its sign,
 * the one of largest magnitude (0 far from every centre). Centres (−4, 2.5)+, (0, 2.5)−,
 * (4, 2.5)+, (−4, −2.5)−, (0, −2.5)+, (4, −2.5)−.
 *
 * @since 0.1.0
 * @category Generators
 * @example
 * ```ts
 * import * as D from '@theta/data';
 * console.log(D.multiGaussianFunction(-4, 2.5), D.multiGaussianFunction(0, 3.5), D.multiGaussianFunction(6, 6)); // 1 -0.5 0
 * ```
 */
export function multiGaussianFunction(x1: number, x2: number): number {
  let value = 0;
  for (const [cx, cy, sign] of BUMPS) {
    const candidate = sign * Math.max(0, 1 - Math.hypot(x1 - cx, x2 - cy) / 2);
    if (Math.abs(candidate) > Math.abs(value)) value = candidate;
  }
  return value;
}

/**
 * A regression set, as the TensorFlow playground's "multi-Gaussian": points uniform in
 * $[-6, 6]^2$ with target {@link multiGaussianFunction} evaluated at the point shifted by
 * $\mathcal{U}(-6, 6)\cdot$noise per coordinate (the stored points are not moved). Targets lie
 * in [−1, 1]. `noise` defaults to 0 (the playground offers 0–0.5), N to 500.
 *
 * @since 0.1.0
 * @category Generators
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as D from '@theta/data';
 * const data = D.multiGaussian(T.key(0), { n: 200 });
 * console.log(T.toArray(data.y).every((t) => t >= -1 && t <= 1)); // true
 * ```
 */
export function multiGaussian(key: T.Key, options: GeneratorOptions = {}): RegressionDataset {
  const { n, noise, dtype } = playgroundSettings('multiGaussian', key, options);
  const [pointKey, noiseKey] = T.split(key);
  const points = uniforms(pointKey, 2 * n, -6, 6);
  const shifts = uniforms(noiseKey, 2 * n, -6, 6);
  const targets: number[] = [];
  for (let i = 0; i < n; i++) {
    targets.push(multiGaussianFunction((points[2 * i] as number) + (shifts[2 * i] as number) * noise, (points[2 * i + 1] as number) + (shifts[2 * i + 1] as number) * noise));
  }
  return planeRegressionSet('multi-gaussian', points, targets, dtype);
}
