/**
 * A small parser for the explorer's expressions in x and y: numbers, + − · / ^, parentheses,
 * the constants pi and e, and the elementary functions the autodiff packages differentiate.
 * Typed text is untrusted: the result is an `Either` whose left side says what was expected
 * and at which character, so the page can point at it. It never throws.
 */
import * as E from 'fp-ts/lib/Either.js';

/** Functions of one argument, and what each is called in the ops. */
export const unaryFunctions = ['sqrt', 'exp', 'log', 'sin', 'cos', 'tan', 'tanh', 'sigmoid', 'relu', 'softplus', 'abs', 'square', 'expm1', 'log1p'] as const;
/** One of {@link unaryFunctions}. */
export type UnaryFunction = (typeof unaryFunctions)[number];

/** A node of the expression tree; `start` and `end` are character offsets in the source. */
export type Expr =
  | { readonly kind: 'number'; readonly value: number; readonly start: number; readonly end: number }
  | { readonly kind: 'variable'; readonly name: 'x' | 'y'; readonly start: number; readonly end: number }
  | { readonly kind: 'negate'; readonly arg: Expr; readonly start: number; readonly end: number }
  | { readonly kind: 'binary'; readonly op: '+' | '-' | '*' | '/' | '^'; readonly left: Expr; readonly right: Expr; readonly start: number; readonly end: number }
  | { readonly kind: 'call'; readonly fn: UnaryFunction | 'pow'; readonly args: readonly Expr[]; readonly start: number; readonly end: number };

/** Why an expression was rejected, and where (0-based offset; `length` characters). */
export interface ParseError {
  /** What was wrong and what would be right. */
  readonly message: string;
  /** Offset of the offending character (the source's length when it ended too soon). */
  readonly position: number;
  /** How many characters to mark (at least 1). */
  readonly length: number;
}

type Token =
  | { readonly kind: 'number'; readonly value: number; readonly start: number; readonly end: number }
  | { readonly kind: 'name'; readonly name: string; readonly start: number; readonly end: number }
  | { readonly kind: 'symbol'; readonly symbol: string; readonly start: number; readonly end: number }
  | { readonly kind: 'end'; readonly start: number; readonly end: number };

/** Thrown inside the parser only, and turned into a `Left` at its boundary. */
class Rejection {
  constructor(readonly error: ParseError) {}
}
const reject = (message: string, position: number, length = 1): never => {
  throw new Rejection({ message, position, length: Math.max(1, length) });
};

/** Splits the source into tokens. */
function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i] as string;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const number = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(source.slice(i));
    if (number !== null) {
      tokens.push({ kind: 'number', value: Number(number[0]), start: i, end: i + number[0].length });
      i += number[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i));
    if (name !== null) {
      tokens.push({ kind: 'name', name: name[0], start: i, end: i + name[0].length });
      i += name[0].length;
      continue;
    }
    if (source.startsWith('**', i)) {
      tokens.push({ kind: 'symbol', symbol: '^', start: i, end: i + 2 });
      i += 2;
      continue;
    }
    if ('+-*/^(),·×−'.includes(c)) {
      const symbol = c === '·' || c === '×' ? '*' : c === '−' ? '-' : c;
      tokens.push({ kind: 'symbol', symbol, start: i, end: i + 1 });
      i++;
      continue;
    }
    reject(`unexpected character '${c}'`, i);
  }
  tokens.push({ kind: 'end', start: source.length, end: source.length });
  return tokens;
}

const describe = (t: Token): string =>
  t.kind === 'end' ? 'the end of the expression' : t.kind === 'number' ? `the number ${t.value}` : t.kind === 'name' ? `'${t.name}'` : `'${t.symbol}'`;

const isSymbol = (t: Token, symbol: string): boolean => t.kind === 'symbol' && t.symbol === symbol;

/** Recursive descent over the tokens, lowest precedence first. */
function parseTokens(tokens: readonly Token[]): Expr {
  let at = 0;
  const peek = (): Token => tokens[at] as Token;
  const next = (): Token => tokens[at++] as Token;
  const binary = (op: '+' | '-' | '*' | '/' | '^', left: Expr, right: Expr): Expr => ({ kind: 'binary', op, left, right, start: left.start, end: right.end });

  const additive = (): Expr => {
    let left = multiplicative();
    while (isSymbol(peek(), '+') || isSymbol(peek(), '-')) {
      const op = (next() as { symbol: '+' | '-' }).symbol;
      left = binary(op, left, multiplicative());
    }
    return left;
  };
  const multiplicative = (): Expr => {
    let left = unary();
    for (;;) {
      const t = peek();
      if (isSymbol(t, '*') || isSymbol(t, '/')) {
        next();
        left = binary((t as { symbol: '*' | '/' }).symbol, left, unary());
      } else if (t.kind === 'name' || t.kind === 'number' || isSymbol(t, '(')) {
        left = binary('*', left, unary()); // implicit product: 2x, 3(x + 1), x y
      } else return left;
    }
  };
  const unary = (): Expr => {
    const t = peek();
    if (isSymbol(t, '-')) {
      next();
      const arg = unary();
      return { kind: 'negate', arg, start: t.start, end: arg.end };
    }
    if (isSymbol(t, '+')) {
      next();
      return unary();
    }
    return power();
  };
  const power = (): Expr => {
    const base = primary();
    if (!isSymbol(peek(), '^')) return base;
    next();
    return binary('^', base, unary()); // right-associative: x^2^3 = x^(2^3); -x^2 = −(x²)
  };
  const primary = (): Expr => {
    const t = next();
    if (t.kind === 'number') return { kind: 'number', value: t.value, start: t.start, end: t.end };
    if (isSymbol(t, '(')) {
      const inner = additive();
      const close = next();
      if (!isSymbol(close, ')')) reject(`expected ')' to close the '(' at column ${t.start + 1}, found ${describe(close)}`, close.start, close.end - close.start);
      return { ...inner, start: t.start, end: close.end };
    }
    if (t.kind === 'name') return named(t);
    if (t.kind === 'end') return reject('the expression ended where a number, x, y, a function or ( was expected', t.start);
    return reject(`expected a number, x, y, a function or '(' but found ${describe(t)}`, t.start, t.end - t.start);
  };
  const named = (t: Extract<Token, { kind: 'name' }>): Expr => {
    const { name } = t;
    if (name === 'x' || name === 'y') return { kind: 'variable', name, start: t.start, end: t.end };
    if (name === 'pi') return { kind: 'number', value: Math.PI, start: t.start, end: t.end };
    if (name === 'e') return { kind: 'number', value: Math.E, start: t.start, end: t.end };
    const fn = name === 'ln' ? 'log' : name;
    if (fn !== 'pow' && !(unaryFunctions as readonly string[]).includes(fn)) {
      return reject(`unknown name '${name}': use x, y, pi, e or one of ${[...unaryFunctions, 'pow'].join(', ')}`, t.start, t.end - t.start);
    }
    const open = next();
    if (!isSymbol(open, '(')) return reject(`expected '(' after ${name}, found ${describe(open)}`, open.start, open.end - open.start);
    const args = [additive()];
    while (isSymbol(peek(), ',')) {
      next();
      args.push(additive());
    }
    const close = next();
    if (!isSymbol(close, ')')) reject(`expected ',' or ')' in ${name}(…), found ${describe(close)}`, close.start, close.end - close.start);
    const arity = fn === 'pow' ? 2 : 1;
    if (args.length !== arity) reject(`${name} takes ${arity} argument${arity > 1 ? 's' : ''}, not ${args.length}`, t.start, close.end - t.start);
    return { kind: 'call', fn: fn as UnaryFunction | 'pow', args, start: t.start, end: close.end };
  };

  const expr = additive();
  const rest = peek();
  if (rest.kind !== 'end') reject(`unexpected ${describe(rest)} after a complete expression`, rest.start, rest.end - rest.start);
  return expr;
}

/** Parses an expression in x and y; the error names the offending position. */
export function parse(source: string): E.Either<ParseError, Expr> {
  try {
    if (source.trim() === '') return E.left({ message: 'type an expression in x (and y), e.g. sqrt(x^2 + exp(x^2))', position: 0, length: 1 });
    return E.right(parseTokens(tokenize(source)));
  } catch (error) {
    if (error instanceof Rejection) return E.left(error.error);
    // Very deep nesting can overflow the stack: report it like any other bad input.
    return E.left({ message: 'the expression is nested too deeply', position: 0, length: source.length });
  }
}

/** A canonical text of a subexpression: equal texts are the same node of the Wengert list. */
export function print(e: Expr): string {
  switch (e.kind) {
    case 'number': return e.value === Math.PI ? 'pi' : e.value === Math.E ? 'e' : String(e.value);
    case 'variable': return e.name;
    case 'negate': return `-${wrap(e.arg, 3)}`;
    case 'binary': {
      const p = precedence(e);
      return e.op === '^' ? `${wrap(e.left, p + 1)}^${wrap(e.right, p)}` : `${wrap(e.left, p)} ${e.op} ${wrap(e.right, e.op === '-' || e.op === '/' ? p + 1 : p)}`;
    }
    case 'call': return `${e.fn}(${e.args.map(print).join(', ')})`;
  }
}

/** Binding strength, for printing with the fewest parentheses. */
function precedence(e: Expr): number {
  if (e.kind === 'binary') return e.op === '+' || e.op === '-' ? 1 : e.op === '^' ? 4 : 2;
  return e.kind === 'negate' ? 3 : 5;
}
const wrap = (e: Expr, min: number): string => (precedence(e) < min ? `(${print(e)})` : print(e));
