// Signals finish even when the target is stuck: a fake endpoint that creates the table normally and
// then never answers anything (data operations, DescribeTable, DeleteTable). The first SIGTERM ends
// the run with summary.json, report.html and latency.hlog written and the stuck operations counted
// as abandoned; the table it could not delete is named. A second signal quits at once, still
// leaving a summary. Exit 130 either way. The bounds below are hard limits (the run is killed past
// them), far above what the run takes; the real figures are printed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startCli, readSummaryJson } from '../support/cli.js';
import type { CliResult } from '../support/cli.js';
import { FAULTS_SCENARIO, readOutputs, tempDir, withFake } from './faults-support.js';

/** Data operations hang; once the load runs, so does everything else (DescribeTable, DeleteTable): the target is stuck, not gone. */
const STUCK = ['--fault', 'hang'];

/** Starts a 60 s run against the stuck target, waits until operations hang, sends the signals, and times the exit. */
async function signalStuckRun(url: string, dir: string, signals: number): Promise<{ res: CliResult; exitMs: number }> {
  // a request timeout far beyond the run's stop: the operations in flight are still waiting when the signal comes
  const scenario = join(dir, 'stuck.yaml');
  writeFileSync(scenario, readFileSync(FAULTS_SCENARIO, 'utf8').replace(/^requestTimeout: .*$/m, 'requestTimeout: 30s'));
  const run = startCli(['run', scenario, '--target', url, '--out', dir, '--duration', '60s', '--abort', 'unreachable for off'], { timeoutMs: 90_000 });
  await run.waitFor(/load: /);
  const control = await fetch(`${url}/__control`, { method: 'POST', body: JSON.stringify({ fault: 'hang', scope: 'all' }) });
  assert.equal(control.status, 200);
  await new Promise((r) => setTimeout(r, 1500));
  const sentAt = Date.now();
  for (let i = 0; i < signals; i++) {
    run.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 100));
  }
  // a hard bound, far above the few seconds a stop takes: past it the run counts as hung
  const hardStop = setTimeout(() => run.child.kill('SIGKILL'), 30_000);
  const res = await run.result;
  clearTimeout(hardStop);
  return { res, exitMs: Date.now() - sentAt };
}

test('SIGTERM during stuck operations: exit 130 with summary, report and .hlog written, stuck operations abandoned, the table left behind named', { timeout: 120_000 }, async () => {
  const out = tempDir('signal-stuck');
  try {
    await withFake(STUCK, async (endpoint) => {
      const { res, exitMs } = await signalStuckRun(endpoint.url, out.dir, 1);
      assert.equal(res.signal, null, `the run ended by itself after the signal:\n${res.stderr}`);
      assert.equal(res.code, 130, res.stderr);
      const { summary } = readOutputs(res, out.dir);
      assert.equal(summary.complete, false);
      assert.match(summary.stopReason ?? '', /terminated \(SIGTERM\)/);
      assert.ok((summary.generator.abandonedOps ?? 0) > 0, `stuck operations are counted as abandoned: ${JSON.stringify(summary.generator)}`);
      assert.ok((summary.total.outcomes.timeout ?? 0) >= (summary.generator.abandonedOps ?? 0), 'abandoned operations are recorded as timeouts');
      assert.match(res.stderr, /table ddbench-faults was not deleted: .* did not answer within \d+ ms of the stop; delete it yourself \(aws dynamodb delete-table --table-name ddbench-faults/);
      assert.ok(res.stdout.indexOf('results: ') >= 0 && res.stderr.includes('not deleted'), 'files written, then the cleanup given up');
      console.log(`SIGTERM to exit: ${exitMs} ms; abandoned operations: ${summary.generator.abandonedOps}; timeouts: ${summary.total.outcomes.timeout ?? 0}`);
    });
  } finally {
    out.remove();
  }
});

test('a second SIGTERM quits at once, exit 130, and still writes summary.json', { timeout: 120_000 }, async () => {
  const out = tempDir('signal-twice');
  try {
    await withFake(STUCK, async (endpoint) => {
      const { res, exitMs } = await signalStuckRun(endpoint.url, out.dir, 2);
      assert.equal(res.signal, null, res.stderr);
      assert.equal(res.code, 130, res.stderr);
      assert.match(res.stderr, /SIGTERM again: quitting at once/);
      const file = join(out.dir, 'summary.json');
      assert.ok(existsSync(file), `summary.json written on the way out:\n${res.stderr}`);
      const summary = readSummaryJson(file);
      assert.equal(summary.complete, false);
      assert.match(summary.stopReason ?? '', /^terminated \(SIGTERM\); quit at once on a second signal$/);
      assert.ok(summary.generator.warnings.some((w) => /quit at once/.test(w)));
      assert.ok(summary.total.count >= 0);
      console.log(`second SIGTERM to exit: ${exitMs} ms (from the first)`);
    });
  } finally {
    out.remove();
  }
});
