/**
 * The error a CSV decode returns: a `DecodeError` that also carries the cell's position.
 *
 * @module
 */
import * as T from '@theta/tensor';

/**
 * Where a CSV problem lies and what was wrong there: a `DecodeError` (same `_tag`, `path`,
 * `expected`, `actual`, so `T.DecodeError.is` accepts it) with the position as numbers, ready
 * to highlight a cell. `row` is the 1-based line of the text where the record starts (the
 * header is row 1), `column` the 1-based cell in that record; either is `undefined` when the
 * problem is not at a cell (an empty file has no column; an unknown target column, neither).
 *
 * @since 0.1.0
 * @category CSV
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as D from '@theta/data';
 * const result = D.readCsv('a,b\n1,x\n');
 * if (result._tag === 'Left') {
 *   const e = result.left;
 *   console.log(e.row, e.column, T.DecodeError.is(e)); // 2 2 true
 *   console.log(e.message); // decode: at row 2, column 2 ("b") expected a number, got "x"
 * }
 * ```
 */
export class CsvDecodeError extends T.DecodeError {
  /** 1-based line where the record starts (header = 1), or `undefined`. */
  readonly row: number | undefined;
  /** 1-based cell within the record, or `undefined`. */
  readonly column: number | undefined;
  constructor(fields: { row?: number; column?: number; columnName?: string; path?: string; expected: string; actual: string }) {
    const at = [
      fields.row === undefined ? undefined : `row ${fields.row}`,
      fields.column === undefined ? undefined : `column ${fields.column}${fields.columnName === undefined ? '' : ` (${JSON.stringify(fields.columnName)})`}`,
    ].filter((part) => part !== undefined);
    super({ path: fields.path ?? at.join(', '), expected: fields.expected, actual: fields.actual });
    this.name = 'CsvDecodeError';
    this.row = fields.row;
    this.column = fields.column;
  }
  /** True for a `CsvDecodeError` (a `DecodeError` with `row` and `column` fields), from any copy of this package. */
  static override is(value: unknown): value is CsvDecodeError {
    return T.DecodeError.is(value) && 'row' in value && 'column' in value;
  }
}
