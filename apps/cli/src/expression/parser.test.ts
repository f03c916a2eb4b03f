import { describe, expect, it } from 'vitest';
import { ExpressionError, tokenize } from './lexer.js';
import { parse, variablesOf, type Expr } from './parser.js';

/** Evaluates a tree with plain Math, as an independent reference for the parser's structure. */
function evaluate(e: Expr, env: Record<string, number>): number {
  switch (e.kind) {
    case 'number':
      return e.value;
    case 'variable':
      return env[e.name] as number;
    case 'neg':
      return -evaluate(e.argument, env);
    case 'call':
      return (Math as unknown as Record<string, (x: number) => number>)[e.name === 'ln' ? 'log' : e.name]!(evaluate(e.argument, env));
    case 'binary': {
      const a = evaluate(e.left, env);
      const b = evaluate(e.right, env);
      return e.operator === '+' ? a + b : e.operator === '-' ? a - b : e.operator === '*' ? a * b : e.operator === '/' ? a / b : a ** b;
    }
  }
}

const errorOf = (source: string): ExpressionError => {
  try {
    parse(source);
  } catch (e) {
    if (ExpressionError.is(e)) return e;
    throw e;
  }
  throw new Error(`parsed: ${source}`);
};

describe('parse', () => {
  it('follows the usual precedence and associativity', () => {
    const cases: readonly [string, number][] = [
      ['1 + 2 * 3', 7],
      ['(1 + 2) * 3', 9],
      ['2 ^ 3 ^ 2', 512], // right-associative
      ['2 ** 3', 8],
      ['-2 ^ 2', -4], // -(2^2)
      ['2 ^ -1', 0.5],
      ['10 - 4 - 3', 3], // left-associative
      ['12 / 3 / 2', 2],
      ['--3', 3],
      ['+3 * -2', -6],
      ['2 * pi', 2 * Math.PI],
      ['e ^ 2', Math.E ** 2],
      ['1.5e1 + .5', 15.5],
      ['pow(2, 10)', 1024],
      ['sqrt(16) + exp(0) + ln(1)', 5],
    ];
    for (const [source, value] of cases) expect(evaluate(parse(source), {}), source).toBeCloseTo(value, 12);
  });

  it('reads variables in order of first appearance', () => {
    const tree = parse('y * x + sin(y) - theta2');
    expect(variablesOf(tree)).toEqual(['y', 'x', 'theta2']);
    expect(evaluate(tree, { x: 2, y: 3, theta2: 1 })).toBeCloseTo(3 * 2 + Math.sin(3) - 1, 14);
  });

  it('names the position of every syntax error', () => {
    const cases: readonly [string, number, RegExp][] = [
      ['sqrt(x^2 +', 11, /end of the expression/],
      ['x $ 2', 3, /'\$'/],
      ['(x + 1', 7, /end of the expression/],
      ['x + 1)', 6, /'\)'/],
      ['foo(x)', 1, /'foo'/],
      ['sqrt x', 6, /'x'/],
      ['x y', 3, /'y'/],
      ['2x', 2, /'x'/],
      ['pow(x)', 6, /'\)'/],
      ['sin(x, y)', 6, /','/],
      ['', 1, /end of the expression/],
      ['* x', 1, /'\*'/],
    ];
    for (const [source, position, found] of cases) {
      const error = errorOf(source);
      expect(error.position, source).toBe(position);
      expect(error.found, source).toMatch(found);
    }
  });

  it('tokenizes with 1-based positions', () => {
    expect(tokenize(' x**2').map((t) => [t.kind, t.text, t.position])).toEqual([
      ['name', 'x', 2],
      ['operator', '^', 3],
      ['number', '2', 5],
      ['end', '', 6],
    ]);
  });
});
