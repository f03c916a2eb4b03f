/**
 * Shared steps of the playground's 2-D sets: argument checks, uniform draws as plain numbers,
 * and the final shuffle into a data set. Internal: not exported from the package.
 */
import * as T from '@theta/tensor';
import { classificationDataset, regressionDataset, type ClassificationDataset, type GeneratorOptions, type RegressionDataset } from '../dataset.js';
import { checkDType, checkInteger, checkKey, checkNonNegative } from '../validate.js';

/** The playground's input names. */
export const PLANE_FEATURES = ['x1', 'x2'] as const;

/** Checked options with the playground's defaults (500 points, no noise). */
export interface PlaygroundSettings {
  readonly n: number;
  readonly noise: number;
  readonly dtype: T.DType;
}

/** Validates the key and options of playground generator `op`. */
export function playgroundSettings(op: string, key: unknown, options: GeneratorOptions): PlaygroundSettings {
  checkKey(op, key);
  return {
    n: checkInteger(op, 'n', options.n ?? 500, 1),
    noise: checkNonNegative(op, 'noise', options.noise ?? 0),
    dtype: checkDType(op, options.dtype),
  };
}

/** `count` uniform draws in [min, max) as plain numbers. */
export const uniforms = (key: T.Key, count: number, min: number, max: number): number[] =>
  count === 0 ? [] : T.toArray(T.uniform(key, [count], { min, max }));

/** `count` standard normal draws as plain numbers. */
export const normals = (key: T.Key, count: number): number[] => (count === 0 ? [] : T.toArray(T.normal(key, [count])));

/** Sizes of the two classes: class 1 gets the extra point when N is odd. */
export const halves = (n: number): readonly [negatives: number, positives: number] => [Math.floor(n / 2), Math.ceil(n / 2)];

/**
 * A two-class data set from points `[x1, x2, …]` and labels, rows put in the random order of
 * `orderKey` so that the classes are mixed (the generators make them one class after another).
 */
export function twoClassSet(name: string, orderKey: T.Key, points: readonly number[], labels: readonly number[], dtype: T.DType): ClassificationDataset {
  const n = labels.length;
  const order = T.permutation(orderKey, n);
  const x = new Array<number>(2 * n);
  const y = new Array<number>(n);
  order.forEach((from, to) => {
    x[2 * to] = points[2 * from] as number;
    x[2 * to + 1] = points[2 * from + 1] as number;
    y[to] = labels[from] as number;
  });
  return classificationDataset({
    name,
    X: T.fromArray(x, [n, 2], { dtype }),
    y: T.fromArray(y, [n], { dtype }),
    featureNames: PLANE_FEATURES,
    classNames: ['0', '1'],
  });
}

/** A 2-D regression data set from points `[x1, x2, …]` and targets. */
export function planeRegressionSet(name: string, points: readonly number[], targets: readonly number[], dtype: T.DType): RegressionDataset {
  const n = targets.length;
  return regressionDataset({
    name,
    X: T.fromArray(points, [n, 2], { dtype }),
    y: T.fromArray(targets, [n, 1], { dtype }),
    featureNames: PLANE_FEATURES,
    targetName: name,
  });
}
