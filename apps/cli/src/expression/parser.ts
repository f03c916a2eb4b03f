/**
 * A recursive-descent parser for expressions in numbers, variables, + − * / ^, unary minus,
 * parentheses and the elementary functions:
 *
 *     sum     := product (('+' | '-') product)*
 *     product := signed (('*' | '/') signed)*
 *     signed  := ('-' | '+') signed | power
 *     power   := primary ('^' signed)?          (right-associative; -x^2 is -(x^2))
 *     primary := number | constant | variable | function '(' sum (',' sum)* ')' | '(' sum ')'
 *
 * Errors are `ExpressionError`s with the 1-based position of the offending token.
 *
 * @module
 */
import { constants, functionNames, isFunction } from './functions.js';
import { describeToken, ExpressionError, tokenize, type Token } from './lexer.js';

/** A binary operator. */
export type BinaryOperator = '+' | '-' | '*' | '/' | '^';

/** The syntax tree of an expression. */
export type Expr =
  | { readonly kind: 'number'; readonly value: number; readonly text: string }
  | { readonly kind: 'variable'; readonly name: string }
  | { readonly kind: 'neg'; readonly argument: Expr }
  | { readonly kind: 'binary'; readonly operator: BinaryOperator; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'call'; readonly name: string; readonly argument: Expr };

/** What may start an operand, for messages. */
const OPERAND = "a number, a variable, a function or '('";

/** Parses `source`; throws an `ExpressionError` naming the position of the first problem. */
export function parse(source: string): Expr {
  const tokens = tokenize(source);
  let at = 0;
  const peek = (): Token => tokens[at] as Token;
  const next = (): Token => tokens[at++] as Token;
  const fail = (token: Token, expected: string): never => {
    throw new ExpressionError({ position: token.position, expected, found: describeToken(token) });
  };
  const isOperator = (token: Token, ops: string): boolean => token.kind === 'operator' && ops.includes(token.text);

  function sum(): Expr {
    let left = product();
    while (isOperator(peek(), '+-')) {
      const operator = next().text as BinaryOperator;
      left = { kind: 'binary', operator, left, right: product() };
    }
    return left;
  }

  function product(): Expr {
    let left = signed();
    while (isOperator(peek(), '*/')) {
      const operator = next().text as BinaryOperator;
      left = { kind: 'binary', operator, left, right: signed() };
    }
    return left;
  }

  function signed(): Expr {
    if (isOperator(peek(), '-')) {
      next();
      return { kind: 'neg', argument: signed() };
    }
    if (isOperator(peek(), '+')) {
      next();
      return signed();
    }
    return power();
  }

  function power(): Expr {
    const base = primary();
    if (!isOperator(peek(), '^')) return base;
    next();
    return { kind: 'binary', operator: '^', left: base, right: signed() };
  }

  function call(name: Token): Expr {
    next(); // '('
    const first = sum();
    if (name.text === 'pow') {
      if (peek().kind !== ',') fail(peek(), "',' and the exponent: pow takes two arguments");
      next();
      const exponent = sum();
      if (peek().kind !== ')') fail(peek(), "')': pow takes two arguments");
      next();
      return { kind: 'binary', operator: '^', left: first, right: exponent };
    }
    if (peek().kind !== ')') fail(peek(), `')': ${name.text} takes one argument`);
    next();
    return { kind: 'call', name: name.text, argument: first };
  }

  function primary(): Expr {
    const token = peek();
    if (token.kind === 'number') {
      next();
      return { kind: 'number', value: token.value, text: token.text };
    }
    if (token.kind === '(') {
      next();
      const inner = sum();
      if (peek().kind !== ')') fail(peek(), "an operator or ')'");
      next();
      return inner;
    }
    if (token.kind === 'name') {
      next();
      if (peek().kind === '(') {
        if (!isFunction(token.text)) fail(token, `a function: one of ${functionNames.join(', ')}`);
        return call(token);
      }
      if (isFunction(token.text)) fail(peek(), `'(' after the function ${token.text}`);
      if (Object.hasOwn(constants, token.text)) return { kind: 'number', value: constants[token.text] as number, text: token.text };
      return { kind: 'variable', name: token.text };
    }
    return fail(token, OPERAND);
  }

  const tree = sum();
  if (peek().kind !== 'end') fail(peek(), 'an operator (+ - * / ^) or the end of the expression');
  return tree;
}

/** The variables of an expression, in order of first appearance. */
export function variablesOf(expr: Expr): readonly string[] {
  const seen: string[] = [];
  const walk = (e: Expr): void => {
    if (e.kind === 'variable') {
      if (!seen.includes(e.name)) seen.push(e.name);
    } else if (e.kind === 'neg' || e.kind === 'call') walk(e.argument);
    else if (e.kind === 'binary') {
      walk(e.left);
      walk(e.right);
    }
  };
  walk(expr);
  return seen;
}
