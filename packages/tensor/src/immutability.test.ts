import { describe, expect, it } from 'vitest';
import { callWithoutMutation } from '@theta/testing';
import * as T from './index.js';
import { seeded } from './test-support/reference.js';

// Every public function, called on fresh inputs whose bytes are compared afterwards.
const a = () => seeded([3, 4], 1);
const b = () => seeded([3, 4], 2);
const row = () => seeded([4], 3);
const theta = () => [{ W: seeded([2, 3], 4), b: seeded([2], 5) }];

const calls: [string, (...args: never[]) => unknown, () => unknown[]][] = [
  ...(['neg', 'abs', 'sign', 'exp', 'expm1', 'log', 'log1p', 'sqrt', 'square', 'reciprocal', 'sin', 'cos', 'tan', 'isFinite', 'tanh', 'sigmoid', 'logSigmoid', 'softplus', 'relu', 'sigmoidDerivative', 'tanhDerivative', 'reluDerivative', 'step'] as const).map(
    (name) => [name, T[name], () => [a()]] as [string, (...args: never[]) => unknown, () => unknown[]],
  ),
  ...(['leakyRelu', 'elu', 'leakyReluDerivative', 'eluDerivative'] as const).map(
    (name) => [name, T[name], () => [a(), 0.1]] as [string, (...args: never[]) => unknown, () => unknown[]],
  ),
  ...(['add', 'sub', 'mul', 'div', 'pow', 'maximum', 'minimum', 'equal', 'notEqual', 'less', 'lessEqual', 'greater', 'greaterEqual'] as const).map(
    (name) => [name, T[name], () => [a(), row()]] as [string, (...args: never[]) => unknown, () => unknown[]],
  ),
  ['where', T.where, () => [T.greater(a(), 0), a(), b()]],
  ['matmul', T.matmul, () => [a(), b(), { transposeB: true }]],
  ['dot', T.dot, () => [a(), row()]],
  ['outer', T.outer, () => [row(), row()]],
  ['reshape', T.reshape, () => [a(), [4, 3]]],
  ['transpose', T.transpose, () => [a()]],
  ['broadcastTo', T.broadcastTo, () => [row(), [2, 4]]],
  ['sumTo', T.sumTo, () => [a(), [4]]],
  ['expandDims', T.expandDims, () => [a(), 0]],
  ['slice', T.slice, () => [a(), [1, 1], [2, 2]]],
  ['gather', T.gather, () => [a(), [2, 0]]],
  ['concat', T.concat, () => [[a(), b()], 1]],
  ['stack', T.stack, () => [[a(), b()]]],
  ...(['sum', 'mean', 'max', 'min', 'logsumexp', 'norm'] as const).map(
    (name) => [name, T[name], () => [a(), { axis: 1 }]] as [string, (...args: never[]) => unknown, () => unknown[]],
  ),
  ['argmax', T.argmax, () => [a(), 1]],
  ['argmin', T.argmin, () => [a(), 0]],
  ['softmax', T.softmax, () => [a()]],
  ['logSoftmax', T.logSoftmax, () => [a(), 0]],
  ['astype', T.astype, () => [a(), 'float32']],
  ['toArray', T.toArray, () => [a()]],
  ['toNested', T.toNested, () => [a()]],
  ['format', T.format, () => [a()]],
  ['zerosLike', T.zerosLike, () => [a()]],
  ['fullLike', T.fullLike, () => [a(), 2]],
  ['split', T.split, () => [T.key(1), 3]],
  ['foldIn', T.foldIn, () => [T.key(1), 7]],
  ['threefry2x32', T.threefry2x32, () => [T.key(1), [0, 1]]],
  ['uniform', T.uniform, () => [T.key(1), [3, 4], { min: -1, max: 1 }]],
  ['normal', T.normal, () => [T.key(1), [3, 4], { std: 2 }]],
  ['bernoulli', T.bernoulli, () => [T.key(1), 0.3, [3, 4]]],
  ['permutation', T.permutation, () => [T.key(1), 10]],
  ['choice', T.choice, () => [T.key(1), 10, 4, { replace: false }]],
  ['Tree.map', T.Tree.map, () => [theta(), (x: T.Tensor) => T.neg(x)]],
  ['Tree.zipWith', T.Tree.zipWith, () => [theta(), theta(), T.add]],
  ['Tree.flatten', T.Tree.flatten, () => [theta()]],
  ['Tree.globalNorm', T.Tree.globalNorm, () => [theta()]],
  ['Tree.allClose', T.Tree.allClose, () => [theta(), theta()]],
  ['Tree.findNonFinite', T.Tree.findNonFinite, () => [theta()]],
];

describe('immutability harness', () => {
  for (const [name, fn, args] of calls) {
    it(`${name} leaves every input byte unchanged`, () => {
      expect(() => callWithoutMutation(fn, args())).not.toThrow();
    });
  }

  it('the harness itself detects a mutation', () => {
    const mutate = (x: T.Tensor) => ((x.data as Float64Array)[0] = 42);
    expect(() => callWithoutMutation(mutate as never, [a()])).toThrow(/args\[0\]\.data \(byte/);
  });
});
