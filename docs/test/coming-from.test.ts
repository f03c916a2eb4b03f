import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as T from '@theta/tensor';
import * as D from '@theta/dual';
import * as R from '@theta/reverse';
import * as N from '@theta/nn';
import * as O from '@theta/optim';
import * as Data from '@theta/data';
import * as Tr from '@theta/train';
import { guidesDir } from './guide-code.mjs';

// "Every Theta name in the tables is a public export": each `X.name` in the Theta column of
// 09-coming-from.md (X one of the namespaces the page lists) must exist on that package's entry.
const namespaces: Record<string, unknown> = { T, D, R, N, O, Data, Tr };
const guide = readFileSync(join(guidesDir, '09-coming-from.md'), 'utf8');

/** The last cell of every table row (the Theta column), without the header and rule rows. */
const thetaCells = guide
  .split('\n')
  .filter((line) => line.startsWith('| ') && !line.startsWith('| ---') && !line.startsWith('| task'))
  .map((line) => line.split(' | ').at(-1) ?? '');

const names = [...new Set(thetaCells.flatMap((cell) => [...cell.matchAll(/`([^`]*)`/g)].flatMap(([, code]) => [...(code ?? '').matchAll(/\b(T|D|R|N|O|Data|Tr)\.([A-Za-z]\w*(?:\.[A-Za-z]\w*)*)/g)].map((m) => `${m[1]}.${m[2]}`))))];

describe('09-coming-from.md', () => {
  it('names Theta functions in its tables', () => {
    expect(names.length).toBeGreaterThan(50);
  });
  it('every one of them is a public export', () => {
    const missing = names.filter((name) => {
      const [ns, ...path] = name.split('.');
      let value: unknown = namespaces[ns as string];
      for (const key of path) value = (value as Record<string, unknown> | undefined)?.[key];
      return value === undefined;
    });
    expect(missing).toEqual([]);
  });
});
