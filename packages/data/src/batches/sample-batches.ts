/**
 * Minibatches drawn with replacement: the stochastic-gradient draw of the notes.
 *
 * @module
 */
import * as T from '@theta/tensor';
import { checkInteger, checkKey } from '../validate.js';

/**
 * `count` minibatches of `batchSize` row indices, each index drawn independently and uniformly
 * from 0…N − 1 (with replacement: a sample may appear twice, or never), as in plain stochastic
 * gradient descent, where each step uses a random minibatch. The indices are
 * `T.choice(key, N, count · batchSize)` cut into batches. Use each with `T.gather(X, batch)`.
 *
 * Throws `DomainError` unless N ≥ 1, `batchSize` ≥ 1 and `count` ≥ 0 are integers.
 *
 * @since 0.1.0
 * @category Minibatches
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as D from '@theta/data';
 * const batches = D.sampleBatches(T.key(0), 100, 8, 3);
 * console.log(batches.length, batches.every((b) => b.length === 8 && b.every((i) => i >= 0 && i < 100))); // 3 true
 * ```
 */
export function sampleBatches(key: T.Key, n: number, batchSize: number, count: number): readonly (readonly number[])[] {
  checkKey('sampleBatches', key);
  checkInteger('sampleBatches', 'n', n, 1);
  checkInteger('sampleBatches', 'batchSize', batchSize, 1);
  checkInteger('sampleBatches', 'count', count, 0);
  const draws = T.choice(key, n, count * batchSize);
  return Object.freeze(Array.from({ length: count }, (_, b) => Object.freeze(draws.slice(b * batchSize, (b + 1) * batchSize))));
}
