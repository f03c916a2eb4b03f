// @theta/reverse: (1) trace + reverse sweep of a scalar graph of 10⁶ elementary nodes, against
// a micrograd-style engine (one object per node, closures, topological sort) written below;
// (2) the overhead of recording tensor ops under a trace, against evaluating the same ops plain.
// Imports the built packages: `npm run build -w @theta/tensor && npm run build -w @theta/reverse`.
import * as T from '@theta/tensor';
import * as R from '@theta/reverse';
import { performance } from 'node:perf_hooks';
import { fmt, ratio, table } from '../lib/measure.mjs';
import { values } from '../lib/values.mjs';

/** CPU seconds this process has used: unlike the wall clock, it does not run on while the
 * shared machine's other work has the core (it does include the garbage collector's threads). */
const cpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

/**
 * Best CPU seconds per call of each contender, over `rounds` interleaved batches of about
 * `batchMs` each. On a shared, loaded machine the minimum over interleaved batches is the
 * figure least disturbed by other work, and interleaving keeps a slow phase from landing on
 * one contender only.
 */
function bestOf(contenders, { rounds = 25, batchMs = 25 } = {}) {
  const sizes = contenders.map((fn) => {
    for (let i = 0; i < 3; i++) fn(); // warm up
    const t0 = performance.now();
    fn();
    return Math.max(1, Math.round(batchMs / Math.max(performance.now() - t0, 1e-3)));
  });
  const best = contenders.map(() => Infinity);
  let sink = 0;
  for (let r = 0; r < rounds; r++) {
    contenders.forEach((fn, c) => {
      const n = sizes[c];
      const t0 = cpuSeconds();
      for (let i = 0; i < n; i++) sink ^= fn() | 0;
      best[c] = Math.min(best[c], (cpuSeconds() - t0) / n);
    });
  }
  globalThis.__benchSink = sink;
  return best;
}

// ---------------------------------------------------------------------------------------------
// The baseline: micrograd (karpathy/micrograd, engine.py) in JavaScript, as written there —
// a Value object per node holding its children in a Set and its local backward step in a
// closure; backward() sorts the graph topologically, then calls the closures in reverse.
// Only change: the topological sort is iterative, as a 10⁶-deep recursion overflows the stack.

class Value {
  constructor(data, children = [], op = '') {
    this.data = data;
    this.grad = 0;
    this._backward = () => {};
    this._prev = new Set(children);
    this._op = op;
  }
  add(other) {
    other = other instanceof Value ? other : new Value(other);
    const out = new Value(this.data + other.data, [this, other], '+');
    out._backward = () => {
      this.grad += out.grad;
      other.grad += out.grad;
    };
    return out;
  }
  mul(other) {
    other = other instanceof Value ? other : new Value(other);
    const out = new Value(this.data * other.data, [this, other], '*');
    out._backward = () => {
      this.grad += other.data * out.grad;
      other.grad += this.data * out.grad;
    };
    return out;
  }
  sin() {
    const out = new Value(Math.sin(this.data), [this], 'sin');
    out._backward = () => {
      this.grad += Math.cos(this.data) * out.grad;
    };
    return out;
  }
  backward() {
    const topo = [];
    const visited = new Set();
    const stack = [[this, false]];
    while (stack.length > 0) {
      const [v, expanded] = stack.pop();
      if (expanded) {
        topo.push(v);
        continue;
      }
      if (visited.has(v)) continue;
      visited.add(v);
      stack.push([v, true]);
      for (const child of v._prev) if (!visited.has(child)) stack.push([child, false]);
    }
    this.grad = 1;
    for (let i = topo.length - 1; i >= 0; i--) topo[i]._backward();
  }
}

// The same function for both engines: 4 elementary nodes per step (x·y, sin, 0.5·y, +), with
// fan-out on y and x. STEPS = 250 000 gives 10⁶ nodes.
const STEPS = 250_000;
const micrograd = (y0, x0) => {
  const x = new Value(x0);
  let y = new Value(y0);
  for (let i = 0; i < STEPS; i++) y = y.mul(x).sin().add(y.mul(0.5));
  y.backward();
  return [y.data, x.grad];
};
const chain = (y0, x) => {
  let y = y0;
  for (let i = 0; i < STEPS; i++) y = R.add(R.sin(R.mul(y, x)), R.mul(y, 0.5));
  return y;
};
const theta = (y0, x0) => R.valueAndGrad(chain, { argnums: [0, 1] })(y0, x0);

function scalarGraph() {
  const [y1, dx1] = micrograd(0.3, 0.9);
  const [y2, [, dx2]] = theta(0.3, 0.9);
  const nodes = R.trace(chain)(0.3, 0.9).size - 2;
  if (Math.abs(y1 - y2) > 1e-12 || Math.abs(dx1 - dx2) > 1e-9 * Math.abs(dx1)) throw new Error(`engines disagree: ${y1} ${y2} ${dx1} ${dx2}`);
  const graph = R.trace(chain)(0.3, 0.9);
  const [base, ours, traceOnly, sweepOnly] = bestOf(
    [() => micrograd(0.3, 0.9)[1], () => theta(0.3, 0.9)[1][1], () => R.trace(chain)(0.3, 0.9).size, () => R.sweep(graph)[0]],
    { rounds: 4, batchMs: 0 },
  );
  table(`Scalar graph of ${nodes.toLocaleString('en')} elementary nodes: trace + reverse sweep (gradient agrees to ${fmt(Math.abs(dx1 - dx2) / Math.abs(dx1), 2)} rel.)`, [
    ['engine', 'CPU ms (best of 4)', 'ns per node', 'speed-up vs micrograd-style'],
    ['micrograd-style (object per node, Set, closures, topo sort)', fmt(base * 1e3), fmt((base / nodes) * 1e9), '1×'],
    ['@theta/reverse valueAndGrad (struct-of-arrays list, scalar sweep)', fmt(ours * 1e3), fmt((ours / nodes) * 1e9), ratio(base, ours)],
    ['  of which R.trace (record the list)', fmt(traceOnly * 1e3), fmt((traceOnly / nodes) * 1e9), ''],
    ['  of which R.sweep (adjoints of every node, as an array)', fmt(sweepOnly * 1e3), fmt((sweepOnly / nodes) * 1e9), ''],
  ]);
}

// ---------------------------------------------------------------------------------------------
// Tracing overhead on small tensors: each case applies one op REPEAT times to the same operands,
// plain (@theta/tensor directly, and R's ops on plain tensors) and under R.trace (the operand
// traced, so every application records a node). The ratio traced / plain is the overhead.

const REPEAT = 50;
const tensorOf = (shape, seed) => T.fromArray(values(shape.reduce((a, b) => a * b, 1), seed), shape);
const X = tensorOf([32, 50], 1);
const W = tensorOf([50, 50], 2);
const b = tensorOf([50], 3);
const Z = tensorOf([32, 50], 4);

const cases = [
  ['matmul 32×50 · 50×50', (w) => T.matmul(X, w), (w) => R.matmul(X, w)],
  ['matmul 32×50 · (50×50)ᵀ', (w) => T.matmul(X, w, { transposeB: true }), (w) => R.matmul(X, w, { transposeB: true })],
  ['add 32×50 + 50 (broadcast)', (z) => T.add(z, b), (z) => R.add(z, b), Z],
  ['mul 32×50 ⊙ 32×50', (z) => T.mul(z, X), (z) => R.mul(z, X), Z],
  ['sigmoid 32×50', (z) => T.sigmoid(z), (z) => R.sigmoid(z), Z],
  ['sum 32×50 → 50', (z) => T.sum(z, { axis: 0 }), (z) => R.sum(z, { axis: 0 }), Z],
  ['softmax 32×50', (z) => T.softmax(z), (z) => R.softmax(z), Z],
  ['dense layer σ(X Wᵀ + b)', (w) => T.sigmoid(T.add(T.matmul(X, w, { transposeB: true }), b)), (w) => R.sigmoid(R.add(R.matmul(X, w, { transposeB: true }), b))],
];

function tracingOverhead() {
  const rows = [['op', 'T plain µs/op', 'R plain µs/op', 'R traced µs/op', 'traced / T plain']];
  const ratios = [];
  for (const [name, plain, differentiable, operand = W] of cases) {
    const runPlain = () => {
      let last;
      for (let i = 0; i < REPEAT; i++) last = plain(operand);
      return last.data.length;
    };
    const runR = () => {
      let last;
      for (let i = 0; i < REPEAT; i++) last = differentiable(operand);
      return last.data.length;
    };
    const traced = R.trace((w) => {
      let last;
      for (let i = 0; i < REPEAT; i++) last = differentiable(w);
      return last;
    });
    const runTraced = () => traced(operand).size;
    const [t, r, tr] = bestOf([runPlain, runR, runTraced]).map((s) => s / REPEAT);
    ratios.push(tr / t);
    rows.push([name, fmt(t * 1e6), fmt(r * 1e6), fmt(tr * 1e6), ratio(tr, t)]);
  }
  rows.push(['geometric mean', '', '', '', `${fmt(Math.exp(ratios.reduce((s, x) => s + Math.log(x), 0) / ratios.length))}×`]);
  table(`Recording tensor ops under a trace vs plain evaluation, CPU time, best of 25 interleaved batches of ${REPEAT} ops (target ≤ 1.3×)`, rows);

  const cost = (w) => R.sum(R.square(R.sub(R.sigmoid(R.add(R.matmul(X, w, { transposeB: true }), b)), Z)));
  const [forward, withGrad] = bestOf([() => cost(W).data.length, () => R.grad(cost)(W).data.length]);
  table('One dense layer and a squared-error cost (32×50 batch, W: 50×50)', [
    ['', 'CPU µs (best of 25)', 'vs forward'],
    ['cost (plain forward)', fmt(forward * 1e6), '1×'],
    ['R.grad(cost) (trace + sweep)', fmt(withGrad * 1e6), ratio(withGrad, forward)],
  ]);
}

export async function run() {
  console.log('\n## @theta/reverse');
  scalarGraph();
  tracingOverhead();
}
