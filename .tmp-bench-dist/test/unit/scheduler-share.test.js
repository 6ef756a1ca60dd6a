import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharePhases, interleave, splitEvenly } from '../../src/scheduler/share.js';
import { planPhases, intendedUs, plannedArrivals } from '../../src/scheduler/arrivals.js';
const phases = [{ name: 'p', durationMs: 1000, rateOpsPerSec: 1000, warmup: false }];
test('N workers together send the same arrivals as one scheduler, evenly interleaved', () => {
    const count = 3;
    const all = [];
    for (let k = 0; k < count; k++) {
        const [p] = interleave(planPhases(sharePhases(phases, k, count)), k, count);
        for (let i = 0; i < plannedArrivals(p); i++)
            all.push(intendedUs(p, i));
    }
    all.sort((a, b) => a - b);
    const [single] = planPhases(phases);
    assert.ok(Math.abs(all.length - plannedArrivals(single)) <= count, `${all.length} arrivals`);
    // evenly spaced: every gap is the single scheduler's 1 ms (within rounding)
    for (let i = 1; i < all.length; i++)
        assert.ok(Math.abs(all[i] - all[i - 1] - 1000) <= 1, `gap ${all[i] - all[i - 1]} at ${i}`);
});
test('workers and concurrency split into parts that differ by at most one and add up', () => {
    assert.deepEqual([0, 1, 2].map((k) => splitEvenly(64, k, 3)), [22, 21, 21]);
    assert.deepEqual([0, 1].map((k) => sharePhases([{ name: 'c', durationMs: 1, workers: 5, warmup: false }], k, 2)[0].workers), [3, 2]);
});
//# sourceMappingURL=scheduler-share.test.js.map