/**
 * Differentiable softmax and log-softmax along one axis, computed stably by @theta/tensor
 * (shifted by the maximum) and differentiated from their outputs, so no e^x ever overflows.
 *
 * | op | z | x̄ | FLOPs fwd / VJP |
 * | --- | --- | --- | --- |
 * | softmax | eˣ / Σ eˣ | z ⊙ (z̄ − Σ z̄ ⊙ z) | 5n / 4n |
 * | logSoftmax | x − ln Σ eˣ | z̄ − e^z ⊙ Σ z̄ | 5n + m / 4n |
 *
 * (n input elements, m rows; the sums run along the axis and broadcast back.)
 *
 * @module
 */
import * as T from '@theta/tensor';
import type { Rule } from '../rule.js';
import { primalAt, tapeOf } from '../tape.js';
import { asTensor, shapeOf, sizeOf, type Value } from '../value.js';
import { mul, sub } from './arithmetic.js';
import { sum } from './reduce.js';
import { exp } from './unary.js';

const softmaxRule: Rule<number, readonly [Value]> = {
  op: 'softmax',
  vjp: (g, _x, z, axis) => mul(z, sub(g, sum(mul(g, z), { axis, keepDims: true }))),
  cost: ([x]) => ({ forward: 5 * sizeOf(x), backward: [4 * sizeOf(x)] }),
};

/**
 * $z_i = e^{x_i} / \sum_j e^{x_j}$ along `axis` (default: the last).
 * VJP: $\bar x = z \odot (\bar z - \sum_j \bar z_j z_j)$.
 *
 * @since 0.1.0
 * @category Activations
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * import * as T from '@theta/tensor';
 * console.log(T.toArray(R.softmax(T.tensor([0, 0])))); // [0.5, 0.5]
 * ```
 */
export function softmax(x: T.Tensor, axis?: number): T.Tensor;
export function softmax(x: Value, axis?: number): Value;
export function softmax(x: Value, axis = -1): Value {
  const tape = tapeOf(x, 'softmax');
  if (tape === undefined) return T.softmax(asTensor(x), axis);
  const inner = primalAt(x, tape);
  return tape.push(softmaxRule, [x], [inner], softmax(inner, axis), axis);
}

const logSoftmaxRule: Rule<number, readonly [Value]> = {
  op: 'logSoftmax',
  vjp: (g, _x, z, axis) => sub(g, mul(exp(z), sum(g, { axis, keepDims: true }))),
  cost: ([x], _z, axis) => {
    const shape = shapeOf(x);
    const rows = sizeOf(x) / Math.max(1, shape[axis < 0 ? axis + shape.length : axis] ?? 1);
    return { forward: 5 * sizeOf(x) + rows, backward: [4 * sizeOf(x)] };
  },
};

/**
 * $z_i = x_i - \ln \sum_j e^{x_j}$ along `axis`, finite where `log(softmax(x))` underflows.
 * VJP: $\bar x = \bar z - e^{z} \sum_j \bar z_j$.
 *
 * @since 0.1.0
 * @category Activations
 * @example
 * ```ts
 * import * as R from '@theta/reverse';
 * import * as T from '@theta/tensor';
 * const x = T.tensor([1000, 0]);
 * console.log(T.toArray(R.logSoftmax(x))); // [0, -1000]
 * ```
 */
export function logSoftmax(x: T.Tensor, axis?: number): T.Tensor;
export function logSoftmax(x: Value, axis?: number): Value;
export function logSoftmax(x: Value, axis = -1): Value {
  const tape = tapeOf(x, 'logSoftmax');
  if (tape === undefined) return T.logSoftmax(asTensor(x), axis);
  const inner = primalAt(x, tape);
  return tape.push(logSoftmaxRule, [x], [inner], logSoftmax(inner, axis), axis);
}
