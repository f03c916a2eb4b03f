/**
 * Splitting CSV text into records of cells (RFC 4180: quoted cells may hold the delimiter,
 * line breaks and doubled quotes). Internal: not exported from the package.
 */
import * as E from 'fp-ts/lib/Either.js';
import { CsvDecodeError } from './csv-error.js';

/** One record: the 1-based line where it starts and its cells (unquoted, untrimmed). */
export interface CsvRecord {
  readonly row: number;
  readonly cells: readonly string[];
}

/**
 * The records of `text`, skipping blank lines; `\n` and `\r\n` both end a record, and a
 * leading byte-order mark is dropped. An unterminated quoted cell is the only error here.
 */
export function tokenize(text: string, delimiter: string): E.Either<CsvDecodeError, readonly CsvRecord[]> {
  const records: CsvRecord[] = [];
  const end = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (i < end) {
    const row = line;
    const cells: string[] = [];
    let quoted = false;
    for (;;) {
      let cell = '';
      if (text[i] === '"') {
        quoted = true;
        const openLine = line;
        i++;
        for (;;) {
          if (i >= end) {
            return E.left(new CsvDecodeError({ row: openLine, column: cells.length + 1, expected: 'a closing quote (")', actual: 'the end of the file' }));
          }
          const c = text[i] as string;
          if (c === '"') {
            if (text[i + 1] === '"') {
              cell += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c === '\n') line++;
          cell += c;
          i++;
        }
      }
      // Unquoted text (or anything after a closing quote) runs to the delimiter or the line end.
      while (i < end && text[i] !== delimiter && text[i] !== '\n' && !(text[i] === '\r' && text[i + 1] === '\n')) {
        cell += text[i];
        i++;
      }
      cells.push(cell);
      if (i < end && text[i] === delimiter) {
        i++;
        continue;
      }
      if (text[i] === '\r') i++;
      if (i < end) {
        i++;
        line++;
      }
      break;
    }
    const blank = !quoted && cells.length === 1 && (cells[0] as string).trim() === '';
    if (!blank) records.push({ row, cells });
  }
  return E.right(records);
}
