/**
 * Plain-text tables for the terminal: aligned columns, a rule under the header, numbers
 * right-aligned. Colour is applied by the caller to whole cells after padding, so escape
 * codes never upset the alignment.
 *
 * @module
 */

/** How one column is aligned. */
export type Align = 'left' | 'right';

/** A number in at most `digits` significant digits, without trailing zeros; integers as they are. */
export function formatNumber(value: number, digits = 6): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '-∞';
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e15)) return value.toExponential(Math.max(0, digits - 1)).replace(/\.?0+e/, 'e');
  return String(Number(value.toPrecision(digits)));
}

/** Options of {@link renderTable}. */
export interface TableOptions {
  /** Alignment per column (left by default). */
  readonly align?: readonly Align[];
  /** Paints a cell after padding (for colour); receives the padded text, row and column. */
  readonly paint?: (padded: string, row: number, column: number) => string;
  /** Paints the header row. */
  readonly paintHeader?: (padded: string) => string;
}

/** Renders rows of cells under a header, columns padded to their widest cell. */
export function renderTable(header: readonly string[], rows: readonly (readonly string[])[], options: TableOptions = {}): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => (row[c] ?? '').length)));
  const pad = (text: string, c: number): string => (options.align?.[c] === 'right' ? text.padStart(widths[c] as number) : text.padEnd(widths[c] as number));
  const paintHeader = options.paintHeader ?? ((s: string) => s);
  const paint = options.paint ?? ((s: string) => s);
  const lines = [
    header.map((h, c) => paintHeader(pad(h, c))).join('  ').trimEnd(),
    widths.map((w) => '─'.repeat(w)).join('  '),
    ...rows.map((row, r) => header.map((_, c) => paint(pad(row[c] ?? '', c), r, c)).join('  ').trimEnd()),
  ];
  return lines.join('\n');
}
