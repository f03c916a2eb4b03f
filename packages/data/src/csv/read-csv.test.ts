import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import * as T from '@theta/tensor';
import { readCsv, type CsvDataset, type CsvOptions } from './read-csv.js';
import { CsvDecodeError } from './csv-error.js';

const right = (text: string, options?: CsvOptions): CsvDataset => {
  const result = readCsv(text, options);
  if (E.isLeft(result)) throw new Error(`expected Right, got ${result.left.message}`);
  return result.right;
};

const left = (text: string, options?: CsvOptions): CsvDecodeError => {
  const result = readCsv(text, options);
  if (E.isRight(result)) throw new Error('expected Left');
  return result.left;
};

describe('readCsv: well-formed input', () => {
  it('splits off the last column as a regression target [N, 1]', () => {
    const data = right('a,b,z\n1,2,3\n4,5,6\n');
    expect(data.kind).toBe('regression');
    expect(data.header).toEqual(['a', 'b', 'z']);
    expect(data.featureNames).toEqual(['a', 'b']);
    expect(data.kind === 'regression' && data.targetName).toBe('z');
    expect(T.toNested(data.X)).toEqual([[1, 2], [4, 5]]);
    expect(T.toNested(data.y)).toEqual([[3], [6]]);
  });

  it('takes the target by name, by index and by negative index', () => {
    const text = 'a,b,c\n1,2,3\n4,5,6\n';
    for (const target of ['a', 0, -3] as const) {
      const data = right(text, { target });
      expect(T.toNested(data.y)).toEqual([[1], [4]]);
      expect(T.toNested(data.X)).toEqual([[2, 3], [5, 6]]);
      expect(data.featureNames).toEqual(['b', 'c']);
    }
    expect(T.toNested(right(text, { target: 'b' }).X)).toEqual([[1, 3], [4, 6]]);
  });

  it('reads quoted cells, CRLF line ends, a byte-order mark, blank lines and padded numbers', () => {
    const text = '\uFEFF"first, name","say ""hi""",t\r\n\r\n 1.5 ,"2",-3e-2\r\n\n\n+4,.5,6.\r\n';
    const data = right(text);
    expect(data.header).toEqual(['first, name', 'say "hi"', 't']);
    expect(T.toNested(data.X)).toEqual([[1.5, 2], [4, 0.5]]);
    expect(T.toNested(data.y)).toEqual([[-0.03], [6]]);
  });

  it('names the columns when there is no header', () => {
    const data = right('1,2\n3,4', { header: false });
    expect(data.header).toEqual(['column 1', 'column 2']);
    expect(T.toNested(data.X)).toEqual([[1], [3]]);
  });

  it('maps a categorical target to sorted classes (numerically when all are numbers)', () => {
    const words = right('x,animal\n1,dog\n2,cat\n3,dog\n4,emu\n', { targetType: 'categorical' });
    expect(words.kind).toBe('classification');
    expect(words.kind === 'classification' && words.classNames).toEqual(['cat', 'dog', 'emu']);
    expect(T.toArray(words.y)).toEqual([1, 0, 1, 2]);
    const numbers = right('x,c\n1,10\n2,2\n3,1\n', { targetType: 'categorical' });
    expect(numbers.kind === 'classification' && numbers.classNames).toEqual(['1', '2', '10']);
    expect(T.toArray(numbers.y)).toEqual([2, 1, 0]);
  });

  it('honours the delimiter, dtype and name options', () => {
    const data = right('a;b\n0.1;2\n', { delimiter: ';', dtype: 'float32', name: 'mine' });
    expect(data.X.dtype).toBe('float32');
    expect(T.toArray(data.X)).toEqual([Math.fround(0.1)]);
    expect(data.name).toBe('mine');
  });

  it('round-trips any finite matrix written as CSV', () => {
    const matrix = fc.integer({ min: 1, max: 6 }).chain((rows) =>
      fc.integer({ min: 2, max: 5 }).chain((cols) =>
        fc.array(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
      ),
    );
    fc.assert(
      fc.property(matrix, (rows) => {
        const width = (rows[0] as number[]).length;
        const text = [Array.from({ length: width }, (_, j) => `c${j}`).join(','), ...rows.map((r) => r.map(String).join(','))].join('\n');
        const data = right(text);
        expect(T.toNested(data.X)).toEqual(rows.map((r) => r.slice(0, -1).map((v) => v + 0)));
        expect(T.toArray(data.y)).toEqual(rows.map((r) => (r[width - 1] as number) + 0));
      }),
      { seed: 7, numRuns: 100 },
    );
  });
});

describe('readCsv: errors with positions', () => {
  it('an empty file or one with only blank lines', () => {
    for (const text of ['', '\n\n', '  \r\n \n']) {
      const e = left(text);
      expect([e.row, e.column, e.actual]).toEqual([1, undefined, 'an empty file']);
      expect(T.DecodeError.is(e) && CsvDecodeError.is(e)).toBe(true);
    }
  });

  it('a header without data rows', () => {
    const e = left('a,b\n\n');
    expect([e.row, e.column, e.path]).toEqual([2, undefined, 'row 2']);
    expect(e.expected).toContain('at least one data row');
  });

  it('a single column', () => {
    const e = left('a\n1\n');
    expect([e.row, e.column]).toEqual([1, 1]);
  });

  it('a ragged row, short or long, at the first missing or extra cell (blank lines counted)', () => {
    const short = left('a,b,c\n1,2,3\n\n4,5\n');
    expect([short.row, short.column, short.expected, short.actual]).toEqual([4, 3, '3 cells, as in row 1', '2 cells']);
    expect(short.path).toBe('row 4, column 3 ("c")');
    const long = left('a,b\n1,2\n3,4,5\n');
    expect([long.row, long.column, long.actual, long.path]).toEqual([3, 3, '3 cells', 'row 3, column 3']);
  });

  it('a non-numeric, empty or non-finite cell', () => {
    const cases: readonly [string, number, number, string, string][] = [
      ['a,b\n1,x\n', 2, 2, 'a number', '"x"'],
      ['a,b\n1,2\n,3\n', 3, 1, 'a number', 'an empty cell'],
      ['a,b\n1,2\n3,NaN\n', 3, 2, 'a number', '"NaN"'],
      ['a,b\n1,Infinity\n', 2, 2, 'a number', '"Infinity"'],
      ['a,b\n0x1F,2\n', 2, 1, 'a number', '"0x1F"'],
      ['a,b\n1e999,2\n', 2, 1, 'a finite number', '"1e999"'],
      ['a;b\n1,5;2\n', 2, 1, 'a number', '"1,5"'],
    ];
    for (const [text, row, column, expected, actual] of cases) {
      const e = left(text, text.includes(';') ? { delimiter: ';' } : {});
      expect([e.row, e.column, e.expected, e.actual]).toEqual([row, column, expected, actual]);
    }
    expect(left('a,b\n1,x\n').message).toBe('decode: at row 2, column 2 ("b") expected a number, got "x"');
  });

  it('an empty categorical target and an unterminated quote', () => {
    const empty = left('a,b\n1,\n', { targetType: 'categorical' });
    expect([empty.row, empty.column, empty.actual]).toEqual([2, 2, 'an empty cell']);
    const open = left('a,b\n1,2\n3,"4\n5,6\n');
    expect([open.row, open.column, open.expected]).toEqual([3, 2, 'a closing quote (")']);
  });

  it('a target that names no column', () => {
    const byName = left('a,b\n1,2\n', { target: 'c' });
    expect([byName.row, byName.column, byName.path, byName.actual]).toEqual([undefined, undefined, 'options.target', '"c"']);
    expect(byName.expected).toContain('"a", "b"');
    expect(left('a,b\n1,2\n', { target: 2 }).expected).toBe('a column index in [-2, 1]');
  });

  it('throws for options that are programming errors', () => {
    expect(() => readCsv('a,b\n1,2', { delimiter: '' })).toThrow(T.DomainError);
    expect(() => readCsv('a,b\n1,2', { delimiter: '"' })).toThrow(T.DomainError);
    expect(() => readCsv('a,b\n1,2', { dtype: 'int8' as never })).toThrow(T.DTypeError);
    expect(() => readCsv('a,b\n1,2', { targetType: 'text' as never })).toThrow(T.DomainError);
  });
});
