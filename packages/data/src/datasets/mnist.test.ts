import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as T from '@theta/tensor';
import { loadMnist, mnistFromFiles } from './mnist.js';

const require = createRequire(import.meta.url);

describe('loadMnist (reads the mnist package once)', () => {
  it('gives 10,000 images of 784 pixels in [0, 1], labels 0–9 roughly balanced, rows as in the files', async () => {
    const data = await loadMnist();
    expect(data.X.shape).toEqual([10000, 784]);
    expect(data.y.shape).toEqual([10000]);
    expect(data.classNames).toHaveLength(10);
    expect([T.item(T.min(data.X)), T.item(T.max(data.X))]).toEqual([0, 1]);
    const counts = new Array<number>(10).fill(0);
    for (const label of T.toArray(data.y)) counts[label] = (counts[label] ?? 0) + 1;
    expect(counts).toEqual([1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978]);
    // The first image of digit 7 is row 1001 + 1127 + 991 + 1032 + 980 + 863 + 1014 = 7008.
    const sevens = JSON.parse(readFileSync(require.resolve('mnist/src/digits/7.json'), 'utf8')) as { data: number[] };
    expect(Array.from(T.slice(data.X, [7008, 0], [1, 784]).data)).toEqual(sevens.data.slice(0, 784));
    expect(T.toArray(data.y)[7008]).toBe(7);
    // A second call shares the first load.
    expect(await loadMnist()).toBe(data);
  });
});

describe('mnistFromFiles', () => {
  const image = (v: number): number[] => new Array<number>(784).fill(v);

  it('stacks the files in digit order', () => {
    const files = Array.from({ length: 10 }, (_, d) => ({ data: d === 3 ? [...image(0.5), ...image(0.25)] : image(d / 10) }));
    const data = mnistFromFiles(files, { dtype: 'float32' });
    expect(data.X.shape).toEqual([11, 784]);
    expect(T.toArray(data.y)).toEqual([0, 1, 2, 3, 3, 4, 5, 6, 7, 8, 9]);
    expect(T.toArray(data.X)[4 * 784]).toBe(0.25);
    expect(data.X.dtype).toBe('float32');
  });

  it('rejects the wrong number of files, partial images and pixels outside [0, 1]', () => {
    expect(() => mnistFromFiles([{ data: image(0) }])).toThrow(T.ShapeError);
    const partial = Array.from({ length: 10 }, () => ({ data: image(0).slice(1) }));
    expect(() => mnistFromFiles(partial)).toThrow(T.ShapeError);
    const bright = Array.from({ length: 10 }, () => ({ data: image(2) }));
    expect(() => mnistFromFiles(bright)).toThrow(T.DomainError);
  });
});

describe('mnistFromFiles leaves its input unchanged', () => {
  it('reads the arrays without writing them', async () => {
    const { callWithoutMutation } = await import('@theta/testing');
    const files = Array.from({ length: 10 }, (_, d) => ({ data: new Float64Array(784).fill(d / 9) }));
    const data = callWithoutMutation(mnistFromFiles, [files]);
    expect(T.toArray(data.X)[9 * 784]).toBe(1);
  });
});
