// Per-lane self-monitoring: each lane's event-loop delay and GC pauses, merged into summary.harness.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { laneView, mergeLanes } from '../../src/engine/lane-monitor.js';

const lane = (name: string, p99: number, max: number, gc: [number, number, number]) =>
  laneView({ name, eventLoopDelayP99Ms: p99, eventLoopDelayMaxMs: max, utilization: 0.5 }, { count: gc[0], totalMs: gc[1], maxMs: gc[2] });

test('lanes merge: GC counts and totals add up, the longest pause and the delays are the worst lane\'s', () => {
  const merged = mergeLanes([lane('load worker 1/2', 1.2, 8, [3, 4.5, 2.25]), lane('load worker 2/2', 3.4, 6, [5, 10.1, 4])])!;
  assert.deepEqual(merged.laneGcPauses, { count: 8, totalMs: 14.6, maxMs: 4 });
  assert.equal(merged.laneEventLoopDelayP99Ms, 3.4);
  assert.equal(merged.laneEventLoopDelayMaxMs, 8);
  assert.deepEqual(merged.lanes.map((l) => l.name), ['load worker 1/2', 'load worker 2/2']);
  assert.equal('utilization' in merged.lanes[0]!, false, 'a lane carries what the harness section holds');
});

test('no lanes (a run that quit at once): nothing to merge, so nothing is added', () => {
  assert.equal(mergeLanes([]), undefined);
});
