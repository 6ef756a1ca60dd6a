#!/usr/bin/env node
// Thin launcher: the CLI is compiled by `tsc` (run by `npm ci` through the `prepare` script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
// SDK v3 warns once per process that Node 20 support ends; ddbench's README states the Node range.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const entry = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('ddbench: not built yet; run `npm ci` (or `npm run build`) in the ddbench folder first\n');
  process.exit(3);
}
await import(entry.href);
