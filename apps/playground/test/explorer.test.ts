/**
 * End-to-end: the autodiff explorer, keyboard and label coverage, and the phone layout.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, openApp, screenshot } from './browser.js';

afterAll(closeBrowser);

/** The explorer table's body cells, row by row. */
const tableCells = (page: import('playwright-core').Page): Promise<string[][]> =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('[data-testid="explorer-table"] tbody tr'), (tr) => Array.from(tr.children, (cell) => cell.textContent ?? '')));

describe('the autodiff explorer and the page’s accessibility', () => {
  it('shows the notes’ Wengert table for sqrt(x^2 + exp(x^2)) and an inline error for sqrt(x^2 +', async () => {
    const { page, errors, close } = await openApp();
    expect(await page.getByTestId('explorer-input').inputValue()).toBe('sqrt(x^2 + exp(x^2))');
    const rows = await tableCells(page);
    // node, op, g(parents), parents, value, tangent, adjoint, FLOPs fwd, FLOPs bwd
    expect(rows.map((r) => r.slice(0, 4))).toEqual([
      ['x₁', 'input', 'x', '—'],
      ['x₂', 'square', 'x₁²', 'x₁'],
      ['x₃', 'exp', 'exp(x₂)', 'x₂'],
      ['x₄', 'add', 'x₂ + x₃', 'x₂, x₃'],
      ['x₅', 'sqrt', '√x₄', 'x₄'],
    ]);
    // The notes' quantities at x = 1, from closed forms: a = x², b = e^a, c = a + b, d = √c.
    const x = 1;
    const a = x * x;
    const b = Math.exp(a);
    const c = a + b;
    const d = Math.sqrt(c);
    const number = (s: string): number => Number(s);
    const values = rows.map((r) => number(r[4]!));
    const tangents = rows.map((r) => number(r[5]!));
    const adjoints = rows.map((r) => number(r[6]!));
    [x, a, b, c, d].forEach((v, i) => expect(values[i]).toBeCloseTo(v, 5));
    // Forward mode: ẋ = 1, ȧ = 2x, ḃ = b·ȧ, ċ = ȧ + ḃ, ḋ = ċ/(2d).
    [1, 2 * x, 2 * x * b, 2 * x * (1 + b), (2 * x * (1 + b)) / (2 * d)].forEach((v, i) => expect(tangents[i]).toBeCloseTo(v, 4));
    // Reverse mode: d̄ = 1, c̄ = b̄ = 1/(2d), ā = (1 + b)/(2d), x̄ = x(1 + b)/d (the notes' df/dx).
    [(x * (1 + b)) / d, (1 + b) / (2 * d), 1 / (2 * d), 1 / (2 * d), 1].forEach((v, i) => expect(adjoints[i]).toBeCloseTo(v, 5));
    // FLOPs: 4 forward (x² once), 6 in the sweep (see @theta/reverse's cost model).
    const totals = await page.locator('[data-testid="explorer-table"] tfoot td').allTextContents();
    expect(totals).toEqual(['4', '6']);
    expect(await page.getByTestId('explorer-graph').locator('circle').count()).toBe(5);
    await expect(page.getByTestId('explorer-error').isVisible()).resolves.toBe(false);

    await page.getByTestId('explorer-input').fill('sqrt(x^2 +');
    const error = page.getByTestId('explorer-error');
    await expect.poll(() => error.isVisible()).toBe(true);
    const text = await error.textContent();
    expect(text).toContain('Column 11');
    expect(text).toContain('ended');
    expect(await error.locator('mark').count()).toBe(1);
    expect(await page.getByTestId('explorer-input').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'view-explorer-error', '#explorer');
    // The URL keeps the typed expression, so a link shows the same error.
    expect(await page.evaluate(() => new URLSearchParams(window.location.search).get('expr'))).toBe('sqrt(x^2 +');

    await page.getByTestId('explorer-input').fill('x*y + sin(x)');
    await expect.poll(() => error.isVisible()).toBe(false);
    expect((await tableCells(page)).length).toBe(5);
    expect(errors).toEqual([]);
    await close();
  });

  it('labels every control and reaches them with the keyboard', async () => {
    const { page, errors, close } = await openApp();
    const unlabelled = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('input, select, button'))
        .filter((el) => {
          const labelled = (el as HTMLInputElement).labels?.length ?? 0;
          return labelled === 0 && !el.getAttribute('aria-label') && (el.textContent ?? '').trim() === '';
        })
        .map((el) => el.outerHTML.slice(0, 80)));
    expect(unlabelled).toEqual([]);
    // Tab from the top reaches the play button; space on the page plays and pauses.
    await page.keyboard.press('Tab');
    const focusedTags: string[] = [];
    for (let i = 0; i < 6; i++) {
      focusedTags.push(await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? ''));
      await page.keyboard.press('Tab');
    }
    expect(focusedTags).toContain('play');
    await page.locator('body').click({ position: { x: 5, y: 890 } });
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await page.evaluate(() => window.playground.summary()!)).step).toBe(1);
    expect(errors).toEqual([]);
    await close();
  });

  it('fits a phone: no sideways scrolling, the same views stacked', async () => {
    const { page, errors, close } = await openApp('', { width: 390, height: 844 });
    await page.evaluate(() => window.playground.step(100));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const box = await page.getByTestId('heatmap').boundingBox();
    expect(box!.width).toBeGreaterThan(250);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await screenshot(page, 'phone');
    expect(errors).toEqual([]);
    await close();
  });
});
