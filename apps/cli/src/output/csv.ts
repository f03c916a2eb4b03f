/**
 * CSV text for history and grid files: a header row, then one row per record; numbers in
 * full precision (they round-trip), cells quoted only when they must be.
 *
 * @module
 */

/** One cell: numbers as JavaScript prints them (shortest round-trip form), text quoted if needed. */
const cell = (value: string | number | boolean | undefined): string => {
  if (value === undefined) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The CSV text of a header and rows, ending with a newline. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | boolean | undefined)[])[]): string {
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\n') + '\n';
}
