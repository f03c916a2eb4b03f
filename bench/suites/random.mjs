// PRNG throughput: Theta's Threefry-2x32-20 samplers against tfjs-core's seeded random ops
// (tfjs-backend-cpu), measured in the same run. Millions of values per second; higher is better.
import * as T from '@theta/tensor';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { fmt, measure, ratio, table } from '../lib/measure.mjs';

export async function run() {
  await tf.setBackend('cpu');
  const n = 1_000_000;
  const k = T.key(0);
  const rows = [['op (n = 10⁶)', 'Theta ms', 'Theta M/s', 'tfjs-cpu ms', 'Theta vs tfjs']];
  const cases = [
    ['uniform float64', () => T.uniform(k, [n]).data.length, null],
    ['uniform float32', () => T.uniform(k, [n], { dtype: 'float32' }).data.length, () => tf.tidy(() => tf.randomUniform([n], 0, 1, 'float32', 0).dataSync().length)],
    ['normal float64', () => T.normal(k, [n]).data.length, null],
    ['normal float32', () => T.normal(k, [n], { dtype: 'float32' }).data.length, () => tf.tidy(() => tf.randomNormal([n], 0, 1, 'float32', 0).dataSync().length)],
    ['bernoulli(0.5)', () => T.bernoulli(k, 0.5, [n]).data.length, null],
    ['permutation', () => T.permutation(k, n).length, null],
    ['choice (with replacement, of 60000)', () => T.choice(k, 60000, n).length, null],
  ];
  for (const [name, theta, peer] of cases) {
    const t = await measure(theta);
    const p = peer ? await measure(peer) : undefined;
    rows.push([name, fmt(t * 1e3), fmt(n / t / 1e6), p === undefined ? '—' : fmt(p * 1e3), p === undefined ? '—' : ratio(p, t)]);
  }
  table('PRNG (Threefry-2x32-20, explicit keys)', rows);
}
