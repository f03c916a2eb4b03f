// The trace stack: nothing is left behind by an exception or by many calls; a traced value
// that escapes its trace is refused; plain values are never recorded.
import { describe, expect, it } from 'vitest';
import * as T from '@theta/tensor';
import * as R from './index.js';
import { activeDepth } from './tape.js';

describe('the stack of active traces', () => {
  it('is empty again after f throws, and later ops run untraced', () => {
    const boom = (x: R.Value): R.Value => {
      R.mul(x, 2);
      throw new Error('boom inside f');
    };
    expect(() => R.grad(boom)(1)).toThrow('boom inside f');
    expect(() => R.grad((x: R.Value) => R.grad(boom)(x))(1)).toThrow('boom inside f');
    expect(() => R.trace(boom)(T.ones([2]))).toThrow('boom inside f');
    expect(activeDepth()).toBe(0);
    expect(R.isTraced(R.mul(T.ones([2]), 2))).toBe(false);
    expect(R.mul(2, 3)).toBe(6);
  });

  it('is empty after errors raised by the transforms themselves', () => {
    expect(() => R.grad((x: R.Value) => x)(T.ones([2]))).toThrow(T.ShapeError);
    expect(() => R.grad((x: R.Value) => R.matmul(x, x))(T.ones([2, 3]))).toThrow(T.ShapeError);
    expect(activeDepth()).toBe(0);
  });

  it('10⁴ grad calls (nested and throwing ones among them) leave no trace and nothing growing', () => {
    const f = (x: R.Value) => R.sum(R.sigmoid(R.mul(x, x)));
    const x = T.tensor([0.5, -1]);
    let checksum = 0;
    for (let i = 0; i < 10_000; i++) {
      if (i % 1000 === 0) {
        expect(() => R.grad((_x: R.Value): R.Value => { throw new Error('x'); })(1)).toThrow();
        checksum += R.grad(R.grad(R.sin))(i) as number;
      }
      checksum += T.toArray(R.grad(f)(x))[0] as number;
      if (activeDepth() !== 0) throw new Error(`trace left behind at call ${i}`);
    }
    expect(Number.isFinite(checksum)).toBe(true);
    expect(activeDepth()).toBe(0);
  });
});

describe('escaped traced values', () => {
  it('are refused with a typed error once their trace has finished', () => {
    let leaked: R.Value = 0;
    R.grad((x: R.Value) => {
      leaked = R.mul(x, 2);
      return leaked;
    })(1);
    expect(R.isTraced(leaked)).toBe(true);
    expect(() => R.add(leaked, 1)).toThrow(/escaped/);
    expect(() => R.grad((y: R.Value) => R.add(y, leaked))(1)).toThrow(T.DTypeError);
    expect(activeDepth()).toBe(0);
  });
});

describe('stopGradient', () => {
  it('cuts the dependence at every level', () => {
    expect(R.grad((x: R.Value) => R.mul(x, R.stopGradient(x)))(3)).toBe(3);
    expect(R.grad(R.grad((x: R.Value) => R.mul(R.square(x), R.stopGradient(R.square(x)))))(2)).toBe(8); // 2·stop(x²)
    expect(R.grad((x: R.Value) => R.sum(R.mul(R.sign(x), x)))(T.tensor([-2, 3]))).toEqual(T.tensor([-1, 1]));
  });
});

describe('a long scalar trace', () => {
  it('grows its columns past their start (64 → 256 → 1024 → 4096 nodes) and keeps every node: the adjoint of a 3,000-step recurrence is its closed form', () => {
    // s₀ = x, s_{i+1} = c·s_i + x: ∂s_n/∂x = Σ_{j=0}^{n} c^j = (1 − c^{n+1}) / (1 − c).
    const c = 0.999;
    const n = 3000;
    const f = (x: R.Value): R.Value => {
      let s = x;
      for (let i = 0; i < n; i++) s = R.add(R.mul(s, c), x);
      return s;
    };
    const want = (1 - c ** (n + 1)) / (1 - c);
    expect(Math.abs(R.grad(f)(2) as number - want) / want).toBeLessThan(1e-12);
  });
});
