import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { parse, print, type Expr } from './parse.js';

/** Evaluates a parsed expression with plain Math, as an independent reference. */
function evaluate(e: Expr, x: number, y: number): number {
  switch (e.kind) {
    case 'number': return e.value;
    case 'variable': return e.name === 'x' ? x : y;
    case 'negate': return -evaluate(e.arg, x, y);
    case 'binary': {
      const [a, b] = [evaluate(e.left, x, y), evaluate(e.right, x, y)];
      return e.op === '+' ? a + b : e.op === '-' ? a - b : e.op === '*' ? a * b : e.op === '/' ? a / b : a ** b;
    }
    case 'call': {
      const a = evaluate(e.args[0]!, x, y);
      if (e.fn === 'pow') return a ** evaluate(e.args[1]!, x, y);
      const f: Record<string, (v: number) => number> = {
        sqrt: Math.sqrt, exp: Math.exp, log: Math.log, sin: Math.sin, cos: Math.cos, tan: Math.tan, tanh: Math.tanh, abs: Math.abs,
        sigmoid: (v) => 1 / (1 + Math.exp(-v)), relu: (v) => Math.max(0, v), softplus: (v) => Math.log1p(Math.exp(v)), square: (v) => v * v, expm1: Math.expm1, log1p: Math.log1p,
      };
      return f[e.fn]!(a);
    }
  }
}

const valueOf = (source: string, x = 0.7, y = -1.3): number => {
  const parsed = parse(source);
  if (E.isLeft(parsed)) throw new Error(`${source}: ${parsed.left.message}`);
  return evaluate(parsed.right, x, y);
};

const errorOf = (source: string): { message: string; position: number; length: number } => {
  const parsed = parse(source);
  if (E.isRight(parsed)) throw new Error(`${source} parsed`);
  return parsed.left;
};

describe('the expression parser', () => {
  it('follows the usual precedence: ^ binds tightest and to the right, unary minus below ^', () => {
    const x = 0.7;
    const y = -1.3;
    expect(valueOf('sqrt(x^2 + exp(x^2))')).toBeCloseTo(Math.sqrt(x * x + Math.exp(x * x)), 14);
    expect(valueOf('-x^2')).toBeCloseTo(-(x * x), 14);
    expect(valueOf('2^3^2')).toBe(512);
    expect(valueOf('1 - 2 - 3')).toBe(-4);
    expect(valueOf('8 / 4 / 2')).toBe(1);
    expect(valueOf('2x + 3(x - y)')).toBeCloseTo(2 * x + 3 * (x - y), 14);
    expect(valueOf('x ** 3 · 2 × y − 1')).toBeCloseTo(x ** 3 * 2 * y - 1, 14);
    expect(valueOf('pow(x, 3) + ln(2) + pi + e')).toBeCloseTo(x ** 3 + Math.log(2) + Math.PI + Math.E, 14);
    expect(valueOf('2^-x')).toBeCloseTo(2 ** -x, 14);
    expect(valueOf('1.5e-1 + .5')).toBe(0.65);
  });

  it('reports the position of the error, and what was expected', () => {
    expect(errorOf('sqrt(x^2 +')).toEqual({ message: 'the expression ended where a number, x, y, a function or ( was expected', position: 10, length: 1 });
    expect(errorOf('x + * 2')).toMatchObject({ position: 4, message: "expected a number, x, y, a function or '(' but found '*'" });
    expect(errorOf('sqrt(x')).toMatchObject({ position: 6, message: "expected ',' or ')' in sqrt(…), found the end of the expression" });
    expect(errorOf('(x + 1')).toMatchObject({ position: 6, message: "expected ')' to close the '(' at column 1, found the end of the expression" });
    expect(errorOf('x + z')).toMatchObject({ position: 4, length: 1 });
    expect(errorOf('x + z').message).toContain("unknown name 'z'");
    expect(errorOf('exp x')).toMatchObject({ position: 4, message: "expected '(' after exp, found 'x'" });
    expect(errorOf('x $ 2')).toMatchObject({ position: 2, message: "unexpected character '$'" });
    expect(errorOf('x)')).toMatchObject({ position: 1, message: "unexpected ')' after a complete expression" });
    expect(errorOf('pow(x)')).toMatchObject({ position: 0, length: 6, message: 'pow takes 2 arguments, not 1' });
    expect(errorOf('sin(x, y)')).toMatchObject({ position: 0, length: 9, message: 'sin takes 1 argument, not 2' });
    expect(errorOf('   ').position).toBe(0);
  });

  it('never throws, and an error position always lies within the text (or just past its end)', () => {
    const pieces = fc.constantFrom('x', 'y', '2', '.5', '+', '-', '*', '/', '^', '(', ')', ',', ' ', 'sqrt', 'exp', 'pow', 'e', 'q', '#');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 20 }), (parts) => {
        const source = parts.join('');
        const parsed = parse(source);
        if (E.isLeft(parsed)) {
          expect(parsed.left.position).toBeGreaterThanOrEqual(0);
          expect(parsed.left.position).toBeLessThanOrEqual(source.length);
          expect(parsed.left.length).toBeGreaterThanOrEqual(1);
        }
      }),
      { seed: 5, numRuns: 500 },
    );
    expect(E.isLeft(parse('('.repeat(50_000)))).toBe(true);
  });

  it('prints a canonical text that parses back to the same value', () => {
    for (const source of ['sqrt(x^2 + exp(x^2))', '-x^2', '(-x)^2', '2^3^2', '(2^3)^2', 'x - (y - 1)', 'x / (y * 2)', '-(x + y)', 'pow(x, 2) * sin(y)']) {
      const parsed = parse(source);
      if (E.isLeft(parsed)) throw new Error(source);
      const again = print(parsed.right);
      expect(valueOf(again)).toBeCloseTo(valueOf(source), 12);
      expect(print((parse(again) as E.Right<Expr>).right)).toBe(again);
    }
  });
});
