// `ddbench run --target dax-local`: the built-in gaming scenario through the official DAX client
// and the local DAX server gives only the outcomes it gives against DynamoDB Local (ok and
// conditional failures), and the summary carries the server's cache hit ratio.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSummary, ROOT, runCli } from '../support/cli.js';

test('gaming runs against dax-local with expected outcomes only and reports cache hits', { timeout: 240_000 }, async () => {
  const out = mkdtempSync(join(tmpdir(), 'ddbench-dax-run-'));
  try {
    const res = await runCli(['run', join(ROOT, 'scenarios', 'gaming.yaml'), '--target', 'dax-local', '--duration', '3s', '--no-warmup', '--seed-items', '300', '--rate', '100', '--out', out], { timeoutMs: 200_000 });
    assert.ok(res.code === 0 || res.code === 1, `exit ${res.code}\n${res.stderr}`);
    const summary = readSummary(res);
    assert.equal(summary.driver, 'dax');
    assert.equal(summary.target.kind, 'dax');
    for (const [name, op] of Object.entries(summary.operations)) {
      const kinds = Object.entries(op.outcomes).filter(([, n]) => (n ?? 0) > 0).map(([k]) => k);
      assert.ok(kinds.every((k) => k === 'ok' || k === 'conditional-failed'), `${name}: ${kinds.join(', ')}`);
    }
    assert.ok(summary.cache !== undefined && summary.cache.hits + summary.cache.misses > 0, 'cache counts in the summary');
    assert.ok(summary.cache.operations['GetItem'] !== undefined);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
