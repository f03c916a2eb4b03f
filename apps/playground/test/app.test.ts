/**
 * End-to-end: the built app in Debian's Chromium. Training is driven through the page's own
 * controls or `window.playground.step(n)` (exactly n steps, resolved once drawn), so nothing
 * here depends on timing. Screenshots of each main view land in test-artifacts/.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeBrowser, openApp, screenshot } from './browser.js';

afterAll(closeBrowser);

/** The heatmap's RGB pixels on a 60×60 sample grid, row-major. */
const heatmapPixels = (page: Page): Promise<number[]> =>
  page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="heatmap"]')!;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    const out: number[] = [];
    for (let r = 0; r < 60; r++) {
      for (let c = 0; c < 60; c++) {
        const i = 4 * (Math.floor(((r + 0.5) / 60) * canvas.height) * canvas.width + Math.floor(((c + 0.5) / 60) * canvas.width));
        out.push(data[i]!, data[i + 1]!, data[i + 2]!);
      }
    }
    return out;
  });

/** The query string the page shows now. */
const query = (page: Page): Promise<string> => page.evaluate(() => window.location.search);

describe('the playground in Chromium', () => {
  it('loads with no console error and shows every view', async () => {
    const { page, errors, close } = await openApp();
    await page.evaluate(() => window.playground.step(200));
    await expect.poll(() => page.getByTestId('agreement').textContent()).toContain('agree');
    await screenshot(page, 'desktop');
    await screenshot(page, 'view-network', '#network-panel');
    await screenshot(page, 'view-output', '#output');
    await screenshot(page, 'view-mathematics', '#math');
    await screenshot(page, 'view-explorer', '#explorer');
    await screenshot(page, 'view-training-controls', '#training');
    expect(errors).toEqual([]);
    await close();
  });

  it('play makes the circle’s test loss fall below 0.1 within 2000 steps', async () => {
    const { page, errors, close } = await openApp();
    const start = await page.evaluate(() => window.playground.summary()!);
    expect(start.step).toBe(0);
    expect(start.testLoss).toBeGreaterThan(0.5); // an untrained network is no better than a coin
    await page.getByTestId('play').click();
    await expect.poll(async () => (await page.evaluate(() => window.playground.summary()!)).testLoss, { timeout: 45_000, interval: 100 }).toBeLessThan(0.1);
    const reached = await page.evaluate(() => window.playground.summary()!);
    await page.getByTestId('play').click(); // pause
    expect(reached.step).toBeGreaterThan(0);
    expect(reached.step).toBeLessThanOrEqual(2000);
    // The page's own loss display agrees with the handle.
    expect(Number(await page.getByTestId('test-loss').getAttribute('data-value'))).toBeLessThan(0.1 + 1e-12);
    expect(errors).toEqual([]);
    await close();
  });

  it('the decision-boundary heatmap changes as the network learns (pixel comparison)', async () => {
    const { page, close } = await openApp();
    await screenshot(page, 'view-output-untrained', '#output');
    const before = await heatmapPixels(page);
    await page.evaluate(() => window.playground.step(300));
    const after = await heatmapPixels(page);
    expect(after.length).toBe(before.length);
    let changed = 0;
    for (let i = 0; i < before.length; i += 3) {
      const d = Math.abs(before[i]! - after[i]!) + Math.abs(before[i + 1]! - after[i + 1]!) + Math.abs(before[i + 2]! - after[i + 2]!);
      if (d > 40) changed++;
    }
    expect(changed / (before.length / 3)).toBeGreaterThan(0.2);
    // And it now shows the circle: blue (class 1) in the middle, orange (class 0) in a corner.
    const pixel = (x: number, y: number): number[] => after.slice(3 * (y * 60 + x), 3 * (y * 60 + x) + 3);
    const [r0, , b0] = pixel(30, 30);
    const [r1, , b1] = pixel(1, 1);
    expect(b0!).toBeGreaterThan(r0!);
    expect(r1!).toBeGreaterThan(b1!);
    await close();
  });

  it('changing layers, activation and optimiser takes effect', async () => {
    const { page, errors, close } = await openApp();
    const base = await page.evaluate(() => window.playground.step(100));
    expect(base.sizes).toEqual([2, 4, 2, 1]);

    await page.getByTestId('add-layer').click();
    await expect.poll(() => page.getByTestId('hidden-layers').textContent()).toBe('3 hidden layers');
    await page.getByTestId('add-node-1').click();
    const deeper = await page.evaluate(() => window.playground.step(100));
    expect(deeper.sizes).toEqual([2, 5, 2, 2, 1]);
    expect(await query(page)).toContain('h=5%2C2%2C2');
    expect(deeper.testLoss).not.toBe(base.testLoss);

    await page.getByTestId('activation-1').selectOption('relu');
    const relu = await page.evaluate(() => window.playground.step(100));
    expect(relu.activations).toEqual(['relu', 'tanh', 'tanh', 'sigmoid']);
    expect(relu.testLoss).not.toBe(deeper.testLoss);

    expect(relu.optimiserState).toEqual(['m, 1st moment', 'v, 2nd moment', 't, step count']);
    await expect(page.getByTestId('param-beta1').count()).resolves.toBe(1);
    await page.getByTestId('optimiser').selectOption('momentum');
    const momentum = await page.evaluate(() => window.playground.step(100));
    expect(momentum.optimiserState).toEqual(['velocity', 't, step count']);
    await expect(page.getByTestId('param-beta1').count()).resolves.toBe(0);
    await expect(page.getByTestId('param-momentum').count()).resolves.toBe(1);
    expect(await page.getByTestId('optimiser-state').textContent()).toContain('‖velocity‖');
    expect(momentum.testLoss).not.toBe(relu.testLoss);
    expect(await query(page)).toContain('opt=momentum');
    expect(errors).toEqual([]);
    await close();
  });

  it('a URL with state reproduces the same loss after N steps, seed included', async () => {
    const link = '?p=xor&noise=0.1&h=5%2C3&act=relu%2Ctanh&opt=momentum&lr=0.05&batch=16&seed=7';
    const first = await openApp(link);
    const a = await first.page.evaluate(() => window.playground.step(150));
    const shared = await query(first.page); // what a user would copy: now with at=150
    expect(shared).toContain('at=150');
    await first.close();

    const second = await openApp(link);
    const b = await second.page.evaluate(() => window.playground.step(150));
    await second.close();
    expect(b.testLoss).toBe(a.testLoss);
    expect(b.trainLoss).toBe(a.trainLoss);

    const third = await openApp(shared); // the copied link opens at step 150 with the same numbers
    const c = await third.page.evaluate(() => window.playground.summary()!);
    await third.close();
    expect(c.step).toBe(150);
    expect(c.testLoss).toBe(a.testLoss);

    const other = await openApp(link.replace('seed=7', 'seed=8'));
    const d = await other.page.evaluate(() => window.playground.step(150));
    await other.close();
    expect(d.testLoss).not.toBe(a.testLoss);
  });

  it('the mathematics panel shows δ-equations and reverse mode agreeing, with either gradient source', async () => {
    for (const link of ['', '?grad=reverse&p=spiral&h=6%2C6%2C4&act=elu%2Ctanh%2Csoftplus']) {
      const { page, errors, close } = await openApp(link);
      const s = await page.evaluate(() => window.playground.step(40));
      expect(s.agree).toBe(true);
      expect(s.maxRelDiff).toBeLessThan(1e-9);
      const badge = page.getByTestId('agreement');
      expect(await badge.textContent()).toContain('✓ agree');
      expect(Number(await badge.getAttribute('data-max-rel-diff'))).toBeLessThan(1e-9);
      // One row per layer, each with a finite ‖∂C/∂W^l‖.
      const rows = await page.locator('table.layers tbody tr').count();
      expect(rows).toBe(s.sizes.length - 1);
      expect(errors).toEqual([]);
      await close();
    }
  });

  it('every problem trains without errors and the regression and digit views draw', async () => {
    for (const problem of ['gaussians', 'spiral', 'plane', 'franke', 'runge', 'digits']) {
      const { page, errors, close } = await openApp(`?p=${problem}`);
      const s = await page.evaluate(() => window.playground.step(30));
      expect(Number.isFinite(s.testLoss)).toBe(true);
      if (problem === 'runge' || problem === 'franke' || problem === 'digits') await screenshot(page, `view-output-${problem}`, '#output');
      if (problem === 'digits') {
        await screenshot(page, 'view-network-digits', '#network-panel');
        expect(await page.locator('[data-testid="confusion"] tbody td').count()).toBe(100);
      }
      expect(errors).toEqual([]);
      await close();
    }
  });
});
