// Abort rules stop a run early, through the real CLI: the run writes everything it measured
// (summary marked complete: false with the rule in stopReason, report, .hlog), says why on the
// console, exits 1 (the run failed its own criteria), and leaves nothing behind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertEndpointsGone } from '../support/cli.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FAULTS_SCENARIO, readOutputs, runAgainst, tempDir, withFake } from './faults-support.js';

test('--abort "unreachable for 2s" stops a 30 s run against a target that never answers, exit 3 (a fault of the target), everything written', { timeout: 90_000 }, async () => {
  const out = tempDir('abort-unreachable');
  try {
    await withFake(['--fault', 'hang'], async (endpoint) => {
      const res = await runAgainst(endpoint, out.dir, ['--duration', '30s', '--abort', 'unreachable for 2s'], { timeoutMs: 25_000 });
      assert.equal(res.signal, null, 'stopped by its rule, long before the 30 s it planned');
      assert.equal(res.code, 3, res.stderr);
      assert.match(res.stderr, /aborted: unreachable for 2s \(no successful response/);
      assert.match(res.stdout, /run stopped early \(aborted: unreachable for 2s/);
      const { summary, report, hlog } = readOutputs(res, out.dir);
      assert.equal(summary.complete, false);
      assert.equal(summary.pass, false);
      assert.match(summary.stopReason ?? '', /^aborted: unreachable for 2s/);
      assert.ok((summary.total.outcomes.timeout ?? 0) > 0, 'what was measured is kept');
      assert.match(report, /Incomplete run/);
      assert.match(hlog, /Tag=get:timeout/);
      await assertEndpointsGone(res, false);
    });
  } finally {
    out.remove();
  }
});

test('an abort rule in the scenario file and one on the command line: the error rate rule fires once 503s start (--driver http)', { timeout: 90_000 }, async () => {
  const out = tempDir('abort-errors');
  const files = tempDir('abort-scenario');
  try {
    const scenario = join(files.dir, 'faults-abort.yaml');
    writeFileSync(scenario, `${readFileSync(FAULTS_SCENARIO, 'utf8')}abort:\n  - "errors > 50% for 2s"\n`);
    await withFake(['--fault', '503', '--fault-after-ms', '1000'], async (endpoint) => {
      const res = await runAgainst(endpoint, out.dir, ['--duration', '30s', '--driver', 'http', '--abort', 'p99 > 20s for 10s'], { scenario, timeoutMs: 25_000 });
      assert.equal(res.code, 1, res.stderr);
      const { summary } = readOutputs(res, out.dir);
      assert.equal(summary.complete, false);
      assert.match(summary.stopReason ?? '', /^aborted: errors \d+% > 50% for 2s$/);
      assert.ok((summary.total.outcomes.ok ?? 0) > 0 && (summary.total.outcomes.server ?? 0) > 0, JSON.stringify(summary.total.outcomes));
    });
  } finally {
    out.remove();
    files.remove();
  }
});

test('a bad abort rule is exit 2 naming the rule, before anything is created', { timeout: 30_000 }, async () => {
  const out = tempDir('abort-bad');
  try {
    await withFake([], async (endpoint) => {
      const res = await runAgainst(endpoint, out.dir, ['--abort', 'p90 > 1s for 5s']);
      assert.equal(res.code, 2);
      assert.match(res.stderr, /abort rule `p90 > 1s for 5s`: p90 is not kept per interval/);
      assert.doesNotMatch(res.stderr, /\n\s+at /, 'no stack trace');
      const tables = (await (await fetch(`${endpoint.url}/__control`)).json()) as { tables: string[]; dataRequests: number };
      assert.deepEqual(tables.tables, []);
    });
  } finally {
    out.remove();
  }
});
