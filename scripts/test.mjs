#!/usr/bin/env node
// `npm test`: type-check and test every workspace through turbo (cached per package), then
// read each package's vitest JSON report and print one closing line `N passed, N failed`.
// Exits non-zero if turbo failed, any test failed, or any test file failed to load.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const extra = process.argv.slice(2);
const turbo = spawnSync('npx', ['turbo', 'run', 'typecheck', 'test', '--continue', ...extra], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' },
});

let passed = 0;
let failed = 0;
const problems = [];
for (const group of ['packages', 'apps', 'tools']) {
  const dir = join(root, group);
  if (!existsSync(dir)) continue;
  for (const name of readdirSync(dir).sort()) {
    const pkgJson = join(dir, name, 'package.json');
    if (!existsSync(pkgJson) || !JSON.parse(readFileSync(pkgJson, 'utf8')).scripts?.test) continue;
    const reportPath = join(dir, name, '.vitest-report.json');
    if (!existsSync(reportPath)) {
      problems.push(`${group}/${name}: no test report (its test run did not finish)`);
      failed += 1;
      continue;
    }
    const report = JSON.parse(readFileSync(reportPath, 'utf8'));
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
    for (const file of report.testResults ?? []) {
      // A file that failed to load has status 'failed' and no assertion results.
      if (file.status === 'failed' && (file.assertionResults ?? []).length === 0) {
        problems.push(`${group}/${name}: ${file.name} failed to load: ${(file.message ?? '').split('\n')[0]}`);
        failed += 1;
      }
    }
    if ((report.numTotalTests ?? 0) === 0) problems.push(`${group}/${name}: ran no test`);
  }
}
for (const p of problems) console.log(`! ${p}`);
if (turbo.status !== 0) console.log('! turbo reported a failing typecheck or test task (see above)');
console.log(`${passed} passed, ${failed} failed`);
process.exit(turbo.status !== 0 || failed > 0 || problems.length > 0 ? 1 : 0);
