#!/usr/bin/env node
// Compares the gradient methods of @theta/optim on the Franke problem, for the guide
// docs/guides/05-gradient-methods.md: it trains the same small network with each optimiser,
// writes the loss curves as docs/guides/figures/optim-franke.{csv,svg}, and rewrites the
// results table between the `optim-franke` markers of the guide, so that every number on that
// page comes from this script.
//
//   npm run build -w @theta/tensor && npm run build -w @theta/optim
//   node docs/scripts/optim-franke.mjs            (one to two minutes on two cores)
//
// Only @theta/tensor ops and @theta/optim are used: the gradient is the notes' back
// propagation written out by hand (δ^L, then δ^l = (δ^{l+1} W^{l+1}) ⊙ σ'(z^l)), checked
// against central differences before training. Randomness comes from explicit keys (seed 0).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as T from '@theta/tensor';
import * as O from '@theta/optim';

const ROOT = new URL('../../', import.meta.url);
const GUIDE = new URL('docs/guides/05-gradient-methods.md', ROOT);
const FIGURES = new URL('docs/guides/figures/', ROOT);

// ---- The problem: z = f(x, y) + noise on [0, 1]², the Franke function ----------------------
const N_TRAIN = 400;
const N_TEST = 200;
const NOISE = 0.05;
const SIZES = [2, 20, 20, 1]; // n_0 = 2 inputs, two sigmoid hidden layers, one linear output
const EPOCHS = 200;
const BATCH = 32;
const GRID = [1e-3, 3e-3, 1e-2, 3e-2, 0.1, 0.3, 1];

/** The Franke function, as in the course's regression exercises. */
export function franke(x, y) {
  return (
    0.75 * Math.exp(-((9 * x - 2) ** 2) / 4 - (9 * y - 2) ** 2 / 4) +
    0.75 * Math.exp(-((9 * x + 1) ** 2) / 49 - (9 * y + 1) / 10) +
    0.5 * Math.exp(-((9 * x - 7) ** 2) / 4 - (9 * y - 3) ** 2 / 4) -
    0.2 * Math.exp(-((9 * x - 4) ** 2) - (9 * y - 7) ** 2)
  );
}

const [dataKey, noiseKey, initKey, shuffleKey] = T.split(T.key(0), 4);

function makeData() {
  const n = N_TRAIN + N_TEST;
  const points = T.toArray(T.uniform(dataKey, [n, 2]));
  const noise = T.toArray(T.normal(noiseKey, [n], { std: NOISE }));
  const z = Array.from({ length: n }, (_, i) => franke(points[2 * i], points[2 * i + 1]) + noise[i]);
  const X = T.fromArray(points, [n, 2]);
  const t = T.fromArray(z, [n, 1]);
  const rows = (from, to) => Array.from({ length: to - from }, (_, i) => from + i);
  return {
    train: { X: T.gather(X, rows(0, N_TRAIN)), t: T.gather(t, rows(0, N_TRAIN)) },
    test: { X: T.gather(X, rows(N_TRAIN, n)), t: T.gather(t, rows(N_TRAIN, n)) },
  };
}

/** Θ = [{ W, b }, …] with Glorot-uniform weights and zero biases. */
function initTheta() {
  const keys = T.split(initKey, SIZES.length - 1);
  return SIZES.slice(1).map((n, l) => {
    const fanIn = SIZES[l];
    const limit = Math.sqrt(6 / (fanIn + n));
    return { W: T.uniform(keys[l], [n, fanIn], { min: -limit, max: limit }), b: T.zeros([n]) };
  });
}

/** a^L for a batch X [N, n_0]: z^l = a^{l−1} (W^l)ᵀ + b^l, sigmoid hidden layers, identity output. */
function forward(theta, X) {
  const a = [X];
  theta.forEach(({ W, b }, l) => {
    const z = T.add(T.matmul(a[l], W, { transposeB: true }), b);
    a.push(l < theta.length - 1 ? T.sigmoid(z) : z);
  });
  return a;
}

/** C(Θ) = (1/N) Σ (t − a^L)², the mean squared error. */
const cost = (theta, { X, t }) => T.item(T.mean(T.square(T.sub(forward(theta, X).at(-1), t))));

/** ∂C/∂Θ by the notes' δ-equations, shaped like Θ. */
function gradient(theta, { X, t }) {
  const a = forward(theta, X);
  const L = theta.length;
  let delta = T.mul(T.sub(a[L], t), 2 / X.shape[0]); // δ^L = ∂C/∂a^L (identity output)
  const grads = new Array(L);
  for (let l = L - 1; l >= 0; l--) {
    grads[l] = { W: T.matmul(delta, a[l], { transposeA: true }), b: T.sum(delta, { axis: 0 }) };
    if (l > 0) delta = T.mul(T.matmul(delta, theta[l].W), T.mul(a[l], T.sub(1, a[l]))); // σ' = a(1 − a)
  }
  return grads;
}

/** Central differences on a few coordinates of each leaf: the hand-written gradient must agree. */
function checkGradient(theta, batch) {
  const grads = gradient(theta, batch);
  let worst = 0;
  theta.forEach((layer, l) => {
    for (const name of ['W', 'b']) {
      const values = T.toArray(layer[name]);
      for (const i of [0, Math.floor(values.length / 2), values.length - 1]) {
        const at = (h) => {
          const moved = values.slice();
          moved[i] += h;
          const copy = theta.map((x, k) => (k === l ? { ...x, [name]: T.fromArray(moved, x[name].shape) } : x));
          return cost(copy, batch);
        };
        const h = 1e-6;
        const numeric = (at(h) - at(-h)) / (2 * h);
        const analytic = T.toArray(grads[l][name])[i];
        worst = Math.max(worst, Math.abs(numeric - analytic) / Math.max(1e-3, Math.abs(numeric)));
      }
    }
  });
  if (!(worst < 1e-5)) throw new Error(`hand-written gradient disagrees with central differences (relative error ${worst})`);
  return worst;
}

/** Trains from the same Θ_0 with the same mini-batches; train and test MSE after each epoch. */
function train(optimiser, data) {
  let theta = initTheta();
  let state = optimiser.init(theta);
  const trainLoss = [cost(theta, data.train)];
  const testLoss = [cost(theta, data.test)];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = T.permutation(T.foldIn(shuffleKey, epoch), N_TRAIN);
    for (let start = 0; start < N_TRAIN; start += BATCH) {
      const rows = order.slice(start, start + BATCH);
      const batch = { X: T.gather(data.train.X, rows), t: T.gather(data.train.t, rows) };
      [theta, state] = O.step(optimiser, gradient(theta, batch), state, theta);
    }
    const loss = cost(theta, data.train);
    trainLoss.push(Number.isFinite(loss) ? loss : Number.NaN);
    testLoss.push(cost(theta, data.test));
  }
  return { trainLoss, testLoss };
}

// [id, label, optimiser for a learning rate, figure panel]; hyperparameters other than η at their defaults.
const METHODS = [
  ['sgd', 'SGD', (lr) => O.sgd(lr), 0],
  ['momentum', 'momentum', (lr) => O.momentum(lr), 0],
  ['nesterov', 'Nesterov', (lr) => O.nesterov(lr), 0],
  ['adagrad', 'AdaGrad', (lr) => O.adagrad(lr), 0],
  ['adagrad-momentum', 'AdaGrad + momentum', (lr) => O.adagrad(lr, { momentum: 0.9 }), 0],
  ['rmsprop', 'RMSprop', (lr) => O.rmsprop(lr), 1],
  ['adam', 'Adam', (lr) => O.adam(lr), 1],
  ['adamw', 'AdamW (W only)', (lr) => O.adamw(lr, { mask: O.weightsOnly }), 1],
  ['adamax', 'AdaMax', (lr) => O.adamax(lr), 1],
  ['nadam', 'NAdam', (lr) => O.nadam(lr), 1],
];

const started = Date.now();
const data = makeData();
const gradientError = checkGradient(initTheta(), data.train);
const baseline = T.item(T.mean(T.square(T.sub(data.test.t, T.mean(data.train.t)))));

// For each method, the learning rate of the grid with the lowest training MSE averaged over the
// last LAST epochs (a single final value would reward a lucky step of a noisy run).
const LAST = 20;
const tail = (losses) => losses.slice(-LAST).reduce((a, b) => a + b, 0) / LAST;
const results = METHODS.map(([id, label, make, panel]) => {
  let best;
  for (const lr of GRID) {
    const run = train(make(lr), data);
    const score = tail(run.trainLoss);
    if (Number.isFinite(score) && (best === undefined || score < best.score)) best = { lr, score, panel, ...run };
  }
  const tenth = best.trainLoss[0] / 10;
  const epochToTenth = best.trainLoss.findIndex((v) => v <= tenth);
  console.log(`${label.padEnd(20)} η = ${String(best.lr).padEnd(6)} train ${best.score.toExponential(3)}  test ${best.testLoss.at(-1).toExponential(3)}`);
  return { id, label, ...best, epochToTenth };
});

// ---- CSV: one row per epoch, train and test MSE of each method ---------------------------
mkdirSync(FIGURES, { recursive: true });
const header = ['epoch', ...results.flatMap((r) => [`${r.id}_train`, `${r.id}_test`])];
const lines = [header.join(',')];
for (let e = 0; e <= EPOCHS; e++) lines.push([e, ...results.flatMap((r) => [r.trainLoss[e], r.testLoss[e]].map((v) => v.toPrecision(6)))].join(','));
writeFileSync(new URL('optim-franke.csv', FIGURES), `${lines.join('\n')}\n`);

// ---- SVG: training loss per epoch, log scale, in two panels ------------------------------
const COLOURS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd'];
const PANELS = ['gradient descent, momentum, AdaGrad', 'moving averages: RMSprop and the Adam family'];
const [width, panelHeight, left, right, top, bottom] = [860, 300, 64, 270, 30, 40];
const all = results.flatMap((r) => r.trainLoss).filter((v) => v > 0 && Number.isFinite(v));
const [lo, hi] = [Math.floor(Math.log10(Math.min(...all, NOISE ** 2))), Math.ceil(Math.log10(Math.max(...all)))];
const px = (e) => left + ((width - left - right) * e) / EPOCHS;
const svg = [
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${2 * panelHeight}" width="${width}" height="${2 * panelHeight}" font-family="sans-serif" font-size="12">`,
  `<rect width="${width}" height="${2 * panelHeight}" fill="white"/>`,
];
PANELS.forEach((title, panel) => {
  const y0 = panel * panelHeight;
  const py = (v) => y0 + top + ((panelHeight - top - bottom) * (hi - Math.log10(v))) / (hi - lo);
  svg.push(`<text x="${left}" y="${y0 + top - 10}" font-weight="bold">${title}</text>`);
  for (let k = lo; k <= hi; k++) {
    svg.push(`<line x1="${left}" x2="${width - right}" y1="${py(10 ** k)}" y2="${py(10 ** k)}" stroke="#ddd"/>`);
    svg.push(`<text x="${left - 6}" y="${py(10 ** k) + 4}" text-anchor="end">1e${k}</text>`);
  }
  for (let e = 0; e <= EPOCHS; e += 50) {
    svg.push(`<line x1="${px(e)}" x2="${px(e)}" y1="${y0 + top}" y2="${y0 + panelHeight - bottom}" stroke="#eee"/>`);
    svg.push(`<text x="${px(e)}" y="${y0 + panelHeight - bottom + 16}" text-anchor="middle">${e}</text>`);
  }
  svg.push(`<text x="${(left + width - right) / 2}" y="${y0 + panelHeight - 8}" text-anchor="middle">epoch</text>`);
  svg.push(`<text transform="translate(16 ${y0 + (top + panelHeight - bottom) / 2}) rotate(-90)" text-anchor="middle">training MSE</text>`);
  svg.push(`<line x1="${left}" x2="${width - right}" y1="${py(NOISE ** 2)}" y2="${py(NOISE ** 2)}" stroke="#000" stroke-dasharray="4 4"/>`);
  results.filter((r) => r.panel === panel).forEach((r, k) => {
    const points = r.trainLoss.map((v, e) => `${px(e).toFixed(1)},${py(v).toFixed(1)}`).join(' ');
    svg.push(`<polyline fill="none" stroke="${COLOURS[k]}" stroke-width="1.5" points="${points}"/>`);
    const y = y0 + top + 8 + 20 * k;
    svg.push(`<line x1="${width - right + 14}" x2="${width - right + 38}" y1="${y}" y2="${y}" stroke="${COLOURS[k]}" stroke-width="2.5"/>`);
    svg.push(`<text x="${width - right + 44}" y="${y + 4}">${r.label}, η = ${r.lr}</text>`);
  });
  svg.push(`<text x="${width - right + 14}" y="${y0 + top + 8 + 20 * 5 + 4}">- - - noise variance σ² = ${NOISE ** 2 > 0 ? Number((NOISE ** 2).toPrecision(3)) : 0}</text>`);
});
svg.push('</svg>');
writeFileSync(new URL('optim-franke.svg', FIGURES), `${svg.join('\n')}\n`);

// ---- The guide's results block -------------------------------------------------------------
const fmt = (v) => (Number.isFinite(v) ? v.toExponential(2).replace('e+', 'e') : '—');
const table = [
  `Franke problem: ${N_TRAIN} training and ${N_TEST} test points, noise σ = ${NOISE}; network ${SIZES.join('-')}`,
  `(sigmoid hidden layers, linear output), mini-batches of ${BATCH} (${Math.ceil(N_TRAIN / BATCH)} per epoch), ${EPOCHS} epochs,`,
  `the same initial Θ and batch order for every method, other hyperparameters at their defaults. η is the value of`,
  `{${GRID.join(', ')}} with the lowest training MSE averaged over the last ${LAST} epochs (the "train MSE" column).`,
  `For scale: predicting the training mean gives a test MSE of ${fmt(baseline)}, the noise alone ${fmt(NOISE ** 2)}.`,
  `The hand-written gradient agrees with central differences to ${fmt(gradientError)} (largest relative error).`,
  '',
  `| method | η | train MSE | test MSE (last epoch) | epochs to a tenth of the initial MSE |`,
  '| ------ | - | --------- | --------------------- | ------------------------------------ |',
  ...results.map((r) => `| ${r.label} | ${r.lr} | ${fmt(r.score)} | ${fmt(r.testLoss.at(-1))} | ${r.epochToTenth < 0 ? `not in ${EPOCHS}` : r.epochToTenth} |`),
  '',
  `Ranked by training MSE: ${[...results].sort((a, b) => a.score - b.score).map((r) => r.label).join(', ')}.`,
].join('\n');
const guide = readFileSync(GUIDE, 'utf8');
const START = '<!-- optim-franke:start (generated by docs/scripts/optim-franke.mjs; do not edit) -->';
const END = '<!-- optim-franke:end -->';
const [i, j] = [guide.indexOf(START), guide.indexOf(END)];
if (i < 0 || j < i) throw new Error(`${GUIDE.pathname}: markers not found`);
writeFileSync(GUIDE, `${guide.slice(0, i + START.length)}\n${table}\n${guide.slice(j)}`);
console.log(`optim-franke: wrote figures/optim-franke.{csv,svg} and the guide's table in ${((Date.now() - started) / 1000).toFixed(0)} s`);
