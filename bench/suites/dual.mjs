// @theta/dual: forward mode against the hand-written derivative, and chunked gradients against
// one pass per input. Imports the built package: `npm run build -w @theta/dual` first.
//
// Timing: CPU time of this process (process.cpuUsage), the best of many interleaved rounds.
// On a shared 2-core machine wall-clock medians swing by 2× with the neighbours' load; the best
// CPU time of interleaved rounds is what the code costs when it gets the core.
import * as D from '@theta/dual';
import { fmt, ratio, table } from '../lib/measure.mjs';

const POINTS = 1_000_000;
const INPUTS = 100;

/** The notes' f(x) = sqrt(x² + exp(x²)) over Num: a = x², b = exp(a), c = a + b, d = √c. */
const f = (x) => {
  const a = D.mul(x, x);
  const b = D.exp(a);
  const c = D.add(a, b);
  return D.sqrt(c);
};
/** The same code again, so that running it on plain numbers does not share f's type feedback. */
const fOnNumbers = (x) => {
  const a = D.mul(x, x);
  const b = D.exp(a);
  const c = D.add(a, b);
  return D.sqrt(c);
};
/** The notes' hand-written f′(x) = x(1 + b)/d, on plain numbers. */
const closedForm = (x) => {
  const b = Math.exp(x * x);
  return (x * (1 + b)) / Math.sqrt(x * x + b);
};
const plainF = (x) => Math.sqrt(x * x + Math.exp(x * x));

/** A function of 100 inputs that couples neighbours: exp(mean x) + Σ sin(xᵢ)·xᵢ₊₁ + tanh(xᵢ)². */
const wide = (x) => {
  let total = D.exp(D.div(D.sum(x), x.length));
  for (let i = 0; i + 1 < x.length; i++) {
    const t = D.tanh(x[i]);
    total = D.add(total, D.add(D.mul(D.sin(x[i]), x[i + 1]), D.mul(t, t)));
  }
  return total;
};

/** Seconds of CPU per call of each fn: the best of `rounds` interleaved rounds of ≥ `minMs`. */
const cpuSeconds = (fns, { rounds = 15, minMs = 60 } = {}) => {
  const best = fns.map(() => Infinity);
  let sink = 0;
  for (let r = 0; r < rounds; r++) {
    fns.forEach((fn, k) => {
      let calls = 0;
      const start = process.cpuUsage();
      let used = 0;
      while (used < minMs * 1e3 || calls < 1) {
        sink += fn();
        calls += 1;
        const t = process.cpuUsage(start);
        used = t.user + t.system;
      }
      best[k] = Math.min(best[k], used / 1e6 / calls);
    });
  }
  globalThis.__benchSink = sink;
  return best;
};

export async function run() {
  const xs = new Float64Array(POINTS);
  for (let i = 0; i < POINTS; i++) xs[i] = -3 + (6 * (i + 0.5)) / POINTS;
  const derivative = D.derivative(f);
  // One loop per method (separate function literals), as each would be written on its own.
  const closedSweep = () => {
    let s = 0;
    for (let i = 0; i < POINTS; i++) s += closedForm(xs[i]);
    return s;
  };
  const dualSweep = () => {
    let s = 0;
    for (let i = 0; i < POINTS; i++) s += derivative(xs[i]);
    return s;
  };
  const plainSweep = () => {
    let s = 0;
    for (let i = 0; i < POINTS; i++) s += plainF(xs[i]);
    return s;
  };
  const numSweep = () => {
    let s = 0;
    for (let i = 0; i < POINTS; i++) s += fOnNumbers(xs[i]);
    return s;
  };
  const worst = xs.reduce((w, x) => Math.max(w, Math.abs(derivative(x) - closedForm(x)) / Math.abs(closedForm(x) || 1)), 0);
  const [tClosed, tDual, tPlain, tNum] = cpuSeconds([closedSweep, dualSweep, plainSweep, numSweep], { minMs: 150 });
  const row = (name, t) => [name, fmt(t * 1e3), fmt((t / POINTS) * 1e9), ratio(t, tClosed)];
  table(`dual: the notes' f′ over 10⁶ points (largest relative difference: ${worst.toExponential(1)})`, [
    ['method', 'ms / sweep', 'ns / point', 'vs closed-form f′'],
    row('hand-written closed form f′ = x(1 + b)/d', tClosed),
    row('D.derivative(f), dual numbers', tDual),
    row('f itself, Math on numbers', tPlain),
    row('f itself, D functions on numbers', tNum),
  ]);
  console.log(`\nD.derivative(f) / closed form = ${ratio(tDual, tClosed)} (target ≤ 3×)`);

  const x = Array.from({ length: INPUTS }, (_, i) => Math.sin(i) * 1.5);
  const reference = D.gradient(wide, { chunk: 1 })(x);
  const chunks = [1, 2, 4, 8, 16, 100];
  const gradients = chunks.map((chunk) => D.gradient(wide, { chunk }));
  for (const g of [...gradients, D.gradient(wide)]) {
    if (!g(x).every((v, i) => v === reference[i])) throw new Error('a chunked gradient differs from one pass per input');
  }
  const times = cpuSeconds(gradients.map((g) => () => g(x)[0]));
  const [tDefault] = cpuSeconds([() => D.gradient(wide)(x)[0]]);
  table(`dual: gradient of a ${INPUTS}-input function, chunked vs one pass per input (equal results, checked)`, [
    ['chunk', 'passes', 'µs / gradient', 'speed-up vs chunk 1'],
    ...chunks.map((chunk, k) => [
      chunk === 1 ? '1 (one input per pass)' : String(chunk),
      String(Math.ceil(INPUTS / chunk)),
      fmt(times[k] * 1e6),
      ratio(times[0], times[k]),
    ]),
    ['default (≤ 8, spread evenly)', '13', fmt(tDefault * 1e6), ratio(times[0], tDefault)],
  ]);
}
