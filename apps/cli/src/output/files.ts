/**
 * Output files (`--save`, `--history`, `--out`): their directories are checked before any
 * work starts, so a typo in a path fails at once (exit 2) rather than after training.
 *
 * @module
 */
import { constants } from 'node:fs';
import { access, writeFile } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import { CliFailure, CliUsageError } from '../errors.js';

/** Throws a usage error when the directory of `path` does not exist or is not writable. */
export async function checkWritable(flag: string, path: string): Promise<void> {
  const directory = dirname(resolve(path));
  try {
    await access(directory, constants.W_OK);
  } catch {
    throw new CliUsageError({ flag, value: path, expected: 'a file path in an existing, writable directory', problem: `cannot write '${path}' for ${flag} (no writable directory ${directory})` });
  }
}

/** Writes a text file; a failure now (disk full, a race) is a runtime failure. */
export async function writeText(flag: string, path: string, text: string): Promise<void> {
  try {
    await writeFile(path, text, 'utf8');
  } catch (error) {
    throw new CliFailure(`could not write '${path}' for ${flag}: ${(error as Error).message.split('\n')[0] ?? ''}`);
  }
}

/** `path` with its extension replaced: `runs/loss.csv` → `runs/loss.svg`; no extension: appended. */
export function withExtension(path: string, extension: string): string {
  const current = extname(path);
  return current === '' ? `${path}${extension}` : `${path.slice(0, -current.length)}${extension}`;
}
