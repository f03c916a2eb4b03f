import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { callWithoutMutation, centralGradient, isClose } from '@theta/testing';
import * as D from './index.js';

const polar = (p: { r: D.Num; theta: D.Num }) => ({ x: D.mul(p.r, D.cos(p.theta)), y: D.mul(p.r, D.sin(p.theta)) });
/** A function of 5 inputs that mixes them all: Σ sin(xᵢ)·xᵢ₊₁ + exp(Σ xᵢ / 5). */
const mixed = (x: D.Vector): D.Num => {
  let total: D.Num = D.exp(D.div(D.sum(x), 5));
  for (let i = 0; i + 1 < x.length; i++) total = D.add(total, D.mul(D.sin(x[i]!), x[i + 1]!));
  return total;
};
const vector = (n: number) => fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: n, maxLength: n });

describe('jvp', () => {
  it('takes arrays and records, and returns [f(x), J·v] shaped like f’s output', () => {
    const [value, tangent] = D.jvp(polar)({ r: 2, theta: Math.PI / 2 }, { r: 1, theta: 0 });
    expect(value).toEqual({ x: 2 * Math.cos(Math.PI / 2), y: 2 });
    expect(tangent).toEqual({ x: Math.cos(Math.PI / 2), y: 1 });
    const [v2, t2] = D.jvp((x: D.Vector) => [D.mul(x[0]!, x[1]!), D.neg(x[0]!)])([3, 4], [1, 2]);
    expect([v2, t2]).toEqual([[12, -3], [4 * 1 + 3 * 2, -1]]);
    expect(D.jvp(D.exp)(0, 2)).toEqual([1, 2]);
  });

  it('matches the Jacobian times v on random points', () => {
    fc.assert(
      fc.property(vector(5), vector(5), (x, v) => {
        const f = (p: D.Vector) => [mixed(p), D.mul(p[0]!, p[4]!)];
        const [, tangent] = D.jvp(f)(x, v);
        const J = D.jacobian(f)(x);
        const Jv = J.map((row) => row.reduce<number>((s, Jij, j) => s + D.primal(Jij) * v[j]!, 0));
        return tangent.every((t, i) => isClose(D.primal(t), Jv[i]!, 1e-12, 1e-12));
      }),
      { seed: 7, numRuns: 100 },
    );
  });

  it('nests inside derivative, with duals in the point or in the direction', () => {
    // d/ds of the jvp of x² at x = s along 1 is d/ds 2s = 2; along s at x = 0 for sin it is 1.
    const square = (x: D.Vector) => D.mul(x[0]!, x[0]!);
    expect(D.derivative((s) => D.jvp(square)([s], [1])[1])(3)).toBe(2);
    expect(D.derivative((s) => D.jvp(D.sin)(0, s)[1])(2)).toBe(1);
    // d/ds ∂/∂a (a·s) = 1, through a chunked gradient of a record.
    expect(D.derivative((s) => D.gradient((p: { a: D.Num; b: D.Num }) => D.mul(p.a, s))({ a: 2, b: 1 }).a)(5)).toBe(1);
  });

  it('rejects a tangent whose length or keys differ from the point', () => {
    const sum = (x: D.Vector) => D.sum(x);
    const cases: readonly [() => unknown, string, string][] = [
      [() => D.jvp(sum)([1, 2, 3], [1, 0]), 'length 3', 'length 2'],
      [() => D.jvp(polar)({ r: 1, theta: 0 }, { r: 1, phi: 0 } as never), 'keys [r, theta]', 'keys [r, phi]'],
      [() => D.jvp(polar)({ r: 1, theta: 0 }, { r: 1 } as never), 'keys [r, theta]', 'keys [r]'],
      [() => D.jvp(sum)([1, 2], 1 as never), 'length 2', 'a single number'],
    ];
    for (const [call, expected, actual] of cases) {
      try {
        call();
        expect.unreachable();
      } catch (e) {
        expect(D.ShapeError.is(e)).toBe(true);
        if (D.ShapeError.is(e)) expect([e.op, e.argument, e.expected, e.actual]).toEqual(['jvp', 'v', expected, actual]);
      }
    }
  });

  it('rejects non-numeric leaves in x, v and f(x) with a TypeMismatchError naming the path', () => {
    const paths: readonly [() => unknown, string][] = [
      [() => D.jvp((x: D.Vector) => D.sum(x))([1, '2' as never], [1, 1]), 'x[1]'],
      [() => D.jvp(polar)({ r: 1, theta: 0 }, { r: 1, theta: null as never }), 'v.theta'],
      [() => D.jvp((x: D.Vector) => [x[0]!, 'y'] as never)([1], [1]), 'f(x)[1]'],
      [() => D.jvp((x: D.Vector) => x[0]!)(new Float64Array(2) as never, [1, 1]), 'x'],
    ];
    for (const [call, argument] of paths) {
      try {
        call();
        expect.unreachable();
      } catch (e) {
        expect(D.TypeMismatchError.is(e) && e.argument === argument).toBe(true);
      }
    }
  });
});

describe('gradient', () => {
  it('matches central differences, for every chunk size, in ⌈n / chunk⌉ passes', () => {
    fc.assert(
      fc.property(vector(5), fc.integer({ min: 1, max: 7 }), (x, chunk) => {
        let calls = 0;
        const counted = (p: D.Vector) => {
          calls += 1;
          return mixed(p);
        };
        const g = D.gradient(counted, { chunk })(x);
        expect(calls).toBe(Math.ceil(5 / Math.min(chunk, 5)));
        const fd = centralGradient((p) => D.primal(mixed(p)), x);
        return g.every((gi, i) => isClose(D.primal(gi), fd[i]!, 1e-6, 1e-7));
      }),
      { seed: 8, numRuns: 100 },
    );
  });

  it('uses at most 8 partials per pass by default, spread evenly', () => {
    let calls = 0;
    const f = (x: D.Vector) => {
      calls += 1;
      return D.sum(x);
    };
    expect(D.gradient(f)(Array.from({ length: 100 }, () => 1))).toEqual(Array.from({ length: 100 }, () => 1));
    expect(calls).toBe(13); // ⌈100 / 8⌉ passes of 8 or fewer
  });

  it('returns a gradient shaped like the input: records, scalars, empty arrays', () => {
    const loss = (p: { w: D.Num; b: D.Num }) => D.powi(D.sub(D.add(D.mul(p.w, 2), p.b), 1), 2);
    expect(D.gradient(loss)({ w: 1, b: 0 })).toEqual({ w: 4, b: 2 });
    expect(D.valueAndGradient(loss)({ w: 1, b: 0 })).toEqual([1, { w: 4, b: 2 }]);
    expect(D.gradient(D.sin)(0)).toBe(1);
    expect(D.valueAndGradient((x: D.Vector) => D.add(D.sum(x), 3))([])).toEqual([3, []]);
  });

  it('rejects a bad chunk size when the transform is made', () => {
    for (const chunk of [NaN, Infinity, -Infinity, 0, -1, 2.5]) {
      try {
        D.gradient((x: D.Vector) => D.sum(x), { chunk });
        expect.unreachable();
      } catch (e) {
        expect(D.DomainError.is(e) && e.op === 'gradient' && e.parameter === 'chunk' && Object.is(e.value, chunk)).toBe(true);
      }
    }
    expect(() => D.jacobian((x: D.Vector) => x, { chunk: NaN })).toThrow(D.DomainError);
    expect(() => D.hessian((x: D.Vector) => D.sum(x), { chunk: Infinity })).toThrow(D.DomainError);
  });

  it('says to use jacobian when f returns more than one number', () => {
    try {
      D.gradient((x: D.Vector) => x as unknown as D.Num)([1, 2]);
      expect.unreachable();
    } catch (e) {
      expect(D.TypeMismatchError.is(e)).toBe(true);
      if (D.TypeMismatchError.is(e)) {
        expect(e.expected).toMatch(/jacobian/);
        expect(e.actual).toBe('an array of length 2');
      }
    }
  });
});

describe('jacobian', () => {
  it('nests the input structure inside the output structure', () => {
    const J = D.jacobian(polar)({ r: 2, theta: 0 });
    expect(J).toEqual({ x: { r: 1, theta: 0 }, y: { r: 0, theta: 2 } });
    expect(D.jacobian((x: D.Vector) => [D.mul(x[0]!, x[1]!), D.exp(x[1]!)])([2, 0])).toEqual([[0, 2], [0, 1]]);
    expect(D.jacobian((x: D.Num) => [x, D.mul(x, x)])(3)).toEqual([1, 6]);
  });

  it('matches central differences row by row, for every chunk size', () => {
    fc.assert(
      fc.property(vector(4), fc.integer({ min: 1, max: 5 }), (x, chunk) => {
        const f = (p: D.Vector) => [mixed(p), D.mul(p[1]!, p[2]!), D.tanh(p[3]!)];
        const J = D.jacobian(f, { chunk })(x);
        return J.every((row, i) => {
          const fd = centralGradient((p) => D.primal(f(p)[i]!), x);
          return row.every((Jij, j) => isClose(D.primal(Jij), fd[j]!, 1e-6, 1e-7));
        });
      }),
      { seed: 9, numRuns: 60 },
    );
  });
});

describe('hessian', () => {
  it('of the quadratic form xᵀAx is A + Aᵀ (1e-12)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }).chain((n) => fc.tuple(vector(n * n), vector(n))), ([a, x]) => {
        const n = x.length;
        const A = (i: number, j: number) => a[i * n + j]!;
        const form = (v: D.Vector) => {
          let total: D.Num = 0;
          for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) total = D.add(total, D.mul(A(i, j), D.mul(v[i]!, v[j]!)));
          return total;
        };
        const H = D.hessian(form)(x);
        return H.every((row, i) => row.every((Hij, j) => Math.abs(D.primal(Hij) - (A(i, j) + A(j, i))) <= 1e-12));
      }),
      { seed: 10, numRuns: 60 },
    );
  });

  it('matches central differences of the gradient, for records too', () => {
    const f = (p: { a: D.Num; b: D.Num }) => D.mul(D.exp(p.a), D.sin(p.b));
    const H = D.hessian(f)({ a: 0.3, b: 1.1 });
    const e = Math.exp(0.3);
    expect(H.a.a).toBeCloseTo(e * Math.sin(1.1), 14);
    expect(H.a.b).toBeCloseTo(e * Math.cos(1.1), 14);
    expect(H.b.a).toBeCloseTo(e * Math.cos(1.1), 14);
    expect(H.b.b).toBeCloseTo(-e * Math.sin(1.1), 14);
    expect(D.hessian(D.sin)(1)).toBe(-Math.sin(1));
  });
});

describe('immutability', () => {
  it('never mutates the points, tangents or records it is given', () => {
    const x = [0.5, -1, 2, 0.1, 3];
    const v = [1, 0, -1, 2, 0.5];
    const p = { r: 2, theta: 0.4 };
    callWithoutMutation(D.gradient(mixed, { chunk: 2 }), [x]);
    callWithoutMutation(D.valueAndGradient(mixed), [x]);
    callWithoutMutation(D.jvp(mixed), [x, v]);
    callWithoutMutation(D.jacobian(polar), [p]);
    callWithoutMutation(D.jvp(polar), [p, { r: 0, theta: 1 }]);
    callWithoutMutation(D.hessian(mixed, { chunk: 3 }), [x]);
    callWithoutMutation(D.gradient(D.sum), [x]);
  });

  it('hands back fresh arrays, never the input', () => {
    const x = [1, 2];
    const identityJacobian = D.jacobian((p: D.Vector) => p)(x);
    expect(identityJacobian).toEqual([[1, 0], [0, 1]]);
    const g = D.gradient(D.sum)(x);
    expect(g).not.toBe(x);
  });
});
