import { describe, expect, it } from 'vitest';
import * as D from './index.js';

describe('typed errors', () => {
  it('carry structured fields and a message that says what was expected and what came', () => {
    const shape = new D.ShapeError({ op: 'jvp', argument: 'v', expected: 'length 3', actual: 'length 2' });
    const message = "jvp: argument 'v' expected length 3, got length 2";
    expect([shape._tag, shape.name, shape.message]).toEqual(['ShapeError', 'ShapeError', message]);
    const fields = { op: 'derivative', argument: 'f(x)', expected: 'a number or Dual', actual: 'string "a"' };
    const type = new D.TypeMismatchError(fields);
    expect(type.message).toBe(`derivative: 'f(x)' expected a number or Dual, got string "a"`);
    const domain = new D.DomainError({ op: 'gradient', parameter: 'chunk', value: [1], expected: 'a finite integer ≥ 1' });
    expect(domain.message).toBe("gradient: parameter 'chunk' must be a finite integer ≥ 1, got [1]");
    expect([shape, type, domain].every((e) => e instanceof Error && D.isDualError(e))).toBe(true);
  });

  it('are recognised by tag, so a copy from another install of the package passes the guard', () => {
    const foreign = { _tag: 'ShapeError', op: 'x', argument: 'y', expected: 'a', actual: 'b' };
    expect(D.ShapeError.is(foreign)).toBe(true);
    expect(D.TypeMismatchError.is(foreign)).toBe(false);
    expect(D.DomainError.is({ _tag: 'DomainError' })).toBe(true);
    const plain = [new Error('plain'), null, 'ShapeError'];
    expect(plain.map(D.isDualError)).toEqual([false, false, false]);
  });

  it('are what the transforms throw for bad input', () => {
    const sum = (x: D.Vector) => D.sum(x);
    expect(() => D.gradient(sum)({ a: 1, b: 'two' } as never)).toThrow(/'x.b' expected a number or Dual, got string "two"/);
    expect(() => D.jacobian((x: D.Vector) => x)(undefined as never)).toThrow(
      /'x' expected a number, a Dual, or an array or record of them, got undefined/,
    );
    expect(() => D.gradient(sum, { chunk: NaN })).toThrow(/parameter 'chunk' must be a finite integer ≥ 1, got NaN/);
  });
});
