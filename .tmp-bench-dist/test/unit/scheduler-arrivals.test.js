import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planPhases, intendedUs, arrivalsBy, plannedArrivals, targetRateAt } from '../../src/scheduler/arrivals.js';
const phase = (over) => ({ name: 'p', durationMs: 10_000, rateOpsPerSec: 100, warmup: false, ...over });
test('constant-rate arrivals are evenly spaced from the phase start', () => {
    const [p] = planPhases([phase({})]);
    assert.equal(intendedUs(p, 0), 0);
    assert.equal(intendedUs(p, 1), 10_000);
    assert.equal(intendedUs(p, 100), 1_000_000);
    assert.equal(plannedArrivals(p), 1000);
});
test('phases are laid end to end and the second starts where the first ends', () => {
    const [a, b] = planPhases([phase({ durationMs: 5000 }), phase({ durationMs: 20_000, rateOpsPerSec: 300 })]);
    assert.equal(b.startUs, 5_000_000);
    assert.equal(intendedUs(b, 3), 5_010_000);
    assert.equal(plannedArrivals(a) + plannedArrivals(b), 500 + 6000);
});
test('a linear ramp sends the integral of its rate and arrivals get denser', () => {
    const [p] = planPhases([phase({ rateOpsPerSec: 100, rampToOpsPerSec: 300 })]);
    assert.equal(plannedArrivals(p), 2000); // mean rate 200 over 10 s
    const earlyGap = intendedUs(p, 11) - intendedUs(p, 10);
    const lateGap = intendedUs(p, 1991) - intendedUs(p, 1990);
    assert.ok(earlyGap > 2.5 * lateGap, `${earlyGap} vs ${lateGap}`);
    // arrival i is due exactly when arrivalsBy passes i
    for (const i of [1, 50, 700, 1999]) {
        const t = intendedUs(p, i);
        assert.equal(arrivalsBy(p, t - p.startUs + 1), i + 1);
    }
    assert.equal(targetRateAt([p], 5_000_000), 200);
    assert.equal(targetRateAt([p], 11_000_000), 0);
});
//# sourceMappingURL=scheduler-arrivals.test.js.map