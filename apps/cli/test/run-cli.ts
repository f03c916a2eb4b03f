// Test helpers: run the CLI in-process and check the one-line error promise.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { run } from '../src/main.js';

/** What one run of `theta` produced. */
export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `theta ...argv` in-process with collected output; `tty` pretends stderr is a terminal. */
export async function cli(argv: readonly string[], options: { readonly tty?: boolean; readonly color?: boolean } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text), columns: 120 },
    isTTY: options.tty ?? false,
    ...(options.color === undefined ? {} : { color: options.color }),
  });
  return { code, stdout, stderr };
}

/** Asserts a failed run: the exit code, nothing on stdout, one line on stderr matching, no stack trace. */
export function expectError(result: CliResult, code: number, pattern: RegExp): void {
  const lines = result.stderr.split('\n').filter((l) => l !== '');
  expect({ code: result.code, lines: lines.length }).toEqual({ code, lines: 1 });
  expect(result.stderr).toMatch(/^theta( \w+)?: /);
  expect(result.stderr).not.toMatch(/\n\s+at |Error:|node_modules/);
  expect(result.stdout).toBe('');
  expect(lines[0]).toMatch(pattern);
}

/** A fresh temporary directory, removed after the file's tests. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'theta-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
