import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli, expectError } from '../test/run-cli.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

describe('theta', () => {
  it('prints help for the program and every command, with exit code 0', async () => {
    const top = await cli(['--help']);
    expect([top.code, top.stderr]).toEqual([0, '']);
    expect(top.stdout).toMatch(/^Usage: theta \[options\] \[command\]/);
    for (const command of ['train', 'eval', 'grid', 'grad']) {
      expect(top.stdout).toMatch(new RegExp(`\\n  ${command} `));
      const help = await cli([command, '--help']);
      expect([command, help.code, help.stderr]).toEqual([command, 0, '']);
      expect(help.stdout).toMatch(new RegExp(`^Usage: theta ${command} `));
      expect(help.stdout).toContain('--json');
      expect(help.stdout).toContain('Examples:');
    }
    const train = (await cli(['train', '--help'])).stdout;
    for (const flag of ['--data', '--target', '--layers', '--activation', '--output-activation', '--cost', '--optimiser', '--lr', '--schedule', '--lambda', '--penalty', '--epochs', '--batch-size', '--seed', '--test-fraction', '--dtype', '--gradient', '--save', '--history']) {
      expect(train).toContain(`${flag} <`);
    }
    expect(train).toMatch(/Data:\n[\s\S]*Network:\n[\s\S]*Optimiser:\n[\s\S]*Regularisation:\n[\s\S]*Training:\n[\s\S]*Output:\n/);
  });

  it('answers `theta help COMMAND` like `theta COMMAND --help`', async () => {
    const help = await cli(['help', 'grad']);
    expect(help).toEqual({ ...(await cli(['grad', '--help'])), code: 0 });
  });

  it('prints its version', async () => {
    expect(await cli(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('shows help on stderr with exit code 2 when no command is given', async () => {
    const { code, stdout, stderr } = await cli([]);
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toMatch(/^Usage: theta/);
  });

  it('rejects an unknown command or flag in one line', async () => {
    expectError(await cli(['trian']), 2, /^theta: unknown command 'trian' \(did you mean train\?\): expected one of train, eval, grid, grad$/);
    expectError(await cli(['--verbose']), 2, /^theta: unknown flag '--verbose': expected one of the flags listed by 'theta --help'$/);
  });
});

/** Runs a command to completion. */
function spawned(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += String(chunk)));
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describe('bin/theta.mjs', () => {
  // The real launcher in a real process. `npm test` does not build, so the launcher's import of
  // dist/main.js is pointed at the sources and TypeScript is transpiled as it loads.
  const fromSources = ['--conditions=@theta/source', '--import', './test/register-source.mjs', 'bin/theta.mjs'];

  it('runs --help and a bad flag in a child process, with their exit codes', async () => {
    const [help, bad] = await Promise.all([spawned([...fromSources, '--help']), spawned([...fromSources, 'grad', 'x', '--at', 'one'])]);
    expect([help.code, help.stderr]).toEqual([0, '']);
    expect(help.stdout).toMatch(/^Usage: theta \[options\] \[command\]/);
    expect([bad.code, bad.stdout, bad.stderr]).toEqual([2, '', "theta grad: bad value 'one' for --at: expected a number, e.g. --at 1.5 (or x=1.5)\n"]);
  }, 60_000);

  it.runIf(existsSync(new URL('../dist/main.js', import.meta.url)))('runs from the build (npm run build -w @theta/cli)', async () => {
    const result = await spawned(['bin/theta.mjs', '--version']);
    expect(result).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
});
