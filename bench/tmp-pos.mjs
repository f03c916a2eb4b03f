import { startIsolate } from './lib/isolate.mjs';
const lib = (f) => new URL(`./lib/${f}`, import.meta.url);
const rel = await startIsolate(lib('train-theta.mjs'));
const sim = await startIsolate(lib('train-theta.mjs'));
await sim.call('useVariant', 'simd');
const tf = await startIsolate(lib('train-tfjs.mjs')); await tf.call('init', 'cpu');
const problems = await rel.call('prepare', { epochs: 30, learningRate: 0.05 });
await sim.call('prepare', { epochs: 30, learningRate: 0.05 });
const ir = await rel.call('create', 'r', 0, 'float32'), is = await sim.call('create', 's', 0, 'float32');
const it = await tf.call('create', 't', problems[0]);
const res = { rel: [], sim: [] };
for (let r = 0; r < 14; r++) {
  const order = r % 2 ? [['rel', rel, ir], ['sim', sim, is]] : [['sim', sim, is], ['rel', rel, ir]];
  await tf.call('epoch', it);
  for (const [k, iso, id] of order) { const s = await iso.call('epoch', id); if (r >= 2) res[k].push([2048 / s / 1000, order[0][0] === k ? 'first' : 'second']); }
}
for (const k of ['rel', 'sim']) {
  const first = res[k].filter((x) => x[1] === 'first').map((x) => x[0]), second = res[k].filter((x) => x[1] === 'second').map((x) => x[0]);
  console.log(k, 'first', first.map((x) => x.toFixed(1)).join(' '), '| second', second.map((x) => x.toFixed(1)).join(' '));
}
await Promise.all([rel.close(), sim.close(), tf.close()]);
