#!/usr/bin/env node
// Scaffolds packages/<name> with the layout every Theta package shares:
//   node scripts/new-package.mjs <name> "<description>" [dep ...]
// Deps are sibling names (tensor, reverse, …); they become dependencies and tsconfig references.
import { mkdirSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [name, description, ...deps] = process.argv.slice(2);
if (!name || !description) {
  console.error('usage: node scripts/new-package.mjs <name> "<description>" [dep ...]');
  process.exit(2);
}
const root = new URL('..', import.meta.url).pathname;
const dir = join(root, 'packages', name);
if (existsSync(dir)) {
  console.error(`packages/${name} already exists`);
  process.exit(2);
}
const version = (dep) => JSON.parse(readFileSync(join(root, 'packages', dep, 'package.json'), 'utf8')).version;
mkdirSync(join(dir, 'src'), { recursive: true });

const pkg = {
  name: `@theta/${name}`,
  version: '0.0.0',
  description,
  license: 'MIT',
  type: 'module',
  sideEffects: false,
  exports: {
    '.': {
      '@theta/source': './src/index.ts',
      types: './dist/index.d.ts',
      default: './dist/index.js',
    },
    './package.json': './package.json',
  },
  main: './dist/index.js',
  types: './dist/index.d.ts',
  files: ['dist', 'src', '!src/**/*.test.ts', 'README.md'],
  scripts: {
    build: 'tsc -p tsconfig.build.json',
    typecheck: 'theta-examples extract && tsc -p tsconfig.json --noEmit',
    test: 'vitest run --reporter=default --reporter=json --outputFile.json=.vitest-report.json',
  },
  dependencies: Object.fromEntries(deps.map((d) => [`@theta/${d}`, version(d)])),
  devDependencies: { '@theta/testing': '0.0.0' },
  engines: { node: '>=20.19' },
};
writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');

writeFileSync(
  join(dir, 'tsconfig.json'),
  JSON.stringify(
    {
      extends: '../../tsconfig.base.json',
      compilerOptions: {
        // Type-check against siblings' sources, as the tests run them.
        customConditions: ['@theta/source'],
        noEmit: true,
        types: ['node'],
      },
      include: ['src', '.examples'],
    },
    null,
    2,
  ) + '\n',
);
writeFileSync(
  join(dir, 'tsconfig.build.json'),
  JSON.stringify(
    {
      extends: '../../tsconfig.base.json',
      compilerOptions: { rootDir: 'src', outDir: 'dist' },
      include: ['src'],
      exclude: ['src/**/*.test.ts'],
    },
    null,
    2,
  ) + '\n',
);
writeFileSync(
  join(dir, 'vitest.config.ts'),
  `import { defineProject } from 'vitest/config';

export default defineProject({
  // Resolve sibling packages to their TypeScript sources: tests never need a build first.
  resolve: { conditions: ['@theta/source'] },
  ssr: { resolve: { conditions: ['@theta/source'] } },
  test: { name: '${name}', include: ['src/**/*.test.ts'], testTimeout: 60_000 },
});
`,
);
writeFileSync(
  join(dir, 'src', 'examples.test.ts'),
  `import { runExamples } from '@theta/testing';

// Every \`@example\` in this package's TSDoc is compiled and run here.
runExamples(new URL('.', import.meta.url));
`,
);
writeFileSync(join(dir, 'README.md'), `# @theta/${name}\n\n${description}\n`);
console.log(`created packages/${name}`);
