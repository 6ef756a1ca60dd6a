#!/usr/bin/env node
// Thin launcher: the CLI is compiled by `tsc` (run by `npm ci` through the `prepare` script).
import { existsSync } from 'node:fs';
import module from 'node:module';
// Node 22.1+ keeps the compiled code of ddbench and its dependencies in a cache under the temp
// folder (Node's own compile cache): each later start of the CLI skips most of the parsing and
// compiling, measured 0.50 -> 0.38 s for `ddbench --version` on Node 22. Node 20 has no such cache.
module.enableCompileCache?.();
import { fileURLToPath } from 'node:url';
// AWS SDK v3 warns (a multi-line NodeVersionSupportWarning) on Node < 22 that its releases after
// the first week of January 2027 need Node 22. ddbench pins SDK releases that still support Node 20
// (README "Node versions"), so it says that itself, in one line, for the commands that talk to a
// target, and silences the SDK's warning; on Node 22 and 24 there is nothing to say.
const nodeMajor = Number(process.versions.node.split('.')[0]);
if (nodeMajor < 22 && process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED === undefined) {
  if (['run', 'sweep', 'dax-local'].includes(process.argv[2] ?? '')) {
    process.stderr.write(`note: Node ${process.versions.node}: ddbench keeps to AWS SDK releases that support Node 20; Node 22 or 24 is needed for the SDK's releases after January 2027\n`);
  }
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
}
const entry = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('ddbench: not built yet; run `npm ci` (or `npm run build`) in the ddbench folder first\n');
  process.exit(3);
}
await import(entry.href);
