// Nothing measured is lost when ddbench itself fails during the load: a driver that throws
// (its contract says it never does), a load worker thread that fails, or an exception nobody
// catches all end in the partial summary, .hlog and report, marked incomplete with the cause,
// exit 3, the table deleted and nothing left running. The failure is injected through the test
// hook DDBENCH_TEST_CRASH_AFTER_OPS (src/engine/guard.ts): no real driver throws on purpose.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertEndpointsGone } from '../support/cli.js';
import { readOutputs, runAgainst, tempDir, withFake } from './faults-support.js';

const CASES = [
  { name: 'a driver that throws (--driver sdk, in the main thread)', args: ['--driver', 'sdk', '--workers', '1'], mode: 'reject', reason: /^crashed: driver failed: Error: DDBENCH_TEST_CRASH_AFTER_OPS=15/ },
  { name: 'a driver that throws in a load worker (--driver http, 2 workers)', args: ['--driver', 'http', '--workers', '2'], mode: 'reject', reason: /^crashed: load worker \d: driver failed/ },
  { name: 'an uncaught exception in the main thread', args: ['--workers', '1'], mode: 'uncaught', reason: /^crashed: internal error: DDBENCH_TEST_CRASH_AFTER_OPS=15/ },
  { name: 'an uncaught exception that kills a load worker', args: ['--workers', '2'], mode: 'uncaught', reason: /^crashed: load worker \d: Error: DDBENCH_TEST_CRASH_AFTER_OPS=15/ },
];

for (const c of CASES) {
  test(`${c.name}: the partial summary, .hlog and report are written, marked incomplete, exit 3`, { timeout: 60_000 }, async () => {
    const out = tempDir('crash');
    try {
      await withFake([], async (endpoint) => {
        const env = { DDBENCH_TEST_CRASH_AFTER_OPS: '15', DDBENCH_TEST_CRASH_MODE: c.mode };
        const res = await runAgainst(endpoint, out.dir, ['--duration', '10s', ...c.args], { env, timeoutMs: 40_000 });
        assert.equal(res.signal, null);
        assert.equal(res.code, 3, res.stderr);
        const { summary, report, hlog } = readOutputs(res, out.dir);
        assert.equal(summary.complete, false);
        assert.equal(summary.pass, false);
        assert.match(summary.stopReason ?? '', c.reason);
        assert.ok(summary.total.count >= 15, `what was measured before the failure is kept: ${summary.total.count}`);
        assert.ok(summary.total.count < 200, 'the run stopped at the failure, not at its planned end');
        assert.equal(summary.total.errors, 0, 'the failed request is not counted as a target error');
        assert.match(report, /Incomplete run/);
        assert.match(hlog, /Tag=get:ok/);
        assert.match(res.stderr, /deleted table "ddbench-faults"/);
        await assertEndpointsGone(res, false);
      });
    } finally {
      out.remove();
    }
  });
}
