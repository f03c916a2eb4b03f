/**
 * The whole app state in the URL's query string, so a link reproduces a run exactly. Encoding
 * writes only what differs from the defaults (short links); decoding treats the query as
 * untrusted input: each field is decoded into an `Either`, and a bad one falls back to its
 * default with a message saying what was expected, never an exception.
 */
import * as E from 'fp-ts/lib/Either.js';
import type { ActivationName, CostName } from '@theta/nn';
import {
  costNames, defaultConfig, featureNames, hiddenActivationNames, limits, optimiserNames, outputActivationNames, problemNames, scheduleNames,
  type FeatureName, type PlaygroundConfig,
} from './config.js';
import { normalise } from './normalise.js';

/** The autodiff explorer's state. */
export interface ExplorerState {
  /** The expression in x (and y). */
  readonly expression: string;
  /** The point's x. */
  readonly x: number;
  /** The point's y. */
  readonly y: number;
  /** The input whose tangent the forward column seeds with 1. */
  readonly direction: 'x' | 'y';
}

/** The notes' example at x = 1. */
export const defaultExplorer: ExplorerState = Object.freeze({ expression: 'sqrt(x^2 + exp(x^2))', x: 1, y: 0, direction: 'x' });

/** Everything the URL holds. */
export interface AppState {
  /** The training configuration. */
  readonly config: PlaygroundConfig;
  /** The explorer. */
  readonly explorer: ExplorerState;
  /** Train to this step on load (a paused run's position), or 0. */
  readonly at: number;
}

/** The state of a first visit. */
export const defaultState: AppState = Object.freeze({ config: defaultConfig, explorer: defaultExplorer, at: 0 });

/** The format version written as `v`; a future change of defaults bumps it. */
export const URL_VERSION = 1;

/** What decoding gives: the state, and one message per parameter that was ignored. */
export interface Decoded {
  /** The decoded state (defaults where a parameter was missing or bad). */
  readonly state: AppState;
  /** Human-readable problems, e.g. `lr=abc ignored: expected a number > 0`. */
  readonly problems: readonly string[];
}

type Decoder<A> = (raw: string) => E.Either<string, A>;

const number = (expected: string, ok: (x: number) => boolean): Decoder<number> => (raw) => {
  const x = raw.trim() === '' ? Number.NaN : Number(raw);
  return Number.isFinite(x) && ok(x) ? E.right(x) : E.left(expected);
};
const integer = (min: number, max: number): Decoder<number> =>
  number(`an integer in ${min} … ${max}`, (x) => Number.isInteger(x) && x >= min && x <= max);
const range = (min: number, max: number, open = false): Decoder<number> =>
  number(`a number in ${open ? '(' : '['}${min}, ${max}]`, (x) => (open ? x > min : x >= min) && x <= max);
const oneOf = <A extends string>(values: readonly A[]): Decoder<A> => (raw) =>
  (values as readonly string[]).includes(raw) ? E.right(raw as A) : E.left(`one of ${values.join(', ')}`);
const list = <A>(item: Decoder<A>, min: number, max: number): Decoder<readonly A[]> => (raw) => {
  const parts = raw === '' ? [] : raw.split(',');
  if (parts.length < min || parts.length > max) return E.left(`a comma-separated list of ${min} to ${max} items`);
  const out: A[] = [];
  for (const part of parts) {
    const r = item(part);
    if (E.isLeft(r)) return r;
    out.push(r.right);
  }
  return E.right(out);
};
const flag: Decoder<boolean> = (raw) => (raw === '1' ? E.right(true) : raw === '0' ? E.right(false) : E.left('0 or 1'));
const text = (maxLength: number): Decoder<string> => (raw) => (raw.length <= maxLength ? E.right(raw) : E.left(`at most ${maxLength} characters`));

/** One URL parameter: its key, how to decode it, how to write it. */
interface Field<A> {
  readonly key: string;
  readonly decode: Decoder<A>;
  readonly encode: (a: A) => string;
}
/** Writes a value; −0 keeps its sign, so every number round-trips bit for bit. */
const write = (a: unknown): string => (Object.is(a, -0) ? '-0' : String(a));
const field = <A>(key: string, decode: Decoder<A>, encode: (a: A) => string = write): Field<A> => ({ key, decode, encode });
const joined = (a: readonly unknown[]): string => a.join(',');

/** The config's fields and their URL keys. */
const configFields: { readonly [K in keyof PlaygroundConfig]: Field<PlaygroundConfig[K]> } = {
  problem: field('p', oneOf(problemNames)),
  noise: field('noise', range(0, 0.5)),
  trainRatio: field('ratio', range(0.1, 0.9)),
  batchSize: field('batch', integer(1, limits.maxBatch)),
  dataSeed: field('data', integer(0, limits.maxSeed)),
  features: field('f', list(oneOf<FeatureName>(featureNames), 0, featureNames.length), joined),
  hidden: field('h', list(integer(1, limits.maxDigitNodes), 0, limits.maxHiddenLayers), joined),
  activations: field('act', list(oneOf<ActivationName>(hiddenActivationNames), 0, limits.maxHiddenLayers), joined),
  output: field('out', oneOf<ActivationName>(outputActivationNames)),
  cost: field('cost', oneOf<CostName>(costNames)),
  optimiser: field('opt', oneOf(optimiserNames)),
  learningRate: field('lr', range(0, 10, true)),
  beta1: field('b1', number('a number in [0, 1)', (x) => x >= 0 && x < 1)),
  beta2: field('b2', number('a number in [0, 1)', (x) => x >= 0 && x < 1)),
  eps: field('eps', range(0, 1)),
  momentum: field('mom', number('a number in [0, 1)', (x) => x >= 0 && x < 1)),
  rho: field('rho', number('a number in [0, 1)', (x) => x >= 0 && x < 1)),
  weightDecay: field('wd', range(0, 1)),
  schedule: field('sched', oneOf(scheduleNames)),
  scheduleRate: field('sr', range(0, 10, true)),
  scheduleSteps: field('ss', integer(1, 1_000_000)),
  warmupSteps: field('ws', integer(0, 1_000_000)),
  penalty: field('pen', oneOf(['none', 'l1', 'l2'] as const)),
  lambda: field('lam', range(0, 10)),
  penaliseBiases: field('pb', flag, (b) => (b ? '1' : '0')),
  seed: field('seed', integer(0, limits.maxSeed)),
  gradient: field('grad', oneOf(['delta', 'reverse'] as const)),
};

/** The explorer's fields and their URL keys. */
const explorerFields: { readonly [K in keyof ExplorerState]: Field<ExplorerState[K]> } = {
  expression: field('expr', text(500)),
  x: field('ex', range(-1e6, 1e6)),
  y: field('ey', range(-1e6, 1e6)),
  direction: field('ed', oneOf(['x', 'y'] as const)),
};

const atField = field('at', integer(0, 1_000_000));

const same = (a: unknown, b: unknown): boolean =>
  Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((x, i) => x === b[i]) : Object.is(a, b);

/** Writes the fields of `value` that differ from `defaults` into `params`. */
function encodeRecord<R extends object>(params: URLSearchParams, fields: { readonly [K in keyof R]: Field<R[K]> }, value: R, defaults: R): void {
  for (const name of Object.keys(fields) as (keyof R)[]) {
    if (!same(value[name], defaults[name])) params.set(fields[name].key, fields[name].encode(value[name]));
  }
}

/** Reads the fields of a record from `params`, defaults where absent or bad. */
function decodeRecord<R extends object>(params: URLSearchParams, fields: { readonly [K in keyof R]: Field<R[K]> }, defaults: R, problems: string[]): R {
  const out: Partial<Record<keyof R, unknown>> = {};
  for (const name of Object.keys(fields) as (keyof R)[]) {
    const { key, decode } = fields[name];
    const raw = params.get(key);
    if (raw === null) {
      out[name] = defaults[name];
      continue;
    }
    const result = decode(raw);
    if (E.isRight(result)) out[name] = result.right;
    else {
      problems.push(`${key}=${raw.length > 40 ? `${raw.slice(0, 40)}…` : raw} ignored: expected ${result.left}`);
      out[name] = defaults[name];
    }
  }
  return Object.freeze(out) as R;
}

/** The query string (without `?`) of a state: `v=1` and every non-default field. */
export function encodeState(state: AppState): string {
  const params = new URLSearchParams();
  params.set('v', String(URL_VERSION));
  encodeRecord(params, configFields, state.config, defaultConfig);
  encodeRecord(params, explorerFields, state.explorer, defaultExplorer);
  if (state.at > 0) params.set('at', atField.encode(state.at));
  return params.toString();
}

/** The state a query string describes, made consistent ({@link normalise}); never throws. */
export function decodeState(query: string): Decoded {
  const params = new URLSearchParams(query.startsWith('?') ? query.slice(1) : query);
  const problems: string[] = [];
  const version = params.get('v');
  if (version !== null && version !== String(URL_VERSION)) problems.push(`v=${version}: links of version ${URL_VERSION} are read; others may differ`);
  const known = new Set(['v', 'at', ...Object.values(configFields).map((f) => f.key), ...Object.values(explorerFields).map((f) => f.key)]);
  for (const key of params.keys()) if (!known.has(key)) problems.push(`${key} ignored: not a playground parameter`);
  const config = normalise(decodeRecord(params, configFields, defaultConfig, problems));
  const explorer = decodeRecord(params, explorerFields, defaultExplorer, problems);
  const at = decodeRecord(params, { at: atField }, { at: 0 }, problems).at;
  return { state: Object.freeze({ config, explorer, at }), problems: Object.freeze(problems) };
}
