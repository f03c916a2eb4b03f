#!/usr/bin/env node
// `npm start`: builds the playground with Vite (the Theta packages are bundled from their
// sources) and serves dist/ on 127.0.0.1, printing the URL. `--no-build` serves the last build;
// `--port N` (or PORT) picks the port, 4173 by default, the next free one if it is taken.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { serveStatic } from './static-server.mjs';

const app = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const portArg = args.indexOf('--port');
const wanted = Number(portArg >= 0 ? args[portArg + 1] : (process.env.PORT ?? 4173));

if (!args.includes('--no-build') || !existsSync(`${app}/dist/index.html`)) {
  await build({ root: app, logLevel: 'warn' });
}
let server;
for (let port = wanted; port < wanted + 20 && server === undefined; port++) {
  server = await serveStatic(`${app}/dist`, { port }).catch((error) => {
    if (error.code !== 'EADDRINUSE') throw error;
    return undefined;
  });
}
if (server === undefined) throw new Error(`no free port in ${wanted} … ${wanted + 19}`);
console.log(`Theta playground: ${server.url}`);
console.log('Press Ctrl+C to stop.');
const stop = () => server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
