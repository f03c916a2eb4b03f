import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { GUIDE, region, replaceRegion, resultsSection, suitesTable } from '../scripts/performance.mjs';

// 08-performance.md types no number by hand: its suite list and its results come from
// docs/scripts/performance.mjs (the results from a run of the bench).
const guide = readFileSync(GUIDE, 'utf8');

describe('08-performance.md', () => {
  it('lists every bench suite, as docs/scripts/performance.mjs --suites generates it', () => {
    expect(region(guide, 'bench-suites'), 'run node docs/scripts/performance.mjs --suites').toBe(suitesTable());
  });

  it('shows results only as copied from a bench run', () => {
    const results = region(guide, 'bench-results') ?? '';
    if (results.startsWith('Not generated yet')) {
      expect(results).not.toMatch(/\|/); // no table, so no number typed by hand
      return;
    }
    expect(results).toMatch(/^(Produced by|Copied from) /);
    expect(results).toMatch(/\nMachine: /);
    expect(results).toMatch(/\n#### .+\n\n\| /);
    expect(results).not.toMatch(/^#{1,2} /m); // the bench's headings sit below the page's
  });

  it('copies the bench output without touching its numbers', () => {
    const output = '# Theta benchmarks\n\nMachine: X, 2 cores, Node v20\n\n## @theta/tensor\n\n### matmul\n\n| n | ms |\n| - | -- |\n| 64 | 0.12 |\n';
    const section = resultsSection(output, 'Produced by a test.');
    expect(section).toBe('Produced by a test.\n\nMachine: X, 2 cores, Node v20\n\n### @theta/tensor\n\n#### matmul\n\n| n | ms |\n| - | -- |\n| 64 | 0.12 |');
    const page = replaceRegion('a\n<!-- bench-results:start -->\nold\n<!-- bench-results:end -->\nb', 'bench-results', section);
    expect(region(page, 'bench-results')).toBe(section);
  });
});
