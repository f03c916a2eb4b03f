import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as R from '@theta/reverse';
import * as T from '@theta/tensor';
import { callWithoutMutation, isClose } from '@theta/testing';
import * as N from '../index.js';
import { forwardPlain, type PlainLayer } from '../../test/reference.js';

const toTheta = (layers: readonly PlainLayer[], dtype: T.DType = 'float64'): N.Theta =>
  layers.map(({ W, b }) => ({ W: T.tensor(W, { dtype }), b: T.tensor(b, { dtype }) }));

const weight = fc.double({ min: -1.5, max: 1.5, noNaN: true });
const matrix = (rows: number, cols: number) => fc.array(fc.array(weight, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });

/** sizes, activations, Θ and a batch X for a random architecture. */
const network = fc
  .record({
    sizes: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 2, maxLength: 5 }),
    hidden: fc.constantFrom<N.ActivationSpec>('identity', 'sigmoid', 'tanh', 'relu', 'softplus', 'gelu', { name: 'leakyRelu', alpha: 0.1 }, { name: 'elu', alpha: 0.7 }),
    output: fc.constantFrom<N.ActivationSpec>('identity', 'sigmoid', 'softmax', 'tanh'),
    rows: fc.integer({ min: 1, max: 4 }),
  })
  .map((r) => ({ ...r, sizes: r.output === 'softmax' ? [...r.sizes.slice(0, -1), Math.max(2, r.sizes[r.sizes.length - 1] as number)] : r.sizes }))
  .chain(({ sizes, hidden, output, rows }) =>
    fc.record({
      sizes: fc.constant(sizes),
      activations: fc.constant(sizes.slice(1).map((_, l) => (l === sizes.length - 2 ? output : hidden))),
      layers: fc.tuple(...sizes.slice(1).map((n, l) => fc.record({ W: matrix(n, sizes[l] as number), b: fc.array(weight, { minLength: n, maxLength: n }) }))),
      X: matrix(rows, sizes[0] as number),
    }),
  );

describe('mlp', () => {
  it('apply and forward match a loop-by-loop reference network', () => {
    fc.assert(
      fc.property(network, ({ sizes, activations, layers, X }) => {
        const net = N.mlp({ sizes, activations });
        const theta = toTheta(layers);
        const out = T.toNested(net.apply(theta, T.tensor(X))) as number[][];
        const reference = forwardPlain(layers, activations, X);
        out.forEach((row, n) => row.forEach((v, j) => expect(isClose(v, reference[n]![j] as number, 1e-12, 1e-13)).toBe(true)));
        const pass = net.forward(theta, T.tensor(X));
        expect(pass.length).toBe(sizes.length - 1);
        expect(T.toArray(pass[pass.length - 1]!.a)).toEqual(T.toArray(net.apply(theta, T.tensor(X))));
        pass.forEach(({ z, a }, l) => {
          expect(z.shape).toEqual([X.length, sizes[l + 1]]);
          expect(T.toArray(a)).toEqual(T.toArray(net.activations[l]!.apply(z)));
        });
      }),
      { seed: 21, numRuns: 60 },
    );
  });

  it('z^l = W^l a^{l−1} + b^l with w_jk joining node k to node j', () => {
    const net = N.mlp({ sizes: [2, 2], activations: ['identity'] });
    const theta = [{ W: T.tensor([[1, 2], [3, 4]]), b: T.tensor([10, 20]) }];
    // z_1 = 1·5 + 2·6 + 10 = 27, z_2 = 3·5 + 4·6 + 20 = 59.
    expect(T.toNested(net.apply(theta, T.tensor([[5, 6]])))).toEqual([[27, 59]]);
  });

  it('accepts { hidden, output } and activation values, and normalises the spec to JSON', () => {
    const net = N.mlp({ sizes: [3, 4, 4, 2], activations: { hidden: N.leakyRelu(0.2), output: 'softmax' } });
    expect(net.spec).toEqual({ sizes: [3, 4, 4, 2], activations: [{ name: 'leakyRelu', alpha: 0.2 }, { name: 'leakyRelu', alpha: 0.2 }, 'softmax'] });
    expect(JSON.parse(JSON.stringify(net.spec))).toEqual(net.spec);
    expect(N.mlp(net.spec).spec).toEqual(net.spec);
  });

  it('validates the architecture with DomainError naming the parameter', () => {
    const parameterOf = (options: unknown): string => {
      try {
        N.mlp(options as N.MlpOptions);
      } catch (e) {
        if (T.DomainError.is(e)) return e.parameter;
        throw e;
      }
      return 'accepted';
    };
    expect(parameterOf({ sizes: [3], activations: [] })).toBe('sizes');
    expect(parameterOf({ sizes: [3, 0], activations: ['relu'] })).toBe('sizes[1]');
    expect(parameterOf({ sizes: [3, 2.5], activations: ['relu'] })).toBe('sizes[1]');
    expect(parameterOf({ sizes: [3, 2], activations: ['relu', 'relu'] })).toBe('activations');
    expect(parameterOf({ sizes: [3, 2, 1], activations: ['relu', 'swish'] })).toBe('activations[1] (σ^2)');
    expect(parameterOf({ sizes: [3, 2, 1], activations: [{ name: 'elu', alpha: -1 }, 'relu'] })).toBe('activations[0] (σ^1)');
    expect(parameterOf({ sizes: [3, 2, 2], activations: ['softmax', 'relu'] })).toBe('activations[0] (σ^1)');
    expect(parameterOf({ sizes: [3, 1], activations: ['softmax'] })).toBe('sizes[1]');
    expect(parameterOf({ sizes: [3, 2], activations: { hidden: 'relu' } })).toBe('activations');
    expect(parameterOf({ sizes: [3, 2, 2], activations: { hidden: 'relu', output: 'softmax' } })).toBe('accepted');
  });

  it('a wrong feature count or a Θ that does not fit is a ShapeError naming the layer and both shapes', () => {
    const net = N.mlp({ sizes: [3, 4, 2], activations: ['relu', 'identity'] });
    const theta: N.Theta = [{ W: T.zeros([4, 3]), b: T.zeros([4]) }, { W: T.zeros([2, 4]), b: T.zeros([2]) }];
    const shapeError = (f: () => unknown): T.ShapeError => {
      try {
        f();
      } catch (e) {
        if (T.ShapeError.is(e)) return e;
        throw e;
      }
      throw new Error('no error');
    };
    const wrongX = shapeError(() => net.apply(theta, T.zeros([5, 2])));
    expect(wrongX).toMatchObject({ op: 'mlp.apply', expected: '[5, 3]', actual: '[5, 2]' });
    expect(wrongX.argument).toContain('X');
    const wrongW = shapeError(() => net.forward([theta[0]!, { W: T.zeros([4, 2]), b: T.zeros([2]) }], T.zeros([1, 3])));
    expect(wrongW).toMatchObject({ op: 'mlp.forward', argument: 'theta[1].W (W^2)', expected: '[2, 4]', actual: '[4, 2]' });
    const wrongB = shapeError(() => net.apply([{ W: T.zeros([4, 3]), b: T.zeros([3]) }, theta[1]!], T.zeros([1, 3])));
    expect(wrongB).toMatchObject({ argument: 'theta[0].b (b^1)', expected: '[4]', actual: '[3]' });
    expect(shapeError(() => net.apply([theta[0]!], T.zeros([1, 3]))).argument).toBe('theta');
    expect(() => net.apply(theta, T.zeros([1, 3], { dtype: 'float32' }))).toThrow(T.DTypeError);
  });

  it('float32 in, float32 out', () => {
    const net = N.mlp({ sizes: [2, 3, 1], activations: ['tanh', 'sigmoid'] });
    const layers = [{ W: [[0.1, 0.2], [0.3, -0.4], [0.5, 0.6]], b: [0, 0.1, -0.1] }, { W: [[1, -1, 0.5]], b: [0.2] }];
    const out = net.apply(toTheta(layers, 'float32'), T.tensor([[1, 2]], { dtype: 'float32' }));
    expect(out.dtype).toBe('float32');
    expect(isClose(T.item(out), forwardPlain(layers, net.spec.activations, [[1, 2]])[0]![0] as number, 1e-6)).toBe(true);
  });

  it('apply on tensors (fused dense kernels) agrees with the recorded path under R.grad, every activation, both dtypes', () => {
    const hidden: readonly N.ActivationSpec[] = ['identity', 'sigmoid', 'tanh', 'relu', 'softplus', 'gelu', { name: 'leakyRelu', alpha: 0.1 }, { name: 'elu', alpha: 0.7 }];
    for (const dtype of ['float64', 'float32'] as const) {
      for (const spec of hidden) {
        // Width 1 and batch 1 included; 40 × 60 × 60 takes the large (matmul + epilogue) path.
        for (const [sizes, batch] of [[[3, 1, 2], 1], [[60, 60, 3], 40]] as const) {
          const net = N.mlp({ sizes, activations: { hidden: spec, output: 'softmax' } });
          const theta = net.init(T.key(3), { dtype });
          const X = T.uniform(T.key(4), [batch, sizes[0]], { min: -2, max: 2, dtype });
          const fused = net.apply(theta, X);
          let recorded: T.Tensor | undefined;
          R.grad((th: N.Theta<R.Value>) => {
            const out = net.apply(th, X);
            recorded = R.stopGradient(out) as T.Tensor;
            return R.sum(out);
          })(theta);
          expect(fused.dtype).toBe(dtype);
          const want = T.toArray(recorded!);
          T.toArray(fused).forEach((v, i) => expect(isClose(v, want[i]!, dtype === 'float64' ? 1e-12 : 1e-5, 1e-6)).toBe(true));
        }
      }
    }
  });

  it('never mutates Θ or X', () => {
    const net = N.mlp({ sizes: [2, 2, 2], activations: ['sigmoid', 'softmax'] });
    const theta = toTheta([{ W: [[1, 2], [3, 4]], b: [0, 1] }, { W: [[1, 0], [0, 1]], b: [1, 1] }]);
    callWithoutMutation(net.apply, [theta, T.tensor([[1, -1]])]);
    callWithoutMutation(net.forward, [theta, T.tensor([[1, -1]])]);
  });
});
