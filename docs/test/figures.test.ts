import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { FIGURES, figures } from '../scripts/figures.mjs';
import { guidePaths } from './guide-code.mjs';

// The guides' figures are drawn by scripts from the packages, never by hand: each figure of
// docs/scripts/figures.mjs is drawn again here and must equal the committed file (rerun
// `npm run figures -w @theta/docs` after a change), and every image a guide shows must exist.
describe('figures', () => {
  for (const { file, render } of figures) {
    it(`figures/${file} is what docs/scripts/figures.mjs draws`, () => {
      const path = new URL(file, FIGURES);
      expect(existsSync(path), `${file} is missing: run npm run figures -w @theta/docs`).toBe(true);
      expect(readFileSync(path, 'utf8'), `${file} is stale: run npm run figures -w @theta/docs`).toBe(render());
    });
  }

  it('every image a guide shows is in docs/guides/figures/', () => {
    const present = new Set(readdirSync(FIGURES));
    for (const path of guidePaths()) {
      for (const [, src] of readFileSync(path, 'utf8').matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)) {
        expect(src, `${path}: ${src}`).toMatch(/^figures\//);
        expect(present.has((src as string).slice('figures/'.length)), `${path}: ${src} does not exist`).toBe(true);
      }
    }
  });
});
