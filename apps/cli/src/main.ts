/**
 * The `theta` command line: builds the commander program and runs it. `run(argv, io)` takes
 * the arguments and an {@link Io} record and returns the exit code, so tests call it
 * in-process; `bin/theta.mjs` calls it with `process.argv` and the real streams.
 *
 * Exit codes: 0 success, 1 a failure while working (training diverged, a file could not be
 * written), 2 a bad flag, value or input file. Every error is one line on stderr.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { addEvalCommand } from './commands/eval.js';
import { addGradCommand } from './commands/grad.js';
import { addGridCommand } from './commands/grid.js';
import { addTrainCommand } from './commands/train.js';
import { describeError, USAGE } from './errors.js';
import { line, type Io } from './io.js';

// The io record run() takes, for callers and tests.
export type { Io, Writer } from './io.js';

/** The package version, read from package.json (one level above src/ and dist/). */
const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** The subcommands, by name. */
const commandNames = ['train', 'eval', 'grid', 'grad'] as const;

/** The program with its four commands, writing to `io` and throwing instead of exiting. */
export function buildProgram(io: Io): Command {
  const program = new Command('theta')
    .description('Train, evaluate and grid-search neural networks, and print the Wengert table of any expression.')
    .version(version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'print help')
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: () => undefined, // run() prints its own one-line message
      getOutHelpWidth: () => 100,
      getErrHelpWidth: () => 100,
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    })
    .configureHelp({ sortSubcommands: false, sortOptions: false })
    .addHelpText('after', '\nRun `theta <command> --help` for the flags of each command.\n');
  // Subcommands made with .command() inherit exitOverride and the output settings above.
  addTrainCommand(program, io);
  addEvalCommand(program, io);
  addGridCommand(program, io);
  addGradCommand(program, io);
  return program;
}

/** The one-line message for a commander error (unknown flag, missing value, …). */
function commanderMessage(error: CommanderError, program: Command, commandName: string | undefined): string {
  const text = error.message.replace(/^error: /, '');
  const [first = '', ...rest] = text.split('\n');
  const hint = rest.join(' ').trim().replace(/^\((.*)\)$/, '$1').replace(/^Did you mean/, 'did you mean');
  const suggestion = hint === '' ? '' : ` (${hint})`;
  const help = commandName === undefined ? "'theta --help'" : `'theta ${commandName} --help'`;
  const unknownOption = /^unknown option '(.*)'$/.exec(first);
  if (unknownOption !== null) return `unknown flag '${unknownOption[1]}'${suggestion}: expected one of the flags listed by ${help}`;
  const unknownCommand = /^unknown command '(.*)'$/.exec(first);
  if (unknownCommand !== null) return `unknown command '${unknownCommand[1]}'${suggestion}: expected one of ${commandNames.join(', ')}`;
  const missingValue = /^option '(\S+)[^']*' argument missing$/.exec(first);
  if (missingValue !== null) {
    const command = program.commands.find((c) => c.name() === commandName) ?? program;
    const option = command.options.find((o) => o.long === missingValue[1] || o.short === missingValue[1]);
    return `${missingValue[1]} needs a value: expected ${option?.description ?? 'a value'}`;
  }
  const missingArgument = /^missing required argument '(.*)'$/.exec(first);
  if (missingArgument !== null) {
    const command = program.commands.find((c) => c.name() === commandName);
    const argument = command?.registeredArguments.find((a) => a.name() === missingArgument[1]);
    return `${(missingArgument[1] ?? "").toUpperCase()} is missing: expected ${argument?.description ?? 'an argument'} (see ${help})`;
  }
  return `${first}${suggestion} (see ${help})`;
}

/**
 * Runs `theta` with `argv` (the arguments after the program name) and returns the exit code.
 * Nothing is thrown: every error becomes one line on `io.stderr`.
 */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const program = buildProgram(io);
  const commandName = commandNames.find((name) => argv[0] === name);
  const prefix = commandName === undefined ? 'theta' : `theta ${commandName}`;
  try {
    if (argv.length === 0) {
      program.outputHelp({ error: true });
      return USAGE;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
      if (error.code === 'commander.help') return error.exitCode === 0 ? 0 : USAGE; // `theta help CMD` is 0
      line(io.stderr, `${prefix}: ${commanderMessage(error, program, commandName)}`);
      return USAGE;
    }
    const { message, code } = describeError(error);
    line(io.stderr, `${prefix}: ${message}`);
    return code;
  }
}
