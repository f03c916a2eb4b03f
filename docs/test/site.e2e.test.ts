import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import * as T from '@theta/tensor';
import { guidePaths, repoRoot } from './guide-code.mjs';

// End to end: the built site (site/ when it is newer than everything it is built from, as after
// `npm run docs` in CI; otherwise a fresh build in a temporary folder) is served by
// scripts/docs-serve.mjs and opened in Chromium. The guides must render their math, no page may
// show raw $…$, the search must find `grad`, and no internal link may be broken.

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The newest modification time of the files under `dir` that `keep` accepts. */
function newest(dir: string, keep: (path: string) => boolean = () => true): number {
  if (!existsSync(dir)) return 0;
  if (statSync(dir).isFile()) return statSync(dir).mtimeMs;
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile() && keep(path)) t = Math.max(t, statSync(path).mtimeMs);
  }
  return t;
}

/** site/ counts as fresh when it was written after every file it is built from. */
function siteIsFresh(site: string): boolean {
  const index = join(site, 'index.html');
  if (!existsSync(index)) return false;
  const sources = [
    newest(join(repoRoot, 'docs', 'guides')),
    newest(join(repoRoot, 'docs', 'index.md')),
    newest(join(repoRoot, 'docs', 'plugins'), (p) => !p.endsWith('.test.mjs')),
    newest(join(repoRoot, 'docs', 'assets')),
    newest(join(repoRoot, 'typedoc.json')),
    newest(join(repoRoot, 'scripts', 'docs.mjs')),
    ...readdirSync(join(repoRoot, 'packages')).map((name) =>
      newest(join(repoRoot, 'packages', name, 'src'), (p) => p.endsWith('.ts') && !p.endsWith('.test.ts'))),
  ];
  return statSync(index).mtimeMs >= Math.max(...sources);
}

/** Starts scripts/docs-serve.mjs on a free port and resolves with its base URL. */
function serve(folder: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(repoRoot, 'scripts', 'docs-serve.mjs'), folder], {
    cwd: repoRoot,
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`docs:serve did not start: ${output}`)), 15_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /serving .* at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1] as string, child });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => reject(new Error(`docs:serve exited with ${code}: ${output}`)));
  });
}

let site = join(repoRoot, 'site');
let builtHere: string | undefined;
let base = '';
let browser: Browser | undefined;
let page: Page;
const servers: ChildProcess[] = [];
/** Every HTML page reached from index.html: URL → its HTML. */
const pages = new Map<string, string>();
/** Every other internal resource linked from a page: URL → HTTP status. */
const resources = new Map<string, number>();
const broken: string[] = [];

/** Why the site could not be set up; every test then fails with it (none is skipped). */
let setupError: unknown;
const ready = () => {
  if (setupError !== undefined) throw setupError;
};

beforeAll(async () => {
  try {
    await setUp();
  } catch (error) {
    setupError = error;
  }
}, 300_000);

async function setUp(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is missing (looked for ${CHROMIUM}): install it with ` +
        '`apt-get install -y --no-install-recommends chromium`, or set CHROMIUM_PATH.',
    );
  }
  if (!siteIsFresh(site)) {
    builtHere = mkdtempSync(join(tmpdir(), 'theta-site-'));
    const build = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'docs.mjs'), '--out', builtHere], { cwd: repoRoot, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`the docs build failed (is \`npm run build\` done?):\n${`${build.stdout}\n${build.stderr}`.slice(-3000)}`);
    site = builtHere;
  }
  const server = await serve(site);
  servers.push(server.child);
  base = server.url;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  page = await browser.newPage();
  await crawl();
}

afterAll(async () => {
  await browser?.close();
  for (const child of servers) child.kill();
  if (builtHere) rmSync(builtHere, { recursive: true, force: true });
});

/** Links and sources of a page that point into the site (fragments kept). */
function internalLinks(html: string, pageUrl: string): string[] {
  const out: string[] = [];
  for (const [, attr] of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
    const raw = (attr as string).replaceAll('&amp;', '&');
    if (raw === '' || raw === '#' || /^(?:[a-z][a-z0-9+.-]*:)/i.test(raw) && !raw.startsWith(base)) continue;
    const url = new URL(raw, pageUrl);
    if (url.origin === new URL(base).origin) out.push(url.href);
  }
  return out;
}

/** The links of the navigation tree, which the page's script renders from assets/navigation.js. */
async function navigationLinks(): Promise<string[]> {
  await page.goto(base, { waitUntil: 'load' });
  await page.waitForFunction(() => document.querySelectorAll('.tsd-navigation a[href]').length > 5, null, { timeout: 15_000 });
  return page.$$eval('.tsd-navigation a[href]', (links) => links.map((a) => (a as HTMLAnchorElement).href));
}

/** Breadth-first over every page reachable from index.html (and the navigation tree). */
async function crawl(): Promise<void> {
  const start = new URL('index.html', base).href;
  const queue: string[] = [start, ...(await navigationLinks())];
  const wantedIds = new Map<string, Set<string>>(); // page → fragments linked to it
  const linkedFrom = new Map<string, string>();
  while (queue.length > 0) {
    const link = queue.shift() as string;
    const url = new URL(link);
    const fragment = decodeURIComponent(url.hash.slice(1));
    url.hash = '';
    const target = url.href;
    if (fragment) {
      if (!wantedIds.has(target)) wantedIds.set(target, new Set());
      wantedIds.get(target)?.add(fragment);
    }
    if (pages.has(target) || resources.has(target)) continue;
    const response = await fetch(target);
    const type = response.headers.get('content-type') ?? '';
    if (response.status === 200 && type.startsWith('text/html')) {
      const html = await response.text();
      pages.set(target, html);
      for (const next of internalLinks(html, target)) {
        if (!linkedFrom.has(next)) linkedFrom.set(next.split('#')[0] as string, target);
        queue.push(next);
      }
    } else {
      resources.set(target, response.status);
      await response.arrayBuffer();
      if (response.status !== 200) broken.push(`${relative(base, target)} (HTTP ${response.status}), linked from ${linkedFrom.get(target) ?? '?'}`);
    }
  }
  for (const [target, ids] of wantedIds) {
    const html = pages.get(target);
    if (html === undefined) continue; // an SVG sprite or a missing page, checked above
    for (const id of ids) {
      if (!html.includes(`id="${id}"`) && !html.includes(`name="${id}"`)) broken.push(`${target}#${id}: no such anchor`);
    }
  }
}

const guides = () => guidePaths().length;

describe('the docs site in Chromium', () => {
  it('is served on 127.0.0.1 by docs:serve and reaches every guide from the home page', () => {
    ready();
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const documents = [...pages.keys()].filter((u) => u.includes('/documents/'));
    expect(documents.length).toBe(guides());
    expect(pages.size).toBeGreaterThan(100);
  });

  it('has no broken internal link (every page crawled from index.html)', () => {
    ready();
    expect(broken).toEqual([]);
  });

  it('renders the math of every guide with KaTeX, fonts and styles loaded', async () => {
    ready();
    const documents = [...pages.keys()].filter((u) => u.includes('/documents/')).sort();
    for (const url of [new URL('index.html', base).href, ...documents]) {
      await page.goto(url, { waitUntil: 'load' });
      // typedoc keeps the body hidden until its script has set the page up
      await page.waitForFunction(() => document.body.style.display !== 'none' && document.body.getBoundingClientRect().height > 0);
      const report = await page.evaluate(async () => {
        await document.fonts.ready;
        const math = [...document.querySelectorAll('.tsd-panel .katex, .col-content .katex')];
        const sizes = math.map((m) => m.getBoundingClientRect().width);
        const katexCss = [...document.styleSheets].some((s) => (s.href ?? '').endsWith('katex.min.css') && s.cssRules.length > 0);
        const mainFont = [...document.fonts].some((f) => f.family.includes('KaTeX_Main') && f.status === 'loaded');
        return { count: math.length, unsized: sizes.filter((w) => !(w > 0)).length, errors: document.querySelectorAll('.katex-error').length, katexCss, mainFont };
      });
      expect(report.count, `${url} shows no math`).toBeGreaterThan(0);
      expect(report, url).toEqual({ count: report.count, unsized: 0, errors: 0, katexCss: true, mainFont: true });
    }
  });

  it('shows no raw $…$ in the text of any page', async () => {
    ready();
    const urls = [...pages.keys()];
    const found: string[] = [];
    for (let i = 0; i < urls.length; i += 50) {
      const batch = urls.slice(i, i + 50);
      const texts = await page.evaluate((htmls: string[]) => htmls.map((html) => {
        const doc = new DOMParser().parseFromString(html, 'text/html');
        doc.querySelectorAll('script, style, code, pre, .katex, .katex-display').forEach((e) => e.remove());
        return doc.body.textContent ?? '';
      }), batch.map((u) => pages.get(u) as string));
      texts.forEach((text, k) => {
        const raw = /\$\$|(?:^|[^\\\w$])\$(?=\S)[^$\n]{1,300}?(?<=\S)\$(?!\d)/.exec(text);
        if (raw) found.push(`${batch[k]}: …${text.slice(Math.max(0, raw.index - 30), raw.index + 60).replace(/\s+/g, ' ')}…`);
      });
    }
    expect(found).toEqual([]);
  });

  it('finds `grad` with the search box, and the result opens R.grad', async () => {
    ready();
    await page.goto(base, { waitUntil: 'load' });
    await page.click('#tsd-search-trigger');
    await page.fill('#tsd-search-input', 'grad');
    await page.waitForFunction(() => document.querySelectorAll('#tsd-search-results li a').length > 0, null, { timeout: 15_000 });
    const results = await page.$$eval('#tsd-search-results li a', (links) => links.map((a) => ({ text: (a.textContent ?? '').trim(), href: (a as HTMLAnchorElement).href })));
    const grad = results.find((r) => /functions\/_theta_reverse\.grad\.html$/.test(r.href));
    expect(grad, JSON.stringify(results.slice(0, 10))).toBeDefined();
    await page.goto(grad?.href ?? base, { waitUntil: 'load' });
    expect(await page.textContent('h1')).toMatch(/grad/);
  });

  it('draws the same random bits in Chromium as in Node (keys, uniform, normal, permutation, a dense layer)', async () => {
    ready();
    const tensor = await serve(join(repoRoot, 'packages', 'tensor'));
    servers.push(tensor.child);
    const compute = async (T: typeof import('@theta/tensor')) => {
      const k = T.key(42);
      const [a, b] = T.split(k, 2);
      const X = T.normal(a!, [8, 5]);
      const W = T.uniform(b!, [3, 5], { min: -1, max: 1 });
      return {
        words: [k, a!, b!, T.foldIn(k, 7)].map((key) => [...key.words]),
        uniform: T.toArray(T.uniform(k, [300])),
        uniform32: T.toArray(T.uniform(k, [300], { dtype: 'float32' })),
        normal: T.toArray(T.normal(b!, [301])),
        permutation: [...T.permutation(a!, 100)],
        dense: T.toArray(T.sigmoid(T.add(T.matmul(X, W, { transposeB: true }), T.ones([3])))),
        // The WebAssembly backend's activations use its own SIMD exp (IEEE + − × ÷ only). Its
        // simd build, because Chromium has relaxed SIMD and Node 20 does not: the relaxed build's
        // fused multiply-adds would round the products otherwise.
        wasmDense: await (async () => {
          if (!(await T.wasmReady({ variant: 'simd' }))) return 'no wasm backend';
          const [previous, variant] = [T.getBackend(), T.wasmStats()?.variant];
          T.setBackend('wasm', { variant: 'simd' });
          const layer = ['sigmoid', 'tanh', 'elu', 'softplus'].flatMap((activation) => T.toArray(T.denseForward(X, W, T.ones([3]), { activation: activation as T.DenseActivation }).a));
          T.setBackend(previous, { variant });
          return layer;
        })(),
      };
    };
    await page.goto(new URL('dist/index.js', tensor.url).href);
    const inBrowser = await page.evaluate(`(async () => { const T = await import('/dist/index.js'); return (${compute.toString()})(T); })()`);
    const inNode = await compute(T);
    const { dense: denseInBrowser, wasmDense: wasmInBrowser, ...drawsInBrowser } = inBrowser as typeof inNode;
    const { dense: denseInNode, wasmDense: wasmInNode, ...drawsInNode } = inNode;
    // On the WebAssembly backend's simd build the layer is the module's own arithmetic: bit for bit.
    expect(Array.isArray(wasmInNode) && wasmInNode.length === 96).toBe(true);
    expect(wasmInBrowser).toEqual(wasmInNode);
    expect(drawsInNode.uniform.length).toBe(300);
    // Random draws use integer arithmetic and + − × ÷ only: the same bits in every engine.
    expect(drawsInBrowser).toEqual(drawsInNode);
    // The dense layer's sigmoid calls Math.exp, which V8 versions may round differently in the
    // last bit (07-reproducibility.md says so): equal to rounding, not necessarily bit for bit.
    expect(denseInBrowser.length).toBe(denseInNode.length);
    denseInBrowser.forEach((v, i) => expect(Math.abs(v - denseInNode[i]!)).toBeLessThanOrEqual(4 * Number.EPSILON * Math.abs(denseInNode[i]!)));
  });
});
