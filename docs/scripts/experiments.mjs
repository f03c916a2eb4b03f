#!/usr/bin/env node
// The course experiments of docs/guides/06-course-experiments.md: Franke regression, breast
// cancer and MNIST classification, each as an η × λ grid search with @theta/train. Writes
//
//   docs/guides/figures/experiments-<name>.svg   the heatmaps (test score per η and λ)
//   docs/guides/figures/experiments.json         every number, with the configuration
//   the tables between the `experiments:<name>` markers of the guide
//
// so that every number on that page comes from this script. It trains a few hundred networks:
// several minutes on two cores.
//
//   npm run build
//   node docs/scripts/experiments.mjs                 all experiments
//   node docs/scripts/experiments.mjs franke cancer   some of them (the others keep their results)
//   node docs/scripts/experiments.mjs --render        only redraw tables and heatmaps from the JSON
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as T from '@theta/tensor';
import * as N from '@theta/nn';
import * as O from '@theta/optim';
import * as Data from '@theta/data';
import * as Tr from '@theta/train';
import { heatmap } from './lib/svg.mjs';

const ROOT = new URL('../../', import.meta.url);
const GUIDE = new URL('docs/guides/06-course-experiments.md', ROOT);
const FIGURES = new URL('docs/guides/figures/', ROOT);
const RESULTS = new URL('experiments.json', FIGURES);

const ETAS = [1e-3, 1e-2, 1e-1, 1];
const LAMBDAS = [0, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1];
const fmtLambda = (v) => (v === 0 ? '0' : v.toExponential(0).replace('e', 'e'));
const fmtEta = (v) => String(v);

// ---- The experiments: data, network, cost and the cell's training configuration ------------
// Each `setup()` returns `{ rows, columns, run, metric, higherIsBetter, describe, baselines }`;
// the guide shows the same configurations.

/** Franke regression: 2 inputs → 32 → 32 sigmoid → 1 linear, MSE, SGD on minibatches of 32. */
function franke() {
  const [dataKey, splitKey, trainKey] = T.split(T.key(2024), 3);
  const data = Data.franke(dataKey, { n: 500, noise: 0.1 });
  const { XTrain, XTest, yTrain, yTest } = Data.trainTestSplit(splitKey, data.X, data.y);
  const column = (y) => T.reshape(y, [-1, 1]);
  const net = N.mlp({ sizes: [2, 32, 32, 1], activations: { hidden: 'sigmoid', output: 'identity' } });
  const run = (eta, lambda) => ({
    net,
    cost: N.mse({ reduction: 'mean' }),
    penalty: lambda,
    optimiser: O.sgd(eta),
    epochs: 200,
    batchSize: 32,
    key: trainKey,
    data: { X: XTrain, T: column(yTrain) },
    validation: { X: XTest, T: column(yTest) },
    metrics: ['mse', 'r2'],
  });
  // Ordinary least squares and ridge on a degree-5 polynomial, the course's baselines.
  const baselines = [0, 1e-3].map((lambda) => {
    const A = Data.polynomialFeatures(XTrain, 5);
    const beta = Tr.leastSquares(A, yTrain, { lambda });
    const predict = (X) => T.matmul(Data.polynomialFeatures(X, 5), T.reshape(beta, [-1, 1]));
    return {
      name: lambda === 0 ? 'OLS, polynomial of degree 5' : `ridge (λ = ${fmtLambda(lambda)}), polynomial of degree 5`,
      train: { mse: N.metrics.mse(column(yTrain), predict(XTrain)), r2: N.metrics.r2(column(yTrain), predict(XTrain)) },
      test: { mse: N.metrics.mse(column(yTest), predict(XTest)), r2: N.metrics.r2(column(yTest), predict(XTest)) },
    };
  });
  return {
    name: 'franke',
    title: 'Franke regression: test MSE',
    metric: 'mse',
    higherIsBetter: false,
    rows: { name: 'η', values: ETAS },
    columns: { name: 'λ', values: LAMBDAS },
    run,
    extra: ['r2'],
    baselines,
    describe: `${data.X.shape[0]} points, noise σ = 0.1, ${XTrain.shape[0]} for training and ${XTest.shape[0]} for testing; network 2-32-32-1 (sigmoid hidden layers, linear output), mean squared error, plain SGD on minibatches of 32, 200 epochs.`,
  };
}

/** Breast cancer: 30 standardised features → 16 sigmoid → 1 sigmoid, binary cross-entropy. */
function cancer() {
  const [splitKey, trainKey] = T.split(T.key(2024), 2);
  const data = Data.breastCancer();
  const split = Data.trainTestSplit(splitKey, data.X, data.y, { stratify: true });
  const scaler = Data.standardScaler.fit(split.XTrain);
  const [XTrain, XTest] = [scaler.transform(split.XTrain), scaler.transform(split.XTest)];
  const column = (y) => T.reshape(y, [-1, 1]);
  const net = N.mlp({ sizes: [30, 16, 1], activations: { hidden: 'sigmoid', output: 'sigmoid' } });
  const run = (eta, lambda) => ({
    net,
    cost: N.binaryCrossEntropy({ reduction: 'mean' }),
    penalty: lambda,
    optimiser: O.sgd(eta),
    epochs: 100,
    batchSize: 32,
    key: trainKey,
    data: { X: XTrain, T: column(split.yTrain) },
    validation: { X: XTest, T: column(split.yTest) },
    metrics: ['accuracy'],
  });
  return {
    name: 'cancer',
    title: 'Breast cancer: test accuracy',
    metric: 'accuracy',
    higherIsBetter: true,
    rows: { name: 'η', values: ETAS },
    columns: { name: 'λ', values: LAMBDAS },
    run,
    extra: [],
    baselines: [],
    describe: `${data.X.shape[0]} tumours, 30 features standardised on the training part, a stratified split of ${XTrain.shape[0]} for training and ${XTest.shape[0]} for testing; network 30-16-1 (sigmoid hidden layer and output), binary cross-entropy, plain SGD on minibatches of 32, 100 epochs.`,
  };
}

/** MNIST (the 10 000 digits of the `mnist` package): 784 pixels → 64 sigmoid → 10 softmax. */
async function mnist() {
  const [splitKey, trainKey] = T.split(T.key(2024), 2);
  const data = await Data.loadMnist();
  const split = Data.trainTestSplit(splitKey, data.X, data.y, { stratify: true });
  const net = N.mlp({ sizes: [784, 64, 10], activations: { hidden: 'sigmoid', output: 'softmax' } });
  const run = (eta, lambda) => ({
    net,
    cost: N.categoricalCrossEntropy({ reduction: 'mean' }),
    penalty: lambda,
    optimiser: O.sgd(eta),
    epochs: 10,
    batchSize: 32,
    key: trainKey,
    data: { X: split.XTrain, T: split.yTrain },
    validation: { X: split.XTest, T: split.yTest },
    metrics: ['accuracy'],
  });
  return {
    name: 'mnist',
    title: 'MNIST: test accuracy',
    metric: 'accuracy',
    higherIsBetter: true,
    rows: { name: 'η', values: [1e-2, 1e-1, 1] },
    columns: { name: 'λ', values: [0, 1e-4, 1e-3, 1e-2] },
    run,
    extra: [],
    baselines: [],
    describe: `${data.X.shape[0]} images of 28 × 28 pixels in [0, 1] (the \`mnist\` package), a stratified split of ${split.XTrain.shape[0]} for training and ${split.XTest.shape[0]} for testing; network 784-64-10 (sigmoid hidden layer, softmax output), categorical cross-entropy, plain SGD on minibatches of 32, 10 epochs.`,
  };
}

export const experiments = { franke, cancer, mnist };

// ---- Running, tabulating, drawing ---------------------------------------------------------

const fmt = (v, metric) => (!Number.isFinite(v) ? 'diverged' : metric === 'accuracy' || metric === 'r2' ? v.toFixed(3) : v.toExponential(2));

/** Runs one experiment's grid; returns every cell's scores and the best cell. */
async function runExperiment(make) {
  const e = await make();
  const started = Date.now();
  const cells = [];
  const table = Tr.gridSearch({
    rows: e.rows,
    columns: e.columns,
    run: e.run,
    evaluate: (result) => {
      const last = result.history[result.state.epoch - 1];
      const pick = (record, name) => (record === undefined ? Number.NaN : name === 'loss' ? record.loss : record.metrics[name] ?? Number.NaN);
      const extra = Object.fromEntries(e.extra.map((name) => [name, { train: pick(last?.train, name), test: pick(last?.validation, name) }]));
      cells.push({ epochs: result.state.epoch, extra });
      return { train: pick(last?.train, e.metric), test: pick(last?.validation, e.metric) };
    },
    onCell: (cell) => console.log(`  ${e.name}: η = ${fmtEta(cell.row)}, λ = ${fmtLambda(cell.column)} → test ${e.metric} ${fmt(cell.test, e.metric)}`),
  });
  let best = { i: -1, j: -1, test: e.higherIsBetter ? -Infinity : Infinity };
  table.test.forEach((row, i) => row.forEach((v, j) => {
    if (Number.isFinite(v) && (e.higherIsBetter ? v > best.test : v < best.test)) best = { i, j, test: v };
  }));
  const k = best.i * e.columns.values.length + best.j;
  return {
    name: e.name,
    title: e.title,
    metric: e.metric,
    higherIsBetter: e.higherIsBetter,
    describe: e.describe,
    rows: e.rows,
    columns: e.columns,
    train: table.train,
    test: table.test,
    diverged: table.diverged,
    best: { eta: e.rows.values[best.i], lambda: e.columns.values[best.j], train: table.train[best.i]?.[best.j], test: best.test, extra: cells[k]?.extra ?? {} },
    baselines: e.baselines,
    seconds: Math.round((Date.now() - started) / 1000),
  };
}

/** The markdown of one experiment's results: the grid of test scores and the best cell. */
export function resultsMarkdown(r) {
  const head = `| η \\ λ | ${r.columns.values.map(fmtLambda).join(' | ')} |`;
  const rule = `| --- | ${r.columns.values.map(() => '---').join(' | ')} |`;
  const rows = r.test.map((row, i) => `| ${fmtEta(r.rows.values[i])} | ${row.map((v, j) => {
    const text = fmt(v, r.metric);
    return i === r.rows.values.indexOf(r.best.eta) && j === r.columns.values.indexOf(r.best.lambda) ? `**${text}**` : text;
  }).join(' | ')} |`);
  const lines = [
    `${r.describe} Test ${r.metric} after the last epoch for every η (rows) and λ (columns); the best cell is in bold. Training took ${r.seconds} s for the ${r.rows.values.length * r.columns.values.length} networks.`,
    '',
    head,
    rule,
    ...rows,
    '',
    '| model | η | λ | train ' + r.metric + ' | test ' + r.metric + ' |' + Object.keys(r.best.extra).map((n) => ` train ${n} | test ${n} |`).join(''),
    '| --- | --- | --- | --- | --- |' + Object.keys(r.best.extra).map(() => ' --- | --- |').join(''),
    `| the best network | ${fmtEta(r.best.eta)} | ${fmtLambda(r.best.lambda)} | ${fmt(r.best.train, r.metric)} | ${fmt(r.best.test, r.metric)} |` +
      Object.entries(r.best.extra).map(([name, v]) => ` ${fmt(v.train, name)} | ${fmt(v.test, name)} |`).join(''),
    ...r.baselines.map((b) => `| ${b.name} | — | — | ${fmt(b.train[r.metric], r.metric)} | ${fmt(b.test[r.metric], r.metric)} |` +
      Object.keys(r.best.extra).map((name) => ` ${fmt(b.train[name], name)} | ${fmt(b.test[name], name)} |`).join('')),
  ];
  return lines.join('\n');
}

/** The heatmap of one experiment's test scores. */
export function heatmapSvg(r) {
  return heatmap({
    title: r.title,
    values: r.test.map((row) => row.map((v) => (Number.isFinite(v) ? v : Number.NaN))),
    rows: r.rows.values.map((v) => `η = ${fmtEta(v)}`),
    cols: r.columns.values.map((v) => `λ = ${fmtLambda(v)}`),
    xLabel: 'λ (L2 penalty)',
    yLabel: 'η (learning rate)',
    format: (v) => fmt(v, r.metric),
    higherIsBetter: r.higherIsBetter,
    logScale: !r.higherIsBetter,
  });
}

/** Replaces the text between the `experiments:<name>` markers of the guide. */
export function withResults(markdown, name, body) {
  const start = new RegExp(`<!-- experiments:${name}:start[^>]*-->\\n`);
  const end = `<!-- experiments:${name}:end -->`;
  const s = start.exec(markdown);
  const e = markdown.indexOf(end);
  if (!s || e < s.index) throw new Error(`06-course-experiments.md has no experiments:${name} markers`);
  return `${markdown.slice(0, s.index + s[0].length)}\n${body.trim()}\n\n${markdown.slice(e)}`;
}

async function main(args) {
  // --render: redraw the tables and heatmaps from figures/experiments.json, training nothing.
  const render = args.includes('--render');
  const names = args.filter((a) => a !== '--render');
  const chosen = render ? [] : names.length > 0 ? names : Object.keys(experiments);
  const saved = existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, 'utf8')) : {};
  if (render) for (const name of Object.keys(experiments)) if (saved[name]) writeFileSync(new URL(`experiments-${name}.svg`, FIGURES), heatmapSvg(saved[name]));
  for (const name of chosen) {
    if (!(name in experiments)) throw new Error(`unknown experiment ${name}; one of ${Object.keys(experiments).join(', ')}`);
    console.log(`docs: running ${name}`);
    saved[name] = await runExperiment(experiments[name]);
    writeFileSync(new URL(`experiments-${name}.svg`, FIGURES), heatmapSvg(saved[name]));
  }
  if (!render) {
    saved.machine = `Node ${process.version}`;
    writeFileSync(RESULTS, `${JSON.stringify(saved, null, 1)}\n`);
  }
  let markdown = readFileSync(GUIDE, 'utf8');
  for (const name of Object.keys(experiments)) if (saved[name]) markdown = withResults(markdown, name, resultsMarkdown(saved[name]));
  writeFileSync(GUIDE, markdown);
  console.log('docs: wrote docs/guides/06-course-experiments.md, figures/experiments-*.svg and figures/experiments.json');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main(process.argv.slice(2));
