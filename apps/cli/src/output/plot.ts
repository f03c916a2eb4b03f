/**
 * SVG plots with vega-lite (the spec) and vega (the renderer, headless): the loss curves of a
 * run and the heatmap of a grid search. vega is imported only when a plot is drawn, so the
 * other commands start fast.
 *
 * @module
 */
import type { TopLevelSpec } from 'vega-lite';

/** One point of a loss curve. */
export interface CurvePoint {
  /** The epoch, from 1. */
  readonly epoch: number;
  /** `train` or `test`. */
  readonly part: string;
  /** The loss (cost per sample plus penalty). */
  readonly loss: number;
}

/** One cell of a heatmap. */
export interface HeatCell {
  /** The row's hyperparameter value, as text. */
  readonly row: string;
  /** The column's hyperparameter value, as text. */
  readonly column: string;
  /** The score (NaN for a diverged run, drawn as an empty cell). */
  readonly value: number;
}

/** The vega-lite spec of loss curves: loss against epoch, one line per part, log scale when positive. */
export function lossCurveSpec(title: string, points: readonly CurvePoint[]): TopLevelSpec {
  const finite = points.filter((p) => Number.isFinite(p.loss));
  const positive = finite.length > 0 && finite.every((p) => p.loss > 0);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title,
    width: 480,
    height: 300,
    data: { values: finite.map((p) => ({ ...p })) },
    mark: { type: 'line', point: finite.length <= 60 },
    encoding: {
      x: { field: 'epoch', type: 'quantitative', title: 'epoch', axis: { tickMinStep: 1, format: 'd' } },
      y: { field: 'loss', type: 'quantitative', title: 'loss', scale: positive ? { type: 'log' } : { zero: false } },
      color: { field: 'part', type: 'nominal', title: null, sort: ['train', 'test'] },
    },
  };
}

/** The vega-lite spec of a heatmap: rows × columns, coloured by score, each cell labelled. */
export function heatmapSpec(title: string, rowName: string, columnName: string, metric: string, cells: readonly HeatCell[], higherIsBetter: boolean): TopLevelSpec {
  const values = cells.map((c) => ({ ...c, value: Number.isFinite(c.value) ? c.value : null, label: Number.isFinite(c.value) ? Number(c.value.toPrecision(3)) : 'diverged' }));
  const order = (key: 'row' | 'column'): string[] => [...new Set(cells.map((c) => c[key]))];
  const finite = cells.map((c) => c.value).filter(Number.isFinite);
  // Labels on the dark end of the colour scale are drawn in white.
  const middle = finite.length === 0 ? 0 : (Math.min(...finite) + Math.max(...finite)) / 2;
  const dark = higherIsBetter ? `datum.value !== null && datum.value < ${middle}` : `datum.value !== null && datum.value > ${middle}`;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title,
    data: { values },
    encoding: {
      x: { field: 'column', type: 'ordinal', title: columnName, sort: order('column') },
      y: { field: 'row', type: 'ordinal', title: rowName, sort: order('row') },
    },
    layer: [
      {
        mark: { type: 'rect' },
        encoding: {
          color: { field: 'value', type: 'quantitative', title: metric, scale: { scheme: 'viridis', reverse: !higherIsBetter } },
        },
      },
      {
        mark: { type: 'text', fontSize: 11 },
        encoding: { text: { field: 'label' }, color: { condition: { test: dark, value: 'white' }, value: 'black' } },
      },
    ],
    config: { view: { step: 56 }, axis: { labelAngle: 0 } },
  };
}

/** Renders a vega-lite spec to SVG text, headless. */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')]);
  const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
