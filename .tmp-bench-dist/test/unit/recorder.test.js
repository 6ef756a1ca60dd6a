import assert from 'node:assert/strict';
import { test } from 'node:test';
import { percentiles } from '../../src/recorder/histogram.js';
import { newRecorder, sample } from './summary-fixture.js';
test('latency counts from the intended start, service time from the actual send', () => {
    const rec = newRecorder();
    // intended at 0, queued 500 ms for a free slot, then 2 ms at the target
    rec.record(sample('get-profile', 0, 0, 2_000, {}, 500_000));
    const run = rec.finish(1_000_000);
    const phase = run.phases[0];
    const latencyUs = percentiles(phase.latency['get-profile']).max;
    const serviceUs = percentiles(phase.service['get-profile']).max;
    assert.ok(latencyUs >= 502_000 && latencyUs < 502_600, `latency ${latencyUs}`);
    assert.equal(serviceUs, 2_000);
});
test('samples go to the phase they carry, whatever their completion time', () => {
    const rec = newRecorder();
    rec.record(sample('get-profile', 0, 1_999_000, 5_000)); // ends in phase 1's time
    rec.record(sample('get-profile', 1, 2_000_000, 1_000));
    const run = rec.finish(6_000_000);
    assert.equal(run.phases[0].counts['get-profile'].count, 1);
    assert.equal(run.phases[1].counts['get-profile'].count, 1);
});
test('counters sum retries, retry delay, throttled attempts, capacity, outcomes and error names', () => {
    const rec = newRecorder();
    rec.record(sample('submit-score', 1, 2_000_000, 1_000, { attempts: 3, retryDelayMs: 150, throttledAttempts: 2, consumedWcu: 1 }));
    rec.record(sample('submit-score', 1, 2_001_000, 1_000, { kind: 'conditional-failed', errorName: 'ConditionalCheckFailedException', consumedWcu: 1 }));
    rec.record(sample('submit-score', 1, 2_002_000, 1_000, { kind: 'throttled', attempts: 3, throttledAttempts: 3, errorName: 'ThrottlingException' }));
    const c = rec.finish(6_000_000).phases[1].counts['submit-score'];
    assert.equal(c.count, 3);
    assert.equal(c.retries, 4);
    assert.equal(c.retryDelayMs, 150);
    assert.equal(c.throttledAttempts, 5);
    assert.equal(c.consumedWcu, 2);
    assert.deepEqual(c.outcomes, { ok: 1, 'conditional-failed': 1, throttled: 1 });
    assert.deepEqual(c.errorNames, { ConditionalCheckFailedException: 1, ThrottlingException: 1 });
});
test('every known operation appears in every phase, even with no samples', () => {
    const run = newRecorder().finish(6_000_000);
    for (const p of run.phases)
        assert.deepEqual(Object.keys(p.counts).sort(), ['get-profile', 'submit-score', 'top-10']);
});
test('intervals are bucketed by completion time and closed once they have ended', () => {
    const rec = newRecorder();
    rec.record(sample('get-profile', 0, 0, 100_000)); // ends 0.1 s
    rec.record(sample('top-10', 0, 800_000, 100_000, { kind: 'timeout' })); // ends 0.9 s
    rec.record(sample('get-profile', 0, 1_000_000, 200_000, { kind: 'throttled', attempts: 2 })); // ends 1.2 s
    rec.record(sample('get-profile', 1, 2_400_000, 100_000, { kind: 'conditional-failed' })); // ends 2.5 s
    const closed = rec.closeIntervals(2_000_000);
    assert.equal(closed.length, 2);
    assert.deepEqual(closed.map((i) => [i.startSec, i.count, i.errors, i.throttles, i.retries]), [
        [0, 2, 1, 0, 0],
        [1, 1, 1, 1, 1],
    ]);
    assert.equal(closed[0].operations['top-10'].errors, 1);
    const p99Us = closed[0].operations['get-profile'].p99Us;
    assert.ok(p99Us >= 100_000 && p99Us <= 100_100, `p99 ${p99Us} us is 100 ms at 3 significant digits`);
    assert.equal(rec.openIntervalCount, 1);
    assert.deepEqual(rec.closeIntervals(2_000_000), [], 'closing twice returns nothing new');
    const run = rec.finish(2_600_000);
    assert.equal(run.intervals.length, 3);
    assert.equal(run.intervals[2].conditionalFailures, 1);
    assert.equal(rec.openIntervalCount, 0);
});
test('a stall shows as empty intervals rather than missing ones', () => {
    const rec = newRecorder();
    rec.record(sample('get-profile', 0, 400_000, 100_000));
    rec.record(sample('get-profile', 0, 400_000, 3_100_000)); // stalled request ends at 3.5 s
    const counts = rec.closeIntervals(4_000_000).map((i) => i.count);
    assert.deepEqual(counts, [1, 0, 0, 1]);
});
test('closed intervals free their histograms: memory does not grow with run length', () => {
    const rec = newRecorder({ phases: [{ name: 'long', durationMs: 3_600_000, rateOpsPerSec: 30, warmup: false }] });
    for (let second = 0; second < 3600; second++) {
        for (let k = 0; k < 30; k++) {
            const t = second * 1_000_000 + k * 33_000;
            rec.record(sample(['get-profile', 'submit-score', 'top-10'][k % 3], 0, t, 1_000 + k, { kind: k === 7 ? 'throttled' : 'ok' }));
        }
        rec.closeIntervals((second + 1) * 1_000_000);
        assert.ok(rec.openIntervalCount <= 1, `open intervals at ${second}s: ${rec.openIntervalCount}`);
    }
    const run = rec.finish(3_600_000_000);
    assert.equal(run.intervals.length, 3600);
    assert.ok(run.intervals.every((i) => i.count === 30 && i.throttles === 1));
    assert.equal(run.phases[0].counts['top-10'].count, 36_000);
});
test('a sample for an interval already closed counts in the oldest open one', () => {
    const rec = newRecorder();
    rec.closeIntervals(2_000_000);
    rec.record(sample('get-profile', 0, 0, 500_000)); // ends at 0.5 s, interval 0 is gone
    const [late] = rec.closeIntervals(3_000_000);
    assert.equal(late.startSec, 2);
    assert.equal(late.count, 1);
});
test('interval target rate follows the phases, ramps included, and phaseIndex the phase running', () => {
    const phases = [
        { name: 'flat', durationMs: 2000, rateOpsPerSec: 100, warmup: true },
        { name: 'ramp', durationMs: 2000, rateOpsPerSec: 100, rampToOpsPerSec: 300, warmup: false },
    ];
    const run = newRecorder({ phases }).finish(5_000_000);
    assert.deepEqual(run.intervals.map((i) => [i.phaseIndex, i.targetRateOpsPerSec]), [
        [0, 100],
        [0, 100],
        [1, 150],
        [1, 250],
        [1, 0],
    ]);
});
test('closed loop intervals have no target rate', () => {
    const run = newRecorder({ mode: 'closed' }).finish(2_000_000);
    assert.deepEqual(run.intervals.map((i) => i.targetRateOpsPerSec), [0, 0]);
});
test('phase durations follow startPhase and endPhase, and stop at finish', () => {
    const planned = newRecorder().finish(7_000_000);
    assert.deepEqual(planned.phases.map((p) => p.actualDurationMs), [2000, 4000]);
    const late = newRecorder();
    late.startPhase(0, 100_000);
    late.startPhase(1, 2_300_000); // phase 0 ran 2.2 s (its planned end moved with its start)
    assert.deepEqual(late.finish(10_000_000).phases.map((p) => p.actualDurationMs), [2200, 4000]);
    const interrupted = newRecorder();
    interrupted.endPhase(0, 1_500_000);
    assert.deepEqual(interrupted.finish(1_500_000).phases.map((p) => p.actualDurationMs), [1500, 0]);
});
test('finish is idempotent and later samples are ignored', () => {
    const rec = newRecorder();
    rec.record(sample('get-profile', 0, 0, 1_000));
    const first = rec.finish(1_000_000);
    rec.record(sample('get-profile', 0, 0, 1_000));
    assert.equal(rec.finish(2_000_000), first);
    assert.equal(first.phases[0].counts['get-profile'].count, 1);
    assert.equal(first.durationUs, 1_000_000);
});
//# sourceMappingURL=recorder.test.js.map