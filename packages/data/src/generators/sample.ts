/**
 * The common recipe of the regression generators: inputs drawn uniformly (or on a grid) in a
 * box, targets f(x) plus Gaussian noise. Internal: not exported from the package.
 */
import * as T from '@theta/tensor';
import { regressionDataset, type RegressionDataset } from '../dataset.js';
import { checkDType, checkInteger, checkKey, checkNonNegative } from '../validate.js';

/** Where the inputs of a regression generator lie: random in the box, or on a regular grid. */
export type Sampling = 'uniform' | 'grid';

/** What a regression generator needs to know to build its data set. */
export interface RegressionRecipe {
  readonly op: string;
  readonly name: string;
  readonly featureNames: readonly string[];
  readonly low: number;
  readonly high: number;
  readonly target: (x: Float64Array, row: number) => number;
}

/** Options as the public generators receive them. */
export interface RecipeOptions {
  readonly n?: number;
  readonly noise?: number;
  readonly dtype?: T.DType;
  readonly sampling?: Sampling;
}

/** Rounds to float32 where the dtype asks, so targets are computed from the stored inputs. */
const storeAs = (dtype: T.DType, values: Float64Array): Float64Array =>
  dtype === 'float32' ? values.map(Math.fround) : values;

/** Grid points: every combination of `side` equally spaced values per axis, last axis fastest. */
function gridInputs(op: string, n: number, dims: number, low: number, high: number): Float64Array {
  const side = Math.round(n ** (1 / dims));
  if (side ** dims !== n) {
    const expected = dims === 1 ? 'an integer ≥ 1' : `a perfect ${dims === 2 ? 'square' : 'power'} (side^${dims}) for sampling 'grid'`;
    throw new T.DomainError({ op, parameter: 'n', value: n, expected });
  }
  const step = side > 1 ? (high - low) / (side - 1) : 0;
  const out = new Float64Array(n * dims);
  for (let i = 0; i < n; i++) {
    let rest = i;
    for (let d = dims - 1; d >= 0; d--) {
      const j = rest % side;
      rest = (rest - j) / side;
      // The last grid value is `high` exactly, not low + (side − 1)·step rounded.
      out[i * dims + d] = j === side - 1 && side > 1 ? high : low + j * step;
    }
  }
  return out;
}

/**
 * X in the box (uniform draws or grid), y = target(x) + σ ε with ε ~ N(0, 1). The key is
 * split into one key for the inputs and one for the noise.
 */
export function regressionSample(recipe: RegressionRecipe, key: T.Key, options: RecipeOptions, defaultN: number): RegressionDataset {
  const { op } = recipe;
  checkKey(op, key);
  const n = checkInteger(op, 'n', options.n ?? defaultN, 1);
  const sigma = checkNonNegative(op, 'noise', options.noise ?? 0);
  const dtype = checkDType(op, options.dtype);
  const sampling = options.sampling ?? 'uniform';
  if (sampling !== 'uniform' && sampling !== 'grid') {
    throw new T.DomainError({ op, parameter: 'sampling', value: sampling, expected: "'uniform' or 'grid'" });
  }
  const dims = recipe.featureNames.length;
  const [inputKey, noiseKey] = T.split(key);
  const drawn =
    sampling === 'grid'
      ? gridInputs(op, n, dims, recipe.low, recipe.high)
      : Float64Array.from(T.toArray(T.uniform(inputKey, [n, dims], { min: recipe.low, max: recipe.high })));
  const x = storeAs(dtype, drawn);
  const noise = T.toArray(T.normal(noiseKey, [n]));
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) y[i] = recipe.target(x, i) + sigma * (noise[i] as number);
  return regressionDataset({
    name: recipe.name,
    X: T.fromArray(x, [n, dims], { dtype }),
    y: T.fromArray(y, [n, 1], { dtype }),
    featureNames: recipe.featureNames,
    targetName: recipe.name,
  });
}
