/**
 * The playground's circle: one class inside a disc, the other in a ring around it.
 *
 * @module
 */
import * as T from '@theta/tensor';
import type { ClassificationDataset, GeneratorOptions } from '../dataset.js';
import { halves, playgroundSettings, twoClassSet, uniforms } from './playground-common.js';

/** Radius of the outer ring; the class boundary is the circle of half this radius. */
const RADIUS = 5;

/**
 * Two classes in the plane, as the TensorFlow playground's "circle": class 1 has ⌈N/2⌉ points
 * at radius r ~ U(0, 2.5), class 0 the others at r ~ U(3.5, 5), at angles ~ U(0, 2π).
 * `noise` (default 0; the playground offers 0–0.5) perturbs the position used to decide the
 * label by $\mathcal{U}(-5, 5)\cdot$noise per coordinate, so points near the boundary may take
 * the other class (label 1 when the perturbed point lies within radius 2.5); the stored points
 * are not moved. N defaults to 500; rows are in random order.
 *
 * @since 0.1.0
 * @category Generators
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as D from '@theta/data';
 * const data = D.circle(T.key(0), { n: 200, noise: 0.1 });
 * console.log(data.X.shape, T.item(T.sum(data.y)) > 80); // [200, 2] true
 * ```
 */
export function circle(key: T.Key, options: GeneratorOptions = {}): ClassificationDataset {
  const { n, noise, dtype } = playgroundSettings('circle', key, options);
  const [radiusKey, angleKey, noiseKey, orderKey] = T.split(key, 4);
  const positives = halves(n)[1];
  const u = uniforms(radiusKey, n, 0, 1);
  const angles = uniforms(angleKey, n, 0, 2 * Math.PI);
  const shifts = uniforms(noiseKey, 2 * n, -RADIUS, RADIUS);
  const points: number[] = [];
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    // Class 1 fills the disc of radius 2.5, class 0 the ring from 3.5 to 5.
    const r = i < positives ? (u[i] as number) * RADIUS * 0.5 : RADIUS * (0.7 + 0.3 * (u[i] as number));
    const x1 = r * Math.sin(angles[i] as number);
    const x2 = r * Math.cos(angles[i] as number);
    const n1 = x1 + (shifts[2 * i] as number) * noise;
    const n2 = x2 + (shifts[2 * i + 1] as number) * noise;
    points.push(x1, x2);
    labels.push(Math.hypot(n1, n2) < RADIUS * 0.5 ? 1 : 0);
  }
  return twoClassSet('circle', orderKey, points, labels, dtype);
}
