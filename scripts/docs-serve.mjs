#!/usr/bin/env node
// Serves the built docs site (site/) on 127.0.0.1 with node:http only: `npm run docs:serve`.
//
//   PORT=8080 npm run docs:serve      another port (default 4180, or any free port when 4180 is
//                                     taken; PORT=0 always picks a free one)
//   node scripts/docs-serve.mjs DIR   another folder than site/
//
// Only files inside the folder are served: the URL path is decoded, normalised and checked
// against the root (after resolving symbolic links), so `..` and `%2e%2e` cannot escape it.
import { createReadStream, realpathSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const folder = resolve(repo, process.argv[2] ?? 'site');
const host = '127.0.0.1';
const fixedPort = Boolean(process.env.PORT);
const port = Number(process.env.PORT || '4180');
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`docs:serve: PORT must be an integer from 0 to 65535, got ${process.env.PORT}`);
  process.exit(1);
}

let root;
try {
  root = realpathSync(folder);
  if (!statSync(root).isDirectory()) throw new Error('not a directory');
} catch {
  console.error(`docs:serve: ${folder} does not exist; run \`npm run docs\` first`);
  process.exit(1);
}

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** The file under root that a URL path names, or null when it is outside root or missing. */
function resolveFile(urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null; // malformed %-escape
  }
  if (path.includes('\0')) return null;
  let file = resolve(root, `.${sep}${path}`);
  if (!inside(file)) return null;
  try {
    let stat = statSync(file);
    if (stat.isDirectory()) {
      file = join(file, 'index.html');
      stat = statSync(file);
    }
    if (!stat.isFile()) return null;
    const real = realpathSync(file); // a symlink must not lead out either
    return inside(real) ? { file: real, size: stat.size } : null;
  } catch {
    return null;
  }
}

function inside(file) {
  return file === root || file.startsWith(root + sep);
}

const server = createServer((req, res) => {
  const respond = (status, text) => {
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(req.method === 'HEAD' ? undefined : `${text}\n`);
  };
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    respond(405, 'method not allowed');
    return;
  }
  const url = req.url ?? '/';
  const path = url.split('?')[0];
  // A directory without its trailing slash would break the page's relative links.
  if (!path.endsWith('/')) {
    const target = resolveFile(path);
    if (target && target.file.endsWith(`${sep}index.html`) && !path.endsWith('index.html')) {
      res.writeHead(301, { location: `${path}/${url.slice(path.length)}` });
      res.end();
      return;
    }
  }
  const found = resolveFile(url);
  if (!found) {
    respond(404, 'not found');
    return;
  }
  res.writeHead(200, {
    'content-type': types[extname(found.file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': found.size,
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(found.file)
    .on('error', () => res.destroy())
    .pipe(res);
});

server.on('error', (error) => {
  if (error.code === 'EADDRINUSE' && !fixedPort) {
    server.listen(0, host); // the default is taken (another server): any free port will do
    return;
  }
  if (error.code === 'EADDRINUSE') {
    console.error(`docs:serve: port ${port} is in use; try PORT=0 npm run docs:serve`);
  } else {
    console.error(`docs:serve: ${error.message}`);
  }
  process.exit(1);
});

server.on('listening', () => {
  const address = server.address();
  console.log(`docs:serve: serving ${folder} at http://${host}:${address.port}/`);
});
server.listen(port, host);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
