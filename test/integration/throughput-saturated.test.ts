// Honest throughput against a target that cannot keep up: 64 slots, an endpoint that holds every
// answer 2 ms (so it can serve at most 32,000/s), asked for far more. The achieved rate ddbench
// reports must be what the endpoint served during the measured window (counted at the endpoint,
// in this process), not the phase's operations (most of them served in the drain) over its length.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { startNullEndpoint } from '../../src/endpoints/null-endpoint.js';
import { readSummary, runCli } from '../support/cli.js';

const RATE = 100_000;
const MEASURE_MS = 2000;

test('a saturated target: the reported rate is within 3% of what the endpoint served in the window, the drain counted apart', async () => {
  const endpoint = await startNullEndpoint(2);
  // the endpoint's count over time (epoch ms): polled, so the run's window can be cut out of it
  const marks: [number, number][] = [];
  const poll = setInterval(() => marks.push([Date.now(), endpoint.served.answers]), 5);
  const dir = mkdtempSync(join(os.tmpdir(), 'ddbench-saturated-'));
  const file = join(dir, 'saturated.yaml');
  writeFileSync(
    file,
    stringify({
      name: 'saturated',
      table: { name: 'ddbench-bench', partitionKey: { name: 'pk', type: 'S' } },
      keys: { player: { count: 1000, distribution: 'uniform' } },
      operations: [{ name: 'get', weight: 1, type: 'GetItem', key: { pk: 'player#{player}' } }],
      mode: 'open',
      concurrency: 64,
      phases: [{ name: 'measure', duration: `${MEASURE_MS}ms`, rate: RATE }],
      gates: [],
    }),
  );
  try {
    const res = await runCli(['run', file, '--target', `http://127.0.0.1:${endpoint.port}`, '--driver', 'http', '--reuse-table', '--out', join(dir, 'out')], { timeoutMs: 60_000 });
    clearInterval(poll);
    const s = readSummary(res);
    const startMs = Number(/#\[StartTime: ([\d.]+)/.exec(readFileSync(join(dir, 'out', 'latency.hlog'), 'utf8'))![1]) * 1000;
    const phase = s.phases[0]!;
    const servedInWindow = countAt(marks, startMs + phase.durationMs) - countAt(marks, startMs);
    const endpointRate = servedInWindow / (phase.durationMs / 1000);
    assert.ok(endpointRate < RATE / 2, `the endpoint could not keep up (served ${endpointRate.toFixed(0)}/s)`);
    const off = Math.abs(phase.achievedRateOpsPerSec - endpointRate) / endpointRate;
    assert.ok(off < 0.03, `reported ${phase.achievedRateOpsPerSec.toFixed(0)}/s, endpoint served ${endpointRate.toFixed(0)}/s (${(off * 100).toFixed(1)}% apart)`);
    assert.equal(s.total.rateOpsPerSec, phase.achievedRateOpsPerSec);
    // the backlog went out after the window: in the latency, counted as drain, not in the rate
    assert.ok((phase.drainCount ?? 0) > 0, 'operations completed in the drain are counted apart');
    assert.equal(s.total.drainCount, phase.drainCount);
  } finally {
    clearInterval(poll);
    await endpoint.close();
  }
});

/** The endpoint's count at epoch `ms`, interpolated between the two polls around it. */
function countAt(marks: [number, number][], ms: number): number {
  let before: [number, number] = marks[0]!;
  for (const m of marks) {
    if (m[0] > ms) return before[0] === m[0] ? m[1] : before[1] + ((m[1] - before[1]) * (ms - before[0])) / (m[0] - before[0]);
    before = m;
  }
  return before[1];
}
