/**
 * Builds the app (into test-artifacts/dist, so a running `npm start` is left alone) and serves
 * it on 127.0.0.1 for the end-to-end tests; they read the URL with `inject('baseUrl')`.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { serveStatic } from '../scripts/static-server.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the built app is served, e.g. `http://127.0.0.1:40123/`. */
    baseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const outDir = `${root}/test-artifacts/dist`;
  await build({ root, configFile: `${root}/vite.config.ts`, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const server = await serveStatic(outDir);
  project.provide('baseUrl', server.url);
  return () => server.close();
}
