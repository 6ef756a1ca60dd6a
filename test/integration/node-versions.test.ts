// ddbench on the other supported Node majors, as a test of the suite so it runs beside the other
// files instead of before all of them: scripts/test-node-versions.mjs installs each other major's
// Node binary from the npm registry (cached) and runs the unit tests and a short real
// `ddbench run scenarios/gaming.yaml` under it (also `npm run test:node-versions` on its own).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../support/cli.js';

test('ddbench passes its unit tests and runs a scenario on every other supported Node major', { timeout: 900_000 }, async (t) => {
  const child = spawn(process.execPath, [join(ROOT, 'scripts', 'test-node-versions.mjs')], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  for (const line of out.split('\n').filter((l) => l.startsWith('node-versions:'))) t.diagnostic(line);
  assert.equal(code, 0, out);
  assert.match(out, /node-versions: ddbench checked on Node/);
});
