/**
 * Reading the user's own data: CSV text to a data set, or a positioned error.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import * as T from '@theta/tensor';
import { classificationDataset, regressionDataset, type ClassificationDataset, type RegressionDataset } from '../dataset.js';
import { checkDType } from '../validate.js';
import { CsvDecodeError } from './csv-error.js';
import { tokenize } from './tokenize.js';

/**
 * Options of {@link readCsv}.
 *
 * @since 0.1.0
 * @category CSV
 * @example
 * ```ts
 * import * as D from '@theta/data';
 * const options: D.CsvOptions = { target: 'species', targetType: 'categorical', delimiter: ';' };
 * const result = D.readCsv('length;species\n1.5;cat\n3.5;dog\n', options);
 * console.log(result._tag === 'Right' && result.right.kind); // classification
 * ```
 */
export interface CsvOptions {
  /** The target column: its name in the header, or its 0-based index (negative counts from the end). The last column when absent. */
  readonly target?: string | number;
  /** `numeric` (the default): the target is a number, for regression. `categorical`: any text, each distinct value a class. */
  readonly targetType?: 'numeric' | 'categorical';
  /** Whether the first record holds the column names; `true` when absent. Without one, columns are named `column 1`, `column 2`, … */
  readonly header?: boolean;
  /** The cell separator, one character; `,` when absent. */
  readonly delimiter?: string;
  /** Element type of X and y; `float64` when absent. */
  readonly dtype?: T.DType;
  /** Name given to the data set; `csv` when absent. */
  readonly name?: string;
}

/**
 * A classification data set read from CSV, with the file's column names.
 *
 * @since 0.1.0
 * @category CSV
 * @example
 * ```ts
 * import * as D from '@theta/data';
 * const result = D.readCsv('x,label\n0.5,yes\n1.5,no\n', { targetType: 'categorical' });
 * if (result._tag === 'Right' && result.right.kind === 'classification') {
 *   const data: D.CsvClassificationDataset = result.right;
 *   console.log(data.header, data.classNames); // ['x', 'label'] ['no', 'yes']
 * }
 * ```
 */
export interface CsvClassificationDataset extends ClassificationDataset {
  /** Every column name, in file order (target included). */
  readonly header: readonly string[];
}

/**
 * A regression data set read from CSV, with the file's column names.
 *
 * @since 0.1.0
 * @category CSV
 * @example
 * ```ts
 * import * as D from '@theta/data';
 * const result = D.readCsv('x,z\n0.5,1\n1.5,2\n');
 * if (result._tag === 'Right' && result.right.kind === 'regression') {
 *   const data: D.CsvRegressionDataset = result.right;
 *   console.log(data.header, data.y.shape); // ['x', 'z'] [2, 1]
 * }
 * ```
 */
export interface CsvRegressionDataset extends RegressionDataset {
  /** Every column name, in file order (target included). */
  readonly header: readonly string[];
}

/**
 * What {@link readCsv} returns on success: a classification set for a categorical target, a
 * regression set for a numeric one, each with the file's `header`.
 *
 * @since 0.1.0
 * @category CSV
 * @example
 * ```ts
 * import * as D from '@theta/data';
 * const result = D.readCsv('a,b,t\n1,2,3\n');
 * const data: D.CsvDataset | undefined = result._tag === 'Right' ? result.right : undefined;
 * console.log(data?.featureNames); // ['a', 'b']
 * ```
 */
export type CsvDataset = CsvClassificationDataset | CsvRegressionDataset;

/** A decimal number as people write it: no hex, no empty string, no words. */
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Lists column names for an error message, eliding long headers. */
const listNames = (names: readonly string[]): string =>
  names.slice(0, 12).map((name) => JSON.stringify(name)).join(', ') + (names.length > 12 ? `, … (${names.length} columns)` : '');

/** The 0-based target column, or a decode error naming the columns there are. */
function targetColumn(target: string | number | undefined, names: readonly string[]): E.Either<CsvDecodeError, number> {
  const width = names.length;
  if (target === undefined) return E.right(width - 1);
  if (typeof target === 'number') {
    const index = target < 0 ? width + target : target;
    return Number.isInteger(target) && index >= 0 && index < width
      ? E.right(index)
      : E.left(new CsvDecodeError({ path: 'options.target', expected: `a column index in [${-width}, ${width - 1}]`, actual: String(target) }));
  }
  const index = names.indexOf(target);
  return index >= 0
    ? E.right(index)
    : E.left(new CsvDecodeError({ path: 'options.target', expected: `a column name among ${listNames(names)}`, actual: JSON.stringify(target) }));
}

/** Class names in a stable order: numerically when every label is a number, else by code units. */
function classOrder(labels: readonly string[]): readonly string[] {
  const distinct = [...new Set(labels)];
  return distinct.every((label) => NUMBER.test(label)) ? distinct.sort((a, b) => Number(a) - Number(b)) : distinct.sort();
}

/**
 * Reads CSV text into a data set: one sample per record, the target column (the last, unless
 * `target` names another) split off as y and every other column a feature of X. Returns
 * `Right` with the data set, or `Left` with a {@link CsvDecodeError} at the first problem:
 *
 * - an empty file (nothing but blank lines), or a header with no data rows;
 * - fewer than two columns (there must be a target and at least one feature);
 * - a ragged record (a different number of cells than the first record) — at the first
 *   missing or extra cell;
 * - a cell that is empty or not a finite decimal number (`1`, `-2.5`, `3e-4`; not `NaN`,
 *   `0x1F` or `1,5`) — at that cell; with `targetType: 'categorical'` the target may be any
 *   text, and its distinct values become classes 0…C − 1 (ordered numerically when all are
 *   numbers, else alphabetically by code unit);
 * - an unterminated quoted cell, or a `target` that names no column.
 *
 * Cells may be quoted (RFC 4180), spaces around numbers are ignored, blank lines are skipped,
 * and `\n` or `\r\n` end records. A numeric target gives a regression set with y `[N, 1]`.
 * Throws only for invalid options (a delimiter that is not one character, an unknown dtype).
 *
 * @since 0.1.0
 * @category CSV
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as D from '@theta/data';
 * const ok = D.readCsv('age,income,bought\n31,40.5,1\n45,62,0\n', { target: 'bought', targetType: 'categorical' });
 * if (ok._tag === 'Right') console.log(T.toNested(ok.right.X), T.toArray(ok.right.y)); // [[31, 40.5], [45, 62]] [1, 0]
 * const bad = D.readCsv('age,income\n31,40.5\n45\n');
 * if (bad._tag === 'Left') console.log(bad.left.message); // decode: at row 3, column 2 ("income") expected 2 cells, as in row 1, got 1 cell
 * ```
 */
export function readCsv(text: string, options: CsvOptions = {}): E.Either<CsvDecodeError, CsvDataset> {
  const delimiter = options.delimiter ?? ',';
  if (typeof delimiter !== 'string' || delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
    throw new T.DomainError({ op: 'readCsv', parameter: 'delimiter', value: delimiter, expected: 'one character other than a quote or a line break' });
  }
  const dtype = checkDType('readCsv', options.dtype);
  const categorical = options.targetType === 'categorical';
  if (options.targetType !== undefined && options.targetType !== 'numeric' && !categorical) {
    throw new T.DomainError({ op: 'readCsv', parameter: 'targetType', value: options.targetType, expected: "'numeric' or 'categorical'" });
  }
  const hasHeader = options.header ?? true;
  const tokens = tokenize(text, delimiter);
  if (E.isLeft(tokens)) return tokens;
  const records = tokens.right;
  const first = records[0];
  if (first === undefined) {
    return E.left(new CsvDecodeError({ row: 1, expected: hasHeader ? 'a header and at least one data row' : 'at least one data row', actual: 'an empty file' }));
  }
  const width = first.cells.length;
  const names = hasHeader ? first.cells.map((name) => name.trim()) : first.cells.map((_, j) => `column ${j + 1}`);
  const body = hasHeader ? records.slice(1) : records;
  if (body.length === 0) {
    return E.left(new CsvDecodeError({ row: first.row + 1, expected: 'at least one data row after the header', actual: 'the end of the file' }));
  }
  if (width < 2) {
    return E.left(new CsvDecodeError({ row: first.row, column: 1, expected: 'at least two columns (a feature and a target)', actual: '1 column' }));
  }
  const target = targetColumn(options.target, names);
  if (E.isLeft(target)) return target;
  const t = target.right;
  const features = width - 1;
  const x = new Float64Array(body.length * features);
  const y = new Float64Array(body.length);
  const labels: string[] = [];
  for (let r = 0; r < body.length; r++) {
    const { row, cells } = body[r] as (typeof body)[number];
    if (cells.length !== width) {
      const column = Math.min(cells.length, width) + 1;
      return E.left(
        new CsvDecodeError({
          row,
          column,
          ...(column <= width ? { columnName: names[column - 1] as string } : {}),
          expected: `${width} cells, as in row ${first.row}`,
          actual: `${cells.length} cell${cells.length === 1 ? '' : 's'}`,
        }),
      );
    }
    let f = 0;
    for (let c = 0; c < width; c++) {
      const cell = (cells[c] as string).trim();
      if (c === t && categorical) {
        if (cell === '') return E.left(new CsvDecodeError({ row, column: c + 1, columnName: names[c] as string, expected: 'a class label', actual: 'an empty cell' }));
        labels.push(cell);
        continue;
      }
      const value = NUMBER.test(cell) ? Number(cell) : Number.NaN;
      if (!Number.isFinite(value)) {
        const expected = NUMBER.test(cell) ? 'a finite number' : 'a number';
        return E.left(new CsvDecodeError({ row, column: c + 1, columnName: names[c] as string, expected, actual: cell === '' ? 'an empty cell' : JSON.stringify(cell) }));
      }
      if (c === t) y[r] = value;
      else x[r * features + f++] = value;
    }
  }
  const name = options.name ?? 'csv';
  const featureNames = names.filter((_, c) => c !== t);
  const targetName = names[t] as string;
  const X = T.fromArray(x, [body.length, features], { dtype });
  const header = Object.freeze(names.slice());
  if (categorical) {
    const classNames = classOrder(labels);
    const index = new Map(classNames.map((label, k) => [label, k]));
    const classes = labels.map((label) => index.get(label) as number);
    return E.right(Object.freeze({ ...classificationDataset({ name, X, y: T.fromArray(classes, [body.length], { dtype }), featureNames, classNames }), header }));
  }
  return E.right(Object.freeze({ ...regressionDataset({ name, X, y: T.fromArray(y, [body.length, 1], { dtype }), featureNames, targetName }), header }));
}
