// ddbench's own figures per interval in a real run (--workers 2, so the worker threads' GC
// pauses travel with their samples): every interval carries its send-lag p99, the process's CPU
// and the GC pause time, all sane, and the progress line shows the send lag.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { runCli, readSummary, assertEndpointsGone, ROOT } from '../support/cli.js';

test("every interval of a run carries ddbench's own send lag, CPU and GC pause time", { timeout: 120_000 }, async () => {
  const res = await runCli(['run', join(ROOT, 'scenarios/gaming.yaml'), '--target', 'dynalite', '--workers', '2', '--no-calibrate', '--duration', '6s', '--rate', '200', '--no-warmup', '--seed-items', '300']);
  assert.ok(res.code === 0 || res.code === 1, res.stderr);
  const summary = readSummary(res);
  const iv = summary.intervals;
  assert.ok(Math.abs(iv.length - summary.durationMs / 1000) <= 1, `${iv.length} intervals for ${summary.durationMs} ms`);
  for (const [k, i] of iv.entries()) {
    for (const field of ['sendLagP99Us', 'processCpuMs', 'gcPauseMs'] as const) {
      const v = i[field];
      assert.ok(typeof v === 'number' && Number.isFinite(v) && v >= 0, `intervals[${k}].${field} = ${v}`);
    }
    // sent - intended <= end - intended for every operation, so per interval too
    if (i.count > 0) assert.ok(i.sendLagP99Us! <= i.latencyP99Us, `intervals[${k}]: send lag p99 ${i.sendLagP99Us} > latency p99 ${i.latencyP99Us}`);
    else assert.equal(i.sendLagP99Us, 0);
  }
  assert.ok(iv.reduce((a, i) => a + i.processCpuMs!, 0) > 0, 'the process used some CPU while it sent 1,200 requests');
  assert.match(res.stderr, /send lag p99 \d+\.\d\dms/, 'the progress line shows it');
  await assertEndpointsGone(res);
});
