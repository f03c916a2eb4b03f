/**
 * Splits an expression such as `sqrt(x^2 + exp(x^2))` into tokens, each with its 1-based
 * position, so that parse errors can point at the character.
 *
 * @module
 */

/** The kinds of token. */
export type TokenKind = 'number' | 'name' | 'operator' | '(' | ')' | ',' | 'end';

/** One token and where it starts. */
export interface Token {
  /** What it is. */
  readonly kind: TokenKind;
  /** The text (`**` is read as `^`). */
  readonly text: string;
  /** The numeric value of a number token. */
  readonly value: number;
  /** 1-based position of its first character. */
  readonly position: number;
}

/** A malformed expression: where, what was expected there and what was found. */
export class ExpressionError extends Error {
  /** Discriminant. */
  readonly _tag = 'ExpressionError' as const;
  /** 1-based position in the expression. */
  readonly position: number;
  /** What would have been accepted there. */
  readonly expected: string;
  /** What was there instead. */
  readonly found: string;
  constructor(fields: { position: number; expected: string; found: string }) {
    super(`at position ${fields.position}: expected ${fields.expected}, found ${fields.found}`);
    this.name = 'ExpressionError';
    this.position = fields.position;
    this.expected = fields.expected;
    this.found = fields.found;
  }
  /** True for an `ExpressionError`. */
  static is(value: unknown): value is ExpressionError {
    return typeof value === 'object' && value !== null && (value as { _tag?: unknown })._tag === 'ExpressionError';
  }
}

/** A decimal number: 2, 2.5, .5, 1e-3. */
const NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
/** A name: letters, digits and underscores, starting with a letter or underscore. */
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/** How a token is described in an error message. */
export const describeToken = (token: Token): string => (token.kind === 'end' ? 'the end of the expression' : `'${token.text}'`);

/** The tokens of `source`, ending with an `end` token; throws an `ExpressionError` on a stray character. */
export function tokenize(source: string): readonly Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i] as string;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const rest = source.slice(i);
    const position = i + 1;
    const number = NUMBER.exec(rest);
    const name = NAME.exec(rest);
    if (number !== null) {
      tokens.push({ kind: 'number', text: number[0], value: Number(number[0]), position });
      i += number[0].length;
    } else if (name !== null) {
      tokens.push({ kind: 'name', text: name[0], value: Number.NaN, position });
      i += name[0].length;
    } else if (rest.startsWith('**')) {
      tokens.push({ kind: 'operator', text: '^', value: Number.NaN, position });
      i += 2;
    } else if ('+-*/^'.includes(ch)) {
      tokens.push({ kind: 'operator', text: ch, value: Number.NaN, position });
      i++;
    } else if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ kind: ch, text: ch, value: Number.NaN, position });
      i++;
    } else {
      throw new ExpressionError({ position, expected: "a number, a name, an operator (+ - * / ^) or a parenthesis", found: `'${ch}'` });
    }
  }
  tokens.push({ kind: 'end', text: '', value: Number.NaN, position: source.length + 1 });
  return tokens;
}
