/**
 * Random problems for the gradient tests: an architecture (1–4 layers), an output activation
 * paired with a cost it suits, Θ, a batch X, targets, a reduction and a penalty.
 */
import fc from 'fast-check';
import * as N from '../src/index.js';

const hidden: readonly N.ActivationSpec[] = ['identity', 'sigmoid', 'tanh', 'relu', 'softplus', 'gelu', { name: 'leakyRelu', alpha: 0.1 }, { name: 'elu', alpha: 0.7 }];

/** Output activation, cost, and the range of the targets, for every cost. */
const pairings: readonly { output: N.ActivationSpec; cost: (r: N.Reduction) => N.Cost; targets: 'real' | 'unit' | 'distribution' | 'labels' }[] = [
  ...(['identity', 'sigmoid', 'tanh', 'softmax', 'gelu'] as const).map((output) => ({ output, cost: (reduction: N.Reduction) => N.mse({ reduction }), targets: 'real' as const })),
  { output: 'sigmoid', cost: (reduction) => N.binaryCrossEntropy({ reduction }), targets: 'unit' },
  { output: 'softmax', cost: (reduction) => N.binaryCrossEntropy({ reduction }), targets: 'unit' },
  { output: 'identity', cost: (reduction) => N.binaryCrossEntropy({ reduction, fromLogits: true }), targets: 'unit' },
  { output: 'tanh', cost: (reduction) => N.binaryCrossEntropy({ reduction, fromLogits: true }), targets: 'unit' },
  { output: 'identity', cost: (reduction) => N.categoricalCrossEntropy({ reduction, fromLogits: true }), targets: 'distribution' },
  { output: 'identity', cost: (reduction) => N.categoricalCrossEntropy({ reduction, fromLogits: true }), targets: 'labels' },
  { output: 'softmax', cost: (reduction) => N.categoricalCrossEntropy({ reduction }), targets: 'distribution' },
  { output: 'softmax', cost: (reduction) => N.categoricalCrossEntropy({ reduction }), targets: 'labels' },
  { output: 'sigmoid', cost: (reduction) => N.categoricalCrossEntropy({ reduction }), targets: 'distribution' },
];

// Clear of 0: Θ = 0 puts z on the kink of relu, and |w| < h puts w on the kink of l1.
const weight = fc.double({ min: -1, max: 1, noNaN: true }).filter((v) => Math.abs(v) > 1e-3);
const matrix = (rows: number, cols: number, value = weight) => fc.array(fc.array(value, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });

/** A random problem: architecture (1–4 layers), pairing, Θ, X, targets, reduction, penalty. */
export const problem = (maxWidth: number) =>
  fc
    .record({
      widths: fc.array(fc.integer({ min: 1, max: maxWidth }), { minLength: 2, maxLength: 5 }),
      hidden: fc.constantFrom(...hidden),
      pairing: fc.constantFrom(...pairings),
      rows: fc.integer({ min: 1, max: 3 }),
      reduction: fc.constantFrom<N.Reduction>('sum', 'mean'),
      lambda: fc.constantFrom(0, 1e-3),
      l1: fc.boolean(),
    })
    .chain((r) => {
      const needsTwo = r.pairing.output === 'softmax' || r.pairing.targets === 'distribution' || r.pairing.targets === 'labels';
      const sizes = needsTwo ? [...r.widths.slice(0, -1), Math.max(2, r.widths[r.widths.length - 1]!)] : r.widths;
      const K = sizes[sizes.length - 1]!;
      const unit = fc.double({ min: 0.05, max: 0.95, noNaN: true });
      const targets =
        r.pairing.targets === 'real' ? matrix(r.rows, K, fc.double({ min: -2, max: 2, noNaN: true }))
          : r.pairing.targets === 'unit' ? matrix(r.rows, K, unit)
            : r.pairing.targets === 'distribution' ? matrix(r.rows, K, unit).map((m) => m.map((row) => row.map((v) => v / row.reduce((p, q) => p + q, 0))))
              : fc.array(fc.integer({ min: 0, max: K - 1 }), { minLength: r.rows, maxLength: r.rows });
      return fc.record({
        sizes: fc.constant(sizes),
        activations: fc.constant(sizes.slice(1).map((_, l) => (l === sizes.length - 2 ? r.pairing.output : r.hidden))),
        cost: fc.constant(r.pairing.cost(r.reduction)),
        penalty: fc.constant(r.lambda === 0 ? N.noPenalty : r.l1 ? N.l1(r.lambda) : N.l2(r.lambda)),
        // W scaled by 1/n_{l−1} keeps |z^l| ≤ l + 2: central differences of ln(1 − σ(z)) lose
        // every digit once σ(z) rounds near 1, which says nothing about backprop.
        layers: fc.tuple(...sizes.slice(1).map((n, l) => fc.record({ W: matrix(n, sizes[l]!).map((W) => W.map((row) => row.map((w) => w / sizes[l]!))), b: fc.array(weight, { minLength: n, maxLength: n }) }))),
        X: matrix(r.rows, sizes[0]!, fc.double({ min: -2, max: 2, noNaN: true })),
        targets,
      });
    });

/** relu, leakyRelu and elu have a kink at 0, where central differences are not exact. */
export const kinked = (a: N.ActivationSpec): boolean => ['relu', 'leakyRelu', 'elu'].includes(typeof a === 'string' ? a : a.name);

/** Targets as rows for the loop reference (labels become one-hot rows). */
export const targetRows = (targets: number[] | number[][], K: number): number[][] =>
  targets.map((t) => (Array.isArray(t) ? t : Array.from({ length: K }, (_, k) => (k === t ? 1 : 0))));

