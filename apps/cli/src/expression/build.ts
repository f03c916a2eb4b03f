/**
 * Evaluates a parsed expression twice: with @theta/reverse ops under `R.trace`, which records
 * the Wengert list (x, a = x², b = exp(a), …) and sweeps the adjoints, and with @theta/dual
 * numbers, which carry the tangent of every node forward. Equal sub-expressions are computed
 * once (x² in `sqrt(x^2 + exp(x^2))` is one node, as in the notes); constant sub-expressions
 * are folded and never become nodes.
 *
 * @module
 */
import * as Dual from '@theta/dual';
import * as R from '@theta/reverse';
import { CliFailure } from '../errors.js';
import { functions } from './functions.js';
import { variablesOf, type Expr } from './parser.js';

/** One row of the table: a node of the Wengert list with its value, tangent and adjoint. */
export interface GradRow {
  /** i in x_i, from 1. */
  readonly i: number;
  /** The node's name: the variable, or a, b, c, … */
  readonly name: string;
  /** The elementary function in terms of the parents: `exp(a)`, `a + b`. */
  readonly definition: string;
  /** The op recorded (`square`, `exp`, `add`, …; `input` for a variable). */
  readonly op: string;
  /** The parents' names. */
  readonly parents: readonly string[];
  /** The value x_i. */
  readonly value: number;
  /** dx_i/d(wrt), by forward mode. */
  readonly tangent: number;
  /** ∂f/∂x_i, by the reverse sweep. */
  readonly adjoint: number;
  /** FLOPs to compute x_i. */
  readonly flopsForward: number;
  /** FLOPs the reverse sweep spends at node i. */
  readonly flopsBackward: number;
}

/** The Wengert table of f at a point, with its value and gradient. */
export interface GradResult {
  /** The variables, in order of first appearance. */
  readonly variables: readonly string[];
  /** The variable the tangents are taken with respect to. */
  readonly wrt: string;
  /** f at the point. */
  readonly value: number;
  /** ∂f/∂v for every variable v (the adjoints of the inputs). */
  readonly gradient: Readonly<Record<string, number>>;
  /** df/d(wrt) by forward mode (the output's tangent). */
  readonly forwardDerivative: number;
  /** The nodes, inputs first, output last. */
  readonly rows: readonly GradRow[];
  /** Total FLOPs of the forward pass and of the reverse sweep. */
  readonly flops: { readonly forward: number; readonly backward: number };
}

/** The operations an expression is evaluated with. */
interface Algebra<V> {
  readonly constant: (value: number, text: string) => V;
  readonly variable: (name: string) => V;
  readonly neg: (x: V, e: Expr) => V;
  readonly binary: (operator: string, a: V, b: V, e: Expr) => V;
  readonly call: (name: string, x: V, e: Expr) => V;
}

/** A canonical key per sub-expression: equal keys are computed once. */
export function keyOf(e: Expr): string {
  switch (e.kind) {
    case 'number':
      return String(e.value);
    case 'variable':
      return e.name;
    case 'neg':
      return `neg(${keyOf(e.argument)})`;
    case 'binary':
      return `(${keyOf(e.left)}${e.operator}${keyOf(e.right)})`;
    case 'call':
      return `${e.name === 'ln' ? 'log' : e.name}(${keyOf(e.argument)})`;
  }
}

/** Source-like text of a constant sub-expression (`2*pi`). */
export function textOf(e: Expr): string {
  switch (e.kind) {
    case 'number':
      return e.text;
    case 'variable':
      return e.name;
    case 'neg':
      return `-${textOf(e.argument)}`;
    case 'binary':
      return `(${textOf(e.left)} ${e.operator} ${textOf(e.right)})`.replace(/^\((.*)\)$/, '$1');
    case 'call':
      return `${e.name}(${textOf(e.argument)})`;
  }
}

/** Forward-mode arithmetic on numbers and duals (also folds constants, on plain numbers). */
function dualBinary(operator: string, a: Dual.Num, b: Dual.Num): Dual.Num {
  if (operator === '+') return Dual.add(a, b);
  if (operator === '-') return Dual.sub(a, b);
  if (operator === '*') return Dual.mul(a, b);
  if (operator === '/') return Dual.div(a, b);
  if (typeof b === 'number' && Number.isInteger(b)) return b === 2 ? Dual.mul(a, a) : Dual.powi(a, b);
  return Dual.pow(a, b);
}

/** Evaluates `e` with `algebra`, once per distinct sub-expression; constants are folded. */
function evaluate<V>(e: Expr, algebra: Algebra<V>, memo: Map<string, V>, constantValue: (e: Expr) => number | undefined): V {
  const key = keyOf(e);
  const known = memo.get(key);
  if (known !== undefined) return known;
  const folded = constantValue(e);
  let v: V;
  if (folded !== undefined) v = algebra.constant(folded, textOf(e));
  else if (e.kind === 'variable') v = algebra.variable(e.name);
  else if (e.kind === 'neg') v = algebra.neg(evaluate(e.argument, algebra, memo, constantValue), e);
  else if (e.kind === 'call') v = algebra.call(e.name, evaluate(e.argument, algebra, memo, constantValue), e);
  else if (e.kind === 'binary') v = algebra.binary(e.operator, evaluate(e.left, algebra, memo, constantValue), evaluate(e.right, algebra, memo, constantValue), e);
  else v = algebra.constant(e.value, e.text);
  memo.set(key, v);
  return v;
}

/** The value of a sub-expression without variables (undefined when it has some). */
function constantValueOf(e: Expr): number | undefined {
  if (variablesOf(e).length > 0) return undefined;
  const plain: Algebra<Dual.Num> = {
    constant: (value) => value,
    variable: () => Number.NaN,
    neg: (x) => Dual.neg(x),
    binary: dualBinary,
    call: (name, x) => (functions[name] as (typeof functions)[string]).forward(x),
  };
  return Dual.primal(evaluate(e, plain, new Map(), () => undefined));
}

/** Names for the intermediate nodes, as the notes: a, b, c, …, skipping the variables' names. */
function* letters(taken: readonly string[]): Generator<string> {
  for (let round = 0; ; round++) {
    for (const c of 'abcdefghijklmnopqrstuvwxyz') {
      const name = round === 0 ? c : `${c}${round}`;
      if (!taken.includes(name)) yield name;
    }
  }
}

/**
 * The Wengert table of the expression at `point` (one value per variable): values and FLOPs
 * from the recorded list, adjoints from the reverse sweep, tangents with respect to `wrt` from
 * forward mode. Throws a `CliFailure` naming the first node whose value is not finite.
 */
export function gradTable(expr: Expr, point: Readonly<Record<string, number>>, wrt: string): GradResult {
  const variables = variablesOf(expr);
  const definitions = new Map<string, { readonly definition: string; readonly key: string }>();
  const display = new Map<unknown, string>();
  const show = (v: unknown): string => display.get(v) ?? (typeof v === 'number' ? String(v) : '?');
  const names = letters(variables);
  const f = (...inputs: R.Value[]): R.Value => {
    const record = (v: R.Value, definition: string, e: Expr): R.Value => {
      if (!R.isTraced(v)) return v;
      const name = names.next().value as string;
      definitions.set(name, { definition, key: keyOf(e) });
      display.set(v, name);
      return R.named(name, v);
    };
    const reverse: Algebra<R.Value> = {
      constant: (value, text) => {
        display.set(value, text);
        return value;
      },
      variable: (name) => {
        const x = inputs[variables.indexOf(name)] as R.Value;
        display.set(x, name);
        return R.named(name, x);
      },
      neg: (x, e) => record(R.neg(x), `-${show(x)}`, e),
      binary: (operator, a, b, e) => {
        const definition = `${show(a)} ${operator} ${show(b)}`.replace(/ \^ /, '^');
        if (operator === '+') return record(R.add(a, b), definition, e);
        if (operator === '-') return record(R.sub(a, b), definition, e);
        if (operator === '*') return record(R.mul(a, b), definition, e);
        if (operator === '/') return record(R.div(a, b), definition, e);
        return record(b === 2 ? R.square(a) : R.pow(a, b), definition, e);
      },
      call: (name, x, e) => record((functions[name] as (typeof functions)[string]).reverse(x), `${name}(${show(x)})`, e),
    };
    return evaluate(expr, reverse, new Map(), constantValueOf);
  };
  const graph = R.trace(f)(...variables.map((v) => point[v] as number));
  const table = R.wengertTable(graph);

  // Forward mode: every distinct sub-expression's tangent, by key.
  const tag = Dual.freshTag();
  const tangents = new Map<string, Dual.Num>();
  const forward: Algebra<Dual.Num> = {
    constant: (value) => value,
    variable: (name) => (name === wrt ? Dual.perturb(point[name] as number, 1, tag) : (point[name] as number)),
    neg: (x) => Dual.neg(x),
    binary: dualBinary,
    call: (name, x) => (functions[name] as (typeof functions)[string]).forward(x),
  };
  const output = evaluate(expr, forward, tangents, constantValueOf);
  const tangentOf = (key: string): number => {
    const v = tangents.get(key);
    return v === undefined ? 0 : (Dual.tangentOf(v, tag) as number);
  };

  const rows: GradRow[] = table.map((row) => {
    const known = definitions.get(row.name);
    const isInput = row.op === 'input';
    return {
      i: row.i,
      name: row.name,
      definition: isInput ? 'input' : (known?.definition ?? row.op),
      op: row.op,
      parents: row.parents.map((p) => table[p - 1]?.name ?? String(p)),
      value: row.value as number,
      tangent: isInput ? (row.name === wrt ? 1 : 0) : known === undefined ? Number.NaN : tangentOf(known.key),
      adjoint: (row.adjoint as number | undefined) ?? 0,
      flopsForward: row.flopsForward,
      flopsBackward: row.flopsBackward,
    };
  });
  const bad = rows.find((r) => !Number.isFinite(r.value));
  if (bad !== undefined) {
    const at = variables.map((v) => `${v} = ${point[v]}`).join(', ');
    throw new CliFailure(`f is not finite at ${at}: node ${bad.name} = ${bad.definition} is ${bad.value}`);
  }
  const value = typeof graph.output === 'number' ? graph.output : Number.NaN;
  const gradient = Object.fromEntries(variables.map((v) => [v, rows.find((r) => r.name === v)?.adjoint ?? 0]));
  return {
    variables,
    wrt,
    value,
    gradient,
    forwardDerivative: Dual.tangentOf(output, tag) as number,
    rows,
    flops: { forward: rows.reduce((s, r) => s + r.flopsForward, 0), backward: rows.reduce((s, r) => s + r.flopsBackward, 0) },
  };
}
