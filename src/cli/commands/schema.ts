import type { Argv } from 'yargs';
import { scenarioJsonSchema } from '../../scenario/json-schema.js';

export function registerSchema(y: Argv): Argv {
  return y.command('schema', 'Print the JSON Schema of scenario files (for editors)', {}, () => {
    process.stdout.write(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
  });
}
