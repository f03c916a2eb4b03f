/**
 * An expression's Wengert list at a point, as the explorer shows it: @theta/reverse records the
 * list (node, op, parents, value), sweeps the adjoints ∂f/∂x_i and counts the FLOPs; a forward
 * pass with @theta/dual's dual numbers gives each node's tangent ẋ_i along the chosen input.
 * Equal subexpressions are evaluated once, as in the notes (x² is the one node a = x²).
 */
import * as D from '@theta/dual';
import * as R from '@theta/reverse';
import type { Expr, UnaryFunction } from './parse.js';
import { print } from './parse.js';

/** One row of the explorer's table. */
export interface ExplorerRow {
  /** i in x_i, from 1. */
  readonly i: number;
  /** The elementary function g_i (`input` for x and y). */
  readonly op: string;
  /** pa(i), 1-based. */
  readonly parents: readonly number[];
  /** The subexpression this node computes, or the input's name. */
  readonly expression: string;
  /** g_i written over the parent nodes, e.g. `exp(x₂)` or `x₂ + x₃`. */
  readonly formula: string;
  /** x_i at the point. */
  readonly value: number;
  /** ẋ_i = ∂x_i/∂(direction), by forward mode; NaN when the node has no subexpression of its own. */
  readonly tangent: number;
  /** x̄_i = ∂f/∂x_i, by the reverse sweep. */
  readonly adjoint: number;
  /** FLOPs to compute x_i, and the reverse sweep's FLOPs at node i. */
  readonly flopsForward: number;
  readonly flopsBackward: number;
}

/** The whole table and its totals. */
export interface Exploration {
  /** x_1 … x_D. */
  readonly rows: readonly ExplorerRow[];
  /** f at the point. */
  readonly value: number;
  /** ∂f/∂x and ∂f/∂y from the sweep (0 for an input f does not use). */
  readonly gradient: { readonly x: number; readonly y: number };
  /** ∂f along the chosen direction by forward mode. */
  readonly tangent: number;
  /** Σ FLOPs forward and backward. */
  readonly flopsForward: number;
  readonly flopsBackward: number;
  /** The inputs that became nodes. */
  readonly inputs: readonly ('x' | 'y')[];
}

/** The variables an expression uses. */
export function variablesOf(e: Expr): Set<'x' | 'y'> {
  const out = new Set<'x' | 'y'>();
  const walk = (n: Expr): void => {
    if (n.kind === 'variable') out.add(n.name);
    else if (n.kind === 'negate') walk(n.arg);
    else if (n.kind === 'binary') (walk(n.left), walk(n.right));
    else if (n.kind === 'call') n.args.forEach(walk);
  };
  walk(e);
  return out;
}

/** The operations an evaluator needs, over some number type V. */
interface Algebra<V> {
  readonly add: (a: V, b: V) => V;
  readonly sub: (a: V, b: V) => V;
  readonly mul: (a: V, b: V) => V;
  readonly div: (a: V, b: V) => V;
  readonly neg: (a: V) => V;
  readonly pow: (a: V, b: V, integer: number | undefined) => V;
  readonly call: (fn: UnaryFunction, a: V) => V;
}

const reverseFunctions: Readonly<Record<UnaryFunction, (a: R.Value) => R.Value>> = {
  sqrt: R.sqrt, exp: R.exp, log: R.log, sin: R.sin, cos: R.cos, tan: R.tan, tanh: R.tanh, sigmoid: R.sigmoid, relu: R.relu,
  softplus: R.softplus, abs: R.abs, square: R.square, expm1: R.expm1, log1p: R.log1p,
};
const reverseAlgebra: Algebra<R.Value> = {
  add: R.add, sub: R.sub, mul: R.mul, div: R.div, neg: R.neg,
  // x^2 is the notes' elementary square (a = x²); other powers are `pow`.
  pow: (a, b, n) => (n === 2 ? R.square(a) : R.pow(a, b)),
  call: (fn, a) => reverseFunctions[fn](a),
};

const dualFunctions: Readonly<Record<UnaryFunction, (a: D.Num) => D.Num>> = {
  sqrt: D.sqrt, exp: D.exp, log: D.log, sin: D.sin, cos: D.cos, tan: D.tan, tanh: D.tanh, sigmoid: D.sigmoid, relu: D.relu,
  softplus: D.softplus, abs: D.abs, square: (a) => D.mul(a, a), expm1: D.expm1, log1p: D.log1p,
};
const dualAlgebra: Algebra<D.Num> = {
  add: D.add, sub: D.sub, mul: D.mul, div: D.div, neg: D.neg,
  pow: (a, b, n) => (n !== undefined ? D.powi(a, n) : D.pow(a, b)),
  call: (fn, a) => dualFunctions[fn](a),
};

/**
 * Evaluates `e` over an algebra, once per distinct subexpression; `visit` sees each computed
 * subexpression's canonical text and value (inputs and constants are not visited).
 */
function evaluate<V>(e: Expr, algebra: Algebra<V>, env: { readonly x: V; readonly y: V }, lift: (n: number) => V, visit: (key: string, v: V) => V): V {
  const memo = new Map<string, V>();
  const go = (n: Expr): V => {
    if (n.kind === 'number') return lift(n.value);
    if (n.kind === 'variable') return env[n.name];
    const key = print(n);
    const known = memo.get(key);
    if (known !== undefined) return known;
    let v: V;
    if (n.kind === 'negate') v = algebra.neg(go(n.arg));
    else if (n.kind === 'call') v = n.fn === 'pow' ? power(n.args[0]!, n.args[1]!) : algebra.call(n.fn, go(n.args[0]!));
    else if (n.op === '^') v = power(n.left, n.right);
    else {
      const [a, b] = [go(n.left), go(n.right)];
      v = n.op === '+' ? algebra.add(a, b) : n.op === '-' ? algebra.sub(a, b) : n.op === '*' ? algebra.mul(a, b) : algebra.div(a, b);
    }
    v = visit(key, v);
    memo.set(key, v);
    return v;
  };
  const power = (base: Expr, exponent: Expr): V => {
    const integer = exponent.kind === 'number' && Number.isInteger(exponent.value) ? exponent.value : undefined;
    return algebra.pow(go(base), go(exponent), integer);
  };
  return go(e);
}

const asNumber = (v: unknown): number => (typeof v === 'number' ? v : Number.NaN);

const subscripts = '₀₁₂₃₄₅₆₇₈₉';
/** x_i with a subscript: x₁, x₁₂. */
export const nodeLabel = (i: number): string => `x${String(i).replace(/\d/g, (d) => subscripts[Number(d)] as string)}`;

/** Every compound subexpression by its canonical text. */
function subexpressions(e: Expr): Map<string, Expr> {
  const out = new Map<string, Expr>();
  const walk = (n: Expr): void => {
    if (n.kind === 'number' || n.kind === 'variable') return;
    out.set(print(n), n);
    if (n.kind === 'negate') walk(n.arg);
    else if (n.kind === 'binary') (walk(n.left), walk(n.right));
    else n.args.forEach(walk);
  };
  walk(e);
  return out;
}

/** g_i of a subexpression written over its operands' node labels (constants as numbers). */
function formulaOf(n: Expr, labelOf: (child: Expr) => string): string {
  switch (n.kind) {
    case 'number':
    case 'variable': return labelOf(n);
    case 'negate': return `−${labelOf(n.arg)}`;
    case 'binary': {
      const [a, b] = [labelOf(n.left), labelOf(n.right)];
      if (n.op === '^') return b === '2' ? `${a}²` : `${a}^${b}`;
      return `${a} ${n.op === '*' ? '·' : n.op === '-' ? '−' : n.op} ${b}`;
    }
    case 'call': return n.fn === 'sqrt' ? `√${labelOf(n.args[0]!)}` : n.fn === 'square' ? `${labelOf(n.args[0]!)}²` : `${n.fn}(${n.args.map(labelOf).join(', ')})`;
  }
}

/** The explorer's table of `e` at (x, y), tangents along `direction`. Throws only on a bug. */
export function explore(e: Expr, point: { readonly x: number; readonly y: number }, direction: 'x' | 'y'): Exploration {
  const used = variablesOf(e);
  // Only the inputs f uses become nodes, so f(x) numbers its list as the notes: x_1 = x.
  const inputs: ('x' | 'y')[] = used.size === 0 ? ['x'] : (['x', 'y'] as const).filter((v) => used.has(v));
  const keyOf = new Map<string, string>();
  let count = 0;
  const f = (...args: R.Value[]): R.Value => {
    const env = { x: args[inputs.indexOf('x')] ?? point.x, y: args[inputs.indexOf('y')] ?? point.y };
    const seen = new Set<R.Value>(args);
    return evaluate<R.Value>(e, reverseAlgebra, env, (n) => n, (key, v) => {
      if (!R.isTraced(v) || seen.has(v)) return v;
      seen.add(v);
      const name = `#${count++}`;
      keyOf.set(name, key);
      return R.named(name, v);
    });
  };
  const graph = R.trace(f)(...inputs.map((v) => point[v]));
  const table = R.wengertTable(graph);

  const tag = D.freshTag();
  const tangents = new Map<string, number>();
  const env = { x: D.perturb(point.x, direction === 'x' ? 1 : 0, tag), y: D.perturb(point.y, direction === 'y' ? 1 : 0, tag) };
  const out = evaluate<D.Num>(e, dualAlgebra, env, (n) => n, (key, v) => (tangents.set(key, asNumber(D.tangentOf(v, tag))), v));

  const nodeOfKey = new Map<string, number>();
  table.forEach((row) => {
    const key = keyOf.get(row.name);
    if (key !== undefined) nodeOfKey.set(key, row.i);
  });
  graph.inputs.forEach((id, k) => nodeOfKey.set(inputs[k] as string, id + 1));
  const exprs = subexpressions(e);
  const labelOf = (child: Expr): string => {
    if (child.kind === 'number') return Number(child.value.toPrecision(6)).toString();
    const i = nodeOfKey.get(print(child));
    return i === undefined ? `(${print(child)})` : nodeLabel(i);
  };
  const rows = table.map((row): ExplorerRow => {
    const isInput = row.op === 'input';
    const input = isInput ? inputs[graph.inputs.indexOf(row.i - 1)] : undefined;
    const key = keyOf.get(row.name);
    const expression = input ?? key ?? '';
    const tangent = input !== undefined ? (input === direction ? 1 : 0) : key !== undefined ? (tangents.get(key) ?? Number.NaN) : Number.NaN;
    return {
      i: row.i, op: row.op, parents: row.parents, expression,
      formula: isInput ? expression : key !== undefined && exprs.has(key) ? formulaOf(exprs.get(key)!, labelOf) : row.op,
      value: asNumber(row.value), tangent, adjoint: asNumber(row.adjoint),
      flopsForward: row.flopsForward, flopsBackward: row.flopsBackward,
    };
  });
  const gradientOf = (v: 'x' | 'y'): number => {
    const index = inputs.indexOf(v);
    return index < 0 || !used.has(v) ? 0 : (rows[graph.inputs[index] as number]?.adjoint ?? 0);
  };
  return {
    rows,
    value: asNumber(typeof graph.output === 'number' ? graph.output : D.primal(out)),
    gradient: { x: gradientOf('x'), y: gradientOf('y') },
    tangent: asNumber(D.tangentOf(out, tag)),
    flopsForward: rows.reduce((s, r) => s + r.flopsForward, 0),
    flopsBackward: rows.reduce((s, r) => s + r.flopsBackward, 0),
    inputs,
  };
}
