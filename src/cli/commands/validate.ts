import type { Argv } from 'yargs';
import { formatProblems } from '../../scenario/load.js';
import { validateScenarioFile } from '../../engine/validate.js';
import { exitCodeFor } from '../exit-codes.js';
import type { ExitCode } from '../exit-codes.js';

export function registerValidate(y: Argv, done: (code: ExitCode) => void): Argv {
  return y.command(
    'validate <file>',
    'Check a scenario file and print every problem with its path and line (exit 2 if any); sends nothing',
    (c) => c.positional('file', { type: 'string', demandOption: true, describe: 'scenario file: YAML, JSON or a script (.ts, .mts, .js, .mjs)' }),
    async (a) => {
      const loaded = await validateScenarioFile(a.file);
      if (loaded.ok) {
        const what = loaded.scenario.script ? `${loaded.scenario.script.flows.length} flows` : `${loaded.scenario.operations.length} operations`;
        process.stdout.write(`${a.file}: ok (${what}, ${loaded.scenario.phases.length} phases)\n`);
      } else {
        process.stderr.write(`${formatProblems(loaded.problems, a.file)}\n${loaded.problems.length} problem(s) in ${a.file}\n`);
      }
      done(exitCodeFor(loaded.ok ? {} : { error: 'invalid-input' }));
    },
  );
}
