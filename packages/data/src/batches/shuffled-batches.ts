/**
 * One epoch of minibatches: every sample once, in a random order.
 *
 * @module
 */
import * as T from '@theta/tensor';
import { checkInteger, checkKey } from '../validate.js';

/**
 * Options of {@link shuffledBatches}.
 *
 * @since 0.1.0
 * @category Minibatches
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as D from '@theta/data';
 * const options: D.ShuffledBatchesOptions = { dropLast: true };
 * console.log(D.shuffledBatches(T.key(0), 10, 4, options).length); // 2
 * ```
 */
export interface ShuffledBatchesOptions {
  /** Leave out the last batch when it is smaller than `batchSize` (so every batch has the same size); `false` when absent. */
  readonly dropLast?: boolean;
}

/**
 * The minibatches of one epoch: the rows 0…N − 1 in the random order `T.permutation(key, N)`,
 * cut into consecutive batches of `batchSize` row indices, so each sample appears exactly once
 * per epoch. The last batch holds the $N \bmod$ `batchSize` rows left over, or is left out
 * with `dropLast: true`. Give each epoch its own key (e.g. `T.foldIn(key, epoch)`); use each
 * batch with `T.gather(X, batch)`.
 *
 * Throws `DomainError` unless N is an integer ≥ 0 and `batchSize` an integer ≥ 1.
 *
 * @since 0.1.0
 * @category Minibatches
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as D from '@theta/data';
 * const X = T.reshape(T.arange(10), [5, 2]);
 * const batches = D.shuffledBatches(T.key(0), 5, 2);
 * console.log(batches.map((b) => b.length), batches.flat().sort()); // [2, 2, 1] [0, 1, 2, 3, 4]
 * console.log(T.gather(X, batches[0] ?? []).shape); // [2, 2]
 * ```
 */
export function shuffledBatches(key: T.Key, n: number, batchSize: number, options: ShuffledBatchesOptions = {}): readonly (readonly number[])[] {
  checkKey('shuffledBatches', key);
  checkInteger('shuffledBatches', 'n', n, 0);
  checkInteger('shuffledBatches', 'batchSize', batchSize, 1);
  const order = T.permutation(key, n);
  const end = options.dropLast === true ? n - (n % batchSize) : n;
  const batches: (readonly number[])[] = [];
  for (let start = 0; start < end; start += batchSize) batches.push(Object.freeze(order.slice(start, start + batchSize)));
  return Object.freeze(batches);
}
