import { describe, expect, it } from 'vitest';
import * as T from '../index.js';
import { zeroed } from './slab.js';

const LENGTHS = [0, 1, 8, 9, 16, 17, 31, 32, 33, 100, 1000, 2047, 2048, 2049, 4096, 4097, 10000];

describe('zeroed: small typed arrays as views on shared slabs', () => {
  it('gives zero-filled arrays of the dtype and length, float64 views 8-byte aligned', () => {
    for (const dtype of ['float64', 'float32'] as const) {
      for (const n of LENGTHS) {
        const a = zeroed(dtype, n);
        expect(a).toBeInstanceOf(dtype === 'float32' ? Float32Array : Float64Array);
        expect(a.length).toBe(n);
        expect(a.every((v) => Object.is(v, 0))).toBe(true);
        expect(a.byteOffset % 8).toBe(0);
      }
    }
  });

  it('never hands out overlapping memory: every array keeps what was written to it', () => {
    const arrays: (Float64Array | Float32Array)[] = [];
    for (let k = 0; k < 600; k++) {
      const n = LENGTHS[k % LENGTHS.length]!;
      const a = zeroed(k % 3 === 0 ? 'float32' : 'float64', n);
      a.fill(k + 1);
      arrays.push(a);
    }
    arrays.forEach((a, k) => {
      if (!a.every((v) => v === k + 1)) expect.fail(`array ${k} (length ${a.length}) was overwritten`);
    });
  });

  it('bounds what a kept array keeps alive: at most 32× its bytes when shared, its own buffer otherwise', () => {
    for (const dtype of ['float64', 'float32'] as const) {
      for (const n of LENGTHS.filter((m) => m > 0)) {
        const a = zeroed(dtype, n);
        const shared = a.byteLength > 64 && a.byteLength <= 16 * 1024;
        if (shared) expect(a.buffer.byteLength).toBeLessThanOrEqual(32 * a.byteLength);
        else expect(a.buffer.byteLength).toBe(a.byteLength);
      }
    }
  });
});

describe('T.allocateData', () => {
  it('is zeroed() behind a typed check of its arguments', () => {
    const a = T.allocateData('float32', 100);
    expect([a instanceof Float32Array, a.length, a.every((v) => v === 0)]).toEqual([true, 100, true]);
    expect(T.allocateData('float64', 0)).toBeInstanceOf(Float64Array);
    expect(() => T.allocateData('float16' as T.DType, 3)).toThrow(T.DTypeError);
    expect(() => T.allocateData('float64', -1)).toThrow(T.DomainError);
    expect(() => T.allocateData('float64', 2.5)).toThrow(T.DomainError);
  });
});
