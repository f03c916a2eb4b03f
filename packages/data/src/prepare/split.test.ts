import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as T from '@theta/tensor';
import { callWithoutMutation } from '@theta/testing';
import { breastCancer } from '../datasets/breast-cancer.js';
import { readCsv } from '../csv/read-csv.js';
import { splitDataset, trainTestSplit } from './split.js';

/** X whose row i is [i, −i], so every row says where it came from. */
const labelledRows = (n: number): T.Tensor => T.tensor(Array.from({ length: n }, (_, i) => [i, -i]));

describe('trainTestSplit', () => {
  it('makes disjoint parts that cover every row once, of sizes ⌈fN⌉ and the rest, rows kept intact', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 300 }), fc.double({ min: 0.01, max: 0.99, noNaN: true }), fc.nat(1000), (n, f, seed) => {
        const testCount = Math.ceil(f * n - 1e-9);
        fc.pre(testCount >= 1 && testCount <= n - 1);
        const X = labelledRows(n);
        const y = T.arange(n);
        const s = trainTestSplit(T.key(seed), X, y, { testFraction: f });
        expect(s.testIndices).toHaveLength(testCount);
        expect(s.trainIndices).toHaveLength(n - testCount);
        expect([...s.testIndices, ...s.trainIndices].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
        expect(T.toArray(s.yTest)).toEqual(s.testIndices);
        expect(T.toArray(s.yTrain)).toEqual(s.trainIndices);
        expect(T.toNested(s.XTrain)).toEqual(s.trainIndices.map((i) => [i, -i]));
        expect(T.toNested(s.XTest)).toEqual(s.testIndices.map((i) => [i, -i]));
      }),
      { seed: 1, numRuns: 100 },
    );
  });

  it('uses 0.2 by default and rounds 0.3·10 to 3, not 4', () => {
    expect(trainTestSplit(T.key(0), labelledRows(10), T.arange(10)).testIndices).toHaveLength(2);
    expect(trainTestSplit(T.key(0), labelledRows(10), T.arange(10), { testFraction: 0.3 }).testIndices).toHaveLength(3);
    expect(trainTestSplit(T.key(0), labelledRows(569), T.arange(569)).testIndices).toHaveLength(114);
  });

  it('is deterministic in the key and shuffles', () => {
    const X = labelledRows(100);
    const a = trainTestSplit(T.key(5), X, T.arange(100));
    expect(trainTestSplit(T.key(5), X, T.arange(100)).testIndices).toEqual(a.testIndices);
    expect(trainTestSplit(T.key(6), X, T.arange(100)).testIndices).not.toEqual(a.testIndices);
    expect(a.testIndices).not.toEqual([...a.testIndices].sort((p, q) => p - q));
  });

  it('keeps each class share when stratified (labels [N], [N, 1] or one-hot)', () => {
    const { X, y } = breastCancer();
    for (const seed of [0, 1, 2]) {
      const s = trainTestSplit(T.key(seed), X, y, { testFraction: 0.2, stratify: true });
      // 114 test rows: 212·114/569 = 42.47 malignant and 71.53 benign, rounded by largest remainder.
      const benignTest = T.item(T.sum(s.yTest));
      expect(benignTest).toBe(72);
      expect(s.testIndices.length - benignTest).toBe(42);
      expect(T.item(T.sum(s.yTrain))).toBe(357 - 72);
      expect([...s.testIndices, ...s.trainIndices].sort((a, b) => a - b)).toEqual(Array.from({ length: 569 }, (_, i) => i));
    }
    const labels = [0, 0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2];
    const X20 = labelledRows(20);
    const shares = (yTest: T.Tensor): number[] => [0, 1, 2].map((c) => T.toArray(yTest).filter((v) => v === c).length);
    const flat = trainTestSplit(T.key(3), X20, T.tensor(labels), { testFraction: 0.5, stratify: true });
    expect(shares(flat.yTest)).toEqual([3, 2, 5]); // shares 3, 1.5, 5.5: the tie for the extra row goes to the lower class
    const column = trainTestSplit(T.key(3), X20, T.reshape(T.tensor(labels), [20, 1]), { testFraction: 0.5, stratify: true });
    expect(column.testIndices).toEqual(flat.testIndices);
    const hot = T.tensor(labels.map((c) => [0, 1, 2].map((k) => (k === c ? 1 : 0))));
    const oneHot = trainTestSplit(T.key(3), X20, hot, { testFraction: 0.5, stratify: true });
    expect(oneHot.testIndices).toEqual(flat.testIndices);
  });

  it('stratified splits keep proportions within one row per class for any labels', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 4, maxLength: 120 }), fc.double({ min: 0.1, max: 0.9, noNaN: true }), (labels, f) => {
        const n = labels.length;
        const testCount = Math.ceil(f * n - 1e-9);
        fc.pre(testCount >= 1 && testCount <= n - 1);
        const s = trainTestSplit(T.key(n), labelledRows(n), T.tensor(labels), { testFraction: f, stratify: true });
        const test = T.toArray(s.yTest);
        for (const c of new Set(labels)) {
          const share = (labels.filter((v) => v === c).length * testCount) / n;
          const got = test.filter((v) => v === c).length;
          expect(got === Math.floor(share) || got === Math.ceil(share)).toBe(true);
        }
        expect(test).toHaveLength(testCount);
      }),
      { seed: 2, numRuns: 100 },
    );
  });

  it('leaves X and y unchanged', () => {
    const X = labelledRows(10);
    const y = T.arange(10);
    const key = T.key(0);
    callWithoutMutation(trainTestSplit, [key, X, y, { stratify: false }]);
  });

  it('rejects mismatched rows, bad fractions, non-integer labels when stratified, and bad keys', () => {
    expect(() => trainTestSplit(T.key(0), labelledRows(5), T.arange(4))).toThrow(T.ShapeError);
    expect(() => trainTestSplit(T.key(0), T.scalar(1), T.arange(1))).toThrow(T.ShapeError);
    for (const testFraction of [0, 1, -0.1, Number.NaN]) {
      expect(() => trainTestSplit(T.key(0), labelledRows(5), T.arange(5), { testFraction })).toThrow(T.DomainError);
    }
    expect(() => trainTestSplit(T.key(0), labelledRows(5), T.arange(5), { testFraction: 0.99 })).toThrow(/both parts non-empty/);
    expect(() => trainTestSplit(T.key(0), labelledRows(2), T.tensor([0.5, 1]), { stratify: true })).toThrow(/y\[0\]/);
    expect(() => trainTestSplit({} as never, labelledRows(2), T.arange(2))).toThrow(T.DomainError);
  });
});

describe('splitDataset', () => {
  it('splits a data set into two of the same kind, names kept', () => {
    const data = breastCancer();
    const { train, test } = splitDataset(T.key(0), data, { stratify: true });
    expect([train.kind, test.kind, train.name]).toEqual(['classification', 'classification', 'breast-cancer']);
    expect(train.classNames).toEqual(data.classNames);
    expect([train.X.shape, test.X.shape]).toEqual([[455, 30], [114, 30]]);
    const direct = trainTestSplit(T.key(0), data.X, data.y, { stratify: true });
    expect(T.toArray(test.y)).toEqual(T.toArray(direct.yTest));
  });

  it('keeps the extra fields of a CSV data set', () => {
    const csv = readCsv('a,b,t\n1,2,3\n4,5,6\n7,8,9\n');
    if (csv._tag === 'Left') throw csv.left;
    const { train, test } = splitDataset(T.key(1), csv.right, { testFraction: 0.33 });
    expect(train.header).toEqual(['a', 'b', 't']);
    expect([train.y.shape, test.y.shape]).toEqual([[2, 1], [1, 1]]);
  });
});
