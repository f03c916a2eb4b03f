// Random expression graphs: reverse mode (this package) against forward mode (@theta/dual's
// dual numbers) to 1e-12 absolute + 1e-10 relative, on the scalar path, the tensor path, and
// for second derivatives.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as T from '@theta/tensor';
import * as D from '@theta/dual';
import * as R from './index.js';

/** The elementary operations a program may use, for any number type V. */
interface Algebra<V> {
  add(a: V, b: V): V;
  sub(a: V, b: V): V;
  mul(a: V, b: V): V;
  div(a: V, b: V): V;
  pow(a: V, b: V): V;
  exp(a: V): V;
  log(a: V): V;
  sqrt(a: V): V;
  sin(a: V): V;
  cos(a: V): V;
  tanh(a: V): V;
  sigmoid(a: V): V;
  softplus(a: V): V;
  square(a: V): V;
  neg(a: V): V;
}
const reverse: Algebra<R.Value> = R;
const forward: Algebra<D.Num> = { ...D, square: (a) => D.mul(a, a), tanh: D.tanh, sigmoid: D.sigmoid, softplus: D.softplus };

/** Instruction: an op and two operand indices into the values computed so far (taken modulo). */
type Instruction = readonly [op: number, i: number, j: number];

/** Runs a program: each instruction appends one value; the last one is the result. */
function run<V>(A: Algebra<V>, program: readonly Instruction[], inputs: readonly V[]): V {
  const values: V[] = [...inputs];
  const one = A.add(A.sub(inputs[0] as V, inputs[0] as V), A.exp(A.sub(inputs[0] as V, inputs[0] as V))); // 1, in V
  const steps: ((a: V, b: V) => V)[] = [
    (a, b) => A.add(a, b),
    (a, b) => A.sub(a, b),
    (a, b) => A.mul(a, b),
    (a, b) => A.div(a, A.add(one, A.square(b))),
    (a, b) => A.pow(A.add(one, A.square(a)), A.sin(b)),
    (a) => A.exp(a),
    (a) => A.log(A.add(one, A.square(a))),
    (a) => A.sqrt(A.add(one, A.square(a))),
    (a) => A.sin(a),
    (a) => A.cos(a),
    (a) => A.tanh(a),
    (a) => A.sigmoid(a),
    (a) => A.softplus(a),
    (a) => A.square(a),
    (a) => A.neg(a),
  ];
  for (const [op, i, j] of program) {
    const step = steps[op % steps.length] as (a: V, b: V) => V;
    values.push(step(values[i % values.length] as V, values[j % values.length] as V));
  }
  return values[values.length - 1] as V;
}

const instruction = fc.tuple(fc.nat(), fc.nat(), fc.nat());
const programs = fc.array(instruction, { minLength: 1, maxLength: 14 });
const inputs = (n: number) => fc.array(fc.double({ min: -1.5, max: 1.5, noNaN: true }), { minLength: n, maxLength: n });
const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-12 + 1e-10 * Math.abs(b);
const finite = (xs: readonly number[]): boolean => xs.every((x) => Number.isFinite(x) && Math.abs(x) < 1e8);

describe('random expression graphs: reverse mode against forward mode', () => {
  it('agree on the scalar path (500 graphs of 3 inputs)', () => {
    fc.assert(
      fc.property(programs, inputs(3), (program, xs) => {
        const value = run(reverse, program, xs) as number;
        const [dualValue, dual] = D.valueAndGradient((p: readonly D.Num[]) => run(forward, program, p))(xs) as [number, number[]];
        fc.pre(finite([value, ...dual]));
        expect(close(value, dualValue)).toBe(true);
        const [y, g] = R.valueAndGrad((...p: R.Value[]) => run(reverse, program, p), { argnums: [0, 1, 2] })(...xs);
        expect(y).toBe(value);
        g.forEach((gi, i) => expect(close(gi as number, dual[i] as number)).toBe(true));
      }),
      { seed: 61, numRuns: 500 },
    );
  });

  it('agree on the tensor path, elementwise (200 graphs)', () => {
    fc.assert(
      fc.property(programs, inputs(3), inputs(3), (program, xs, ws) => {
        const columns = xs.map((x, i) => T.tensor([x, ws[i] as number]));
        const g = R.grad((...p: R.Value[]) => R.sum(run(reverse, program, p)), { argnums: [0, 1, 2] })(...columns);
        const grads = [xs, ws].map((point) => D.gradient((p: readonly D.Num[]) => run(forward, program, p))(point) as number[]);
        fc.pre(grads.every(finite));
        g.forEach((gi, i) => T.toArray(gi as T.Tensor).forEach((gik, k) => expect(close(gik, (grads[k] as number[])[i] as number)).toBe(true)));
      }),
      { seed: 62, numRuns: 200 },
    );
  });

  it('agree on second derivatives: grad(grad(f)) against nested duals (150 graphs)', () => {
    fc.assert(
      fc.property(programs, fc.double({ min: -1.5, max: 1.5, noNaN: true }), (program, x) => {
        const second = D.derivative(D.derivative((p: D.Num) => run(forward, program, [p]))) as (x: number) => number;
        const expected = second(x);
        fc.pre(finite([expected]));
        const actual = R.grad(R.grad((p: R.Value) => run(reverse, program, [p])))(x) as number;
        expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-10 + 1e-9 * Math.abs(expected));
      }),
      { seed: 63, numRuns: 150 },
    );
  });
});
