// The lecture notes' example, exactly: f(x) = √(x² + exp(x²)) with a = x², b = exp(a),
// c = a + b, d = √c, and df/dx = x(1 + b)/d.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as T from '@theta/tensor';
import { centralDifference, isClose } from '@theta/testing';
import * as R from './index.js';

const f = (x: R.Value): R.Value => {
  const a = R.named('a', R.square(x));
  const b = R.named('b', R.exp(a));
  const c = R.named('c', R.add(a, b));
  return R.named('d', R.sqrt(c));
};
const fPlain = (x: number): number => Math.sqrt(x * x + Math.exp(x * x));

describe("the notes' f(x) = sqrt(x² + exp(x²))", () => {
  it('records x, a, b, c, d in evaluation order with their values and parents', () => {
    const x = 0.7;
    const graph = R.trace(f)(x);
    const a = x * x;
    const b = Math.exp(a);
    const c = a + b;
    const d = Math.sqrt(c);
    expect(graph.nodes.map((n) => [n.name, n.op, n.parents])).toEqual([
      ['args[0]', 'input', []],
      ['a', 'square', [0]],
      ['b', 'exp', [1]],
      ['c', 'add', [1, 2]],
      ['d', 'sqrt', [3]],
    ]);
    expect(graph.nodes.map((n) => n.value)).toEqual([x, a, b, c, d]);
    expect(graph.inputs).toEqual([0]);
    expect(graph.outputs).toEqual([4]);
    expect(graph.output).toBe(d);
  });

  it('sweeps the adjoints of every node to the closed forms, and df/dx = x(1 + b)/d', () => {
    fc.assert(
      fc.property(fc.double({ min: -2, max: 2, noNaN: true }), (x) => {
        const a = x * x;
        const b = Math.exp(a);
        const d = Math.sqrt(a + b);
        const rows = R.wengertTable(R.trace(f)(x));
        const adjoints = rows.map((r) => r.adjoint as number);
        const expected = [x * (1 + b) / d, (1 + b) / (2 * d), 1 / (2 * d), 1 / (2 * d), 1];
        expected.forEach((e, i) => expect(isClose(adjoints[i] as number, e, 1e-14, 1e-15)).toBe(true));
        expect(isClose(R.grad(f)(x), centralDifference(fPlain, x), 1e-7, 1e-9)).toBe(true);
      }),
      { seed: 4, numRuns: 200 },
    );
  });

  it('gives the same value and gradient on the tensor path, elementwise', () => {
    const xs = [-1.5, -0.3, 0, 0.4, 1.2];
    const [value, g] = R.valueAndGrad((x: R.Value) => R.sum(f(x)))(T.tensor(xs));
    expect(T.item(value as T.Tensor)).toBeCloseTo(xs.reduce((s, x) => s + fPlain(x), 0), 12);
    T.toArray(g).forEach((gi, i) => {
      const x = xs[i] as number;
      expect(gi).toBeCloseTo((x * (1 + Math.exp(x * x))) / fPlain(x), 14);
      expect(gi).toBe(R.grad(f)(x)); // the scalar fast path and the tensor path agree exactly
    });
  });

  it('counts 4 forward and 6 backward FLOPs; with x² written twice, 5 and 8', () => {
    const count = R.flopCount(R.trace(f)(1));
    expect([count.forward, count.backward]).toEqual([4, 6]);
    expect(count.nodes.map((n) => n.backward)).toEqual([0, 3, 1, 0, 2]); // x, a (2 + the sum), b, c, d
    const twice = (x: R.Value) => R.sqrt(R.add(R.square(x), R.exp(R.square(x))));
    const written = R.flopCount(R.trace(twice)(1));
    expect([written.forward, written.backward]).toEqual([5, 8]);
  });

  it('prints a table with the notes letters', () => {
    const text = R.formatWengertTable(R.wengertTable(R.trace(f)(1)));
    const lines = text.split('\n');
    expect(lines).toHaveLength(7);
    expect(lines[0]).toMatch(/\| i \| name\s+\| op\s+\| parents \| value\s+\| adjoint\s+\| FLOPs fwd \| FLOPs bwd \|/);
    expect(lines[3]).toMatch(/^\| 2 \| a\s+\| square \| 1\s+\| 1\s+\| 0\.964142\s+\| 1\s+\| 3\s+\|$/);
    expect(lines[6]).toMatch(/^\| 5 \| d\s+\| sqrt\s+\| 4\s+\| 1\.92\d*\s+\| 1\s+\| 1\s+\| 2\s+\|$/);
  });
});
