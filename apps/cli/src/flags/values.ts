/**
 * Parsers of single flag values: each takes the flag's name and the text typed, and returns
 * the typed value or a `CliUsageError` naming the flag, the value and what is accepted.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { CliUsageError } from '../errors.js';

/** The result of parsing one value. */
export type Parsed<A> = E.Either<CliUsageError, A>;

/** A usage error as a Left. */
export const bad = <A = never>(flag: string, value: string | undefined, expected: string): Parsed<A> =>
  E.left(new CliUsageError({ flag, value, expected }));

/** The value, or the usage error thrown: commands gather values with this. */
export function orThrow<A>(parsed: Parsed<A>): A {
  if (E.isLeft(parsed)) throw parsed.left;
  return parsed.right;
}

/** A decimal number as people type it: no hex, no `Infinity`, no empty text. */
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Bounds and kind of a numeric flag. */
export interface NumberRule {
  /** Smallest accepted value. */
  readonly min?: number;
  /** Largest accepted value. */
  readonly max?: number;
  /** Whether `min` itself is excluded. */
  readonly minExclusive?: boolean;
  /** Whether `max` itself is excluded. */
  readonly maxExclusive?: boolean;
  /** Integers only. */
  readonly integer?: boolean;
}

/** The rule in words: `an integer ≥ 1`, `a number in (0, 1)`. */
export function describeRule(rule: NumberRule): string {
  const kind = rule.integer === true ? 'an integer' : 'a number';
  const { min, max } = rule;
  if (min !== undefined && max !== undefined) {
    return `${kind} in ${rule.minExclusive === true ? '(' : '['}${min}, ${max}${rule.maxExclusive === true ? ')' : ']'}`;
  }
  if (min !== undefined) return `${kind} ${rule.minExclusive === true ? '>' : '≥'} ${min}`;
  if (max !== undefined) return `${kind} ${rule.maxExclusive === true ? '<' : '≤'} ${max}`;
  return rule.integer === true ? 'an integer' : 'a finite number';
}

/** A number obeying `rule`. */
export function parseNumber(flag: string, text: string, rule: NumberRule = {}): Parsed<number> {
  const value = NUMBER.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  const ok =
    Number.isFinite(value) &&
    (rule.integer !== true || Number.isSafeInteger(value)) &&
    (rule.min === undefined || (rule.minExclusive === true ? value > rule.min : value >= rule.min)) &&
    (rule.max === undefined || (rule.maxExclusive === true ? value < rule.max : value <= rule.max));
  return ok ? E.right(value) : bad(flag, text, describeRule(rule));
}

/** One of a fixed list of words (case-sensitive, as the library spells them). */
export function parseChoice<A extends string>(flag: string, text: string, choices: readonly A[], aliases: Readonly<Record<string, A>> = {}): Parsed<A> {
  if ((choices as readonly string[]).includes(text)) return E.right(text as A);
  const alias = Object.hasOwn(aliases, text) ? aliases[text] : undefined;
  return alias !== undefined ? E.right(alias) : bad(flag, text, `one of ${choices.join(', ')}`);
}

/** A comma-separated list, each item parsed by `item`; empty items are errors. */
export function parseList<A>(flag: string, text: string, item: (piece: string) => Parsed<A>, what: string): Parsed<readonly A[]> {
  const pieces = text.split(',').map((piece) => piece.trim());
  if (pieces.some((piece) => piece === '')) return bad(flag, text, `a comma-separated list of ${what}`);
  const out: A[] = [];
  for (const piece of pieces) {
    const parsed = item(piece);
    if (E.isLeft(parsed)) return bad(flag, text, `a comma-separated list of ${what} (${quoteItem(piece)} is not one)`);
    out.push(parsed.right);
  }
  return E.right(out);
}

/** A list item quoted for a message. */
const quoteItem = (piece: string): string => `'${piece}'`;

/** An optional value: absent stays absent. */
export const optional = <A>(text: string | undefined, parse: (text: string) => Parsed<A>): Parsed<A | undefined> =>
  text === undefined ? E.right(undefined) : parse(text);
