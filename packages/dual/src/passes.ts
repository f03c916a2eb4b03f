/**
 * The engine under gradient, jacobian and hessian: ⌈n / chunk⌉ forward passes, each seeding a
 * chunk of the inputs with unit partials (ForwardDiff.jl's chunk mode). Inputs outside the chunk
 * stay plain numbers, so work that does not depend on the chunk runs undifferentiated.
 *
 * @module
 */
import { Dual, freshTag, primalOf, tangentOf, type Num, type Tangent } from './dual.js';
import { DomainError, ShapeError } from './errors.js';
import { flatten, unflatten, type Flat, type Point } from './point.js';

/**
 * At most 8 partials per pass, spread evenly over the passes (ForwardDiff.jl's rule, with 8 for
 * its 12): V8 keeps a typed array of up to 64 bytes on the JS heap, and a larger one costs an
 * off-heap allocation per elementary function, which undoes the gain of fewer passes.
 */
const MAX_DEFAULT_CHUNK = 8;
const defaultChunk = (n: number): number =>
  n <= MAX_DEFAULT_CHUNK ? Math.max(n, 1) : Math.ceil(n / Math.ceil(n / MAX_DEFAULT_CHUNK));

/** The chunk size to use for `n` inputs; a chunk that is not a finite integer ≥ 1 is a DomainError. */
export function chunkSize(op: string, n: number, chunk: number | undefined): number {
  if (chunk === undefined) return defaultChunk(n);
  if (typeof chunk !== 'number' || !Number.isInteger(chunk) || chunk < 1) {
    throw new DomainError({ op, parameter: 'chunk', value: chunk, expected: 'a finite integer ≥ 1' });
  }
  return Math.min(chunk, Math.max(n, 1));
}

/** The output of f (as leaves) and, for each output leaf, its n partials. */
export interface Passes {
  /** f(x), taken apart. */
  readonly value: Flat;
  /** `partials[i][j]` = ∂(output leaf i) / ∂(input leaf j). */
  readonly partials: readonly (readonly Num[])[];
}

/** Seed j of a chunk of `width`: the unit vector e_j (a plain 1 when the chunk has one input). */
const unit = (width: number, j: number): Tangent => {
  if (width === 1) return 1;
  const e = new Float64Array(width);
  e[j] = 1;
  return e;
};

/** Writes the partials of `tangent` (a chunk of `width`) into `row` from column `start`. */
const scatter = (row: Num[], start: number, width: number, tangent: Tangent): void => {
  if (typeof tangent === 'number' || tangent instanceof Dual) {
    if (width !== 1) {
      const expected = `${width} partials`;
      throw new ShapeError({ op: 'forwardPasses', argument: 'tangent', expected, actual: 'a single tangent' });
    }
    row[start] = tangent;
    return;
  }
  for (let j = 0; j < width; j++) row[start + j] = tangent[j] ?? 0;
};

/** Runs f over every chunk of the inputs of `x` and collects the partials of every output. */
export function forwardPasses(op: string, f: (x: Point) => unknown, x: Flat, chunk: number): Passes {
  const n = x.leaves.length;
  let value: Flat | undefined;
  let partials: Num[][] = [];
  for (let start = 0; start < n || value === undefined; start += chunk) {
    const width = Math.max(0, Math.min(chunk, n - start));
    const tag = freshTag();
    // Inputs outside the chunk stay plain: f's work on them is not differentiated in this pass.
    const seeded = x.leaves.map((xi, i) =>
      i >= start && i < start + width ? new Dual(tag, xi, unit(width, i - start)) : xi,
    );
    const out = flatten(op, 'f(x)', f(unflatten(x.structure, seeded) as Point));
    if (value === undefined) {
      value = { structure: out.structure, leaves: out.leaves.map((y) => primalOf(y, tag)) };
      partials = out.leaves.map(() => new Array<Num>(n).fill(0));
    } else if (out.leaves.length !== partials.length) {
      const expected = `${partials.length} outputs on every pass`;
      throw new ShapeError({ op, argument: 'f(x)', expected, actual: `${out.leaves.length}` });
    }
    out.leaves.forEach((y, i) => {
      const t = tangentOf(y, tag); // also rejects a perturbation that escaped an inner call
      if (y instanceof Dual && y.tag === tag) scatter(partials[i]!, start, width, t);
    });
  }
  return { value: value as Flat, partials };
}
