/**
 * The grid-search heatmap: a terminal table coloured from best (green) to worst (red), the
 * CSV of every cell and the SVG heatmap.
 *
 * @module
 */
import pc from 'picocolors';
import { toCsv } from './csv.js';
import { heatmapSpec, renderSvg } from './plot.js';
import { formatNumber, renderTable } from './table.js';

/** A finished grid, in the form the outputs need. */
export interface GridOutcome {
  /** Row hyperparameter name and labels. */
  readonly rows: { readonly name: string; readonly labels: readonly string[] };
  /** Column hyperparameter name and labels. */
  readonly columns: { readonly name: string; readonly labels: readonly string[] };
  /** The metric scored. */
  readonly metric: string;
  /** Whether larger scores are better (accuracy, r2). */
  readonly higherIsBetter: boolean;
  /** Training-set scores `[rows][columns]`. */
  readonly train: readonly (readonly number[])[];
  /** Test-set scores `[rows][columns]`. */
  readonly test: readonly (readonly number[])[];
  /** Whether each cell diverged. */
  readonly diverged: readonly (readonly boolean[])[];
}

/** The colour of a score by its rank among the finite scores: best third green, worst red. */
function painter(values: readonly number[], higherIsBetter: boolean, color: boolean): (value: number, text: string) => string {
  const colors = pc.createColors(color);
  const sorted = values.filter(Number.isFinite).sort((a, b) => (higherIsBetter ? b - a : a - b));
  return (value, text) => {
    if (!Number.isFinite(value)) return colors.dim(text);
    const rank = sorted.indexOf(value) / Math.max(1, sorted.length - 1);
    const paint = rank <= 1 / 3 ? colors.green : rank <= 2 / 3 ? colors.yellow : colors.red;
    return rank === 0 ? colors.bold(paint(text)) : paint(text);
  };
}

/** One table of scores (`test` or `train`) with the rows down and the columns across. */
export function formatHeatmap(grid: GridOutcome, part: 'train' | 'test', color: boolean): string {
  const scores = grid[part];
  const paint = painter(scores.flat(), grid.higherIsBetter, color);
  const header = [`${grid.rows.name} \\ ${grid.columns.name}`, ...grid.columns.labels];
  const rows = grid.rows.labels.map((label, i) => [
    label,
    ...grid.columns.labels.map((_, j) => (grid.diverged[i]?.[j] === true ? 'diverged' : formatNumber(scores[i]?.[j] as number, 4))),
  ]);
  const best = grid.higherIsBetter ? 'higher' : 'lower';
  const table = renderTable(header, rows, {
    align: header.map((_, c) => (c === 0 ? 'left' : 'right')),
    paintHeader: pc.createColors(color).bold,
    paint: (text, r, c) => (c === 0 ? text : paint(scores[r]?.[c - 1] as number, text)),
  });
  return `${part} ${grid.metric} (${best} is better)\n${table}`;
}

/** Every cell as CSV: the two hyperparameters, train and test score, diverged. */
export function heatmapCsv(grid: GridOutcome): string {
  const rows = grid.rows.labels.flatMap((row, i) =>
    grid.columns.labels.map((column, j) => [row, column, grid.train[i]?.[j], grid.test[i]?.[j], grid.diverged[i]?.[j] === true]),
  );
  return toCsv([grid.rows.name, grid.columns.name, `train_${grid.metric}`, `test_${grid.metric}`, 'diverged'], rows);
}

/** The test scores as an SVG heatmap. */
export function heatmapSvg(title: string, grid: GridOutcome): Promise<string> {
  const cells = grid.rows.labels.flatMap((row, i) => grid.columns.labels.map((column, j) => ({ row, column, value: grid.test[i]?.[j] as number })));
  return renderSvg(heatmapSpec(title, grid.rows.name, grid.columns.name, `test ${grid.metric}`, cells, grid.higherIsBetter));
}
