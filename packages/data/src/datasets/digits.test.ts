import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import * as T from '@theta/tensor';
import { digits } from './digits.js';

describe('digits', () => {
  const data = digits();

  it('has 1797 images of 64 integer pixels in 0–16 and labels 0–9', () => {
    expect(data.X.shape).toEqual([1797, 64]);
    expect(data.y.shape).toEqual([1797]);
    const x = T.toArray(data.X);
    expect(x.every((v) => Number.isInteger(v) && v >= 0 && v <= 16)).toBe(true);
    expect(Math.min(...x)).toBe(0);
    expect(Math.max(...x)).toBe(16);
    const counts = new Array<number>(10).fill(0);
    for (const label of T.toArray(data.y)) counts[label] = (counts[label] ?? 0) + 1;
    // scikit-learn's class counts for load_digits.
    expect(counts).toEqual([178, 182, 177, 183, 181, 182, 181, 179, 174, 180]);
    expect(data.featureNames[9]).toBe('pixel_1_1');
  });

  it('matches the shipped gzip file value for value (the embedded module is up to date)', () => {
    const rows = gunzipSync(readFileSync(new URL('../../data/digits.csv.gz', import.meta.url)))
      .toString('utf8')
      .trim()
      .split('\n')
      .map((line) => line.split(',').map(Number));
    expect(rows).toHaveLength(1797);
    const pixels = rows.flatMap((row) => row.slice(0, 64));
    const x = T.toArray(data.X);
    expect(x).toHaveLength(pixels.length);
    expect(x.every((v, i) => v === pixels[i])).toBe(true);
    expect(T.toArray(data.y)).toEqual(rows.map((row) => row[64]));
  });

  it('gives float32 on request, and the shared float64 tensors each call', () => {
    const f32 = digits({ dtype: 'float32' });
    expect(f32.X.dtype).toBe('float32');
    const [a, b] = [T.toArray(f32.X), T.toArray(data.X)];
    expect(a.every((v, i) => v === b[i])).toBe(true);
    expect(digits().X).toBe(data.X);
  });
});
