import { describe, expect, it } from 'vitest';
import { callWithoutMutation } from '@theta/testing';
import * as D from './index.js';

describe('Dual', () => {
  it('lifts plain numbers to constants: a Num function runs plainly and differentiated', () => {
    const f = (x: D.Num) => D.add(D.mul(3, x), 1);
    expect(f(2)).toBe(7);
    const tag = D.freshTag();
    const y = f(D.perturb(2, 1, tag));
    expect(y).toBeInstanceOf(D.Dual);
    expect([D.primalOf(y, tag), D.tangentOf(y, tag)]).toEqual([7, 3]);
  });

  it('carries a chunk of tangents at once', () => {
    const tag = D.freshTag();
    const x = D.perturb(2, Float64Array.of(1, 0), tag);
    const y = D.perturb(5, Float64Array.of(0, 1), tag);
    const z = D.sin(D.mul(x, y));
    const t = D.tangentOf(z, tag) as Float64Array;
    expect(t).toBeInstanceOf(Float64Array);
    expect(Array.from(t)).toEqual([5 * Math.cos(10), 2 * Math.cos(10)]);
  });

  it('reads values and tangents per tag', () => {
    const outer = D.freshTag();
    const inner = D.freshTag();
    const x = D.perturb(D.perturb(3, 1, outer), 1, inner);
    const y = D.mul(x, x); // y = x², tangent 2x for each tag, second derivative 2
    expect(D.primal(y)).toBe(9);
    const dInner = D.tangentOf(y, inner);
    expect(D.primalOf(dInner as D.Num, outer)).toBe(6);
    expect(D.tangentOf(dInner as D.Num, outer)).toBe(2);
    expect(D.tangentOf(D.primalOf(y, inner), outer)).toBe(6);
    expect(D.tangentOf(7, inner)).toBe(0);
    expect(D.tangentOf(D.perturb(1, 1, outer), inner)).toBe(0);
  });

  it('refuses a tag that is not newer than the value’s, and a perturbation that escaped its call', () => {
    const older = D.freshTag();
    const newer = D.freshTag();
    expect(() => D.perturb(D.perturb(1, 1, newer), 1, older)).toThrow(D.DomainError);
    for (const tag of [0, -1, 1.5, NaN]) expect(() => D.perturb(1, 1, tag)).toThrow(D.DomainError);
    expect(() => D.tangentOf(D.perturb(1, 1, newer), older)).toThrow(D.TypeMismatchError);
    expect(() => D.tangentOf('x' as unknown as D.Num, older)).toThrow(D.TypeMismatchError);
  });

  it('has a readable form and guards', () => {
    const tag = D.freshTag();
    expect(String(D.mul(D.perturb(3, 1, tag), 3))).toBe(`Dual#${tag}(9 + 3ε)`);
    expect(String(D.perturb(1, Float64Array.of(1, 0), tag))).toBe(`Dual#${tag}(1 + [1, 0]ε)`);
    expect([D.isDual(1), D.isDual(D.perturb(1, 0, tag)), D.isDual({ value: 1 })]).toEqual([false, true, false]);
  });

  it('never writes into a tangent it was given', () => {
    const tag = D.freshTag();
    const seed = Float64Array.of(1, 2, 3);
    const other = Float64Array.of(3, 2, 1);
    const y = callWithoutMutation(
      (s: Float64Array, o: Float64Array) => D.exp(D.add(D.mul(D.perturb(1, s, tag), D.perturb(2, o, tag)), D.perturb(0, s, tag))),
      [seed, other],
    );
    // d exp(x·w + z) = exp(2) · (2·ẋ + 1·ẇ + ż) with ẋ = ż = seed, ẇ = other.
    expect(Array.from(D.tangentOf(y, tag) as Float64Array)).toEqual([6, 8, 10].map((t) => t * Math.exp(2)));
  });

  it('rejects chunks of different widths under one tag', () => {
    const tag = D.freshTag();
    expect(() => D.add(D.perturb(1, Float64Array.of(1, 0), tag), D.perturb(1, Float64Array.of(1), tag))).toThrow(D.ShapeError);
    expect(() => D.add(D.perturb(1, Float64Array.of(1, 0), tag), D.perturb(1, 1, tag))).toThrow(D.ShapeError);
  });
});
