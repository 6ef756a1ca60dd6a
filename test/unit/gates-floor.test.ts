// Inconclusive (harness floor): a latency gate closer to its limit than ddbench's own p99 is
// neither a pass nor a fail of the target; by default it does not fail the run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gateOutcome, inconclusiveFails, markInconclusive, tallyGates, verdictWithinFloor } from '../../src/gates/floor.js';
import type { HarnessFloor } from '../../src/summary/model.js';
import type { GateResult } from '../../src/gates/result.js';
import { judge } from '../../src/engine/judge.js';

const FLOOR: HarnessFloor = { driver: 'http', rateOpsPerSec: 1000, durationMs: 3000, count: 3000, latencyUs: { p50: 160, p99: 1330, p999: 4400, max: 6000 } };
const gate = (actual: number | null, threshold: number, unit = 'ms', pass = actual !== null && actual < threshold): GateResult => ({ expr: `p99 < ${threshold}${unit}`, pass, actual, threshold, unit, message: `p99 < ${threshold}${unit}: actual ${actual} ${unit} (${pass ? 'PASS' : 'FAIL'})` });

test('a latency gate within the floor of its limit is inconclusive, on either side', () => {
  const [under, over, far] = markInconclusive([gate(9.0, 10), gate(10.5, 10), gate(4, 10)], FLOOR);
  assert.equal(under!.inconclusive, true);
  assert.equal(over!.inconclusive, true);
  assert.match(over!.message, /INCONCLUSIVE: within the harness floor of 1\.33 ms; fails/);
  assert.equal(far!.inconclusive, undefined);
});

test('gates that are not latency, or without data, or without a floor, are left as they are', () => {
  const rate = { ...gate(100, 101, '/s'), unit: '/s' };
  assert.deepEqual(markInconclusive([rate, gate(null, 10)], FLOOR), [rate, gate(null, 10)]);
  assert.deepEqual(markInconclusive([gate(9.9, 10)], undefined), [gate(9.9, 10)]);
});

test('an inconclusive gate fails the run only with --strict-floor', () => {
  const marked = markInconclusive([gate(10.2, 10)], FLOOR);
  assert.equal(inconclusiveFails(marked, false), false);
  assert.equal(inconclusiveFails(marked, true), true);
});

test('the judge: an inconclusive gate does not fail the run, unless --strict-floor', () => {
  const gates = markInconclusive([gate(10.2, 10)], FLOOR);
  assert.equal(judge({ gates }), true);
  assert.equal(judge({ gates, strictFloor: true }), false);
  assert.equal(judge({ gates: [gate(12, 10)] }), false, 'a clear fail stays a fail');
});

test('outcomes and tallies: inconclusive is counted apart from pass and fail', () => {
  const gates = markInconclusive([gate(9.0, 10), gate(4, 10), gate(20, 10)], FLOOR);
  assert.deepEqual(gates.map(gateOutcome), ['inconclusive', 'pass', 'fail']);
  assert.deepEqual(tallyGates(gates), { pass: 1, fail: 1, inconclusive: 1 });
});

test('the verdict is within the floor when its p99 is closer than the floor p99 to the threshold, and never without a floor', () => {
  assert.equal(verdictWithinFloor(9_000, 10_000, FLOOR), true);
  assert.equal(verdictWithinFloor(11_000, 10_000, FLOOR), true);
  assert.equal(verdictWithinFloor(5_000, 10_000, FLOOR), false);
  assert.equal(verdictWithinFloor(9_999, 10_000, undefined), false);
});
