import { centralDifference, isClose } from '@theta/testing';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { parse, type Expr } from './parse.js';
import { explore, nodeLabel } from './wengert.js';

const parsed = (source: string): Expr => {
  const p = parse(source);
  if (E.isLeft(p)) throw new Error(p.left.message);
  return p.right;
};

/** f as a plain function of (x, y), through the explorer itself: its output value. */
const valueAt = (e: Expr) => (x: number, y: number): number => explore(e, { x, y }, 'x').value;

describe('the explorer’s Wengert table', () => {
  it('is the notes’ list for sqrt(x^2 + exp(x^2)): a = x², b = exp(a), c = a + b, d = √c', () => {
    const x = 0.8;
    const t = explore(parsed('sqrt(x^2 + exp(x^2))'), { x, y: 0 }, 'x');
    const [a, b] = [x * x, Math.exp(x * x)];
    const [c, d] = [a + b, Math.sqrt(a + b)];
    expect(t.rows.map((r) => [r.op, r.parents, r.formula])).toEqual([
      ['input', [], 'x'],
      ['square', [1], 'x₁²'],
      ['exp', [2], 'exp(x₂)'],
      ['add', [2, 3], 'x₂ + x₃'],
      ['sqrt', [4], '√x₄'],
    ]);
    t.rows.forEach((r, i) => expect(isClose(r.value, [x, a, b, c, d][i]!, 1e-14)).toBe(true));
    // The sweep: d̄ = 1, c̄ = b̄ = 1/(2d), ā = (1 + b)/(2d), x̄ = x(1 + b)/d.
    [(x * (1 + b)) / d, (1 + b) / (2 * d), 1 / (2 * d), 1 / (2 * d), 1].forEach((v, i) => expect(isClose(t.rows[i]!.adjoint, v, 1e-14)).toBe(true));
    // Forward mode carries ẋ_i = dx_i/dx.
    [1, 2 * x, 2 * x * b, 2 * x * (1 + b), (x * (1 + b)) / d].forEach((v, i) => expect(isClose(t.rows[i]!.tangent, v, 1e-14)).toBe(true));
    expect([t.flopsForward, t.flopsBackward]).toEqual([4, 6]);
    expect(t.gradient.x).toBe(t.rows[0]!.adjoint);
  });

  it('gives adjoints and tangents that match central differences, for random expressions', () => {
    const leaf = fc.constantFrom('x', 'y', '0.5', '2');
    const expr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
      e: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.tuple(tie('e'), fc.constantFrom('+', '-', '*'), tie('e')).map(([a, op, b]) => `(${a} ${op} ${b})`),
        fc.tuple(fc.constantFrom('sin', 'cos', 'tanh', 'sigmoid', 'exp', 'square'), tie('e')).map(([f, a]) => `${f}(${a})`),
        tie('e').map((a) => `sqrt(1 + (${a})^2)`),
      ),
    })).e;
    fc.assert(
      fc.property(expr, fc.double({ min: -1.5, max: 1.5, noNaN: true }), fc.double({ min: -1.5, max: 1.5, noNaN: true }), (source, x, y) => {
        const e = parsed(source);
        const f = valueAt(e);
        const byX = explore(e, { x, y }, 'x');
        const byY = explore(e, { x, y }, 'y');
        const dx = centralDifference((t) => f(t, y), x);
        const dy = centralDifference((t) => f(x, t), y);
        expect(isClose(byX.gradient.x, dx, 1e-5, 1e-6)).toBe(true);
        expect(isClose(byX.gradient.y, dy, 1e-5, 1e-6)).toBe(true);
        expect(isClose(byX.tangent, dx, 1e-5, 1e-6)).toBe(true);
        expect(isClose(byY.tangent, dy, 1e-5, 1e-6)).toBe(true);
        // Each node's parents come before it, and the output is the last node (or an input).
        byX.rows.forEach((r) => r.parents.forEach((p) => expect(p).toBeLessThan(r.i)));
      }),
      { seed: 11, numRuns: 150 },
    );
  });

  it('computes an equal subexpression once, and numbers inputs as the notes (x₁ = x)', () => {
    const t = explore(parsed('sin(x*y) + sin(x*y) * y'), { x: 0.3, y: 2 }, 'x');
    expect(t.rows.filter((r) => r.op === 'sin')).toHaveLength(1);
    expect(t.rows.filter((r) => r.op === 'mul')).toHaveLength(2);
    expect(t.inputs).toEqual(['x', 'y']);
    expect(explore(parsed('exp(y)'), { x: 1, y: 0 }, 'y').rows.map((r) => r.op)).toEqual(['input', 'exp']);
    expect(nodeLabel(12)).toBe('x₁₂');
  });

  it('handles a constant, a lone input, and values outside a domain without throwing', () => {
    const constant = explore(parsed('2 * 3'), { x: 1, y: 0 }, 'x');
    expect(constant.value).toBe(6);
    expect(constant.gradient).toEqual({ x: 0, y: 0 });
    const lone = explore(parsed('x'), { x: 4, y: 0 }, 'x');
    expect([lone.value, lone.gradient.x, lone.tangent]).toEqual([4, 1, 1]);
    const outside = explore(parsed('sqrt(x) + log(x)'), { x: -1, y: 0 }, 'x');
    expect(Number.isNaN(outside.value)).toBe(true);
  });
});
