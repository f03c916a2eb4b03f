/**
 * Every data set of the package by name, for command lines and forms that take a name.
 *
 * @module
 */
import * as T from '@theta/tensor';
import type { Dataset, GeneratorOptions } from './dataset.js';
import { breastCancer } from './datasets/breast-cancer.js';
import { digits } from './datasets/digits.js';
import { loadMnist } from './datasets/mnist.js';
import { circle } from './generators/circle.js';
import { franke } from './generators/franke.js';
import { gaussians } from './generators/gaussians.js';
import { multiGaussian } from './generators/multi-gaussian.js';
import { plane } from './generators/plane.js';
import { runge, runge2d } from './generators/runge.js';
import { spiral } from './generators/spiral.js';
import { xor } from './generators/xor.js';

/** Generators by name (they take a key, N and a noise level). */
const GENERATORS = {
  franke,
  runge,
  runge2d,
  circle,
  xor,
  gaussians,
  spiral,
  plane,
  'multi-gaussian': multiGaussian,
} as const satisfies Record<string, (key: T.Key, options: GeneratorOptions) => Dataset>;

/** Fixed data sets by name (no key, N or noise). */
const FIXED = {
  'breast-cancer': (dtype: T.DType) => Promise.resolve(breastCancer({ dtype })),
  digits: (dtype: T.DType) => Promise.resolve(digits({ dtype })),
  mnist: (dtype: T.DType) => loadMnist({ dtype }),
} as const satisfies Record<string, (dtype: T.DType) => Promise<Dataset>>;

/**
 * The name of a built-in data set: the generators `franke`, `runge`, `runge2d`, `circle`,
 * `xor`, `gaussians`, `spiral`, `plane`, `multi-gaussian`, and the fixed sets
 * `breast-cancer`, `digits`, `mnist`. Each equals the `name` of the data set it gives.
 *
 * @since 0.1.0
 * @category Datasets
 * @example
 * ```ts
 * import * as D from '@theta/data';
 * const name: D.BuiltinName = 'breast-cancer';
 * console.log(D.builtinNames.includes(name)); // true
 * ```
 */
export type BuiltinName =
  | 'franke' | 'runge' | 'runge2d' | 'circle' | 'xor' | 'gaussians' | 'spiral' | 'plane' | 'multi-gaussian'
  | 'breast-cancer' | 'digits' | 'mnist';

/**
 * All {@link BuiltinName}s, generators first: what a command line lists as accepted values.
 *
 * @since 0.1.0
 * @category Datasets
 * @example
 * ```ts
 * import * as D from '@theta/data';
 * console.log(D.builtinNames.length, D.builtinNames.at(-1)); // 12 mnist
 * ```
 */
export const builtinNames: readonly BuiltinName[] = Object.freeze([...Object.keys(GENERATORS), ...Object.keys(FIXED)] as BuiltinName[]);

// Compile-time check that the two tables name exactly the members of BuiltinName.
const exhaustive: Record<BuiltinName, unknown> = { ...GENERATORS, ...FIXED };
void exhaustive;

/**
 * True when `name` is a {@link BuiltinName}: check a user's input before {@link loadBuiltin}.
 *
 * @since 0.1.0
 * @category Datasets
 * @example
 * ```ts
 * import * as D from '@theta/data';
 * console.log(D.isBuiltinName('spiral'), D.isBuiltinName('iris')); // true false
 * ```
 */
export const isBuiltinName = (name: unknown): name is BuiltinName => typeof name === 'string' && (builtinNames as readonly string[]).includes(name);

/**
 * A built-in data set by name. Generators use `key` and the options (`n`, `noise`, `dtype`,
 * with each generator's defaults); the fixed sets use only `dtype`, and `n` or `noise` given
 * for them is a `DomainError` (they would otherwise be ignored). `mnist` reads the `mnist`
 * package and works in Node only (see {@link loadMnist}). Resolves at once for every other name.
 *
 * Bad arguments throw at once — `DomainError` for an unknown name (naming the accepted ones)
 * or a bad option; only reading MNIST's files can reject the promise.
 *
 * @since 0.1.0
 * @category Datasets
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as D from '@theta/data';
 * const data = await D.loadBuiltin('franke', T.key(0), { n: 100, noise: 0.1 });
 * console.log(data.name, data.X.shape); // franke [100, 2]
 * console.log((await D.loadBuiltin('digits', T.key(0))).X.shape); // [1797, 64]
 * ```
 */
export function loadBuiltin(name: BuiltinName, key: T.Key, options: GeneratorOptions = {}): Promise<Dataset> {
  if (!isBuiltinName(name)) {
    throw new T.DomainError({ op: 'loadBuiltin', parameter: 'name', value: name, expected: `one of ${builtinNames.join(', ')}` });
  }
  if (name in GENERATORS) return Promise.resolve(GENERATORS[name as keyof typeof GENERATORS](key, options));
  for (const parameter of ['n', 'noise'] as const) {
    if (options[parameter] !== undefined) {
      throw new T.DomainError({ op: 'loadBuiltin', parameter, value: options[parameter], expected: `absent for the fixed data set ${name}` });
    }
  }
  return FIXED[name as keyof typeof FIXED](options.dtype ?? 'float64');
}
