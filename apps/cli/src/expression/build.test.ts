import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { centralDifference, isClose } from '@theta/testing';
import { gradTable } from './build.js';
import { parse } from './parser.js';

const notes = parse('sqrt(x^2 + exp(x^2))');

describe("the notes' f(x) = sqrt(x² + exp(x²))", () => {
  it('records x, a = x², b = exp(a), c = a + b, d = √c with their values', () => {
    const x = 1.5;
    const a = x * x;
    const b = Math.exp(a);
    const c = a + b;
    const d = Math.sqrt(c);
    const result = gradTable(notes, { x }, 'x');
    expect(result.rows.map((r) => [r.name, r.op, r.definition, r.parents])).toEqual([
      ['x', 'input', 'input', []],
      ['a', 'square', 'x^2', ['x']],
      ['b', 'exp', 'exp(a)', ['a']],
      ['c', 'add', 'a + b', ['a', 'b']],
      ['d', 'sqrt', 'sqrt(c)', ['c']],
    ]);
    expect(a).toBe(2.25);
    expect(result.rows.map((r) => r.value)).toEqual([x, a, b, c, d]);
    expect(result.value).toBe(d);
  });

  it('gives the adjoints of the reverse sweep and df/dx = x(1 + b)/d', () => {
    fc.assert(
      fc.property(fc.double({ min: -2, max: 2, noNaN: true }), (x) => {
        const b = Math.exp(x * x);
        const d = Math.sqrt(x * x + b);
        const result = gradTable(notes, { x }, 'x');
        const expected = [(x * (1 + b)) / d, (1 + b) / (2 * d), 1 / (2 * d), 1 / (2 * d), 1];
        result.rows.forEach((r, i) => expect(isClose(r.adjoint, expected[i] as number, 1e-13, 1e-15)).toBe(true));
        expect(isClose(result.gradient.x as number, centralDifference((t) => Math.sqrt(t * t + Math.exp(t * t)), x), 1e-6, 1e-8)).toBe(true);
      }),
      { seed: 7, numRuns: 100 },
    );
  });

  it('gives the tangents of forward mode: 2x, 2x·b, 2x(1 + b), x(1 + b)/d', () => {
    const x = 1.5;
    const b = Math.exp(x * x);
    const d = Math.sqrt(x * x + b);
    const tangents = gradTable(notes, { x }, 'x').rows.map((r) => r.tangent);
    [1, 2 * x, 2 * x * b, 2 * x * (1 + b), (x * (1 + b)) / d].forEach((t, i) => expect(tangents[i]).toBeCloseTo(t, 12));
  });

  it('counts 4 FLOPs forward and 6 backward, as @theta/reverse does', () => {
    const result = gradTable(notes, { x: 1.5 }, 'x');
    expect(result.flops).toEqual({ forward: 4, backward: 6 });
  });
});

describe('gradTable', () => {
  // Expressions and plain references, differentiated at random points.
  const cases: readonly [string, (x: number, y: number) => number][] = [
    ['x*y + sin(x)', (x, y) => x * y + Math.sin(x)],
    ['tanh(x - y) / (1 + y^2)', (x, y) => Math.tanh(x - y) / (1 + y * y)],
    ['sigmoid(2*x) * log(1 + exp(y))', (x, y) => (1 / (1 + Math.exp(-2 * x))) * Math.log(1 + Math.exp(y))],
    ['-x^3 + pow(y, 2) - cos(x*y)', (x, y) => -(x ** 3) + y ** 2 - Math.cos(x * y)],
    ['softplus(x) - abs(y - 3) + expm1(x/4) + log1p(y^2)', (x, y) => Math.log1p(Math.exp(x)) - Math.abs(y - 3) + Math.expm1(x / 4) + Math.log1p(y * y)],
  ];
  for (const [source, f] of cases) {
    it(`reverse and forward mode agree with central differences: ${source}`, () => {
      const tree = parse(source);
      fc.assert(
        fc.property(fc.double({ min: -1.5, max: 1.5, noNaN: true }), fc.double({ min: -1.5, max: 1.5, noNaN: true }), (x, y) => {
          const result = gradTable(tree, { x, y }, 'x');
          expect(isClose(result.value, f(x, y), 1e-12, 1e-14)).toBe(true);
          const dx = centralDifference((t) => f(t, y), x);
          const dy = centralDifference((t) => f(x, t), y);
          expect(isClose(result.gradient.x as number, dx, 1e-6, 1e-7)).toBe(true);
          expect(isClose(result.gradient.y as number, dy, 1e-6, 1e-7)).toBe(true);
          expect(isClose(result.forwardDerivative, result.gradient.x as number, 1e-12, 1e-14)).toBe(true);
        }),
        { seed: 11, numRuns: 40 },
      );
    });
  }

  it('computes equal sub-expressions once and folds constants', () => {
    const rows = gradTable(parse('exp(2*3) * (x + 1) + (x + 1)^2'), { x: 0.5 }, 'x').rows;
    // x + 1 is one node used twice; exp(2*3) is a constant, not a node.
    expect(rows.map((r) => [r.name, r.definition, r.op])).toEqual([
      ['x', 'input', 'input'],
      ['a', 'x + 1', 'add'],
      ['b', 'exp(2 * 3) * a', 'mul'],
      ['c', 'a^2', 'square'],
      ['d', 'b + c', 'add'],
    ]);
    expect(rows[rows.length - 1]!.value).toBeCloseTo(Math.exp(6) * 1.5 + 2.25, 10);
  });

  it('takes tangents with respect to the chosen variable', () => {
    const result = gradTable(parse('x * y'), { x: 2, y: 5 }, 'y');
    expect(result.rows.map((r) => [r.name, r.tangent])).toEqual([['x', 0], ['y', 1], ['a', 2]]);
    expect(result.forwardDerivative).toBe(2);
    expect(result.gradient).toEqual({ x: 5, y: 2 });
  });

  it('fails naming the first node that is not finite', () => {
    expect(() => gradTable(parse('sqrt(log(x))'), { x: 0.5 }, 'x')).toThrow('f is not finite at x = 0.5: node b = sqrt(a) is NaN');
    expect(() => gradTable(parse('1 / (x - y)'), { x: 1, y: 1 }, 'x')).toThrow('f is not finite at x = 1, y = 1: node b = 1 / a is Infinity');
  });
});
