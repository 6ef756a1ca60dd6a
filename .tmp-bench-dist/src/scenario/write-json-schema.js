// Writes schema/scenario.schema.json (npm run schema). A unit test fails when the committed
// file differs from what this would write.
import { mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scenarioJsonSchema } from './json-schema.js';
/** The schema file's text, exactly as committed. */
export function scenarioJsonSchemaText() {
    return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
/** The repository root: the nearest folder above this file with a package.json (works from src/ and dist/src/). */
function repoRoot() {
    let dir = dirname(fileURLToPath(import.meta.url));
    while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir)
        dir = dirname(dir);
    return dir;
}
export const SCHEMA_FILE = join(repoRoot(), 'schema', 'scenario.schema.json');
if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    await mkdir(dirname(SCHEMA_FILE), { recursive: true });
    await writeFile(SCHEMA_FILE, scenarioJsonSchemaText());
    process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
}
//# sourceMappingURL=write-json-schema.js.map