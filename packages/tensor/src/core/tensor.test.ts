import { describe, expect, it } from 'vitest';
import * as T from '../index.js';

describe('constructors and conversions', () => {
  it('infers shapes from nested arrays and defaults to float64', () => {
    const x = T.tensor([[[1], [2]], [[3], [4]]]);
    expect(x.shape).toEqual([2, 2, 1]);
    expect(x.dtype).toBe('float64');
    expect(x.data).toBeInstanceOf(Float64Array);
    expect(T.tensor(5).shape).toEqual([]);
    expect(T.tensor([]).shape).toEqual([0]);
  });

  it('rejects ragged input with a ShapeError naming the path', () => {
    expect(() => T.tensor([[1, 2], [3]])).toThrow(/values\[1\]/);
    expect(() => T.tensor([[1, 2], 3] as never)).toThrow(T.ShapeError);
    expect(() => T.tensor([1, [2]] as never)).toThrow(T.ShapeError);
    expect(() => T.tensor([['a']] as never)).toThrow(/a number or an array/);
  });

  it('fromArray copies and checks the element count; fromData adopts', () => {
    const values = [1, 2, 3, 4];
    const x = T.fromArray(values, [2, 2], { dtype: 'float32' });
    values[0] = 99;
    expect(T.toNested(x)).toEqual([[1, 2], [3, 4]]);
    expect(() => T.fromArray([1, 2, 3], [2, 2])).toThrow(/4 elements/);
    expect(() => T.fromArray([1], [1], { dtype: 'int32' as never })).toThrow(T.DTypeError);
    const data = new Float64Array([5, 6]);
    expect(T.fromData(data, [2]).data).toBe(data);
    expect(() => T.fromData(data, [3])).toThrow(T.ShapeError);
  });

  it('builds zeros, ones, full, eye, arange, linspace against closed forms', () => {
    expect(T.toArray(T.full([2], 3.5))).toEqual([3.5, 3.5]);
    expect(T.toNested(T.eye(2, 3))).toEqual([[1, 0, 0], [0, 1, 0]]);
    expect(T.toArray(T.arange(5))).toEqual([0, 1, 2, 3, 4]);
    expect(T.toArray(T.arange(3, 0, -1))).toEqual([3, 2, 1]);
    const l = T.linspace(-1, 1, 201);
    expect(l.data[0]).toBe(-1);
    expect(l.data[200]).toBe(1);
    expect(l.data[100]).toBeCloseTo(0, 15);
    expect(() => T.arange(0, 1, 0)).toThrow(T.DomainError);
    expect(() => T.linspace(0, 1, -2)).toThrow(/non-negative integer/);
    expect(() => T.zeros([2, -1])).toThrow(T.ShapeError);
  });

  it('tensors are frozen records with frozen shapes', () => {
    const x = T.zeros([2]);
    expect(Object.isFrozen(x)).toBe(true);
    expect(Object.isFrozen(x.shape)).toBe(true);
    expect(T.isTensor(x)).toBe(true);
    expect(T.isTensor({ shape: [1] })).toBe(false);
  });

  it('astype rounds to float32 and back; item needs exactly one element', () => {
    const x = T.astype(T.tensor([0.1, 1 / 3]), 'float32');
    expect(x.dtype).toBe('float32');
    expect(T.toArray(x)).toEqual([Math.fround(0.1), Math.fround(1 / 3)]);
    expect(T.astype(x, 'float64').data[0]).toBe(Math.fround(0.1));
    expect(() => T.item(T.zeros([2]))).toThrow(T.ShapeError);
  });

  it('format prints aligned, elided, dtype-tagged output', () => {
    expect(T.format(T.scalar(2))).toBe('tensor(2, float64)');
    expect(T.format(T.tensor([[1, 10], [100, 2]]))).toBe('tensor([[  1,  10],\n        [100,   2]], float64)');
    const long = T.format(T.arange(100), { edgeItems: 2 });
    expect(long).toBe('tensor([ 0,  1, …, 98, 99], float64)');
    expect(T.format(T.tensor([Math.PI], { dtype: 'float32' }), { digits: 3 })).toBe('tensor([3.14], float32)');
  });
});

describe('typed errors', () => {
  it('carry structured fields and a tag-based guard that works across copies', () => {
    const e = new T.ShapeError({ op: 'matmul', argument: 'b', expected: [3, 2], actual: [4, 2] });
    expect(e).toMatchObject({ _tag: 'ShapeError', op: 'matmul', argument: 'b', expected: '[3, 2]', actual: '[4, 2]' });
    expect(e.message).toBe("matmul: argument 'b' expected shape [3, 2], got [4, 2]");
    // A structurally identical error from "another copy" of the package.
    const foreign = { _tag: 'DomainError', message: 'x' };
    expect(T.DomainError.is(foreign)).toBe(true);
    expect(T.ShapeError.is(foreign)).toBe(false);
    expect(T.isThetaError(foreign)).toBe(true);
    expect(T.isThetaError(new Error('x'))).toBe(false);
    const d = new T.DomainError({ op: 'adam', parameter: 'b1', value: 1, expected: 'in [0, 1)' });
    expect(d.message).toBe("adam: parameter 'b1' must be in [0, 1), got 1");
    expect(new T.NonFiniteError({ op: 'fit', path: '[0].W', value: Infinity, step: 3 }).step).toBe(3);
    expect(new T.DecodeError({ path: 'a', expected: 'b', actual: 'c' })).toBeInstanceOf(Error);
    expect(new T.DTypeError({ op: 'o', argument: 'a', expected: 'float64', actual: 'float32' }).name).toBe('DTypeError');
  });
});
