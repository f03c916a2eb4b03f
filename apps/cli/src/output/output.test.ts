import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.js';
import { withExtension } from './files.js';
import { historyPaths } from './history.js';
import { toJson } from './json.js';
import { heatmapSpec, lossCurveSpec, renderSvg } from './plot.js';
import { formatNumber, renderTable } from './table.js';

describe('tables', () => {
  it('formats numbers in significant digits', () => {
    expect([0.1234567, 1234.56789, 42, -0.5, 1e-7, 123456789.123, Number.NaN, Infinity].map((v) => formatNumber(v, 4))).toEqual([
      '0.1235', '1235', '42', '-0.5', '1e-7', '123500000', 'NaN', '∞',
    ]);
  });

  it('pads columns to their widest cell and aligns numbers right', () => {
    const text = renderTable(['name', 'value'], [['a', '1'], ['long', '22.5']], { align: ['left', 'right'] });
    expect(text.split('\n')).toEqual(['name  value', '────  ─────', 'a         1', 'long   22.5']);
  });
});

describe('files', () => {
  it('writes CSV that quotes only what needs quoting', () => {
    expect(toCsv(['a', 'b'], [[1, 'x,y'], [0.1, 'say "hi"'], [undefined, true]])).toBe('a,b\n1,"x,y"\n0.1,"say ""hi"""\n,true\n');
  });

  it('puts the SVG beside the CSV of --history', () => {
    expect(historyPaths('runs/loss.csv')).toEqual({ csv: 'runs/loss.csv', svg: 'runs/loss.svg' });
    expect(historyPaths('loss')).toEqual({ csv: 'loss.csv', svg: 'loss.svg' });
    expect(historyPaths('loss.svg')).toEqual({ csv: 'loss.csv', svg: 'loss.svg' });
    expect(withExtension('a.b/c.txt', '.svg')).toBe('a.b/c.svg');
  });

  it('writes non-finite numbers into JSON as strings', () => {
    expect(JSON.parse(toJson({ a: Number.NaN, b: -Infinity, c: 1 }))).toEqual({ a: 'NaN', b: '-Infinity', c: 1 });
  });
});

describe('plots', () => {
  it('uses a log scale for positive losses and leaves out non-finite points', () => {
    const spec = lossCurveSpec('t', [{ epoch: 1, part: 'train', loss: 1 }, { epoch: 2, part: 'train', loss: Number.NaN }]) as { data: { values: unknown[] }; encoding: { y: { scale: unknown } } };
    expect(spec.data.values).toHaveLength(1);
    expect(spec.encoding.y.scale).toEqual({ type: 'log' });
    const negative = lossCurveSpec('t', [{ epoch: 1, part: 'train', loss: -1 }]) as { encoding: { y: { scale: unknown } } };
    expect(negative.encoding.y.scale).toEqual({ zero: false });
  });

  it('renders a heatmap to SVG with one labelled cell per value', async () => {
    const cells = [
      { row: '0.1', column: '0', value: 0.5 },
      { row: '0.1', column: '1', value: 0.25 },
      { row: '1', column: '0', value: Number.NaN },
      { row: '1', column: '1', value: 0.75 },
    ];
    const svg = await renderSvg(heatmapSpec('grid', 'lr', 'lambda', 'test mse', cells, false));
    expect(svg).toMatch(/^<svg[\s\S]*<\/svg>$/);
    for (const label of ['0.5', '0.25', '0.75', 'diverged', 'lr', 'lambda', 'test mse']) expect(svg).toContain(`>${label}</text>`);
  });
});
