import { describe, expect, it, vi } from 'vitest';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, basename } from 'node:path';
import { extractExamples } from './extract.mjs';

/**
 * Registers one test per TSDoc `@example` of the package whose `src/` folder is `srcUrl`:
 * each example is written to `.examples/` and imported, so it must run without throwing.
 */
export function runExamples(srcUrl: URL): void {
  const packageDir = dirname(fileURLToPath(srcUrl));
  const files = extractExamples(packageDir);
  describe('TSDoc @example blocks', () => {
    it('the package documents its exports with examples', () => {
      expect(files.length).toBeGreaterThan(0);
    });
    for (const file of files) {
      it(`runs ${basename(file)}`, async () => {
        // Examples print what they show; keep the test log for the tests themselves.
        const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
        try {
          await import(/* @vite-ignore */ pathToFileURL(file).href);
        } finally {
          log.mockRestore();
        }
      });
    }
  });
}
