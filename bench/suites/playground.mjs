// @theta/playground: how fast the default problem trains and draws.
// 1. Node: steps/s of the training loop the worker runs (apps/playground/src/engine, bundled by
//    Vite exactly as the worker bundles it: the Theta packages from their sources), with the
//    δ-equations and with reverse mode, and the cost of one snapshot (what each frame needs).
// 2. Headless Chromium (when /usr/bin/chromium or CHROMIUM_PATH exists): the built app playing
//    the default problem at "1 epoch / frame" and "as fast as possible": steps/s and frames/s.
// Target: the page keeps drawing at ≥ 20 frames/s while training.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, defaultServerConditions } from 'vite';
import { fmt, measure, table } from '../lib/measure.mjs';

const app = fileURLToPath(new URL('../../apps/playground/', import.meta.url));

/** Bundles the engine for Node and imports it. */
async function loadEngine(outDir) {
  await build({
    configFile: false,
    root: app,
    logLevel: 'silent',
    resolve: { conditions: ['@theta/source', ...defaultServerConditions] },
    ssr: { noExternal: [/^@theta\//], resolve: { conditions: ['@theta/source'], externalConditions: [] } },
    build: {
      ssr: true,
      outDir,
      emptyOutDir: true,
      rollupOptions: { input: { session: 'src/engine/session.ts', snapshot: 'src/engine/snapshot.ts', config: 'src/state/config.ts' }, output: { format: 'es', entryFileNames: '[name].mjs' } },
    },
  });
  const load = (name) => import(pathToFileURL(join(outDir, `${name}.mjs`)).href);
  return { ...(await load('session')), ...(await load('snapshot')), ...(await load('config')) };
}

async function nodeNumbers(engine) {
  const rows = [['gradient source', 'steps/s', 'snapshot (ms)', 'frames/s bound at 1 epoch/frame']];
  for (const gradient of ['delta', 'reverse']) {
    const session = engine.createSession({ ...engine.defaultConfig, gradient });
    let state = session.init();
    const stepTime = await measure(() => {
      state = session.step(state);
      return state.step;
    }, { minMs: 1500 });
    const snapshotTime = await measure(() => engine.takeSnapshot(session, state).step, { minMs: 1000, samples: 5 });
    const frame = stepTime * session.batchesPerEpoch + snapshotTime;
    rows.push([gradient === 'delta' ? 'δ-equations (default)' : 'reverse mode', fmt(1 / stepTime), fmt(snapshotTime * 1000), fmt(1 / frame)]);
  }
  table('Playground training loop in Node (default problem: circle, 2-4-2-1 tanh, Adam, batch 10)', rows);
}

async function browserNumbers() {
  const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
  if (executablePath === undefined) {
    console.log('\n(no Chromium: frames/s skipped; apt-get install -y --no-install-recommends chromium)');
    return;
  }
  const { chromium } = await import('playwright-core');
  const { serveStatic } = await import(pathToFileURL(join(app, 'scripts/static-server.mjs')).href);
  const outDir = mkdtempSync(join(tmpdir(), 'theta-playground-dist-'));
  try {
    await build({ root: app, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
    const server = await serveStatic(outDir);
    const browser = await chromium.launch({
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const rows = [['speed', 'steps/s', 'frames/s', 'drawing (ms/frame, page thread)']];
      for (const [speed, label] of [['epoch', '1 epoch / frame (default)'], ['max', 'as fast as possible']]) {
        const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
        await page.goto(server.url);
        await page.waitForFunction(() => window.playground !== undefined);
        await page.evaluate(() => window.playground.ready);
        await page.getByTestId('speed').selectOption(speed);
        await page.evaluate(() => window.playground.play());
        await page.waitForTimeout(1500);
        const read = () => page.evaluate(() => ({ frames: window.playground.frames(), drawMs: window.playground.drawMs(), step: window.playground.summary().step, t: performance.now() }));
        const a = await read();
        await page.waitForTimeout(5000);
        const b = await read();
        const seconds = (b.t - a.t) / 1000;
        rows.push([label, fmt((b.step - a.step) / seconds), fmt((b.frames - a.frames) / seconds), fmt((b.drawMs - a.drawMs) / Math.max(1, b.frames - a.frames))]);
        await page.close();
      }
      table(`Playground in headless Chromium (${(await browser.version()).split(' ')[0] ?? 'chromium'}, software rendering)`, rows);
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

export async function run() {
  const outDir = mkdtempSync(join(tmpdir(), 'theta-playground-bench-'));
  try {
    await nodeNumbers(await loadEngine(outDir));
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
  await browserNumbers();
}
