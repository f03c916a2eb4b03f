/**
 * The data flags: `--data` (a built-in data set or a CSV file), `--target` and `--task` for
 * CSV files, `--samples` and `--noise` for the generated sets, `--scale`.
 *
 * @module
 */
import { existsSync } from 'node:fs';
import * as E from 'fp-ts/lib/Either.js';
import * as D from '@theta/data';
import { CliUsageError } from '../errors.js';
import { bad, optional, orThrow, parseChoice, parseNumber, type Parsed } from './values.js';

/** Built-in sets drawn from a generator: they take `--samples` and `--noise`. */
export const generatedNames: readonly D.BuiltinName[] = ['franke', 'runge', 'runge2d', 'circle', 'xor', 'gaussians', 'spiral', 'plane', 'multi-gaussian'];

/** What `--task` accepts for a CSV file. */
export type Task = 'regression' | 'classification';

/** How the features are scaled (fitted on the training part only). */
export type Scaling = 'standard' | 'minmax' | 'none';

/** Where the samples come from. */
export type DataSource =
  | {
      /** A data set shipped with @theta/data. */
      readonly kind: 'builtin';
      /** Its name. */
      readonly name: D.BuiltinName;
      /** N, for a generated set. */
      readonly samples?: number;
      /** The noise level, for a generated set. */
      readonly noise?: number;
    }
  | {
      /** A CSV file of the user's. */
      readonly kind: 'csv';
      /** Its path, as given. */
      readonly path: string;
      /** The target column: name or 0-based index (the last column when absent). */
      readonly target?: string | number;
      /** Regression (a numeric target) or classification (each distinct value a class). */
      readonly task: Task;
    };

/** The raw text of the data flags, as commander hands them over. */
export interface DataFlagText {
  /** `--data`. */
  readonly data?: string;
  /** `--target`. */
  readonly target?: string;
  /** `--task`. */
  readonly task?: string;
  /** `--samples`. */
  readonly samples?: string;
  /** `--noise`. */
  readonly noise?: string;
}

/** What `--data` accepts, for messages and help. */
export const dataAccepted = `a built-in data set (${D.builtinNames.join(', ')}) or a path to a .csv file`;

/** True when the text is a path rather than a data-set name: it looks like one, or the file exists. */
const looksLikePath = (text: string): boolean => /[\\/]/.test(text) || /\.(csv|txt|tsv)$/i.test(text) || existsSync(text);

/** A flag that only some data sources take: the error naming the data and who takes it. */
const notFor = (flag: string, value: string, data: string, who: string): never => {
  throw new CliUsageError({ flag, value, expected: `${who} for --data`, problem: `${flag} '${value}' does not apply to --data ${data}` });
};

/** Who takes --samples and --noise, for messages. */
const generatedOnly = `a generated data set (${generatedNames.join(', ')})`;

/**
 * Parses the data flags into a {@link DataSource}; `undefined` when `--data` is absent (the
 * caller then uses its default data sets, which take no data flags). Throws a
 * `CliUsageError` naming the first bad flag.
 */
export function parseDataFlags(text: DataFlagText): DataSource | undefined {
  const name = text.data;
  if (name === undefined) {
    for (const flag of ['target', 'task', 'samples', 'noise'] as const) {
      const value = text[flag];
      if (value !== undefined) orThrow(bad(`--${flag}`, value, `--data as well (--${flag} describes the data set chosen with --data)`));
    }
    return undefined;
  }
  if (D.isBuiltinName(name)) {
    if (text.target !== undefined) notFor('--target', text.target, name, 'a CSV file');
    if (text.task !== undefined) notFor('--task', text.task, name, 'a CSV file');
    const generated = generatedNames.includes(name);
    if (!generated && text.samples !== undefined) notFor('--samples', text.samples, name, generatedOnly);
    if (!generated && text.noise !== undefined) notFor('--noise', text.noise, name, generatedOnly);
    const samples = orThrow(optional(text.samples, (s) => parseNumber('--samples', s, { integer: true, min: 2 })));
    const noise = orThrow(optional(text.noise, (s) => parseNumber('--noise', s, { min: 0 })));
    return { kind: 'builtin', name, ...(samples === undefined ? {} : { samples }), ...(noise === undefined ? {} : { noise }) };
  }
  if (!looksLikePath(name)) orThrow(bad('--data', name, dataAccepted));
  if (text.samples !== undefined) notFor('--samples', text.samples, name, generatedOnly);
  if (text.noise !== undefined) notFor('--noise', text.noise, name, generatedOnly);
  const task = orThrow(optional(text.task, (s) => parseChoice<Task>('--task', s, ['regression', 'classification'])));
  const target = text.target === undefined ? undefined : orThrow(parseTarget(text.target));
  return { kind: 'csv', path: name, task: task ?? 'regression', ...(target === undefined ? {} : { target }) };
}

/** `--target`: a 0-based index when it is an integer, else a column name. */
export function parseTarget(text: string): Parsed<string | number> {
  const trimmed = text.trim();
  if (trimmed === '') return bad('--target', text, 'a column name or a 0-based column index');
  return E.right(/^-?\d+$/.test(trimmed) ? Number(trimmed) : trimmed);
}

/** Parses `--scale`. */
export const parseScaling = (text: string): Parsed<Scaling> => parseChoice<Scaling>('--scale', text, ['standard', 'minmax', 'none']);
