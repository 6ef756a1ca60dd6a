// Coordinated omission: when the target stalls, operations that were due during the stall
// but could not be sent (every slot busy) must show the stall in their latency, measured
// from the intended start, while their service time (from the actual send) stays short.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { decodeFromCompressedBase64 } from 'hdr-histogram-js';
import { runCli, readSummary, ROOT } from '../support/cli.js';
import { startFakeDynamo } from '../support/endpoints.js';

test('latency from the intended start shows a 1 s stall for every queued operation; service time does not', { timeout: 90_000 }, async () => {
  const endpoint = await startFakeDynamo(['--stall-after-ms', '1500', '--stall-ms', '1000']);
  try {
    const res = await runCli(['run', join(ROOT, 'test/fixtures/scenarios/co-stall.yaml'), '--target', endpoint.url, '--out', join(ROOT, 'reports', 'test-co-stall')]);
    assert.ok(res.code === 0 || res.code === 1, `exit ${res.code}\n${res.stderr}`);
    const summary = readSummary(res);
    const get = summary.operations.get!;
    assert.ok(get.count >= 700, `expected ~800 operations, got ${get.count}`);
    // the stall is 1 s: ops due at its start waited it out
    assert.ok(get.latencyUs.max >= 900_000, `latency max ${get.latencyUs.max} us should show the 1 s stall`);
    const latency = decodeFromCompressedBase64(get.latencyHistogram);
    const service = decodeFromCompressedBase64(get.serviceTimeHistogram);
    const n = latency.totalCount;
    // ~200 ops were due during the stall: at least 100 of them must show >= 100 ms from intended start
    const latencyAt = latency.getValueAtPercentile(100 * (1 - 100 / n));
    assert.ok(latencyAt >= 100_000, `the 100th slowest latency is ${latencyAt} us; the ops queued behind the stall should all exceed 100 ms`);
    // only the 8 in flight when it began saw the stall in their service time; the bound is half the
    // stall, not a latency goal: a busy shared machine adds a few hundred ms of its own to a send
    const serviceAt = service.getValueAtPercentile(100 * (1 - 12 / n));
    assert.ok(serviceAt < 500_000, `the 12th slowest service time is ${serviceAt} us; only the 8 ops in flight during the stall should have waited it out`);
    assert.ok(get.latencyUs.p90 > 10 * get.serviceTimeUs.p90, `corrected p90 ${get.latencyUs.p90} vs service p90 ${get.serviceTimeUs.p90}`);
    assert.ok(summary.generator.queuedOps >= 100, `queued ops ${summary.generator.queuedOps}`);
    assert.ok(summary.generator.warnings.some((w) => /waited for a free concurrency slot/.test(w)));
  } finally {
    await endpoint.stop();
  }
});

