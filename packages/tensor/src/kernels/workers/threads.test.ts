import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { make, type DType } from '../../core/tensor.js';
import { filled, forms, isShared, operands } from '../../test-support/products.js';
import { jsKernels } from '../js/index.js';
import type { Kernels } from '../types.js';
import { chunkRows, withThreads } from './threads.js';

const dtypes: readonly DType[] = ['float64', 'float32'];

// Three threads (two workers) so that a product has a middle slice too; threshold 0 splits all.
const threaded = withThreads(jsKernels, { threads: 3, threshold: 0, backoff: false });
afterAll(() => threaded.close());

describe('withThreads: results', () => {
  it('starts its workers', async () => {
    expect(threaded.threads).toBe(3);
    expect(threaded.name).toBe('js+threads');
    expect(await threaded.warmUp()).toBe(2);
    expect(threaded.liveWorkers()).toBe(2);
  });

  it('is bit-identical to the one-thread kernel in every transpose form and dtype', () => {
    // k = 300 crosses the kernel's 256-deep block; m = 37 splits unevenly; n = 3 takes the direct loops.
    const shapes = [[64, 32, 48], [37, 300, 29], [8, 5, 3], [100, 1, 17], [9, 70, 4]] as const;
    for (const dtype of dtypes) {
      for (const [transposeA, transposeB] of forms) {
        for (const [m, k, n] of shapes) {
          const [a, b] = operands(dtype, m, k, n, transposeA, transposeB, m + k + n);
          const expected = jsKernels.matmul(a, b, transposeA, transposeB);
          const actual = threaded.matmul(a, b, transposeA, transposeB);
          expect(isShared(actual), 'took the parallel path').toBe(true);
          expect(actual.shape).toEqual([m, n]);
          expect(actual.dtype).toBe(dtype);
          expect(actual.data).toEqual(expected.data);
        }
      }
    }
  });

  it('is bit-identical on random shapes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 8, max: 80 }), fc.integer({ min: 1, max: 90 }), fc.integer({ min: 1, max: 40 }),
        fc.boolean(), fc.boolean(), fc.constantFrom(...dtypes), fc.nat(1000),
        (m, k, n, transposeA, transposeB, dtype, seed) => {
          const [a, b] = operands(dtype, m, k, n, transposeA, transposeB, seed);
          const actual = threaded.matmul(a, b, transposeA, transposeB);
          // Split only when every thread gets a chunk big enough for the kernel's packed path.
          expect(isShared(actual)).toBe(m >= 2 * chunkRows(m, k, n, 3));
          expect(actual.data).toEqual(jsKernels.matmul(a, b, transposeA, transposeB).data);
        },
      ),
      { seed: 8, numRuns: 60 },
    );
  });

  it('multiplies shared results without copying them, still exactly', () => {
    const [a, b] = operands('float64', 40, 24, 40, false, false, 5);
    const ab = threaded.matmul(a, b, false, false);
    const abab = threaded.matmul(ab, ab, true, false);
    const reference = jsKernels.matmul(jsKernels.matmul(a, b, false, false), jsKernels.matmul(a, b, false, false), true, false);
    expect(abab.data).toEqual(reference.data);
  });

  it('leaves its inputs untouched', () => {
    const [a, b] = operands('float32', 33, 17, 21, true, false, 9);
    const [aCopy, bCopy] = [a.data.slice(), b.data.slice()];
    threaded.matmul(a, b, true, false);
    expect(a.data).toEqual(aCopy);
    expect(b.data).toEqual(bCopy);
  });
});

/** A base backend that counts its matmul calls. */
const counting = (): Kernels & { calls: () => number } => {
  let calls = 0;
  return {
    ...jsKernels,
    matmul: (a, b, transposeA, transposeB) => {
      calls += 1;
      return jsKernels.matmul(a, b, transposeA, transposeB);
    },
    calls: () => calls,
  };
};

describe('withThreads: when it does not split', () => {
  it('calls the base kernel below the threshold', async () => {
    const base = counting();
    const kernels = withThreads(base, { threads: 2, threshold: 32 * 20 * 20, backoff: false });
    await kernels.warmUp();
    const [a, b] = operands('float64', 31, 20, 20, false, false, 1);
    const small = kernels.matmul(a, b, false, false);
    expect(base.calls()).toBe(1);
    expect(isShared(small)).toBe(false);
    const [c, d] = operands('float64', 32, 20, 20, false, false, 1);
    expect(isShared(kernels.matmul(c, d, false, false))).toBe(true);
    expect(base.calls()).toBe(1);
    await kernels.close();
  });

  it('runs on this thread alone (a result in ordinary memory) when a thread would get fewer than 4 rows', () => {
    const [a, b] = operands('float32', 7, 50, 50, false, false, 1);
    const c = threaded.matmul(a, b, false, false);
    expect(isShared(c)).toBe(false);
    expect(c.data).toEqual(jsKernels.matmul(a, b, false, false).data);
  });

  it('chooses chunks of at least 4 rows, whole multiples of 4, about 4 per thread on tall products', () => {
    for (const [m, k, n, threads] of [[1024, 1024, 1024, 2], [64, 784, 128, 2], [9, 70, 4, 3], [100, 1, 17, 3], [13, 1, 1, 2]] as const) {
      const rows = chunkRows(m, k, n, threads);
      expect(rows % 4).toBe(0);
      expect(rows).toBeGreaterThanOrEqual(4);
      if (n >= 4) expect(rows * k * n).toBeGreaterThanOrEqual(512);
    }
    expect(chunkRows(1024, 1024, 1024, 2)).toBe(128);
    expect(chunkRows(64, 784, 128, 2)).toBe(32);
  });

  it('is the base backend with one thread or no thread host, and starts nothing', async () => {
    for (const kernels of [withThreads(jsKernels, { threads: 1, threshold: 0 }), withThreads(jsKernels, { threads: 4, threshold: 0 }, null)]) {
      expect(kernels.threads).toBe(1);
      expect(kernels.name).toBe('js');
      expect(await kernels.warmUp()).toBe(0);
      const [a, b] = operands('float64', 64, 64, 64, false, false, 2);
      const c = kernels.matmul(a, b, false, false);
      expect(isShared(c)).toBe(false);
      expect(c.data).toEqual(jsKernels.matmul(a, b, false, false).data);
      expect(kernels.liveWorkers()).toBe(0);
    }
  });

  it('passes the other kernels through to the base', () => {
    const kernels = withThreads(jsKernels, { threads: 2 });
    const x = make(new Float64Array([-1, 2]), [2]);
    expect(kernels.unary('relu', x, 0).data).toEqual(new Float64Array([0, 2]));
  });
});
