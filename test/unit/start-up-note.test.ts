// ddbench's own start-up, said out loud (src/summary/start-up.ts): hand-made intervals, no clock.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startUpNote } from '../../src/summary/start-up.js';
import type { IntervalSummary } from '../../src/recorder/shapes.js';

function interval(startSec: number, phaseIndex: number, sendLagP99Us: number, processCpuMs?: number): IntervalSummary {
  return {
    startSec, phaseIndex, count: 1000, errors: 0, throttles: 0, retries: 0, conditionalFailures: 0, targetRateOpsPerSec: 1000,
    latencyP50Us: 150, latencyP99Us: 900, latencyMaxUs: 3000, serviceP50Us: 140, serviceP99Us: 600, operations: {},
    sendLagP99Us, ...(processCpuMs !== undefined ? { processCpuMs } : {}),
  };
}
// a run with a 1 s warm-up phase (0) and a measured phase (1): the lag and CPU of a real run's start
const run = [interval(0, 0, 6300, 429), interval(1, 1, 1800, 292), interval(2, 1, 310, 172), ...[3, 4, 5, 6, 7].map((s) => interval(s, 1, 180, 100))];
const measured = (i: number) => i === 1;

test('measured seconds inside the start-up with ddbench\'s own lag and CPU high: the note names the second and both figures', () => {
  assert.equal(
    startUpNote(run, measured),
    "ddbench's own start-up is inside the measured phases: its send lag p99 was 1.80 ms in second 1 of the load against 0.18 ms (median) from second 3 on, " +
      "process CPU 292 ms in that second against 100 ms later (V8 still optimising ddbench's code); a warm-up phase of 3 s or more keeps it out of the verdict",
  );
});

test('a warm-up phase covering the start-up, a quiet start or nothing to compare with: no note', () => {
  assert.equal(startUpNote(run, (i) => i === 1 && false), undefined);
  const warmedUp = run.map((i) => (i.startSec < 3 ? { ...i, phaseIndex: 0 } : i));
  assert.equal(startUpNote(warmedUp, measured), undefined, 'the start-up fell in the warm-up phase');
  assert.equal(startUpNote([interval(1, 1, 450, 300), ...[3, 4, 5].map((s) => interval(s, 1, 180, 100))], measured), undefined, 'under 0.5 ms: noise');
  assert.equal(startUpNote(run.slice(0, 3), measured), undefined, 'a run shorter than the start-up has no later seconds to compare with');
});

test('a high send lag without ddbench\'s CPU behind it (a target slow to start fills the slots) is not called ddbench\'s', () => {
  const slowTarget = [interval(1, 1, 4000, 110), ...[3, 4, 5].map((s) => interval(s, 1, 180, 100))];
  assert.equal(startUpNote(slowTarget, measured), undefined);
  // without CPU figures (a summary of an earlier version) the send lag alone speaks
  const noCpu = [interval(1, 1, 4000), ...[3, 4, 5].map((s) => interval(s, 1, 180))];
  assert.match(startUpNote(noCpu, measured) ?? '', /send lag p99 was 4\.00 ms in second 1 of the load against 0\.18 ms \(median\) from second 3 on \(V8/);
});
