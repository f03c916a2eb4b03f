/**
 * Debian's Chromium driven by playwright-core, for the end-to-end tests. Missing Chromium is a
 * failure with the command that installs it, never a skip.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';
import type { PlaygroundHandle } from '../src/app/hook.js';

declare global {
  interface Window {
    /** The app's test handle (src/app/hook.ts). */
    playground: PlaygroundHandle;
  }
}

/** Where screenshots go (git-ignored). */
export const artifacts = fileURLToPath(new URL('../test-artifacts/', import.meta.url));

// CHROMIUM_PATH, when set, is the only place looked at.
const configured = process.env['CHROMIUM_PATH'];
const candidates = configured !== undefined && configured !== '' ? [configured] : ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

let launched: Promise<Browser> | undefined;

/** The shared browser; rejects with install instructions when Chromium is missing. */
export function browser(): Promise<Browser> {
  launched ??= (async () => {
    const executablePath = candidates.find((p) => existsSync(p));
    if (executablePath === undefined) {
      throw new Error(
        `Chromium is needed for the playground's end-to-end tests and was not found (looked at ${candidates.join(', ')}). ` +
          'Install it with: apt-get install -y --no-install-recommends chromium (or set CHROMIUM_PATH).',
      );
    }
    return chromium.launch({
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  })();
  return launched;
}

/** Closes the shared browser if it was started. */
export async function closeBrowser(): Promise<void> {
  const b = await launched?.catch(() => undefined);
  launched = undefined;
  await b?.close();
}

/** An open page and every console error or uncaught exception it produced. */
export interface Opened {
  readonly page: Page;
  readonly errors: string[];
  readonly close: () => Promise<void>;
}

/** Opens the app at `query` in a fresh context and waits for its first drawn snapshot. */
export async function openApp(query = '', viewport = { width: 1400, height: 900 }): Promise<Opened> {
  const context = await (await browser()).newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  await page.goto(`${inject('baseUrl')}${query}`);
  await page.waitForFunction(() => window.playground !== undefined);
  await page.evaluate(() => window.playground.ready);
  return { page, errors, close: () => context.close() };
}

/** Saves a screenshot of `selector` (or the whole page) under test-artifacts/. */
export async function screenshot(page: Page, name: string, selector?: string): Promise<void> {
  mkdirSync(artifacts, { recursive: true });
  const path = `${artifacts}${name}.png`;
  if (selector === undefined) await page.screenshot({ path, fullPage: true });
  else await page.locator(selector).screenshot({ path });
}
