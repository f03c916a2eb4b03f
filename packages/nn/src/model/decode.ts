/**
 * Model files in: untrusted JSON decoded into `Either<DecodeError, Model>`, every failure
 * naming its path (`theta[1].W[3][2]`), what was expected and what was found.
 *
 * @module
 */
import * as T from '@theta/tensor';
import * as E from 'fp-ts/lib/Either.js';
import { resolveSpec, type MlpSpec } from '../mlp/spec.js';
import type { Dense } from '../mlp/theta.js';
import { modelFormat, modelVersion, type Model } from './model.js';

const describe = (v: unknown): string =>
  v === null ? 'null'
    : Array.isArray(v) ? `an array of length ${v.length}`
    : typeof v === 'string' ? `the string ${JSON.stringify(v)}`
    : typeof v === 'number' || typeof v === 'boolean' ? String(v)
    : typeof v === 'object' ? 'an object'
    : typeof v;

const fail = (path: string, expected: string, actual: string): never => {
  throw new T.DecodeError({ path: path === '' ? '(root)' : path, expected, actual });
};

const child = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;

/** A record with exactly `keys`: the first missing or extra key is the error. */
function exactRecord(value: unknown, path: string, keys: readonly string[]): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail(path, `an object with keys ${keys.join(', ')}`, describe(value));
  }
  const record = value as Readonly<Record<string, unknown>>;
  for (const key of keys) if (!Object.hasOwn(record, key)) fail(child(path, key), 'a value (missing key)', 'nothing');
  for (const key of Object.keys(record)) {
    if (!keys.includes(key)) fail(child(path, key), `no such key (allowed: ${keys.join(', ')})`, describe(record[key]));
  }
  return record;
}

function array(value: unknown, path: string, length: number | undefined, what: string): readonly unknown[] {
  if (!Array.isArray(value)) return fail(path, length === undefined ? `an array of ${what}` : `an array of ${length} ${what}`, describe(value));
  if (length !== undefined && value.length !== length) fail(path, `an array of ${length} ${what}`, describe(value));
  return value;
}

function numbers(value: unknown, path: string, length: number, out: Float64Array | Float32Array, offset: number): void {
  array(value, path, length, 'numbers').forEach((v, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) fail(child(path, i), 'a finite number', describe(v));
    out[offset + i] = v as number;
  });
}

function decodeSpec(value: unknown): MlpSpec {
  const record = exactRecord(value, 'spec', ['sizes', 'activations']);
  const sizes = array(record.sizes, 'spec.sizes', undefined, 'layer sizes');
  sizes.forEach((n, i) => {
    if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1) fail(`spec.sizes[${i}]`, 'an integer ≥ 1', describe(n));
  });
  if (sizes.length < 2) fail('spec.sizes', 'at least two layer sizes', describe(sizes));
  const activations = array(record.activations, 'spec.activations', sizes.length - 1, 'activations');
  activations.forEach((a, i) => {
    const path = `spec.activations[${i}]`;
    if (typeof a === 'string') return;
    const keys = typeof a === 'object' && a !== null && Object.hasOwn(a, 'alpha') ? ['name', 'alpha'] : ['name'];
    const r = exactRecord(a, path, keys);
    if (typeof r.name !== 'string') fail(`${path}.name`, 'an activation name', describe(r.name));
    if (r.alpha !== undefined && typeof r.alpha !== 'number') fail(`${path}.alpha`, 'a number', describe(r.alpha));
  });
  try {
    return resolveSpec({ sizes: sizes as number[], activations: activations as MlpSpec['activations'] }).spec;
  } catch (e) {
    if (!T.DomainError.is(e)) throw e;
    // `activations[1] (σ^2)` → `spec.activations[1]`.
    return fail(`spec.${e.parameter.replace(/ \(.*\)$/, '')}`, e.expected, describe(e.value));
  }
}

function decodeLayer(value: unknown, l: number, rows: number, cols: number, dtype: T.DType): Dense {
  const path = `theta[${l}]`;
  const layer = exactRecord(value, path, ['W', 'b']);
  // Every length is checked before anything is allocated: a file cannot ask for more memory than it holds.
  const rowsOfW = array(layer.W, `${path}.W`, rows, `rows (n_${l + 1} = ${rows})`);
  rowsOfW.forEach((row, j) => array(row, `${path}.W[${j}]`, cols, 'numbers'));
  array(layer.b, `${path}.b`, rows, 'numbers');
  const W = dtype === 'float32' ? new Float32Array(rows * cols) : new Float64Array(rows * cols);
  rowsOfW.forEach((row, j) => numbers(row, `${path}.W[${j}]`, cols, W, j * cols));
  const b = dtype === 'float32' ? new Float32Array(rows) : new Float64Array(rows);
  numbers(layer.b, `${path}.b`, rows, b, 0);
  return Object.freeze({ W: T.fromData(W, [rows, cols]), b: T.fromData(b, [rows]) });
}

function decodeUnsafe(json: string): Model {
  if (typeof json !== 'string') fail('', 'JSON text', typeof json);
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (e) {
    fail('', 'valid JSON text', e instanceof Error ? e.message : String(e));
  }
  const root = exactRecord(parsed, '', ['format', 'version', 'dtype', 'spec', 'theta']);
  if (root.format !== modelFormat) fail('format', JSON.stringify(modelFormat), describe(root.format));
  if (root.version !== modelVersion) fail('version', String(modelVersion), describe(root.version));
  if (root.dtype !== 'float64' && root.dtype !== 'float32') fail('dtype', '"float64" or "float32"', describe(root.dtype));
  const dtype = root.dtype as T.DType;
  const spec = decodeSpec(root.spec);
  const L = spec.sizes.length - 1;
  const theta = array(root.theta, 'theta', L, 'layers { W, b }').map((layer, l) =>
    decodeLayer(layer, l, spec.sizes[l + 1] as number, spec.sizes[l] as number, dtype),
  );
  return Object.freeze({ spec, dtype, theta: Object.freeze(theta) });
}

/**
 * Reads a model file written by `encode` — or any untrusted JSON — into
 * `Either<DecodeError, Model>`. Every check names a path: a bad cell is
 * `theta[1].W[3][2]`, with what was expected (`a finite number`) and what was found
 * (`null`, `the string "x"`, …); so are wrong shapes, missing or extra keys, an unknown
 * activation or format version. float32 files are rounded to float32 as they are read.
 *
 * @since 0.1.0
 * @category Model files
 * @example
 * ```ts
 * import * as E from 'fp-ts/lib/Either.js';
 * import * as T from '@theta/tensor';
 * import * as N from '@theta/nn';
 * const text = N.encode({ sizes: [2, 1], activations: ['sigmoid'] }, [{ W: T.tensor([[1, 2]]), b: T.tensor([0]) }]);
 * const model = N.decode(text);
 * if (E.isRight(model)) console.log(T.toNested(model.right.theta[0]!.W)); // [[1, 2]]
 * const bad = N.decode(text.replace('[[1,2]]', '[[1,null]]'));
 * if (E.isLeft(bad)) console.log(bad.left.path, bad.left.actual); // theta[0].W[0][1] null
 * ```
 */
export const decode = (json: string): E.Either<T.DecodeError, Model> =>
  E.tryCatch(
    () => decodeUnsafe(json),
    (e) => {
      if (T.DecodeError.is(e)) return e;
      throw e;
    },
  );
