// trace and sweep as separate steps, and the inspection built on them.
import { describe, expect, it } from 'vitest';
import * as T from '@theta/tensor';
import { callWithoutMutation } from '@theta/testing';
import * as R from '../index.js';

const layer = (W: R.Value, b: R.Value, X: R.Value) => R.sum(R.sigmoid(R.add(R.matmul(X, W, { transposeB: true }), b)));
const W = T.tensor([[0.1, 0.2], [-0.3, 0.4], [0.5, -0.6]]);
const b = T.tensor([0.1, 0, -0.1]);
const X = T.tensor([[1, 2], [3, 4]]);

describe('trace', () => {
  it('lists inputs first, in argument-tree order, and the output last', () => {
    const graph = R.trace((p: { W: R.Value; b: R.Value }, x: R.Value) => layer(p.W, p.b, x), { argnums: 0 })({ W, b }, X);
    expect(graph.nodes.map((n) => n.op)).toEqual(['input', 'input', 'matmul', 'add', 'sigmoid', 'sum']);
    expect(graph.nodes.slice(0, 2).map((n) => n.name)).toEqual(['args[0].W', 'args[0].b']);
    expect(graph.inputs).toEqual([0, 1]);
    expect(graph.outputs).toEqual([5]);
    graph.nodes.forEach((n) => n.parents.forEach((p) => expect(p).toBeLessThan(n.id)));
    expect(graph.nodes[2]!.parents).toEqual([0]); // X is a constant, not a node
    expect(T.item(graph.output as T.Tensor)).toBe(T.item(layer(W, b, X) as T.Tensor));
  });

  it('is immutable, and the sweep is a pure step: same numbers twice, inputs untouched', () => {
    const graph = R.trace(layer)(W, b, X);
    expect(Object.isFrozen(graph)).toBe(true);
    expect(Object.isFrozen(graph.nodes)).toBe(true);
    expect(Object.isFrozen(graph.nodes[3])).toBe(true);
    const first = callWithoutMutation(R.sweep, [graph]);
    const second = R.sweep(graph);
    expect(first.map((a) => T.toArray(a as T.Tensor))).toEqual(second.map((a) => T.toArray(a as T.Tensor)));
    const viaGrad = R.grad(layer, { argnums: [0, 1, 2] })(W, b, X);
    expect(T.toArray(first[0] as T.Tensor)).toEqual(T.toArray(viaGrad[0]));
    expect(T.toArray(first[2] as T.Tensor)).toEqual(T.toArray(viaGrad[2]));
  });

  it('sweeps a given cotangent, zeros for nodes the output does not use, and checks the seed', () => {
    const graph = R.trace((x: R.Value) => {
      R.exp(x); // recorded, but the output does not depend on it
      return R.mul(x, T.tensor([1, 2]));
    })(T.tensor([3, 4]));
    const adjoints = R.sweep(graph, T.tensor([1, 10]));
    expect(adjoints.map((a) => T.toArray(a as T.Tensor))).toEqual([[1, 20], [0, 0], [1, 10]]);
    expect(() => R.sweep(graph)).toThrow(T.ShapeError);
    expect(() => R.sweep(graph, T.ones([3]))).toThrow(/\[2\]/);
  });
});

describe('inspection', () => {
  it('the table shows values, adjoints and costs; adjoints need a scalar output or a cotangent', () => {
    const graph = R.trace((x: R.Value) => R.mul(R.exp(x), x))(1);
    const rows = R.wengertTable(graph);
    expect(rows.map((r) => [r.i, r.name, r.op, r.parents])).toEqual([
      [1, 'args[0]', 'input', []],
      [2, 'x2', 'exp', [1]],
      [3, 'x3', 'mul', [2, 1]],
    ]);
    expect(rows.map((r) => r.adjoint)).toEqual([2 * Math.E, 1, 1]); // x̄ = eˣ(x + 1), ē = x, ȳ = 1
    expect(rows.map((r) => [r.flopsForward, r.flopsBackward])).toEqual([[0, 1], [1, 1], [1, 2]]);
    const vector = R.trace((x: R.Value) => R.mul(x, 2))(T.ones([2]));
    expect(R.wengertTable(vector).every((r) => r.adjoint === undefined)).toBe(true);
  });

  it('counts broadcast sums and fan-out in the backward FLOPs', () => {
    // z = x + b with b: [3] broadcast over [4, 3]: b̄ sums 12 elements into 3 (9 additions).
    const graph = R.trace((x: R.Value, bias: R.Value) => R.sum(R.add(x, bias)))(T.ones([4, 3]), T.ones([3]));
    const count = R.flopCount(graph);
    expect(count.forward).toBe(12 + 11);
    expect(count.nodes[2]!.backward).toBe(9);
  });

  it('toDot draws every node and every parent edge', () => {
    const graph = R.trace((x: R.Value) => R.named('y', R.mul(R.named('e', R.exp(x)), x)))(0);
    const dot = R.toDot(graph, { adjoints: true });
    expect(dot.startsWith('digraph wengert {')).toBe(true);
    expect(dot.trim().endsWith('}')).toBe(true);
    expect(dot).toContain('n0 [label="args[0] = input\\n0\\nx̄ = 1", shape=ellipse];'); // eˣ(x + 1) at 0
    expect(dot).toContain('n1 [label="e = exp\\n1\\nx̄ = 0"];');
    expect(dot).toContain('n2 [label="y = mul\\n0\\nx̄ = 1"];');
    expect([...dot.matchAll(/n(\d) -> n(\d)/g)].map((m) => `${m[1]}${m[2]}`)).toEqual(['01', '12', '02']);
  });
});
