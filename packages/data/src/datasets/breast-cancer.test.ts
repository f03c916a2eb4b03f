import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import * as T from '@theta/tensor';
import { breastCancer } from './breast-cancer.js';

/** The shipped file, parsed with nothing but split and Number. */
const fileRows = readFileSync(new URL('../../data/breast_cancer.csv', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((line) => line.split(',').map(Number));

describe('breastCancer', () => {
  const data = breastCancer();

  it('has 569 samples of 30 features, 212 malignant (0) and 357 benign (1)', () => {
    expect(data.kind).toBe('classification');
    expect(data.X.shape).toEqual([569, 30]);
    expect(data.y.shape).toEqual([569]);
    const y = T.toArray(data.y);
    expect(y.filter((v) => v === 0).length).toBe(212);
    expect(y.filter((v) => v === 1).length).toBe(357);
    expect(data.classNames).toEqual(['malignant', 'benign']);
    expect(data.featureNames).toHaveLength(30);
    expect(data.featureNames.slice(0, 2)).toEqual(['mean radius', 'mean texture']);
    expect(data.featureNames[10]).toBe('radius error');
    expect(data.featureNames[29]).toBe('worst fractal dimension');
  });

  it('matches the shipped CSV file value for value (the embedded module is up to date)', () => {
    expect(fileRows[0]?.slice(0, 2)).toEqual([569, 30]);
    const body = fileRows.slice(1);
    expect(body).toHaveLength(569);
    expect(T.toArray(data.X)).toEqual(body.flatMap((row) => row.slice(0, 30)));
    expect(T.toArray(data.y)).toEqual(body.map((row) => row[30]));
  });

  it('has the known statistics of the data set', () => {
    // Mean radius over all samples: 14.127291739894552 (scikit-learn's describe()).
    const meanRadius = T.toArray(T.mean(data.X, { axis: 0 }))[0] as number;
    expect(meanRadius).toBeCloseTo(14.1272917, 6);
    expect(T.toArray(T.max(data.X, { axis: 0 }))[3]).toBe(2501); // largest mean area
  });

  it('returns the shared tensors each call, float32 on request', () => {
    expect(breastCancer().X).toBe(data.X);
    const f32 = breastCancer({ dtype: 'float32' });
    expect([f32.X.dtype, f32.y.dtype]).toEqual(['float32', 'float32']);
    expect(T.toArray(f32.X)[0]).toBe(Math.fround(17.99));
    expect(() => breastCancer({ dtype: 'int32' as never })).toThrow(T.DTypeError);
  });
});
