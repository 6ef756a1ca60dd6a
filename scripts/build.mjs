#!/usr/bin/env node
// `npm run build`: src, tests and bench into dist/, the public types, and the type check of the
// built-in scenario scripts. Incremental: `npm ci` (its prepare) builds once, and the build that
// `npm test` and `npm run test:unit` start with then only compiles what changed (tsc's
// .tsbuildinfo files live in dist/, so deleting dist/ is a clean build). What tsc never removes,
// the output of a source that was deleted or renamed, is removed here first, so a deleted test
// cannot keep running from dist/.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');

/** dist/x/y.js (.js.map, .d.ts) whose x/y.ts is gone. */
function removeOrphans(dir) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      removeOrphans(path);
      continue;
    }
    const m = /^(.*)\.(js|js\.map|d\.ts)$/.exec(relative(DIST, path));
    if (m && !existsSync(join(ROOT, `${m[1]}.ts`))) rmSync(path);
  }
}

function tsc(project, infoFile) {
  const args = ['-p', project, '--incremental', '--tsBuildInfoFile', join(DIST, infoFile)];
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), ...args], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

removeOrphans(DIST);
tsc('tsconfig.json', '.main.tsbuildinfo');
tsc('tsconfig.public.json', '.public.tsbuildinfo');
tsc('tsconfig.scenarios.json', '.scenarios.tsbuildinfo');
