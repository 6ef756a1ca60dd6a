// ddbench's own figures per interval, from synthetic samples on a fake clock: the send-lag p99
// (sent - intended start, clamped at 0) and the CPU / GC figures the engine hands the recorder.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Recorder } from '../../src/recorder/recorder.js';
import type { IntervalSelfUsage } from '../../src/recorder/types.js';
import { IntervalSummarySchema } from '../../src/recorder/shapes.js';
import { OPS, newRecorder, phasesFixture, sample } from './summary-fixture.js';

test("each interval's send-lag p99 is the p99 of sent - intended start over its operations", () => {
  const rec = newRecorder();
  // interval 0: 100 operations, 98 sent on time, two sent 40 ms late
  for (let i = 0; i < 100; i++) rec.record(sample('get-profile', 0, i * 5_000, 1_000, {}, i >= 98 ? 40_000 : 0));
  // interval 1: every operation waited 3 ms for a slot
  for (let i = 0; i < 100; i++) rec.record(sample('get-profile', 0, 1_000_000 + i * 5_000, 1_000, {}, 3_000));
  const [first, second, third] = rec.finish(3_000_000).intervals;
  // the 99th of 100 is a late one; HdrHistogram keeps 3 significant digits
  assert.ok(Math.abs(first!.sendLagP99Us! - 40_000) <= 40, `p99 ${first!.sendLagP99Us}`);
  assert.ok(Math.abs(second!.sendLagP99Us! - 3_000) <= 3, `p99 ${second!.sendLagP99Us}`);
  assert.equal(third!.count, 0);
  assert.equal(third!.sendLagP99Us, 0, 'an interval without operations has no lag');
});

test('a send stamped before its intended start counts as no lag, never as a negative one', () => {
  const rec = newRecorder();
  for (let i = 0; i < 10; i++) rec.record(sample('get-profile', 0, 100_000 + i * 1_000, 2_000, {}, -50));
  const iv = rec.finish(1_000_000).intervals[0]!;
  assert.equal(iv.count, 10);
  assert.equal(iv.sendLagP99Us, 0);
});

test('a flow line does not count twice: its steps already carry the send lag', () => {
  const rec = new Recorder({ operations: [...OPS, 'flow:buy'], phases: phasesFixture(), startEpochMs: 0 });
  rec.record(sample('get-profile', 0, 0, 1_000, {}, 2_000));
  rec.record({ ...sample('flow:buy', 0, 0, 1_000, {}, 900_000) });
  assert.equal(rec.finish(1_000_000).intervals[0]!.sendLagP99Us, 2_000);
});

test('the engine\'s CPU and GC figures are asked once per interval, oldest first, with its bounds, and filed rounded', () => {
  const asked: [number, number][] = [];
  const selfUsage = (startUs: number, endUs: number): IntervalSelfUsage => {
    asked.push([startUs, endUs]);
    return { processCpuMs: (endUs - startUs) / 3000, gcPauseMs: asked.length === 2 ? 1.23456 : 0 };
  };
  const rec = new Recorder({ operations: OPS, phases: phasesFixture(), startEpochMs: 0, selfUsage });
  rec.record(sample('get-profile', 0, 10_000, 1_000));
  assert.equal(rec.closeIntervals(2_100_000).length, 2);
  const run = rec.finish(2_500_000);
  assert.deepEqual(asked, [
    [0, 1_000_000],
    [1_000_000, 2_000_000],
    [2_000_000, 2_500_000],
  ]);
  assert.deepEqual(
    run.intervals.map((i) => [i.processCpuMs, i.gcPauseMs]),
    [
      [333.33, 0],
      [333.33, 1.23],
      [166.67, 0],
    ],
  );
  for (const iv of run.intervals) assert.ok(IntervalSummarySchema.safeParse(iv).success);
});

test('without a CPU/GC source the intervals carry only the send lag (the fields are optional)', () => {
  const iv = newRecorder().finish(1_000_000).intervals[0]!;
  assert.equal('processCpuMs' in iv, false);
  assert.equal('gcPauseMs' in iv, false);
  const { sendLagP99Us: _lag, ...older } = iv;
  assert.ok(IntervalSummarySchema.safeParse(older).success, 'an interval written before these fields existed still reads');
  assert.equal(IntervalSummarySchema.safeParse({ ...iv, sendLagP99Us: -1 }).success, false, 'a negative lag is not a summary');
});
