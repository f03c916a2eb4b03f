import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { experiments, heatmapSvg, resultsMarkdown, type ExperimentResult } from '../scripts/experiments.mjs';
import { guidesDir } from './guide-code.mjs';

// 06-course-experiments.md shows the results of docs/scripts/experiments.mjs, which trains a few
// hundred networks (minutes): too slow for a test. So the test holds the page to the results
// file the script wrote: every table and heatmap must be what the script makes of it.
const guide = readFileSync(join(guidesDir, '06-course-experiments.md'), 'utf8');
const resultsFile = join(guidesDir, 'figures', 'experiments.json');

describe('06-course-experiments.md', () => {
  it('has the results of every experiment (node docs/scripts/experiments.mjs)', () => {
    expect(existsSync(resultsFile), 'figures/experiments.json is missing').toBe(true);
    const saved = JSON.parse(readFileSync(resultsFile, 'utf8')) as Record<string, ExperimentResult>;
    expect(Object.keys(experiments).filter((name) => saved[name] === undefined)).toEqual([]);
  });

  for (const name of Object.keys(experiments)) {
    it(`${name}: its table and heatmap are the script's, from figures/experiments.json`, () => {
      const saved = JSON.parse(readFileSync(resultsFile, 'utf8')) as Record<string, ExperimentResult>;
      const result = saved[name] as ExperimentResult;
      const region = new RegExp(`<!-- experiments:${name}:start[^>]*-->\\n([\\s\\S]*?)<!-- experiments:${name}:end -->`).exec(guide);
      expect(region?.[1]?.trim()).toBe(resultsMarkdown(result));
      expect(readFileSync(join(guidesDir, 'figures', `experiments-${name}.svg`), 'utf8')).toBe(heatmapSvg(result));
    });
  }
});
