#!/usr/bin/env node
// Builds the Theta docs site (typedoc over every package, guides, KaTeX math) into site/.
//
//   node scripts/docs.mjs                       every packages/* that has src/index.ts
//   node scripts/docs.mjs packages/tensor       only the packages named (any directories), no guides
//   node scripts/docs.mjs --out /tmp/site …     somewhere other than site/
//
// Options live in typedoc.json; this script only picks the packages, runs typedoc through its
// API and turns any typedoc warning or error into a non-zero exit. `npm run docs` builds the
// packages first: with tsconfig.build.json, sibling imports resolve to their built dist/*.d.ts.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Application, PageEvent, TSConfigReader, TypeDocReader } from 'typedoc';

const root = fileURLToPath(new URL('..', import.meta.url));

// Arguments are relative to where the command was typed; typedoc.json's paths to the root.
const args = process.argv.slice(2);
let out = join(root, 'site');
const named = [];
for (let k = 0; k < args.length; k += 1) {
  const arg = args[k];
  if (arg === '--out') out = resolve(args[++k] ?? fail('--out needs a directory'));
  else if (arg === '--help' || arg === '-h') {
    console.log('usage: node scripts/docs.mjs [--out DIR] [PACKAGE_DIR ...]');
    process.exit(0);
  } else named.push(resolve(arg));
}
process.chdir(root);

const packages = named.length > 0 ? named : discoverPackages(join(root, 'packages'));
if (packages.length === 0) {
  fail('no package under packages/ has src/index.ts yet: nothing to document');
}
for (const dir of packages) {
  if (!existsSync(join(dir, 'src', 'index.ts'))) fail(`${dir} has no src/index.ts`);
}

warnAboutStaleBuilds(packages);

const started = Date.now();
// The guides link into every package, so a build of named packages only leaves them out.
if (named.length > 0) console.log('docs: packages named: building without the guides (they link to every package)');
const app = await Application.bootstrapWithPlugins(
  { entryPoints: packages, out, ...(named.length > 0 ? { projectDocuments: [] } : {}) },
  [new TypeDocReader(), new TSConfigReader()],
);

let pages = 0;
app.renderer.on(PageEvent.END, () => {
  pages += 1;
});

const project = await app.convert();
if (project) {
  app.validate(project);
  // Render even after validation warnings, so one run shows every problem (math included).
  await app.generateOutputs(project);
}

const { errorCount, warningCount } = app.logger;
const seconds = ((Date.now() - started) / 1000).toFixed(1);
const where = relative(root, out) || '.';
if (!project || errorCount > 0 || warningCount > 0) {
  console.error(
    `docs: FAILED with ${errorCount} error(s) and ${warningCount} warning(s)` +
      ` (warnings count as errors) after ${seconds}s; ${pages} pages written to ${where}/`,
  );
  process.exit(1);
}
console.log(
  `docs: ${pages} pages written to ${where}/ from ${packages.length} package(s) in ${seconds}s`,
);

/** Workspace packages that already have a public entry; the others are skipped, loudly. */
function discoverPackages(dir) {
  const found = [];
  for (const name of readdirSync(dir).sort()) {
    const pkg = join(dir, name);
    if (!existsSync(join(pkg, 'package.json'))) continue;
    if (existsSync(join(pkg, 'src', 'index.ts'))) found.push(pkg);
    else console.log(`docs: skipping packages/${name} (no src/index.ts yet)`);
  }
  return found;
}

/**
 * Sibling imports resolve to the siblings' dist/ (tsconfig.build.json), so a dist/ older than
 * its sources documents yesterday's API. `npm run docs` builds first; a direct run may not.
 */
function warnAboutStaleBuilds(dirs) {
  const byName = new Map();
  for (const name of readdirSync(join(root, 'packages'))) {
    const dir = join(root, 'packages', name);
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) byName.set(readJson(manifest).name, dir);
  }
  const stale = new Set();
  for (const dir of dirs) {
    const pkg = readJson(join(dir, 'package.json'));
    for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies })) {
      const depDir = byName.get(dep);
      if (!depDir) continue;
      const built = join(depDir, 'dist', 'index.d.ts');
      if (!existsSync(built) || statSync(built).mtimeMs < newestMtime(join(depDir, 'src'))) {
        stale.add(relative(root, depDir));
      }
    }
  }
  for (const dir of stale) {
    console.log(`docs: note: ${dir}/dist is missing or older than its sources (npm run build)`);
  }
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || entry.name.endsWith('.test.ts')) continue;
    newest = Math.max(newest, statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
  }
  return newest;
}

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

function fail(message) {
  console.error(`docs: ${message}`);
  process.exit(1);
}
