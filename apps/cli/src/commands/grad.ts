/**
 * `theta grad "EXPR" --at 1.5`: the Wengert table of an expression — every node x_i with its
 * elementary function, value, tangent (forward mode), adjoint (reverse mode) and FLOPs.
 *
 * @module
 */
import type { Command } from 'commander';
import pc from 'picocolors';
import { CliUsageError } from '../errors.js';
import { gradTable, type GradResult } from '../expression/build.js';
import { functionNames } from '../expression/functions.js';
import { ExpressionError } from '../expression/lexer.js';
import { parse, variablesOf, type Expr } from '../expression/parser.js';
import { parsePoint } from '../flags/point.js';
import { optional, orThrow, parseNumber } from '../flags/values.js';
import { line, type Io } from '../io.js';
import { writeJson } from '../output/json.js';
import { formatNumber, renderTable } from '../output/table.js';

/** The raw options of `theta grad`. */
interface GradFlagText {
  readonly at?: string;
  readonly wrt?: string;
  readonly digits?: string;
  readonly json?: boolean;
}

/** Help text after the flags: worked examples. */
const examples = `
Expressions use numbers, variables (x, y, …), + - * / ^ (or **), unary minus, parentheses,
the constants pi and e, and the functions ${functionNames.join(', ')}.
Equal sub-expressions are one node, as in the notes.

Examples:
  theta grad "sqrt(x^2 + exp(x^2))" --at 1.5
  theta grad "x*y + sin(x)" --at x=1,y=2 --wrt y
  theta grad "sigmoid(2*x - 1)" --at 0.3 --json
`;

/** Parses the expression; a syntax error is a usage error naming the position. */
export function parseExpression(source: string): Expr {
  try {
    return parse(source);
  } catch (error) {
    if (!ExpressionError.is(error)) throw error;
    throw new CliUsageError({
      flag: 'EXPRESSION',
      value: source,
      expected: error.expected,
      problem: `bad expression '${source}' at position ${error.position} (found ${error.found})`,
    });
  }
}

/** The table as text: one row per node, then f, its derivative and the FLOP counts. */
export function formatGrad(result: GradResult, digits: number, color: boolean): string {
  const colors = pc.createColors(color);
  const n = (v: number): string => formatNumber(v, digits);
  const header = ['i', 'node', 'definition', 'op', 'value', `tangent d(node)/d${result.wrt}`, 'adjoint ∂f/∂(node)', 'FLOPs fwd', 'FLOPs bwd'];
  const rows = result.rows.map((r) => [String(r.i), r.name, r.definition, r.op, n(r.value), n(r.tangent), n(r.adjoint), String(r.flopsForward), String(r.flopsBackward)]);
  const table = renderTable(header, rows, {
    align: ['right', 'left', 'left', 'left', 'right', 'right', 'right', 'right', 'right'],
    paintHeader: colors.bold,
    paint: (text, _row, column) => (column === 1 ? colors.cyan(text) : text),
  });
  const output = result.rows[result.rows.length - 1];
  const gradient = result.variables.map((v) => `∂f/∂${v} = ${n(result.gradient[v] as number)}`).join(', ');
  return [
    table,
    '',
    `f = ${output?.name ?? '?'} = ${n(result.value)}`,
    `reverse mode: ${gradient}`,
    `forward mode: df/d${result.wrt} = ${n(result.forwardDerivative)}`,
    `FLOPs: ${result.flops.forward} forward, ${result.flops.backward} backward (reverse sweep)`,
  ].join('\n');
}

/** Adds the `grad` command to the program. */
export function addGradCommand(program: Command, io: Io): void {
  program
    .command('grad')
    .description('print the Wengert table (node, op, value, tangent, adjoint, FLOPs) of an expression at a point')
    .argument('<expression>', 'an expression in x (and y, …), e.g. "sqrt(x^2 + exp(x^2))"')
    .option('--at <point>', 'the point: a number for one variable (1.5), or x=1.5,y=2')
    .option('--wrt <variable>', 'the variable the tangent column differentiates by (the first one)')
    .option('--digits <n>', 'significant digits shown, an integer in [1, 17] (6)')
    .option('--json', 'print the table as JSON')
    .allowExcessArguments(true)
    .addHelpText('after', examples)
    .action((source: string, flags: GradFlagText, command: Command) => {
      const extra = command.args.slice(1);
      if (extra.length > 0) {
        throw new CliUsageError({ flag: 'EXPRESSION', value: extra.join(' '), expected: 'one expression (quote it: theta grad "x^2 + 1" --at 2)', problem: `unexpected argument '${extra[0]}'` });
      }
      const expr = parseExpression(source);
      const variables = variablesOf(expr);
      if (variables.length === 0) {
        throw new CliUsageError({ flag: 'EXPRESSION', value: source, expected: 'an expression with at least one variable, e.g. x^2' });
      }
      const point = orThrow(parsePoint(flags.at, variables));
      const wrt = flags.wrt ?? (variables[0] as string);
      if (!variables.includes(wrt)) {
        throw new CliUsageError({ flag: '--wrt', value: wrt, expected: `a variable of the expression: ${variables.join(', ')}` });
      }
      const digits = orThrow(optional(flags.digits, (s) => parseNumber('--digits', s, { integer: true, min: 1, max: 17 }))) ?? 6;
      const result = gradTable(expr, point, wrt);
      if (flags.json === true) writeJson(io.stdout, { expression: source, at: point, ...result });
      else line(io.stdout, formatGrad(result, digits, io.color ?? io.isTTY));
    });
}
