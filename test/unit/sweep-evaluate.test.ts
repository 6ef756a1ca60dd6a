import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluateStep, stopReasonFor, sweepVerdict } from '../../src/sweep/evaluate.js';
import type { SweepStep } from '../../src/summary/model.js';
import { gates, latencies, stepData } from './sweep-support.js';

const OPS = ['get', 'put'];
const bounds = (exprs = ['p99 < 10ms'], maxErrorRatePct = 1, minAchievedPct = 90, maxLateSendsPct = 5) => ({ gates: gates(exprs, OPS), maxErrorRatePct, minAchievedPct, maxLateSendsPct });

test('a step that holds every bound passes, with its achieved rate and per-operation percentiles', () => {
  const step = evaluateStep(stepData(1, 2000, { get: { latenciesUs: latencies(1500, 1000) }, put: { latenciesUs: latencies(500, 3000) } }), 1000, OPS, bounds());
  assert.equal(step.pass, true);
  assert.deepEqual(step.reasons, []);
  assert.equal(step.phaseIndex, 1);
  assert.equal(step.targetOpsPerSec, 1000);
  assert.equal(step.achievedOpsPerSec, 1000);
  assert.equal(step.total.count, 2000);
  // HdrHistogram keeps 3 significant digits: 3000 reads back as 3001
  assert.equal(step.operations.get!.p50Us, 1000);
  assert.ok(Math.abs(step.operations.put!.p99Us - 3000) <= 3, String(step.operations.put!.p99Us));
  assert.equal(step.total.p999Us, step.operations.put!.p99Us);
});

test('a step whose p99 crosses the SLO fails with the measured value in the reason', () => {
  // 2% of operations at 12.3 ms: p99 lands on them
  const step = evaluateStep(stepData(1, 1000, { get: { latenciesUs: latencies(1000, 1000, 20, 12_300) } }), 1000, OPS, bounds());
  assert.equal(step.pass, false);
  assert.deepEqual(step.reasons, ['broke p99 < 10ms (12.3 ms)']);
  assert.equal(stopReasonFor(step), 'sweep: step 1000 ops/s broke p99 < 10ms (12.3 ms)');
});

test('a per-operation SLO judges only that operation', () => {
  const data = stepData(1, 1000, { get: { latenciesUs: latencies(500, 1000) }, put: { latenciesUs: latencies(500, 8000) } });
  assert.equal(evaluateStep(data, 1000, OPS, bounds(['get.p99 < 5ms'])).pass, true);
  const step = evaluateStep(data, 1000, OPS, bounds(['get.p99 < 5ms', 'put.p50 < 5ms']));
  assert.deepEqual(step.reasons, ['broke put.p50 < 5ms (8.00 ms)']);
});

test('the error bound: a step fails at or above the maximum error rate, and 0% allows no error at all', () => {
  const twoPct = stepData(1, 1000, { get: { latenciesUs: latencies(1000, 1000), failures: { kind: 'server', count: 20 } } });
  assert.deepEqual(evaluateStep(twoPct, 1000, OPS, bounds(['p99 < 10ms'], 5)).reasons, []);
  assert.deepEqual(evaluateStep(twoPct, 1000, OPS, bounds(['p99 < 10ms'], 2)).reasons, ['broke errors < 2% (2.00%)']);
  const one = stepData(1, 1000, { get: { latenciesUs: latencies(1000, 1000), failures: { kind: 'timeout', count: 1 } } });
  assert.equal(evaluateStep(one, 1000, OPS, bounds(['p99 < 10ms'], 0)).pass, false);
  // expected outcomes are not errors
  const conditional = stepData(1, 1000, { get: { latenciesUs: latencies(1000, 1000), failures: { kind: 'conditional-failed', count: 500 } } });
  assert.equal(evaluateStep(conditional, 1000, OPS, bounds()).pass, true);
});

test('a target that cannot keep up: achieved below the minimum share of the target', () => {
  // 850 operations in 1 s against a 1000 ops/s target
  const step = evaluateStep(stepData(1, 1000, { get: { latenciesUs: latencies(850, 1000) } }), 1000, OPS, bounds());
  assert.equal(step.pass, false);
  assert.match(step.reasons[0]!, /^cannot keep up: achieved 850 ops\/s, 85% of the target \(below 90%\)$/);
  assert.equal(evaluateStep(stepData(1, 1000, { get: { latenciesUs: latencies(900, 1000) } }), 1000, OPS, bounds()).pass, true);
});

test('a target that cannot keep up: more than the allowed share of operations left late (default 5%)', () => {
  const late = evaluateStep(stepData(1, 1000, { get: { latenciesUs: latencies(1000, 1000) } }, 60), 1000, OPS, bounds());
  assert.match(late.reasons.join(), /cannot keep up: 6\.0% of operations left more than 5 ms after their intended start/);
  assert.equal(evaluateStep(stepData(1, 1000, { get: { latenciesUs: latencies(1000, 1000) } }, 50), 1000, OPS, bounds()).pass, true);
  assert.equal(evaluateStep(stepData(1, 1000, { get: { latenciesUs: latencies(1000, 1000) } }, 60), 1000, OPS, bounds(['p99 < 10ms'], 1, 90, 10)).pass, true);
});

test('a step in which no operation completed fails', () => {
  const step = evaluateStep(stepData(1, 1000, {}), 1000, OPS, bounds());
  assert.deepEqual(step.reasons, ['no operation completed']);
  assert.equal(step.total.p99Us, 0);
});

function step(target: number, achieved: number, pass: boolean): SweepStep {
  const stats = { count: 1, errors: 0, p50Us: 1, p99Us: 1, p999Us: 1, maxUs: 1 };
  return { phaseIndex: 0, targetOpsPerSec: target, achievedOpsPerSec: achieved, durationMs: 1000, pass, reasons: pass ? [] : ['broke p99 < 10ms (12.3 ms)'], operations: {}, total: stats };
}

test('the knee is the achieved rate of the last step before the first that broke a bound', () => {
  const v = sweepVerdict([step(500, 499, true), step(1000, 998, true), step(2000, 1890, false)], 6);
  assert.equal(v.kneeOpsPerSec, 998);
  assert.equal(v.outcome, 'knee');
  assert.equal(v.broken?.targetOpsPerSec, 2000);
});

test('no knee when the first measured step already broke a bound', () => {
  const v = sweepVerdict([step(500, 499, false)], 6);
  assert.equal(v.kneeOpsPerSec, null);
  assert.equal(v.outcome, 'none-passed');
});

test('every planned step passed: the knee is the highest step reached, and lies above it', () => {
  const v = sweepVerdict([step(500, 499, true), step(1000, 1001, true)], 2);
  assert.equal(v.kneeOpsPerSec, 1001);
  assert.equal(v.outcome, 'all-passed');
});

test('fewer steps judged than planned and none broken: the sweep was interrupted', () => {
  assert.deepEqual(sweepVerdict([step(500, 499, true)], 3), { kneeOpsPerSec: 499, outcome: 'interrupted' });
  assert.deepEqual(sweepVerdict([], 3), { kneeOpsPerSec: null, outcome: 'interrupted' });
});
