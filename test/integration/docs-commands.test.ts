// The manual's cheap command lines (validate, schema, init, k8s, and report / compare / merge /
// trend on committed files) run with the real binary and must exit as the manual says. Every
// command line is also parsed strictly in test/unit/docs-examples.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCommandLine } from '../../src/cli/parser.js';
import { COMMANDS } from '../../src/cli/commands.js';
import { ROOT, runCli } from '../support/cli.js';
import type { DocCommand } from '../support/doc-examples.js';
import { COMMANDS_IN_SHELL, RUNNABLE, SCRATCH_COPIES, where } from '../support/doc-manual.js';

const scratchRoot = mkdtempSync(join(tmpdir(), 'ddbench-docs-run-'));
test.after(() => rmSync(scratchRoot, { recursive: true, force: true }));

test('the cheap command lines run with the real binary and exit as the manual says', { timeout: 60_000 }, async (t) => {
  // one scratch folder per page, so a page's lines see what its earlier lines wrote (init, then validate)
  const byPage = new Map<string, DocCommand[]>();
  for (const c of COMMANDS_IN_SHELL) if (RUNNABLE.has(c.argv[0] ?? '')) byPage.set(c.file, [...(byPage.get(c.file) ?? []), c]);
  const ran: string[] = [];
  const parsedOnly: string[] = [];
  const failures: string[] = [];
  await Promise.all(
    [...byPage].map(async ([page, commands]) => {
      const dir = join(scratchRoot, 'run', page.replace(/[/.]/g, '-'));
      for (const copy of SCRATCH_COPIES) cpSync(join(ROOT, copy), join(dir, copy), { recursive: true });
      for (const c of commands) {
        const parsed = await parseCommandLine(c.argv, COMMANDS);
        const inputs = ['file', 'summary', 'baseline', 'current', 'dirs', 'runs'].flatMap((k) => [parsed.args[k]].flat()).filter((v): v is string => typeof v === 'string');
        if (!inputs.every((p) => existsSync(join(dir, p)))) {
          parsedOnly.push(`${where(c)}: ${c.source} (its input is not a committed file)`);
          continue;
        }
        const res = await runCli(c.argv, { cwd: dir, timeoutMs: 30_000 });
        ran.push(where(c));
        if (res.code !== c.exitCode) failures.push(`${where(c)}: ${c.source}\n  exited ${res.code}, the manual says ${c.exitCode}\n${res.stderr}`);
        if (c.prints !== undefined && !(res.stdout + res.stderr).includes(c.prints)) failures.push(`${where(c)}: printed no "${c.prints}":\n${res.stdout}${res.stderr}`);
      }
    }),
  );
  t.diagnostic(`ran ${ran.length} command lines; parsed only: ${parsedOnly.length}`);
  for (const p of parsedOnly) t.diagnostic(p);
  assert.deepEqual(failures, []);
  assert.ok(ran.length >= 8, `only ${ran.length} command lines ran`);
});

