/**
 * The Wengert list while it is being recorded, and the small stack of active traces.
 *
 * Storage is struct-of-arrays: for scalar nodes (plain numbers, the notes' setting) a node is
 * a rule reference plus two parent indices and two numbers in typed arrays, so a graph of 10⁶
 * elementary nodes costs a few typed-array writes per node. Tensor nodes keep a small record
 * with their primal inputs and parameters. Either way the reverse sweep walks indices
 * backwards; evaluation order is already a topological order, so no sort is needed.
 *
 * The only module-level state is `stack`: the traces active right now, pushed by `openTape`
 * and always popped by `closeTape` in a `finally`, so it is empty whenever no `f` is running.
 *
 * @module
 */
import * as T from '@theta/tensor';
import { inputRule, type AnyRule, type Rule } from './rule.js';
import { TracedValue, type Traced, type Value } from './value.js';

/** A tensor node's record: parent ids by input position (−1 for a constant), primal inputs, value, parameters. */
export interface GeneralNode {
  /** Node id of each input position, or −1 where the input is a constant. */
  readonly parents: readonly number[];
  /** Primal inputs (one level down), constants included. */
  readonly inputs: readonly Value[];
  /** Primal output. */
  readonly value: Value;
  /** Static parameters of the op (axes, shapes, …). */
  readonly params: unknown;
}

/** p1 of a scalar node whose op is unary: `k` then holds its parameter (α) instead of a constant. */
export const UNARY = -2;
/** p1 of a tensor node: p0 then indexes its record in `general`. */
export const GENERAL = -3;

const stack: Tape[] = [];

/** Room for this many nodes when a tape starts (see the columns of {@link Tape}). */
const INITIAL_NODES = 64;

/** A Wengert list under construction (and, once closed, read by the sweeps). */
export class Tape {
  /** Nesting depth: 1 for the outermost trace. */
  readonly level: number;
  /** False once the trace has finished: its traced values may no longer be used. */
  active = true;
  /** Number of nodes D. */
  size = 0;
  /** Number of tensor (non-scalar) nodes; 0 means the scalar fast sweep applies. */
  generalCount = 0;
  /** Rule of each node. */
  readonly rules: AnyRule[] = [];
  /** Records of the tensor nodes, in order. */
  readonly general: GeneralNode[] = [];
  // The four columns start small and grow ×4 as nodes come: a training step's tensor trace has
  // a few dozen nodes, and 24 KB of columns per trace cost it more than the growth costs a long
  // scalar trace.
  /** Scalar nodes: first parent id, or −1 for a constant operand; tensor nodes: index in `general`. */
  p0 = new Int32Array(INITIAL_NODES);
  /** Scalar nodes: second parent id, −1 for a constant, UNARY for a unary op; GENERAL for tensor nodes. */
  p1 = new Int32Array(INITIAL_NODES);
  /** Scalar nodes: the value x_i. */
  num = new Float64Array(INITIAL_NODES);
  /** Scalar nodes: the constant operand, or the parameter of a unary op. */
  k = new Float64Array(INITIAL_NODES);
  /** Names given with `named`. */
  readonly names = new Map<number, string>();
  /** Ids of the input nodes x_1 … x_d. */
  readonly inputs: number[] = [];

  constructor(level: number) {
    this.level = level;
  }

  /** Makes room for one more scalar node. */
  private grow(): void {
    const n = this.p0.length * 4;
    const widen = <A extends Int32Array | Float64Array>(a: A, make: (n: number) => A): A => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.p0 = widen(this.p0, (m) => new Int32Array(m));
    this.p1 = widen(this.p1, (m) => new Int32Array(m));
    this.num = widen(this.num, (m) => new Float64Array(m));
    this.k = widen(this.k, (m) => new Float64Array(m));
  }

  /** Id of `v` in this list, or −1 when it is a constant here. */
  idOf(v: Value): number {
    return v instanceof TracedValue && v.tape === this ? v.id : -1;
  }

  /** Records an input node x_i with the given primal value. */
  input(value: T.Tensor | Traced | number): TracedValue {
    const id = typeof value === 'number' ? this.scalarNode(inputRule, -1, UNARY, 0, value) : this.generalNode(inputRule, [], [], value, undefined);
    this.inputs.push(id);
    return new TracedValue(this, id, value);
  }

  /**
   * Records a scalar node z = g(x, y) with parent ids `ia`, `ib` (−1 for a constant operand,
   * UNARY for a unary op, whose parameter is then y).
   */
  pushScalar(rule: AnyRule, ia: number, ib: number, x: number, y: number, z: number): TracedValue {
    return new TracedValue(this, this.scalarNode(rule, ia, ib, ia < 0 ? x : y, z), z);
  }

  /** Records a tensor node; `args` are the operands as passed, `inputs` their primals. */
  push<P, I extends readonly Value[]>(rule: Rule<P, I>, args: readonly Value[], inputs: I, out: Value, params: P): TracedValue {
    const parents = args.map((a) => this.idOf(a));
    return new TracedValue(this, this.generalNode(rule as AnyRule, parents, inputs, out, params), out);
  }

  private scalarNode(rule: AnyRule, p0: number, p1: number, k: number, z: number): number {
    const i = this.size++;
    if (i === this.p0.length) this.grow();
    this.rules.push(rule);
    this.p0[i] = p0;
    this.p1[i] = p1;
    this.k[i] = k;
    this.num[i] = z;
    return i;
  }

  private generalNode(rule: AnyRule, parents: readonly number[], inputs: readonly Value[], value: Value, params: unknown): number {
    const i = this.size++;
    if (i === this.p0.length) this.grow();
    this.rules.push(rule);
    this.p0[i] = this.general.length;
    this.p1[i] = GENERAL;
    this.general.push({ parents, inputs, value, params });
    this.generalCount++;
    return i;
  }

  /** The record of node i if it is a tensor node. */
  generalOf(i: number): GeneralNode | undefined {
    return this.p1[i] === GENERAL ? this.general[this.p0[i] as number] : undefined;
  }

  /** The primal value of node i. */
  valueOf(i: number): Value {
    const g = this.generalOf(i);
    return g === undefined ? (this.num[i] as number) : g.value;
  }

  /** Parent ids of node i by input position (−1 for constants). */
  parentsOf(i: number): readonly number[] {
    const g = this.generalOf(i);
    if (g !== undefined) return g.parents;
    if (this.rules[i] === inputRule) return [];
    const b = this.p1[i] as number;
    return b === UNARY ? [this.p0[i] as number] : [this.p0[i] as number, b];
  }

  /** Primal inputs of node i by position, and its parameters. */
  inputsOf(i: number): { readonly inputs: readonly Value[]; readonly params: unknown } {
    const g = this.generalOf(i);
    if (g !== undefined) return g;
    const a = this.p0[i] as number;
    const b = this.p1[i] as number;
    const k = this.k[i] as number;
    const x = a >= 0 ? (this.num[a] as number) : k;
    if (b === UNARY) return { inputs: [x], params: k };
    return { inputs: [x, b >= 0 ? (this.num[b] as number) : k], params: undefined };
  }
}

/** Starts a trace one level deeper than the active ones. Always pair with `closeTape` in `finally`. */
export function openTape(): Tape {
  const tape = new Tape(stack.length + 1);
  stack.push(tape);
  return tape;
}

/** Ends a trace: pops it and marks its traced values as escaped from now on. */
export function closeTape(tape: Tape): void {
  tape.active = false;
  const i = stack.lastIndexOf(tape);
  if (i >= 0) stack.length = i;
}

/** Number of active traces (for the tests that check nothing is left behind). */
export const activeDepth = (): number => stack.length;

const escaped = (op: string): T.DTypeError =>
  new T.DTypeError({
    op,
    argument: 'x',
    expected: 'a Tensor, a number or a value traced by an active trace',
    actual: 'a traced value whose trace has finished (it escaped from the function being differentiated)',
  });

/** The trace of `v` if it is traced (checking that the trace is still active). */
export function tapeOf(v: unknown, op: string): Tape | undefined {
  if (!(v instanceof TracedValue)) return undefined;
  if (!v.tape.active) throw escaped(op);
  return v.tape;
}

/** The innermost (highest-level) trace among two operands. */
export function top2(a: unknown, b: unknown, op: string): Tape | undefined {
  const ta = tapeOf(a, op);
  const tb = tapeOf(b, op);
  if (ta === undefined) return tb;
  return tb === undefined || ta.level >= tb.level ? ta : tb;
}

/** The innermost trace among any number of operands. */
export function topN(args: readonly unknown[], op: string): Tape | undefined {
  let top: Tape | undefined;
  for (const a of args) {
    const t = tapeOf(a, op);
    if (t !== undefined && (top === undefined || t.level > top.level)) top = t;
  }
  return top;
}

/** `v` one level down from `tape`: its primal if it is traced there, itself otherwise. */
export const primalAt = (v: Value, tape: Tape): Value => (v instanceof TracedValue && v.tape === tape ? v.value : v);
