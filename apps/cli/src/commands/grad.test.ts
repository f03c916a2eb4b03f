import { describe, expect, it } from 'vitest';
import { cli, expectError } from '../../test/run-cli.js';

describe('theta grad', () => {
  it("prints the notes' Wengert table for sqrt(x^2 + exp(x^2)) at 1.5", async () => {
    const { code, stdout, stderr } = await cli(['grad', 'sqrt(x^2 + exp(x^2))', '--at', '1.5']);
    expect([code, stderr]).toEqual([0, '']);
    const x = 1.5;
    const b = Math.exp(2.25);
    const d = Math.sqrt(2.25 + b);
    const show = (v: number): string => String(Number(v.toPrecision(6)));
    const rows = stdout.split('\n').slice(2, 7).map((l) => l.trim().split(/\s{2,}/));
    expect(rows).toEqual([
      ['1', 'x', 'input', 'input', '1.5', '1', show((x * (1 + b)) / d), '0', '0'],
      ['2', 'a', 'x^2', 'square', '2.25', '3', show((1 + b) / (2 * d)), '1', '3'],
      ['3', 'b', 'exp(a)', 'exp', show(b), show(2 * x * b), show(1 / (2 * d)), '1', '1'],
      ['4', 'c', 'a + b', 'add', show(2.25 + b), show(2 * x * (1 + b)), show(1 / (2 * d)), '1', '0'],
      ['5', 'd', 'sqrt(c)', 'sqrt', show(d), show((x * (1 + b)) / d), '1', '1', '2'],
    ]);
    expect(stdout).toContain(`reverse mode: ∂f/∂x = ${show((x * (1 + b)) / d)}`);
    expect(stdout).toContain('FLOPs: 4 forward, 6 backward');
  });

  it('prints JSON with full-precision values', async () => {
    const { code, stdout } = await cli(['grad', 'x*y', '--at', 'x=2,y=-3', '--wrt', 'y', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as { value: number; gradient: Record<string, number>; rows: { name: string; tangent: number; adjoint: number }[]; at: unknown };
    expect(json.value).toBe(-6);
    expect(json.gradient).toEqual({ x: -3, y: 2 });
    expect(json.at).toEqual({ x: 2, y: -3 });
    expect(json.rows.map((r) => [r.name, r.tangent, r.adjoint])).toEqual([['x', 0, -3], ['y', 1, 2], ['a', 2, 1]]);
  });

  it('shows fewer digits with --digits and colours the node names on a terminal', async () => {
    const plain = await cli(['grad', 'exp(x)', '--at', '1', '--digits', '3']);
    expect(plain.stdout).toMatch(/2\.72/);
    expect(plain.stdout).not.toMatch(/2\.718/);
    const coloured = await cli(['grad', 'exp(x)', '--at', '1'], { color: true });
    expect(coloured.stdout).toContain('\u001b[36mx');
    expect(plain.stdout).not.toContain('\u001b[');
  });

  it('names the position of a bad expression', async () => {
    expectError(await cli(['grad', 'sqrt(x^2 +', '--at', '1']), 2, /^theta grad: bad expression 'sqrt\(x\^2 \+' at position 11 \(found the end of the expression\): expected a number, a variable, a function or '\('$/);
    expectError(await cli(['grad', 'x + foo(x)', '--at', '1']), 2, /at position 5 \(found 'foo'\): expected a function: one of sqrt, exp, /);
    expectError(await cli(['grad', 'x # 2', '--at', '1']), 2, /at position 3 \(found '#'\)/);
  });

  it('rejects a missing or bad --at, an unknown --wrt and an expression without variables', async () => {
    expectError(await cli(['grad', 'x^2']), 2, /^theta grad: --at is missing: expected a number, e\.g\. --at 1\.5/);
    expectError(await cli(['grad', 'x^2', '--at', 'one']), 2, /^theta grad: bad value 'one' for --at: expected a number/);
    expectError(await cli(['grad', 'x*y', '--at', '1']), 2, /bad value '1' for --at: expected a value per variable, e\.g\. --at x=1,y=2/);
    expectError(await cli(['grad', 'x*y', '--at', 'x=1,z=2']), 2, /'z' is not a variable of the expression/);
    expectError(await cli(['grad', 'x*y', '--at', 'x=1']), 2, /no value for y/);
    expectError(await cli(['grad', 'x^2', '--at', '1', '--wrt', 'y']), 2, /bad value 'y' for --wrt: expected a variable of the expression: x/);
    expectError(await cli(['grad', '2 + 3', '--at', '1']), 2, /bad value '2 \+ 3' for EXPRESSION: expected an expression with at least one variable/);
    expectError(await cli(['grad', 'x', '--at', '1', '--digits', '40']), 2, /bad value '40' for --digits: expected an integer in \[1, 17\]/);
    expectError(await cli(['grad', 'x', 'y', '--at', '1']), 2, /unexpected argument 'y'/);
    expectError(await cli(['grad']), 2, /^theta grad: EXPRESSION is missing: expected an expression in x/);
  });

  it('fails with exit code 1 where f is not finite', async () => {
    expectError(await cli(['grad', 'log(x)', '--at', '-1']), 1, /^theta grad: f is not finite at x = -1: node a = log\(x\) is NaN$/);
  });
});
