import { describe, expect, it } from 'vitest';
import * as T from '../index.js';

describe('addScaled and allFinite', () => {
  it('addScaled is base + factor·x, the composed ops in float64', () => {
    const base = T.uniform(T.key(1), [3, 4]);
    const x = T.uniform(T.key(2), [3, 4]);
    expect(T.toArray(T.addScaled(base, x, -0.3))).toEqual(T.toArray(T.add(base, T.mul(x, -0.3))));
  });

  it('addScaled in float32 keeps the factor in float64 (T.mul would round it first)', () => {
    const base = T.tensor([1, 2, 3], { dtype: 'float32' });
    const x = T.tensor([0.7, -0.3, 5], { dtype: 'float32' });
    const factor = 0.1;
    const want = T.toArray(base).map((b, i) => Math.fround(b + Math.fround(factor * T.toArray(x)[i]!)));
    expect(T.toArray(T.addScaled(base, x, factor))).toEqual(want);
    expect(T.addScaled(base, x, factor).dtype).toBe('float32');
  });

  it('names what is wrong: shape, dtype, a non-tensor, a non-number factor', () => {
    const a = T.ones([2, 2]);
    expect(() => T.addScaled(a, T.ones([4]), 1)).toThrow(T.ShapeError);
    expect(() => T.addScaled(a, T.ones([2, 2], { dtype: 'float32' }), 1)).toThrow(T.DTypeError);
    expect(() => T.addScaled(a, [1, 2] as unknown as T.Tensor, 1)).toThrow(T.DTypeError);
    expect(() => T.addScaled(a, a, '1' as unknown as number)).toThrow(T.DomainError);
    expect(() => T.allFinite(3 as unknown as T.Tensor)).toThrow(T.DTypeError);
  });

  it('allFinite agrees with T.isFinite reduced by min, and on scalars and empty tensors', () => {
    for (const values of [[1, 2, 3], [1, NaN], [-Infinity], [], [0, -0, 5e-324]]) {
      const t = T.tensor(values);
      const naive = values.every((v) => Number.isFinite(v));
      expect(T.allFinite(t)).toBe(naive);
      if (values.length > 0) expect(T.item(T.min(T.isFinite(t))) === 1).toBe(naive);
    }
    expect(T.allFinite(T.scalar(Infinity))).toBe(false);
  });
  it('on WebAssembly, an SGD step tells the finiteness checks that follow it: no copy back in', () => {
    if (T.wasmStats() === undefined) return; // no WebAssembly here: nothing is remembered
    const previous = T.getBackend();
    T.setBackend('wasm');
    try {
      const theta = T.uniform(T.key(3), [64, 64], { dtype: 'float32' });
      const g = T.uniform(T.key(4), [64, 64], { dtype: 'float32' });
      const next = T.addScaled(theta, g, -0.1);
      const before = T.wasmStats()!;
      expect([T.allFinite(g), T.allFinite(next)]).toEqual([true, true]);
      expect(T.wasmStats()!.calls - before.calls).toBe(0);
      // A tensor the step has not seen is still checked in WebAssembly.
      expect(T.allFinite(theta)).toBe(true);
      expect(T.wasmStats()!.calls - before.calls).toBe(1);
    } finally {
      T.setBackend(previous);
    }
  });
});
