// `ddbench <command> --help` and the manual say the same: for each command, every option its
// yargs definition has is in that command's option table in docs/ (the table after
// `<!-- options: COMMAND -->`), and every option the table's first column names exists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Argv } from 'yargs';
import { buildCli, parseCommandLine } from '../../src/cli/parser.js';
import { COMMANDS } from '../../src/cli/commands.js';
import { ROOT } from '../support/cli.js';
import { manualPages, optionTables, readPage } from '../support/doc-examples.js';

interface CommandHandler {
  demanded: { cmd: string[] }[];
  optional: { cmd: string[] }[];
}

/** Each command's name and positional arguments, read from the CLI's own definitions. */
function commandsDefined(): Map<string, string[]> {
  const cli = buildCli([], COMMANDS.map((register) => (y: Argv) => register(y, () => undefined))) as unknown as {
    getInternalMethods(): { getCommandInstance(): { getCommandHandlers(): Record<string, CommandHandler> } };
  };
  const handlers = cli.getInternalMethods().getCommandInstance().getCommandHandlers();
  return new Map(Object.entries(handlers).map(([name, h]) => [name, [...h.demanded, ...h.optional].flatMap((p) => p.cmd)]));
}

/** The options a command defines (not its positionals, not --help and --version). */
async function optionsOf(command: string, positionals: string[]): Promise<{ names: string[]; booleans: Set<string> }> {
  // the required positionals and options get placeholder values, so that parsing reaches the command
  const required: Record<string, string[]> = { k8s: ['--shards', '1', '--image', 'i'] };
  const parsed = await parseCommandLine([command, ...positionals.map(() => 'x'), ...(required[command] ?? [])], COMMANDS);
  const skip = new Set(['help', 'version', ...positionals]);
  return { names: Object.keys(parsed.options.key).filter((k) => !skip.has(k)), booleans: new Set(parsed.options.boolean) };
}

const TABLES = new Map<string, { page: string; rows: string[] }>();
for (const page of manualPages(ROOT)) {
  for (const [command, rows] of optionTables(readPage(ROOT, page))) {
    assert.ok(!TABLES.has(command), `two option tables for ${command}: ${TABLES.get(command)?.page} and ${page}`);
    TABLES.set(command, { page, rows });
  }
}

const flagsIn = (text: string): string[] => [...text.matchAll(/--([a-z][a-z0-9-]*)/g)].map((m) => m[1]!);

test('every command with options has an option table in docs/, and every table is of a command', async () => {
  const defined = commandsDefined();
  assert.ok(defined.size >= 12, `only ${defined.size} commands`);
  for (const [command, positionals] of defined) {
    const { names } = await optionsOf(command, positionals);
    if (names.length > 0) assert.ok(TABLES.has(command), `no <!-- options: ${command} --> table in docs/ for ${command} (${names.map((n) => `--${n}`).join(' ')})`);
  }
  for (const command of TABLES.keys()) assert.ok(defined.has(command), `an option table for ${command}, which is not a command`);
});

test('each option table lists every option of its command, and only options it has', async () => {
  const problems: string[] = [];
  for (const [command, positionals] of commandsDefined()) {
    const table = TABLES.get(command);
    if (table === undefined) continue;
    const { names, booleans } = await optionsOf(command, positionals);
    const mentioned = new Set(table.rows.flatMap((row) => flagsIn(row)));
    const documented = table.rows.flatMap((row) => flagsIn(row.split('|')[1] ?? ''));
    for (const name of names) {
      if (!mentioned.has(name) && !(booleans.has(name) && mentioned.has(`no-${name}`))) problems.push(`${table.page}: ${command} has --${name}, its table does not say so`);
    }
    for (const flag of documented) {
      const name = flag.startsWith('no-') && booleans.has(flag.slice(3)) ? flag.slice(3) : flag;
      if (!names.includes(name)) problems.push(`${table.page}: the ${command} table documents --${flag}, which ${command} does not have`);
    }
  }
  assert.deepEqual(problems, []);
});
