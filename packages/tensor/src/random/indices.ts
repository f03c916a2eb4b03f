/**
 * Drawing indices without replacement by a partial Fisher–Yates shuffle, shared by
 * `permutation` and `choice`. Internal: not exported from the package.
 */
import type { Key } from './key.js';
import { boundedInt, WordStream } from './stream.js';

/**
 * The first `size` entries of a Fisher–Yates shuffle of 0..n−1 driven by `key`: step i swaps
 * entry i with entry i + j, j uniform in [0, n − i). Small or dense draws shuffle an array;
 * a few indices out of a large n track only the moved entries in a map. Both give the same
 * result, since they make the same swaps.
 */
export function shuffledPrefix(key: Key, n: number, size: number, sparse = n > 1 << 20 && n > 4 * size): number[] {
  const stream = new WordStream(key, size);
  const out = new Array<number>(size);
  if (!sparse) {
    const pool = new Uint32Array(n);
    for (let i = 0; i < n; i++) pool[i] = i;
    for (let i = 0; i < size; i++) {
      const j = i + boundedInt(stream, n - i);
      const picked = pool[j] as number;
      pool[j] = pool[i] as number;
      out[i] = picked;
    }
    return out;
  }
  const moved = new Map<number, number>();
  for (let i = 0; i < size; i++) {
    const j = i + boundedInt(stream, n - i);
    const picked = moved.get(j) ?? j;
    moved.set(j, moved.get(i) ?? i);
    out[i] = picked;
  }
  return out;
}
