// The recording thread's meter of ddbench's own CPU and GC pauses per interval, fed by hand
// (readings and pauses at chosen run-clock times), and the progress line that shows the send lag.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SelfUsageMeter, perfToRunClock } from '../../src/engine/self-usage.js';
import { formatLine } from '../../src/engine/progress.js';
import { newRecorder, phasesFixture, sample } from './summary-fixture.js';

test('CPU per interval is the cumulative reading interpolated to its bounds', () => {
  const m = new SelfUsageMeter();
  m.readCpu(0, 5_000_000);
  m.readCpu(250_000, 5_050_000); // 200 ms of CPU per s so far
  m.readCpu(750_000, 5_150_000);
  m.readCpu(1_250_000, 5_650_000); // then 1 s of CPU per s
  assert.equal(m.usage(0, 1_000_000).processCpuMs, 150 + 250);
  assert.equal(m.usage(1_000_000, 2_000_000).processCpuMs, 250, 'after the last reading nothing is known yet: held flat');
});

test('the intervals\' CPU adds up to the readings\' span, however the ticks fall', () => {
  const m = new SelfUsageMeter();
  let cpuUs = 0;
  for (let t = 0; t <= 3_400_000; t += 250_000 + (t % 3) * 10_000) {
    m.readCpu(t, cpuUs);
    cpuUs += 37_000 + (t % 7) * 1_000;
  }
  m.readCpu(3_500_000, cpuUs);
  let sum = 0;
  for (let s = 0; s < 3_500_000; s += 1_000_000) sum += m.usage(s, Math.min(s + 1_000_000, 3_500_000)).processCpuMs;
  assert.ok(Math.abs(sum - cpuUs / 1000) < 1e-6, `${sum} vs ${cpuUs / 1000}`);
});

test('a GC pause counts in the interval it began in; one reported after its interval closed, in the next', () => {
  const m = new SelfUsageMeter();
  m.addPause(100_000, 2);
  m.addPause(900_000, 3.5);
  m.addPause(1_500_000, 1); // reported early: waits for its interval
  assert.equal(m.usage(0, 1_000_000).gcPauseMs, 5.5);
  m.addPause(990_000, 4); // began in interval 0, reported once it had closed
  assert.equal(m.usage(1_000_000, 2_000_000).gcPauseMs, 5);
  assert.equal(m.usage(2_000_000, 3_000_000).gcPauseMs, 0);
});

test('a performance.now() time maps onto the run clock through one offset', () => {
  const time = { nowUs: () => 2_000_000 };
  const seen: [number, number][] = [];
  // this thread's performance.now() reads 500 ms when the run clock reads 2 s
  const onPause = perfToRunClock(time, (atUs, ms) => seen.push([atUs, ms]), () => 500);
  onPause(501.5, 2);
  onPause(499, 0.5);
  assert.deepEqual(seen, [
    [2_001_500, 2],
    [1_999_000, 0.5],
  ]);
});

test("the progress line shows the last interval's send-lag p99 beside the latency", () => {
  const rec = newRecorder();
  for (let i = 0; i < 50; i++) rec.record(sample('get-profile', 0, i * 10_000, 1_000, {}, 1_200));
  const iv = rec.finish(1_000_000).intervals[0]!;
  const o = { phases: phasesFixture(), totalMs: 6_000, tty: false, write: () => undefined };
  const line = formatLine(o, iv, 1_000, 0, 3);
  assert.match(line, /p99 2\.20ms {2}errors 0 {2}send lag p99 1\.20ms$/);
  assert.match(formatLine(o, iv, 1_000, 0, 45), /send lag p99 1\.20ms {2}loop lag 45ms!$/);
  const { sendLagP99Us: _lag, ...older } = iv;
  assert.doesNotMatch(formatLine(o, older, 1_000, 0, 3), /send lag/);
});
