/**
 * The playground's exclusive or: the class is the sign of x1·x2.
 *
 * @module
 */
import * as T from '@theta/tensor';
import type { ClassificationDataset, GeneratorOptions } from '../dataset.js';
import { playgroundSettings, twoClassSet, uniforms } from './playground-common.js';

/** Gap kept clear on each side of the axes, so the quadrants are separated. */
const PADDING = 0.3;

/**
 * Two classes by quadrant, as the TensorFlow playground's "xor": points uniform in
 * $[-5, 5]^2$, pushed 0.3 away from both axes, with label 1 where $x_1 x_2 \ge 0$ and 0
 * elsewhere. `noise` (default 0; the playground offers 0–0.5) perturbs the position used to
 * decide the label by $\mathcal{U}(-5, 5)\cdot$noise per coordinate; the stored points are not
 * moved. N defaults to 500.
 *
 * @since 0.1.0
 * @category Generators
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as D from '@theta/data';
 * const data = D.xor(T.key(0), { n: 4 });
 * const [x, y] = [T.toNested(data.X) as number[][], T.toArray(data.y)];
 * console.log(x.every(([a = 0, b = 0], i) => (a * b >= 0 ? 1 : 0) === y[i])); // true
 * ```
 */
export function xor(key: T.Key, options: GeneratorOptions = {}): ClassificationDataset {
  const { n, noise, dtype } = playgroundSettings('xor', key, options);
  const [pointKey, noiseKey, orderKey] = T.split(key, 3);
  const u = uniforms(pointKey, 2 * n, -5, 5);
  const shifts = uniforms(noiseKey, 2 * n, -5, 5);
  const points = u.map((v) => v + (v > 0 ? PADDING : -PADDING));
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const x1 = (points[2 * i] as number) + (shifts[2 * i] as number) * noise;
    const x2 = (points[2 * i + 1] as number) + (shifts[2 * i + 1] as number) * noise;
    labels.push(x1 * x2 >= 0 ? 1 : 0);
  }
  return twoClassSet('xor', orderKey, points, labels, dtype);
}
