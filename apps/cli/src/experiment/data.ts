/**
 * Loads the samples a `DataSource` names: a built-in set from @theta/data (generated ones from
 * the run's data key) or the user's CSV file. Every problem with the input becomes a
 * `CliUsageError` naming `--data`, with the row and column of a bad cell.
 *
 * @module
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import * as D from '@theta/data';
import type * as T from '@theta/tensor';
import { CliUsageError } from '../errors.js';
import type { DataSource } from '../flags/data.js';

/** Words for the common file-system errors. */
const reasons: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EISDIR: 'a directory, not a file',
  EACCES: 'permission denied',
};

/** Reads a file the user named with `flag`; a missing or unreadable file is a usage error. */
export async function readUserFile(flag: string, path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    throw new CliUsageError({ flag, value: path, expected: what, problem: `cannot read '${path}' for ${flag} (${reasons[code] ?? code ?? 'unreadable'})` });
  }
}

/** The built-in set or CSV file, in the requested dtype. */
export async function loadData(source: DataSource, dtype: T.DType, key: T.Key): Promise<D.Dataset> {
  if (source.kind === 'builtin') {
    const options = { dtype, ...(source.samples === undefined ? {} : { n: source.samples }), ...(source.noise === undefined ? {} : { noise: source.noise }) };
    return D.loadBuiltin(source.name, key, options);
  }
  const text = await readUserFile('--data', source.path, 'a readable CSV file');
  const parsed = D.readCsv(text, {
    dtype,
    name: basename(source.path),
    targetType: source.task === 'classification' ? 'categorical' : 'numeric',
    ...(source.target === undefined ? {} : { target: source.target }),
  });
  if (E.isRight(parsed)) return parsed.right;
  const error = parsed.left;
  if (error.path === 'options.target') {
    throw new CliUsageError({ flag: '--target', value: String(source.target), expected: error.expected });
  }
  throw new CliUsageError({
    flag: '--data',
    value: source.path,
    expected: error.expected,
    problem: `bad CSV '${source.path}' for --data: ${error.actual} at ${error.path}`,
  });
}
