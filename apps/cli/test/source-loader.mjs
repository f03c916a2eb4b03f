// Module hooks for the smoke test: the launcher's `../dist/main.js` becomes `src/main.ts`,
// `./x.js` imports from TypeScript files find `./x.ts`, and TypeScript is transpiled (types
// dropped, nothing checked) as it loads — by oxc through rolldown (vite's bundler, installed
// with vitest) when it is there, else by the TypeScript compiler. Sibling packages resolve to
// their sources through the `@theta/source` export condition given on the command line.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const launcher = new URL('../bin/theta.mjs', import.meta.url).href;
const sources = new URL('../src/main.ts', import.meta.url).href;
const require = createRequire(import.meta.url);

/** The fastest transpiler at hand: TypeScript text in, JavaScript text out. */
const transpile = (() => {
  try {
    const { transformSync } = require('rolldown/experimental');
    return (fileName, source) => transformSync(fileName, source, {}).code;
  } catch {
    const ts = require('typescript');
    const compilerOptions = { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true };
    return (fileName, source) => ts.transpileModule(source, { fileName, compilerOptions }).outputText;
  }
})();

export async function resolve(specifier, context, next) {
  if (context.parentURL === launcher && specifier === '../dist/main.js') return { url: sources, shortCircuit: true };
  if (specifier.startsWith('.') && specifier.endsWith('.js') && context.parentURL?.endsWith('.ts')) {
    const url = new URL(specifier, context.parentURL);
    const typescript = new URL(url.href.replace(/\.js$/, '.ts'));
    if (!existsSync(url) && existsSync(typescript)) return { url: typescript.href, shortCircuit: true };
  }
  return next(specifier, context);
}

export async function load(url, context, next) {
  if (!url.endsWith('.ts')) return next(url, context);
  const source = await readFile(new URL(url), 'utf8');
  return { format: 'module', source: transpile(url, source), shortCircuit: true };
}
