import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluateGates } from '../../src/gates/evaluate.js';
import { buildSummary } from '../../src/summary/summary.js';
import { newRecorder, sample, scenarioFixture, standardRun, summaryInput } from './summary-fixture.js';
// standardRun, measured phase (4 s): get-profile 1000 x 2 ms, submit-score 500 x 4 ms
// (100 conditional failures), top-10 100 x 12.4 ms.
const summary = standardRun();
const evaluate = (expr) => evaluateGates([expr], summary)[0];
test('a failing latency gate reports the actual value in the gate unit', () => {
    const r = evaluate('p99 < 10ms');
    assert.equal(r.pass, false);
    assert.equal(r.unit, 'ms');
    assert.equal(r.threshold, 10);
    assert.ok(r.actual !== null && Math.abs(r.actual - 12.4) < 0.02);
    assert.equal(r.message, 'p99 < 10ms: actual 12.41ms (FAIL)');
});
test('passing gates on one operation, on rates and on percentages', () => {
    assert.equal(evaluate('get-profile.p50 < 5ms').message, 'get-profile.p50 < 5ms: actual 2.00ms (PASS)');
    assert.equal(evaluate('errors < 0.1%').message, 'errors < 0.1%: actual 0.00% (PASS)');
    assert.equal(evaluate('get-profile.rate >= 250').message, 'get-profile.rate >= 250: actual 250.00 ops/s (PASS)');
    assert.equal(evaluate('throughput >= 250').actual, 400);
    assert.equal(evaluate('top-10.count >= 100').message, 'top-10.count >= 100: actual 100 (PASS)');
});
test('percentages are of the operation count', () => {
    const r = evaluate('submit-score.conditional_failures < 10%');
    assert.equal(r.actual, 20);
    assert.equal(r.pass, false);
});
test('latency units convert: microseconds and seconds', () => {
    const us = evaluate('get-profile.p99 <= 2000us');
    assert.equal(us.actual, 2000);
    assert.equal(us.pass, true);
    assert.equal(evaluate('get-profile.max < 0.001s').pass, false);
    assert.equal(evaluate('get-profile.max < 0.001s').actual, 0.002);
});
test('service-time gates read the service-time histogram', () => {
    const r = evaluate('get-profile.service.p99 < 1ms');
    assert.equal(r.actual, 2);
    assert.equal(r.pass, false);
});
test('percentiles the summary does not list are read from the encoded histogram', () => {
    const r = evaluate('top-10.p95 < 13ms');
    assert.ok(r.actual !== null && Math.abs(r.actual - 12.4) < 0.02);
    assert.equal(r.pass, true);
});
test('comparators are strict or inclusive as written', () => {
    assert.equal(evaluate('get-profile.p50 < 2ms').pass, false);
    assert.equal(evaluate('get-profile.p50 <= 2ms').pass, true);
    assert.equal(evaluate('get-profile.rate > 250').pass, false);
    assert.equal(evaluate('get-profile.rate >= 250').pass, true);
});
test('a gate on an operation without samples fails with no actual value and says why', () => {
    const rec = newRecorder();
    rec.record(sample('get-profile', 1, 2_000_000, 1_000));
    const s = buildSummary(summaryInput(rec.finish(6_000_000), scenarioFixture()));
    const [latency, errors, count] = evaluateGates(['top-10.p99 < 10ms', 'top-10.errors < 1%', 'top-10.count >= 0'], s);
    assert.equal(latency.pass, false);
    assert.equal(latency.actual, null);
    assert.match(latency.message, /no data \(operation top-10 had no samples in the measured phases\) \(FAIL\)/);
    assert.equal(errors.actual, null);
    assert.equal(count.actual, 0);
    assert.equal(count.pass, true);
});
test('an invalid expression fails its gate with the parse message instead of throwing', () => {
    const [r] = evaluateGates(['nope.p99 < 1ms'], summary);
    assert.equal(r.pass, false);
    assert.equal(r.actual, null);
    assert.match(r.message, /unknown operation `nope`/);
});
//# sourceMappingURL=gates-evaluate.test.js.map