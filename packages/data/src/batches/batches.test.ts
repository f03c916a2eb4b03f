import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as T from '@theta/tensor';
import { sampleBatches } from './sample-batches.js';
import { shuffledBatches } from './shuffled-batches.js';

describe('shuffledBatches', () => {
  it('covers each sample exactly once per epoch in batches of batchSize (the last one smaller)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 64 }), fc.nat(1000), (n, batchSize, seed) => {
        const batches = shuffledBatches(T.key(seed), n, batchSize);
        expect(batches).toHaveLength(Math.ceil(n / batchSize));
        batches.slice(0, -1).forEach((b) => expect(b).toHaveLength(batchSize));
        if (n % batchSize !== 0) expect(batches.at(-1)).toHaveLength(n % batchSize);
        expect(batches.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
      }),
      { seed: 4, numRuns: 100 },
    );
  });

  it('drops the short last batch on request', () => {
    const batches = shuffledBatches(T.key(0), 10, 4, { dropLast: true });
    expect(batches.map((b) => b.length)).toEqual([4, 4]);
    expect(new Set(batches.flat()).size).toBe(8);
    expect(shuffledBatches(T.key(0), 8, 4, { dropLast: true })).toHaveLength(2);
    expect(shuffledBatches(T.key(0), 3, 4, { dropLast: true })).toHaveLength(0);
  });

  it('follows T.permutation, is deterministic, and differs between epochs', () => {
    const epoch0 = shuffledBatches(T.foldIn(T.key(1), 0), 50, 8);
    expect(epoch0.flat()).toEqual(T.permutation(T.foldIn(T.key(1), 0), 50));
    expect(shuffledBatches(T.foldIn(T.key(1), 0), 50, 8)).toEqual(epoch0);
    expect(shuffledBatches(T.foldIn(T.key(1), 1), 50, 8).flat()).not.toEqual(epoch0.flat());
    expect(T.gather(T.reshape(T.arange(100), [50, 2]), epoch0[0] ?? []).shape).toEqual([8, 2]);
  });

  it('rejects bad sizes', () => {
    expect(() => shuffledBatches(T.key(0), -1, 4)).toThrow(T.DomainError);
    expect(() => shuffledBatches(T.key(0), 10, 0)).toThrow(T.DomainError);
    expect(() => shuffledBatches(T.key(0), 10, 2.5)).toThrow(T.DomainError);
  });
});

describe('sampleBatches', () => {
  it('draws count batches of batchSize indices in [0, N), deterministically', () => {
    const batches = sampleBatches(T.key(2), 10, 7, 5);
    expect(batches.map((b) => b.length)).toEqual([7, 7, 7, 7, 7]);
    expect(batches.flat().every((i) => Number.isInteger(i) && i >= 0 && i < 10)).toBe(true);
    expect(sampleBatches(T.key(2), 10, 7, 5)).toEqual(batches);
    expect(batches.flat()).toEqual(T.choice(T.key(2), 10, 35));
    expect(sampleBatches(T.key(2), 10, 7, 0)).toEqual([]);
  });

  it('draws with replacement, uniformly: repeats occur and every index is about equally frequent', () => {
    const n = 20;
    const counts = new Array<number>(n).fill(0);
    const batches = sampleBatches(T.key(3), n, 10, 2000);
    for (const b of batches) for (const i of b) counts[i] = (counts[i] ?? 0) + 1;
    // 20,000 draws: each count is Binomial(20000, 1/20), mean 1000, sd ≈ 31; allow 5 sd.
    counts.forEach((c) => expect(Math.abs(c - 1000)).toBeLessThan(155));
    // With replacement, a batch of 10 out of 20 repeats an index with probability 1 − 20!/(10!·20^10) ≈ 0.93.
    const withRepeats = batches.filter((b) => new Set(b).size < b.length).length / batches.length;
    expect(Math.abs(withRepeats - 0.9345)).toBeLessThan(0.03);
  });

  it('rejects bad sizes', () => {
    expect(() => sampleBatches(T.key(0), 0, 4, 1)).toThrow(T.DomainError);
    expect(() => sampleBatches(T.key(0), 10, 0, 1)).toThrow(T.DomainError);
    expect(() => sampleBatches(T.key(0), 10, 4, -1)).toThrow(T.DomainError);
  });
});
