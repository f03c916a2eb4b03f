/**
 * Lets a Node worker run this folder's TypeScript sources (vitest, or any run from `src/`):
 * module hooks, registered in the worker by `--import`, that map a missing `./x.js` imported
 * from a `.ts` file to `./x.ts` and strip types with the `typescript` package found from the
 * sources. Used only when this module itself was loaded as `.ts`; the built package starts
 * its workers from `worker.js` without any of this.
 */

const hooks = `
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
let ts;
export async function resolve(specifier, context, next) {
  const parent = context.parentURL;
  if (parent !== undefined && parent.endsWith('.ts') && specifier.startsWith('.') && specifier.endsWith('.js')) {
    const js = new URL(specifier, parent);
    const source = new URL(specifier.slice(0, -3) + '.ts', parent);
    if (!existsSync(js) && existsSync(source)) return { url: source.href, shortCircuit: true };
  }
  return next(specifier, context);
}
export async function load(url, context, next) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return next(url, context);
  const path = fileURLToPath(url);
  ts ??= createRequire(path)('typescript');
  const { outputText } = ts.transpileModule(readFileSync(path, 'utf8'), {
    fileName: path,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true, sourceMap: false },
  });
  return { format: 'module', source: outputText, shortCircuit: true };
}
`;

const register = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});`;

/** The `execArgv` that lets a Node worker import `.ts` sources. */
export const sourceExecArgv: readonly string[] = ['--import', `data:text/javascript,${encodeURIComponent(register)}`];
