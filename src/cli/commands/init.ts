import { existsSync, writeFileSync } from 'node:fs';
import type { Argv } from 'yargs';
import { scriptStarter, yamlStarter } from '../../scenario/starters.js';
import { SCENARIO_NAME_PATTERN } from '../../scenario/schema.js';
import { UsageError } from '../../errors.js';

export function registerInit(y: Argv): Argv {
  return y.command(
    'init <name>',
    'Write a commented starter scenario NAME.yaml (or NAME.ts with --script) that runs as is on the embedded endpoint',
    (c) => c.positional('name', { type: 'string', demandOption: true, describe: 'scenario name: the file NAME.yaml or NAME.ts, and its name: (a-z A-Z 0-9 . _ -)' }).option('script', { type: 'boolean', default: false, describe: 'write a TypeScript scenario script with a flow instead of YAML' }),
    (a) => {
      if (!SCENARIO_NAME_PATTERN.test(a.name)) throw new UsageError(`init: expected a name of 1 to 64 characters a-z A-Z 0-9 . _ -, got ${JSON.stringify(a.name)}`);
      const file = `${a.name}.${a.script ? 'ts' : 'yaml'}`;
      if (existsSync(file)) throw new UsageError(`init: ${file} exists; not overwritten`);
      writeFileSync(file, a.script ? scriptStarter(a.name) : yamlStarter(a.name));
      process.stdout.write(`wrote ${file}; run it with: ddbench run ${file}\n`);
    },
  );
}
