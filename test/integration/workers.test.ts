// --workers N: N load threads, each with 1/N of the rate, every sample recorded into one
// recorder, so the merged result is exact: every scheduled operation is counted once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { runCli, readSummary, assertEndpointsGone, ROOT } from '../support/cli.js';

test('two load workers send exactly the planned operations and record them all once', { timeout: 120_000 }, async () => {
  const res = await runCli(['run', join(ROOT, 'scenarios/gaming.yaml'), '--target', 'dynalite', '--workers', '2', '--no-calibrate', '--duration', '3s', '--rate', '200', '--no-warmup', '--seed-items', '300']);
  assert.ok(res.code === 0 || res.code === 1, res.stderr);
  assert.match(res.stderr, /2 workers/);
  const summary = readSummary(res);
  assert.equal(summary.loadWorkers, 2);
  assert.equal(summary.total.count, 600, 'rate 200 for 3 s, split over two workers, all recorded');
  assert.equal(summary.total.errors, 0);
  const perOp = Object.values(summary.operations).reduce((a, o) => a + o.count, 0);
  assert.equal(perOp, 600);
  const intervalCount = summary.intervals.reduce((a, i) => a + i.count, 0);
  assert.equal(intervalCount, 600, 'every sample lands in exactly one interval');
  // each worker measured itself inside its own thread, and the lanes merge into harness
  const h = summary.harness!;
  assert.deepEqual(h.lanes!.map((l) => l.name).sort(), ['load worker 1/2', 'load worker 2/2']);
  assert.equal(h.laneGcPauses!.count, h.lanes!.reduce((a, l) => a + l.gcPauses.count, 0));
  assert.equal(h.laneEventLoopDelayMaxMs, Math.max(...h.lanes!.map((l) => l.eventLoopDelayMaxMs)));
  const dir = /results: (.+)summary\.json/.exec(res.stdout)![1]!;
  assert.match(readFileSync(join(dir, 'latency.hlog'), 'utf8'), /Tag=get-profile:ok/);
  await assertEndpointsGone(res);
});
