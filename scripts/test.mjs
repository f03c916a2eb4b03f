#!/usr/bin/env node
// `npm test`: type-check and test every workspace through turbo (cached per package), then
// read each package's vitest JSON report and print one closing line `N passed, N failed`.
// Exits non-zero if turbo failed, any test failed, or any test file failed to load.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const extra = process.argv.slice(2);
// Every workspace with a test script: packages/*, apps/*, tools/* and the single folders.
const workspaces = ['packages', 'apps', 'tools']
  .flatMap((group) => (existsSync(join(root, group)) ? readdirSync(join(root, group)).sort().map((name) => `${group}/${name}`) : []))
  .concat(['docs', 'bench']);
// A report left from an earlier run must never be counted: turbo restores cached ones.
for (const workspace of workspaces) rmSync(join(root, workspace, '.vitest-report.json'), { force: true });

const turbo = spawnSync('npx', ['turbo', 'run', 'typecheck', 'test', '--continue', ...extra], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' },
});

let passed = 0;
let failed = 0;
const problems = [];
for (const workspace of workspaces) {
  const pkgJson = join(root, workspace, 'package.json');
  if (!existsSync(pkgJson) || !JSON.parse(readFileSync(pkgJson, 'utf8')).scripts?.test) continue;
  const reportPath = join(root, workspace, '.vitest-report.json');
  if (!existsSync(reportPath)) {
    problems.push(`${workspace}: no test report (its test run did not finish)`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  for (const file of report.testResults ?? []) {
    // A file that failed to load has status 'failed' and no assertion results.
    if (file.status === 'failed' && (file.assertionResults ?? []).length === 0) {
      problems.push(`${workspace}: ${file.name} failed to load: ${(file.message ?? '').split('\n')[0]}`);
      failed += 1;
    }
  }
  if ((report.numTotalTests ?? 0) === 0) problems.push(`${workspace}: ran no test`);
}
for (const p of problems) console.log(`! ${p}`);
if (turbo.status !== 0) console.log('! turbo reported a failing typecheck or test task (see above)');
console.log(`${passed} passed, ${failed} failed`);
process.exit(turbo.status !== 0 || failed > 0 || problems.length > 0 ? 1 : 0);
