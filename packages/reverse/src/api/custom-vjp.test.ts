// customVjp: the given rule replaces the function's own derivative, at every nesting level.
import { describe, expect, it } from 'vitest';
import * as T from '@theta/tensor';
import * as R from '../index.js';

/** round(x) with a straight-through gradient. */
const roundThrough = R.customVjp(
  (x: R.Value) => {
    const p = R.stopGradient(x);
    return typeof p === 'number' ? Math.round(p) : T.fromArray(T.toArray(p).map(Math.round), p.shape);
  },
  (g) => [g],
  { name: 'round', flops: 1 },
);

describe('customVjp', () => {
  it('uses the given rule instead of the function’s own derivative', () => {
    expect(roundThrough(2.4)).toBe(2);
    expect(R.grad(roundThrough)(2.4)).toBe(1);
    expect(T.toArray(R.grad((x: R.Value) => R.sum(R.mul(roundThrough(x), 3)))(T.tensor([0.2, 1.7])))).toEqual([3, 3]);
  });

  it('gives a stable rule where the function’s own ops would overflow', () => {
    // f(x) = log(1 + eˣ) written naively overflows at 1000 (its sweep then gives 1/∞ = 0, not
    // the true 1); the rule σ(x) does not.
    const naive = (x: R.Value) => R.log(R.add(1, R.exp(x)));
    const stable = R.customVjp(naive, (g, _z, [x]) => [R.mul(g, R.sigmoid(x as R.Value))]);
    expect(R.grad(naive)(1000)).toBe(0);
    expect(R.grad(stable)(1000)).toBe(1);
    expect(R.grad(stable)(0)).toBe(0.5);
  });

  it('reports the FLOPs its cost option gives, per input, instead of per output element', () => {
    const sumSquares = R.customVjp(
      (a: R.Value, b: R.Value) => R.add(R.sum(R.square(a)), R.sum(R.square(b))),
      (g, _z, [a, b]) => [R.mul(a as R.Value, R.mul(g, 2)), R.mul(b as R.Value, R.mul(g, 2))],
      { name: 'sumsq', flops: 99, cost: ([a, b]) => ({ forward: 2 * R.shapeOf(a!).length + 1000, backward: [7, 8 + R.shapeOf(b!)[0]!] }) },
    );
    const graph = R.trace((a: R.Value, b: R.Value) => sumSquares(a, b))(T.ones([2, 3]), T.ones([5]));
    const count = R.flopCount(graph);
    const at = graph.nodes.findIndex((node) => node.op === 'sumsq');
    expect(count.nodes[at]).toEqual({ forward: 2 * 2 + 1000, backward: 7 + 13 });
    expect(count.forward).toBe(1004);
    // Values and gradients are the rule's, whatever the cost says.
    expect(T.toArray(R.grad((a: R.Value) => sumSquares(a, T.ones([5])))(T.tensor([1, -2])))).toEqual([2, -4]);
  });

  it('is differentiated twice through its rule', () => {
    const cube = R.customVjp((x: R.Value) => R.pow(x, 3), (g, _z, [x]) => [R.mul(g, R.mul(3, R.square(x as R.Value)))]);
    expect(R.grad(cube)(2)).toBe(12);
    expect(R.grad(R.grad(cube))(2)).toBe(12); // 6x
  });

  it('takes several inputs, zero for undefined entries, and checks cotangent shapes', () => {
    const f = R.customVjp((a: R.Value, b: R.Value) => R.mul(a, b), (g, _z, [, b]) => [R.mul(g, b as R.Value), undefined]);
    expect(R.grad(f, { argnums: [0, 1] })(2, 5)).toEqual([5, 0]);
    const wrong = R.customVjp((a: R.Value) => R.sum(a), () => [T.ones([3])]);
    expect(() => R.grad(wrong)(T.ones([2]))).toThrow(T.ShapeError);
  });

  it('appears as one named node in the Wengert list', () => {
    const graph = R.trace((x: R.Value) => R.exp(roundThrough(x)))(1.2);
    expect(graph.nodes.map((n) => n.op)).toEqual(['input', 'round', 'exp']);
    expect(R.flopCount(graph).forward).toBe(2);
  });
});
