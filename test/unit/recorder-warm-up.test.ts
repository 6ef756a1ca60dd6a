// The recorder's interval path warmed before the clock (src/recorder/warm-up.ts): it runs the
// real record/close/.hlog path on its own throwaway intervals and leaves no trace in a run.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { warmUpIntervals, WARM_UP_CYCLES } from '../../src/recorder/warm-up.js';
import { Recorder } from '../../src/recorder/recorder.js';

test('the warm-up closes its intervals through the real .hlog path: one untagged and one tagged line each', () => {
  assert.deepEqual(warmUpIntervals('get'), { lines: 2 * WARM_UP_CYCLES });
  assert.deepEqual(warmUpIntervals('get', 3, 10), { lines: 6 });
});

test('a recorder built after the warm-up starts empty: nothing of the warm-up reaches a run', () => {
  warmUpIntervals('get');
  const lines: string[] = [];
  const r = new Recorder({ operations: ['get'], phases: [{ name: 'measure', durationMs: 1000, rateOpsPerSec: 10, warmup: false }], startEpochMs: 0, hlogSink: (l) => lines.push(l) });
  const run = r.finish(1_000_000);
  assert.equal(run.intervals.reduce((a, i) => a + i.count, 0), 0);
  assert.equal(run.phases[0]!.latency['get']!.totalCount, 0);
  assert.ok(lines.every((l) => !/^\d/.test(l)), 'only header lines: no interval was logged');
});
