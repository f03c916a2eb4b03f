/**
 * The playground's two interleaved spirals.
 *
 * @module
 */
import * as T from '@theta/tensor';
import type { ClassificationDataset, GeneratorOptions } from '../dataset.js';
import { halves, playgroundSettings, twoClassSet, uniforms } from './playground-common.js';

/**
 * Two classes as interleaved spirals, as the TensorFlow playground's "spiral": point i of a
 * class of m points lies at radius $r = 5i/m$ and angle $t = 1.75 \cdot 2\pi i/m + \Delta$
 * (Δ = 0 for class 1, π for class 0), at $(r\sin t, r\cos t)$ plus
 * $\mathcal{U}(-1, 1)\cdot$noise per coordinate. Class 1 has ⌈N/2⌉ points. `noise` defaults
 * to 0 (the playground offers 0–0.5), N to 500; rows are in random order.
 *
 * @since 0.1.0
 * @category Generators
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as D from '@theta/data';
 * const data = D.spiral(T.key(0), { n: 300, noise: 0.1 });
 * const radii = (T.toNested(data.X) as number[][]).map(([a = 0, b = 0]) => Math.hypot(a, b));
 * console.log(Math.max(...radii) < 5.2); // true
 * ```
 */
export function spiral(key: T.Key, options: GeneratorOptions = {}): ClassificationDataset {
  const { n, noise, dtype } = playgroundSettings('spiral', key, options);
  const [noiseKey, orderKey] = T.split(key);
  const [negatives, positives] = halves(n);
  const shifts = uniforms(noiseKey, 2 * n, -1, 1);
  const points: number[] = [];
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const positive = i < positives;
    const m = positive ? positives : negatives;
    const j = positive ? i : i - positives;
    const r = (j / m) * 5;
    const t = ((1.75 * j) / m) * 2 * Math.PI + (positive ? 0 : Math.PI);
    points.push(r * Math.sin(t) + (shifts[2 * i] as number) * noise, r * Math.cos(t) + (shifts[2 * i + 1] as number) * noise);
    labels.push(positive ? 1 : 0);
  }
  return twoClassSet('spiral', orderKey, points, labels, dtype);
}
