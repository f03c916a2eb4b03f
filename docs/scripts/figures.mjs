#!/usr/bin/env node
// Draws the figures of the autodiff guides (02–04) from the packages themselves and writes them
// to docs/guides/figures/. Quick (well under a second), deterministic, and checked by
// docs/test/figures.test.ts, which regenerates each figure and compares it with the file.
//
//   npm run build        (the script imports the built packages)
//   node docs/scripts/figures.mjs
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as D from '@theta/dual';
import * as R from '@theta/reverse';
import { graphDiagram, linePlot } from './lib/svg.mjs';

export const FIGURES = new URL('../guides/figures/', import.meta.url);

/** The notes' f with the notes' names, written once for both modes. */
const fDual = (x) => {
  const a = D.mul(x, x);
  return D.sqrt(D.add(a, D.exp(a)));
};
const fTraced = (x) => {
  const a = R.named('a', R.square(R.named('x', x)));
  const b = R.named('b', R.exp(a));
  const c = R.named('c', R.add(a, b));
  return R.named('d', R.sqrt(c));
};
const short = (v) => String(Number(Number(v).toPrecision(5)));

/** f and f′ on [−2, 2] by D.valueAndDerivative. */
function forwardModeCurve() {
  const xs = Array.from({ length: 161 }, (_, i) => -2 + i * 0.025);
  const pairs = xs.map((x) => [x, ...D.valueAndDerivative(fDual)(x)]);
  return linePlot({
    title: 'f(x) = √(x² + exp(x²)) and f′(x) by forward mode',
    xLabel: 'x',
    series: [
      { name: 'f(x)', points: pairs.map(([x, v]) => [x, v]) },
      { name: "f′(x)", points: pairs.map(([x, , d]) => [x, d]), dashed: true },
    ],
  });
}

/** The Wengert graph of f at x = 1/2 with values and adjoints, from R.trace and R.sweep. */
function wengertGraph() {
  const graph = R.trace(fTraced)(0.5);
  const adjoints = R.sweep(graph);
  const nodes = graph.nodes.map((n, i) => ({
    id: i,
    input: n.op === 'input',
    lines: [`x${i + 1} = ${n.name}`, n.op === 'input' ? 'input' : `${n.op}(${n.parents.map((p) => graph.nodes[p].name).join(', ')})`, `value ${short(n.value)}`, `adjoint ${short(adjoints[i])}`],
  }));
  const edges = graph.nodes.flatMap((n, i) => n.parents.map((p) => [p, i]));
  return graphDiagram({ nodes, edges, title: 'The Wengert list of f at x = 0.5: values forward, adjoints ∂f/∂xᵢ backward' });
}

/** Relative error of a central difference of f′ at x = 1/2 against the exact derivative, by step h. */
function centralDifferenceError() {
  const x = 0.5;
  const exact = D.derivative(fDual)(x);
  const f = (v) => fDual(v);
  const hs = Array.from({ length: 29 }, (_, i) => 10 ** (-1 - i * 0.5));
  const central = hs.map((h) => [h, Math.max(Math.abs((f(x + h) - f(x - h)) / (2 * h) - exact) / Math.abs(exact), 1e-13)]);
  const forward = hs.map((h) => [h, Math.max(Math.abs((f(x + h) - f(x)) / h - exact) / Math.abs(exact), 1e-13)]);
  return linePlot({
    title: 'Finite differences of f′(0.5) against forward mode',
    xLabel: 'step h',
    yLabel: 'relative error',
    logX: true,
    logY: true,
    xDomain: [1e-15, 0.1],
    yDomain: [1e-13, 1],
    series: [
      { name: 'central', points: central, markers: true },
      { name: 'forward', points: forward, markers: true, dashed: true },
    ],
  });
}

/** Every figure: its file name under docs/guides/figures/ and how to draw it. */
export const figures = [
  { file: 'forward-mode-f.svg', render: forwardModeCurve },
  { file: 'wengert-graph.svg', render: wengertGraph },
  { file: 'finite-differences.svg', render: centralDifferenceError },
];

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const { file, render } of figures) {
    writeFileSync(new URL(file, FIGURES), render());
    console.log(`docs: wrote docs/guides/figures/${file}`);
  }
}
