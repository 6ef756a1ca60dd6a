// The command line's parser, apart from main.ts's process wiring (signals, exit), so that a
// test can parse argument sets in-process exactly as the CLI does (test/unit/fuzz-cli.test.ts).
import yargs from 'yargs';
import type { Argv } from 'yargs';
import { UsageError } from '../errors.js';
import { VERSION } from '../version.js';
import { EXIT } from './exit-codes.js';
import type { ExitCode } from './exit-codes.js';

/** Registers a command on yargs; its handler hands the command's exit code to `done` (exit-codes.ts exitCodeFor). */
export type Command = (y: Argv, done: (code: ExitCode) => void) => Argv;

/** Parses and runs the command line; resolves to the exit code the command returned (0 if none did). */
export async function runCli(argv: string[], commands: readonly Command[]): Promise<ExitCode> {
  let code: ExitCode = EXIT.pass;
  await buildCli(argv, commands.map((register) => (y: Argv) => register(y, (c) => (code = c)))).parseAsync();
  return code;
}

/** What a command line parsed into, without running its command: for checking the manual's examples. */
export interface ParsedCommandLine {
  command: string;
  args: Record<string, unknown>;
  /** the options the command defines, as yargs holds them (names, types, defaults, aliases) */
  options: { key: Record<string, unknown>; boolean: string[]; number: string[]; string: string[]; array: string[]; default: Record<string, unknown> };
}

/**
 * Parses a command line exactly as the CLI does (strict: an unknown option, a missing argument or a
 * value outside its choices is a UsageError) and stops before the command's handler runs.
 */
export async function parseCommandLine(argv: string[], commands: readonly Command[]): Promise<ParsedCommandLine> {
  let parsed: ParsedCommandLine | undefined;
  const stop = new Error('parsed');
  try {
    const cli = buildCli(argv, commands.map((register) => (y: Argv) => register(y, () => undefined)));
    // validation is done when this runs (applyBeforeValidation false): only the handler is left
    const onParsed = (args: Record<string, unknown> & { _: (string | number)[] }): void => {
      parsed = { command: String(args._[0]), args: { ...args }, options: (cli as unknown as { getOptions(): ParsedCommandLine['options'] }).getOptions() };
      throw stop;
    };
    await cli.middleware(onParsed, false).exitProcess(false).parseAsync();
  } catch (error) {
    if (error !== stop) throw error;
  }
  if (parsed === undefined) throw new UsageError(`not a command line that runs a command: ${argv.join(' ')}`);
  return parsed;
}

/** yargs with ddbench's settings and these commands; bad arguments become a UsageError (exit 2). */
export function buildCli(argv: string[], commands: readonly ((y: Argv) => Argv)[]): Argv {
  let cli = yargs(argv)
    .scriptName('ddbench')
    .version(VERSION)
    .strict()
    .wrap(Math.min(110, process.stdout.columns || 100));
  for (const register of commands) cli = register(cli);
  return cli
    .demandCommand(1, 'name a command (see --help)')
    .fail((msg, err) => {
      if (err) throw err;
      throw new UsageError(msg);
    })
    .help();
}
