import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import * as T from '@theta/tensor';
import { callWithoutMutation } from '@theta/testing';
import * as N from '../index.js';

const spec: N.MlpSpec = { sizes: [3, 2, 2], activations: [{ name: 'leakyRelu', alpha: 0.1 }, 'softmax'] };

const bits = (x: T.Tensor): string => Array.from(new Uint8Array(x.data.buffer, x.data.byteOffset, x.data.byteLength)).join(',');

/** Any finite float of the dtype: subnormals, −0, the largest and smallest. */
const finite = (dtype: T.DType) =>
  dtype === 'float64' ? fc.double({ noNaN: true, noDefaultInfinity: true }) : fc.float({ noNaN: true, noDefaultInfinity: true });

const thetaOf = (values: readonly number[], dtype: T.DType): N.Theta => {
  const W1 = T.fromArray(values.slice(0, 6), [2, 3], { dtype });
  const b1 = T.fromArray(values.slice(6, 8), [2], { dtype });
  const W2 = T.fromArray(values.slice(8, 12), [2, 2], { dtype });
  const b2 = T.fromArray(values.slice(12, 14), [2], { dtype });
  return [{ W: W1, b: b1 }, { W: W2, b: b2 }];
};

const decodeOrFail = (text: string): N.Model => {
  const result = N.decode(text);
  if (E.isLeft(result)) throw result.left;
  return result.right;
};

const decodeError = (text: string): T.DecodeError => {
  const result = N.decode(text);
  if (E.isRight(result)) throw new Error('decoded');
  return result.left;
};

describe('model files', () => {
  for (const dtype of ['float64', 'float32'] as const) {
    it(`encode → decode is bit-identical in ${dtype}`, () => {
      fc.assert(
        fc.property(fc.array(finite(dtype), { minLength: 14, maxLength: 14 }), (values) => {
          const theta = thetaOf(values, dtype);
          const model = decodeOrFail(N.encode(spec, theta));
          expect(model.dtype).toBe(dtype);
          expect(model.spec).toEqual(spec);
          model.theta.forEach((layer, l) => {
            expect(layer.W.dtype).toBe(dtype);
            expect(bits(layer.W)).toBe(bits(theta[l]!.W));
            expect(bits(layer.b)).toBe(bits(theta[l]!.b));
          });
        }),
        { seed: 4, numRuns: 200 },
      );
    });
  }

  it('keeps −0, subnormals and the extremes exactly', () => {
    const values = [-0, 5e-324, -5e-324, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, 0.1, 1 / 3, -0, 1e-310, 2 ** 53 + 2, 1, 2, 3];
    const model = decodeOrFail(N.encode(spec, thetaOf(values, 'float64')));
    expect(Object.is(T.toArray(model.theta[0]!.W)[0], -0)).toBe(true);
    expect([...T.toArray(model.theta[0]!.W), ...T.toArray(model.theta[0]!.b)]).toEqual(values.slice(0, 8));
  });

  it('takes the architecture from an mlp and rebuilds it', () => {
    const net = N.mlp({ sizes: [3, 2, 2], activations: { hidden: N.leakyRelu(0.1), output: N.softmax } });
    const theta = thetaOf(Array.from({ length: 14 }, (_, i) => i / 7 - 1), 'float64');
    const model = decodeOrFail(N.encode(net, theta));
    const X = T.tensor([[1, 2, 3]]);
    expect(T.toArray(N.mlp(model.spec).apply(model.theta, X))).toEqual(T.toArray(net.apply(theta, X)));
  });

  it('refuses to encode NaN or ±∞, naming the cell', () => {
    const values = Array.from({ length: 14 }, () => 0.5);
    values[8 + 3] = Number.NaN; // W^2[1][1]
    try {
      N.encode(spec, thetaOf(values, 'float64'));
      expect.unreachable();
    } catch (e) {
      expect(T.NonFiniteError.is(e)).toBe(true);
      expect((e as T.NonFiniteError).path).toBe('theta[1].W[1][1]');
    }
    values[11] = 0.5;
    values[7] = Number.POSITIVE_INFINITY;
    expect(() => N.encode(spec, thetaOf(values, 'float64'))).toThrow(/theta\[0\]\.b\[1\]/);
    expect(() => N.encode(spec, [thetaOf(Array(14).fill(0), 'float64')[0]!])).toThrow(T.ShapeError);
  });

  describe('decode reports the path, what was expected and what was found', () => {
    const good = JSON.parse(N.encode(spec, thetaOf(Array.from({ length: 14 }, (_, i) => i), 'float64'))) as Record<string, unknown>;
    const edit = (f: (doc: any) => void): string => {
      const doc = structuredClone(good);
      f(doc);
      return JSON.stringify(doc);
    };
    const cases: readonly [string, string, string, string?][] = [
      [edit((d) => (d.theta[1].W[1][0] = null)), 'theta[1].W[1][0]', 'null'],
      [edit((d) => (d.theta[0].W[1][2] = '3')), 'theta[0].W[1][2]', 'the string "3"'],
      [edit((d) => (d.theta[0].W[1] = [1, 2])), 'theta[0].W[1]', 'an array of length 2'],
      [edit((d) => (d.theta[1].b = [1, 2, 3])), 'theta[1].b', 'an array of length 3'],
      [edit((d) => d.theta.pop()), 'theta', 'an array of length 1'],
      [edit((d) => delete d.theta[0].b), 'theta[0].b', 'nothing', 'missing'],
      [edit((d) => (d.theta[0].gamma = [1])), 'theta[0].gamma', 'an array of length 1', 'no such key'],
      [edit((d) => (d.extra = true)), 'extra', 'true'],
      [edit((d) => delete d.spec), 'spec', 'nothing'],
      [edit((d) => (d.spec.sizes[1] = 0)), 'spec.sizes[1]', '0'],
      [edit((d) => (d.spec.activations[1] = 'swish')), 'spec.activations[1]', 'the string "swish"'],
      [edit((d) => (d.spec.activations[0].alpha = 2)), 'spec.activations[0]', '2'],
      [edit((d) => (d.spec.activations[0].beta = 2)), 'spec.activations[0].beta', '2'],
      [edit((d) => (d.dtype = 'int8')), 'dtype', 'the string "int8"'],
      [edit((d) => (d.version = 2)), 'version', '2'],
      [edit((d) => (d.format = 'onnx')), 'format', 'the string "onnx"'],
      // Huge sizes fail on the lengths, before anything is allocated.
      [edit((d) => (d.spec.sizes = [3, 2, 1e12])), 'theta[1].W', 'an array of length 2'],
      [edit((d) => (d.spec.sizes = [1e12, 2, 2])), 'theta[0].W[0]', 'an array of length 3'],
      ['[1, 2]', '(root)', 'an array of length 2'],
      ['{"format": ', '(root)', ''],
    ];
    for (const [text, path, actual, expected] of cases) {
      it(`${path}: ${actual || 'invalid JSON'}`, () => {
        const error = decodeError(text);
        expect(T.DecodeError.is(error)).toBe(true);
        expect(error.path).toBe(path);
        if (actual !== '') expect(error.actual).toBe(actual);
        if (expected !== undefined) expect(error.expected).toContain(expected);
      });
    }
  });

  it('rounds a float32 file to float32 as it reads it', () => {
    const text = N.encode({ sizes: [1, 1], activations: ['identity'] }, [{ W: T.tensor([[0.1]], { dtype: 'float32' }), b: T.zeros([1], { dtype: 'float32' }) }]);
    const model = decodeOrFail(text.replace(/"W":\[\[[^\]]*\]\]/, '"W":[[0.1]]'));
    expect(T.toArray(model.theta[0]!.W)).toEqual([Math.fround(0.1)]);
  });

  it('never mutates Θ', () => {
    callWithoutMutation(N.encode, [spec, thetaOf(Array.from({ length: 14 }, (_, i) => i), 'float32')]);
  });
});
