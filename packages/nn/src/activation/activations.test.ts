import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as T from '@theta/tensor';
import { callWithoutMutation, centralDifference, isClose } from '@theta/testing';
import * as N from '../index.js';
import { activateRow } from '../../test/reference.js';

const elementwise: readonly N.Activation[] = [
  N.identity, N.sigmoid, N.tanh, N.relu, N.softplus, N.gelu,
  N.leakyRelu(), N.leakyRelu(0.2), N.elu(), N.elu(0.5),
];

const kinked = new Set(['relu', 'leakyRelu', 'elu']);
const values = fc.array(fc.double({ min: -6, max: 6, noNaN: true }), { minLength: 1, maxLength: 8 });

describe('elementwise activations', () => {
  for (const sigma of elementwise) {
    const label = `${sigma.name}${sigma.alpha === undefined ? '' : `(${sigma.alpha})`}`;
    it(`${label}: σ matches the scalar reference and σ′ matches central differences`, () => {
      fc.assert(
        fc.property(values, (zs) => {
          // Keep clear of the kink at 0, where no finite difference is exact.
          const z = kinked.has(sigma.name) ? zs.map((v) => (Math.abs(v) < 1e-3 ? v + 0.01 : v)) : zs;
          const x = T.tensor(z);
          const a = T.toArray(sigma.apply(x));
          const d = T.toArray(sigma.derivative(x));
          const reference = activateRow(N.activationSpec(sigma), z);
          z.forEach((v, i) => {
            expect(isClose(a[i] as number, reference[i] as number, 1e-12, 1e-14)).toBe(true);
            const fd = centralDifference((u) => activateRow(N.activationSpec(sigma), [u])[0] as number, v, 1e-6);
            expect(isClose(d[i] as number, fd, 1e-6, 1e-8)).toBe(true);
          });
        }),
        { seed: 11, numRuns: 60 },
      );
    });

    it(`${label}: delta is σ′(z) ⊙ g and reuses a = σ(z) correctly`, () => {
      const z = T.tensor([[-2.5, -0.3, 0.4, 3.1]]);
      const g = T.tensor([[0.7, -1.2, 2, 0.5]]);
      const expected = T.toArray(T.mul(sigma.derivative(z), g));
      const got = T.toArray(sigma.delta(z, sigma.apply(z), g));
      got.forEach((v, i) => expect(v).toBeCloseTo(expected[i] as number, 14));
    });
  }

  it('the derivatives at known points', () => {
    expect(T.toArray(N.sigmoid.derivative(T.tensor([0])))).toEqual([0.25]);
    expect(T.toArray(N.tanh.derivative(T.tensor([0])))).toEqual([1]);
    expect(T.toArray(N.relu.derivative(T.tensor([-1, 0, 2])))).toEqual([0, 0, 1]);
    expect(T.toArray(N.leakyRelu(0.1).derivative(T.tensor([-1, 2])))).toEqual([0.1, 1]);
    expect(T.toArray(N.elu(2).derivative(T.tensor([0.5])))).toEqual([1]);
    expect(T.toArray(N.elu(2).derivative(T.tensor([-1])))[0]).toBeCloseTo(2 * Math.exp(-1), 15);
    expect(T.toArray(N.softplus.derivative(T.tensor([0])))).toEqual([0.5]);
    expect(T.toArray(N.gelu.derivative(T.tensor([0])))).toEqual([0.5]);
    expect(T.toArray(N.identity.derivative(T.tensor([7, -3])))).toEqual([1, 1]);
  });

  it('stays finite at extreme inputs', () => {
    const z = T.tensor([-800, 800]);
    expect(T.toArray(N.sigmoid.apply(z))).toEqual([0, 1]);
    expect(T.toArray(N.sigmoid.derivative(z))).toEqual([0, 0]);
    expect(T.toArray(N.softplus.apply(z))).toEqual([0, 800]);
    expect(T.toArray(N.tanh.apply(z))).toEqual([-1, 1]);
    expect(T.toArray(N.elu().apply(z))).toEqual([-1, 800]);
    const gelu = T.toArray(N.gelu.apply(z));
    expect(Object.is(gelu[0], -0) || gelu[0] === 0).toBe(true);
    expect(gelu[1]).toBe(800);
    for (const sigma of elementwise) {
      expect(T.toArray(sigma.derivative(z)).every(Number.isFinite)).toBe(true);
    }
  });

  it('works in float32 and keeps the dtype', () => {
    const z = T.tensor([[-1, 0.5]], { dtype: 'float32' });
    for (const sigma of [...elementwise, N.softmax]) {
      expect(sigma.apply(z).dtype).toBe('float32');
      expect(sigma.delta(z, sigma.apply(z), z).dtype).toBe('float32');
    }
  });

  it('never mutates its input', () => {
    const z = T.tensor([[-1, 0, 2]]);
    for (const sigma of [...elementwise, N.softmax]) {
      callWithoutMutation(sigma.apply, [z]);
      callWithoutMutation(sigma.derivative, [z]);
      callWithoutMutation(sigma.delta, [z, sigma.apply(z), z]);
    }
  });
});

describe('softmax', () => {
  it('softmax([1000, 0]) is finite: [1, 0]', () => {
    expect(T.toNested(N.softmax.apply(T.tensor([[1000, 0]])))).toEqual([[1, 0]]);
    expect(T.toArray(N.softmax.derivative(T.tensor([[1000, 0]]))).every(Number.isFinite)).toBe(true);
  });

  it('its Jacobian matches central differences, and delta is gᵀJ row by row', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 2, maxLength: 5 }), (z) => {
        const K = z.length;
        const J = T.toArray(N.softmax.derivative(T.tensor([z])));
        expect(J.length).toBe(K * K);
        for (let j = 0; j < K; j++) {
          for (let k = 0; k < K; k++) {
            const fd = centralDifference((u) => activateRow('softmax', z.map((v, i) => (i === k ? u : v)))[j] as number, z[k] as number, 1e-6);
            expect(isClose(J[j * K + k] as number, fd, 1e-6, 1e-9)).toBe(true);
          }
        }
        const g = z.map((_, i) => Math.cos(i + 1));
        const x = T.tensor([z]);
        const delta = T.toArray(N.softmax.delta(x, N.softmax.apply(x), T.tensor([g])));
        for (let k = 0; k < K; k++) {
          let s = 0;
          for (let j = 0; j < K; j++) s += (g[j] as number) * (J[j * K + k] as number);
          expect(delta[k]).toBeCloseTo(s, 14);
        }
      }),
      { seed: 5, numRuns: 40 },
    );
  });
});

describe('activation specs', () => {
  it('resolves names and records, and round-trips through activationSpec', () => {
    for (const name of N.activationNames) {
      expect(N.activation(name).name).toBe(name);
      expect(N.activationSpec(N.activation(name))).toEqual(name === 'leakyRelu' || name === 'elu' ? { name, alpha: N.activation(name).alpha } : name);
    }
    expect(N.activation({ name: 'leakyRelu', alpha: 0.3 }).alpha).toBe(0.3);
    expect(N.activation(N.elu(0.7))).toMatchObject({ name: 'elu', alpha: 0.7 });
  });

  it('rejects unknown names and α out of range with DomainError', () => {
    const domain = (f: () => unknown, parameter: string): void => {
      try {
        f();
        expect.unreachable();
      } catch (e) {
        expect(T.DomainError.is(e)).toBe(true);
        expect((e as T.DomainError).parameter).toBe(parameter);
      }
    };
    domain(() => N.activation('swish' as N.ActivationName), 'name');
    domain(() => N.activation({ name: 'relu', alpha: 0.1 }), 'alpha');
    domain(() => N.leakyRelu(-0.1), 'alpha');
    domain(() => N.leakyRelu(1), 'alpha');
    domain(() => N.leakyRelu(Number.NaN), 'alpha');
    domain(() => N.elu(0), 'alpha');
    domain(() => N.elu(Number.POSITIVE_INFINITY), 'alpha');
  });
});
