// Where ddbench's own files are, for the tools that write them (npm run schema). A leaf: the
// scenario and summary schema writers both need it and must not import each other.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: the nearest folder above this file with a package.json (works from src/ and dist/src/). */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** schema/: the JSON Schemas ddbench publishes (scenario files, summary.json). */
export const SCHEMA_DIR = join(packageRoot(), 'schema');

/** scenarios/: the built-in scenarios, runnable by name (`ddbench run gaming`). */
export const SCENARIOS_DIR = join(packageRoot(), 'scenarios');
