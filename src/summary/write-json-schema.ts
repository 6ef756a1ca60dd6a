// Writes schema/summary.schema.json (npm run schema): the contract for tools that read
// summary.json (nightly CI jobs, dashboards). Generated from the zod model, so it cannot drift
// from what ddbench writes; a unit test fails when the committed file is out of date.
// Objects do not forbid additional properties: later versions may add fields, never remove them.

import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { SCHEMA_DIR } from '../paths.js';
import { SummarySchema } from './model.js';

export const SUMMARY_SCHEMA_FILE = join(SCHEMA_DIR, 'summary.schema.json');

export function summaryJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(SummarySchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
}

/** The schema file's text, exactly as committed. */
export function summaryJsonSchemaText(): string {
  const { $schema, ...rest } = summaryJsonSchema();
  return `${JSON.stringify({ $schema, title: 'ddbench summary.json', ...rest }, null, 2)}\n`;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await writeFile(SUMMARY_SCHEMA_FILE, summaryJsonSchemaText());
  process.stdout.write(`wrote ${SUMMARY_SCHEMA_FILE}\n`);
}
