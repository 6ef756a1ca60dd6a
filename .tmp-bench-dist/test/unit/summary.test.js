import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decode, percentiles } from '../../src/recorder/histogram.js';
import { buildSummary } from '../../src/summary/summary.js';
import { newRecorder, sample, scenarioFixture, standardRun, summaryInput } from './summary-fixture.js';
test('operations, total and verdict leave the warm-up phase out; phases list it, flagged', () => {
    // warm-up: 100 get-profile at 50 ms; steady: get-profile at 2 ms
    const s = standardRun();
    assert.equal(s.operations['get-profile'].count, 1000);
    assert.ok(s.operations['get-profile'].latencyUs.max < 3_000, 'the 50 ms warm-up samples are not in the measured max');
    assert.equal(s.verdict.operations['get-profile'].pass, true);
    assert.equal(s.phases[0].warmup, true);
    assert.equal(s.phases[0].count, 100);
    assert.ok(s.phases[0].latencyUs.p50 >= 50_000);
    assert.equal(s.phases[1].operations['get-profile'].count, 1000);
});
test('the verdict is per operation: p99 under 10 ms, and fails overall if any operation fails', () => {
    const s = standardRun();
    assert.equal(s.verdict.thresholdUs, 10_000);
    assert.equal(s.verdict.operations['submit-score'].pass, true);
    assert.equal(s.verdict.operations['top-10'].pass, false);
    assert.equal(s.verdict.pass, false);
});
test('the verdict is informational: pass follows the gates only', () => {
    assert.equal(standardRun().pass, true, 'no gates: pass although the verdict fails');
    const s = standardRun(['get-profile.p99 < 10ms'], ['p99 < 10ms']);
    assert.deepEqual(s.gates.map((g) => [g.expr, g.pass]), [
        ['get-profile.p99 < 10ms', true],
        ['p99 < 10ms', false],
    ]);
    assert.equal(s.pass, false);
});
test('rates divide by the measured phases duration', () => {
    const s = standardRun();
    assert.equal(s.operations['get-profile'].rateOpsPerSec, 250);
    assert.equal(s.total.rateOpsPerSec, 400);
    assert.equal(s.phases[0].achievedRateOpsPerSec, 50);
    assert.equal(s.phases[1].targetRateOpsPerSec, 300);
});
test('consumed capacity is summed per operation and in total', () => {
    const s = standardRun();
    assert.equal(s.operations['get-profile'].consumedRcu, 500);
    assert.equal(s.operations['submit-score'].consumedWcu, 500);
    assert.equal(s.operations['top-10'].consumedRcu, 150);
    assert.equal(s.total.consumedRcu, 650);
    assert.equal(s.total.consumedWcu, 500);
});
test('errors count only unexpected outcomes; each outcome kind is counted apart', () => {
    const rec = newRecorder();
    const kinds = ['ok', 'ok', 'conditional-failed', 'transaction-canceled', 'throttled', 'timeout', 'client', 'server'];
    kinds.forEach((kind, i) => rec.record(sample('submit-score', 1, 2_000_000 + i * 1000, 1_000, { kind, ...(kind === 'ok' ? {} : { errorName: `E-${kind}` }), ...(kind === 'throttled' ? { attempts: 3, throttledAttempts: 3 } : {}) })));
    const s = buildSummary(summaryInput(rec.finish(6_000_000), scenarioFixture()));
    const op = s.operations['submit-score'];
    assert.equal(op.count, 8);
    assert.equal(op.errors, 4, 'throttled, timeout, client, server');
    assert.equal(op.throttles, 1);
    assert.equal(op.throttledAttempts, 3);
    assert.equal(op.retries, 2);
    assert.equal(op.conditionalFailures, 1);
    assert.equal(op.transactionCancellations, 1);
    assert.deepEqual(op.outcomes, { ok: 2, 'conditional-failed': 1, 'transaction-canceled': 1, throttled: 1, timeout: 1, client: 1, server: 1 });
    assert.equal(op.errorNames['E-timeout'], 1);
    assert.equal(s.total.errors, 4);
    assert.equal(s.phases[1].errors, 4);
});
test('the total is the exact merge of every operation histogram', () => {
    const s = standardRun();
    const total = decode(s.total.latencyHistogram);
    assert.equal(total.totalCount, 1600);
    assert.deepEqual(percentiles(total), s.total.latencyUs);
    assert.equal(decode(s.operations['top-10'].serviceTimeHistogram).totalCount, 100);
});
test('operations with no samples are listed with zeros and do not pass the verdict', () => {
    const rec = newRecorder();
    rec.record(sample('get-profile', 1, 2_000_000, 1_000));
    const s = buildSummary(summaryInput(rec.finish(6_000_000), scenarioFixture()));
    assert.deepEqual(Object.keys(s.operations), ['get-profile', 'submit-score', 'top-10']);
    assert.equal(s.operations['top-10'].count, 0);
    assert.equal(s.operations['top-10'].latencyUs.p99, 0);
    assert.equal(s.verdict.operations['top-10'].pass, false);
});
test('run facts are carried into the summary', () => {
    const s = standardRun();
    assert.equal(s.scenario.name, 'gaming');
    assert.equal(s.scenario.file, 'scenarios/gaming.yaml');
    assert.deepEqual(s.target, { kind: 'dynalite', endpoint: 'http://127.0.0.1:4567', region: 'local' });
    assert.equal(s.driver, 'sdk');
    assert.equal(s.mode, 'open');
    assert.equal(s.complete, true);
    assert.equal(s.intervals.length, 6);
    assert.equal(JSON.parse(JSON.stringify(s)).operations['get-profile'].count, 1000, 'serialisable');
});
//# sourceMappingURL=summary.test.js.map