// Every optimiser reaches the minimum of a convex quadratic and of Rosenbrock's function from
// (0, 0), within 3e-2 in at most 10⁴ steps, with full (deterministic) gradients.
import { describe, expect, it } from 'vitest';
import * as T from '@theta/tensor';
import * as O from '@theta/optim';

interface Problem {
  readonly minimum: readonly [number, number];
  readonly gradient: (x: number, y: number) => readonly [number, number];
}

// f = (x − 1)² + 10 (y + 2)²: condition number 10, minimum at (1, −2).
const quadratic: Problem = { minimum: [1, -2], gradient: (x, y) => [2 * (x - 1), 20 * (y + 2)] };
// f = (1 − x)² + 100 (y − x²)²: the curved valley, minimum at (1, 1).
const rosenbrock: Problem = {
  minimum: [1, 1],
  gradient: (x, y) => [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)],
};

/** Distance to the minimum after `steps` updates from (0, 0). Θ is `{ xy: [x, y] }`. */
function distanceAfter(optimiser: O.GradientTransformation<any>, problem: Problem, steps = 10_000): number {
  let theta = { xy: T.tensor([0, 0]) };
  let state = optimiser.init(theta);
  for (let t = 0; t < steps; t++) {
    const [x, y] = T.toArray(theta.xy) as [number, number];
    const [updates, next] = optimiser.update({ xy: T.tensor(problem.gradient(x, y)) }, state, theta);
    [theta, state] = [O.applyUpdates(theta, updates), next];
  }
  const [x, y] = T.toArray(theta.xy) as [number, number];
  return Math.hypot(x - problem.minimum[0], y - problem.minimum[1]);
}

const optimisers: readonly (readonly [string, () => O.GradientTransformation<any>])[] = [
  ['sgd', () => O.sgd(1.5e-3)],
  ['momentum', () => O.momentum(1e-3, { beta: 0.9 })],
  ['nesterov', () => O.nesterov(1e-3, { beta: 0.9 })],
  ['adagrad', () => O.adagrad(0.1)],
  ['adagrad with momentum', () => O.adagrad(0.05, { momentum: 0.5 })],
  ['rmsprop', () => O.rmsprop(1e-3)],
  ['adam', () => O.adam(1e-2)],
  ['adamax', () => O.adamax(1e-2)],
  ['nadam', () => O.nadam(1e-2)],
];

describe('convergence from (0, 0) in ≤ 10⁴ steps', () => {
  for (const [name, make] of optimisers) {
    it(`${name} reaches the quadratic's minimum within 3e-2`, () => {
      expect(distanceAfter(make(), quadratic)).toBeLessThan(3e-2);
    });
    it(`${name} reaches Rosenbrock's minimum within 3e-2`, () => {
      expect(distanceAfter(make(), rosenbrock)).toBeLessThan(3e-2);
    });
  }

  it('does not "converge" with a learning rate that is too small (the test can fail)', () => {
    expect(distanceAfter(O.sgd(1e-6), rosenbrock)).toBeGreaterThan(0.5);
  });
});
