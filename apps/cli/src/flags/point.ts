/**
 * `--at`: the point where `theta grad` evaluates: `1.5` for an expression in one variable,
 * `x=1.5,y=2` in general.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { bad, parseNumber, type Parsed } from './values.js';

/** An example of the accepted form for these variables. */
const example = (variables: readonly string[]): string =>
  variables.length === 1 ? `a number, e.g. --at 1.5 (or ${variables[0]}=1.5)` : `a value per variable, e.g. --at ${variables.map((v, i) => `${v}=${i + 1}`).join(',')}`;

/** Parses `--at` into one value per variable of the expression. */
export function parsePoint(text: string | undefined, variables: readonly string[]): Parsed<Readonly<Record<string, number>>> {
  if (text === undefined) return bad('--at', undefined, example(variables));
  const single = variables.length === 1 && !text.includes('=');
  if (single) {
    const value = parseNumber('--at', text);
    return E.isLeft(value) ? bad('--at', text, example(variables)) : E.right({ [variables[0] as string]: value.right });
  }
  const point: Record<string, number> = {};
  for (const piece of text.split(',')) {
    const [name = '', value, ...rest] = piece.split('=').map((s) => s.trim());
    if (value === undefined || rest.length > 0) return bad('--at', text, example(variables));
    if (!variables.includes(name)) return bad('--at', text, `${example(variables)}; '${name}' is not a variable of the expression`);
    if (Object.hasOwn(point, name)) return bad('--at', text, `${example(variables)}; '${name}' is given twice`);
    const number = parseNumber('--at', value);
    if (E.isLeft(number)) return bad('--at', text, `${example(variables)}; '${value}' is not a number`);
    point[name] = number.right;
  }
  const missing = variables.filter((v) => !Object.hasOwn(point, v));
  if (missing.length > 0) return bad('--at', text, `${example(variables)}; no value for ${missing.join(', ')}`);
  return E.right(point);
}
