// Generator-bound, said out loud: a verdict ddbench's own noise could have decided is labelled,
// in a sweep step (hand-made phase snapshots and noise, no clock) and in a run's gates.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluateStep, stepNoiseUs, stopReasonFor, sweepVerdict } from '../../src/sweep/evaluate.js';
import { kneeLine } from '../../src/report/sweep-table.js';
import { judge } from '../../src/engine/judge.js';
import { generatorNoise, gatesWithinNoise } from '../../src/gates/noise.js';
import { flagGeneratorBound } from '../../src/summary/generator-bound.js';
import type { GateResult, GeneratorHealth, SweepSummary } from '../../src/summary/model.js';
import { gates, latencies, stepData } from './sweep-support.js';

const OPS = ['get'];
const bounds = (exprs = ['p99 < 10ms'], maxErrorRatePct = 1) => ({ gates: gates(exprs, OPS), maxErrorRatePct, minAchievedPct: 90, maxLateSendsPct: 5 });
// 2% of operations at 12.3 ms: the step's p99 is 12.3 ms, 2.3 ms over a 10 ms SLO
const over = () => stepData(2, 1000, { get: { latenciesUs: latencies(1000, 1000, 20, 12_300) } });

test('event-loop delay: the monitor resolution (10 ms) is not noise; what lies beyond it is', () => {
  assert.deepEqual(generatorNoise({ eventLoopDelayP99Ms: 10.2 }), { noiseUs: 200, source: 'event-loop delay p99' });
  assert.deepEqual(generatorNoise({ eventLoopDelayP99Ms: 9, sendLagP99Us: 700, floorP99Us: 1500 }), { noiseUs: 1500, source: 'harness floor p99' });
  assert.deepEqual(generatorNoise({ eventLoopDelayP99Ms: 0 }), { noiseUs: 0, source: 'event-loop delay p99' });
});

test('a step that breaks its SLO by less than the generator noise is generator-bound: no knee, the machine named', () => {
  // event-loop delay p99 13 ms: 3 ms of noise beyond the resolution, more than the 2.3 ms miss
  const step = evaluateStep(over(), 1000, OPS, bounds(), { eventLoopDelayP99Ms: 13, eventLoopDelayMaxMs: 13 });
  assert.equal(step.pass, false);
  assert.equal(step.generatorBound, true);
  assert.equal(step.noiseUs, 3000);
  const passed = { ...evaluateStep(stepData(1, 1000, { get: { latenciesUs: latencies(500, 1000) } }), 500, OPS, bounds(), { eventLoopDelayP99Ms: 10.1, eventLoopDelayMaxMs: 10.1 }) };
  assert.equal(passed.generatorBound, undefined);
  const verdict = sweepVerdict([passed, step], 4);
  assert.equal(verdict.outcome, 'generator-bound');
  assert.equal(verdict.kneeOpsPerSec, null, 'a knee that belongs to the harness is never reported');
  assert.match(stopReasonFor(step), /^sweep: step 1000 ops\/s broke p99 < 10ms \(12\.3 ms\) while generator-bound .*the knee is above what this machine can drive at 1000 ops\/s$/);
  const sweep = { steps: [passed, step], outcome: 'generator-bound', kneeOpsPerSec: null, slo: ['p99 < 10ms'], maxErrorRatePct: 1, toOpsPerSec: 4000 } as unknown as SweepSummary;
  assert.match(kneeLine(sweep), /^knee: not named \(generator-bound\): the knee is above what this machine can drive at 1,000 ops\/s/);
});

test('a step that breaks its SLO by more than the noise is the target\'s: the knee is named', () => {
  const step = evaluateStep(over(), 1000, OPS, bounds(), { eventLoopDelayP99Ms: 11, eventLoopDelayMaxMs: 11 });
  assert.equal(step.generatorBound, undefined);
  const passed = evaluateStep(stepData(1, 1000, { get: { latenciesUs: latencies(500, 1000) } }), 500, OPS, bounds());
  assert.equal(sweepVerdict([passed, step], 4).outcome, 'knee');
});

test('one long stall reaches the p99 when it covers 1% of the step, though the loop delay p99 is small', () => {
  // a 1 s step: a 40 ms stall (30 ms beyond the resolution) covers 3% of it; a 19 ms one (9 ms) does not reach 1%
  assert.equal(stepNoiseUs({ eventLoopDelayP99Ms: 10.5, eventLoopDelayMaxMs: 40 }, 1000), 30_000);
  assert.equal(stepNoiseUs({ eventLoopDelayP99Ms: 10.5, eventLoopDelayMaxMs: 19 }, 1000), 500);
  assert.equal(evaluateStep(over(), 1000, OPS, bounds(), { eventLoopDelayP99Ms: 10.5, eventLoopDelayMaxMs: 40 }).generatorBound, true);
});

test('an error-rate break is always the target\'s, however noisy the generator', () => {
  const data = stepData(2, 1000, { get: { latenciesUs: latencies(1000, 1000, 20, 12_300), failures: { kind: 'server', count: 50 } } });
  const step = evaluateStep(data, 1000, OPS, bounds(), { eventLoopDelayP99Ms: 400, eventLoopDelayMaxMs: 400 });
  assert.equal(step.reasons.length, 2);
  assert.equal(step.generatorBound, undefined);
});

test('cannot keep up while the generator itself is later than the late-send limit: generator-bound', () => {
  const late = stepData(2, 1000, { get: { latenciesUs: latencies(1000, 1000) } }, 60);
  assert.equal(evaluateStep(late, 1000, OPS, bounds(), { eventLoopDelayP99Ms: 30, eventLoopDelayMaxMs: 30 }).generatorBound, true);
  assert.equal(evaluateStep(late, 1000, OPS, bounds(), { eventLoopDelayP99Ms: 12, eventLoopDelayMaxMs: 12 }).generatorBound, undefined);
});

test('a generator-bound sweep is not a failure of the target, unless --strict-floor', () => {
  assert.equal(judge({ gates: [], sweep: { outcome: 'generator-bound' } }), true);
  assert.equal(judge({ gates: [], sweep: { outcome: 'generator-bound' }, strictFloor: true }), false);
});

const gate = (actual: number, threshold: number, pass = actual < threshold): GateResult => ({ expr: `p99 < ${threshold}ms`, pass, actual, threshold, unit: 'ms', message: '' });
const health = (eventLoopDelayP99Ms: number, sendLagP99Us = 0): GeneratorHealth => ({
  saturated: false, warnings: [], eventLoopDelayP99Ms, eventLoopDelayMaxMs: eventLoopDelayP99Ms, sendLagP99Us, maxQueueDepth: 0, queuedOps: 0, droppedOps: 0,
});

test('a run whose gate margin is smaller than the noise is flagged generator-bound, though its loop was not busy', () => {
  const h = flagGeneratorBound(health(14), [gate(9.2, 10), gate(1, 10)], undefined);
  assert.equal(h.generatorBound, true);
  assert.equal(h.saturated, true);
  assert.equal(h.noiseUs, 4000);
  assert.equal(h.warnings.length, 1);
  assert.match(h.warnings[0]!, /^generator-bound: ddbench's own event-loop delay p99 of 4\.00 ms is larger than the margin of p99 < 10ms \(passes by 0\.80 ms\):/);
});

test('send lag and the harness floor count as noise too; a gate far from its limit is never flagged', () => {
  assert.equal(flagGeneratorBound(health(10, 2500), [gate(12, 10)], undefined).generatorBound, true);
  assert.equal(flagGeneratorBound(health(10), [gate(10.5, 10)], 600).generatorBound, true);
  const far = flagGeneratorBound(health(14), [gate(2, 10)], 600);
  assert.equal(far.generatorBound, undefined);
  assert.equal(far.saturated, false);
  assert.equal(far.noiseUs, 4000);
  // no gate: nothing is judged, nothing to flag
  assert.deepEqual(flagGeneratorBound(health(50), [], undefined), health(50));
  // not latency gates: no margin in time
  assert.deepEqual(gatesWithinNoise([{ ...gate(0.5, 1), unit: '%' }], { noiseUs: 10_000, source: 'x' }), []);
});

test('a sweep step counts the calibrated harness floor in its noise: a miss within the floor is generator-bound', () => {
  // a quiet loop (10.5 ms: 0.5 ms beyond the resolution) but a floor p99 of 2.5 ms: the 2.3 ms miss is within it
  assert.equal(stepNoiseUs({ eventLoopDelayP99Ms: 10.5, eventLoopDelayMaxMs: 11, floorP99Us: 2500 }, 1000), 2500);
  const within = evaluateStep(over(), 1000, OPS, bounds(), { eventLoopDelayP99Ms: 10.5, eventLoopDelayMaxMs: 11, floorP99Us: 2500 });
  assert.equal(within.generatorBound, true);
  assert.equal(within.noiseUs, 2500);
  // the same miss against a floor of 1 ms is the target's
  const beyond = evaluateStep(over(), 1000, OPS, bounds(), { eventLoopDelayP99Ms: 10.5, eventLoopDelayMaxMs: 11, floorP99Us: 1000 });
  assert.equal(beyond.generatorBound, undefined);
});

test('a step asking more than the calibration\'s lanes could drive is generator-bound; an error break stays the target\'s', () => {
  // the lanes drove 1,500 ops/s against a null endpoint: a 1,000 ops/s step is within it, a 2,000 one beyond
  const within = evaluateStep(over(), 1000, OPS, bounds(), { eventLoopDelayP99Ms: 10, eventLoopDelayMaxMs: 10, capacityOpsPerSec: 1500 });
  assert.equal(within.generatorBound, undefined, 'a miss below the ceiling is the target\'s');
  const beyond = evaluateStep(over(), 2000, OPS, bounds(), { eventLoopDelayP99Ms: 10, eventLoopDelayMaxMs: 10, capacityOpsPerSec: 1500 });
  assert.equal(beyond.pass, false);
  assert.equal(beyond.generatorBound, true);
  const errors = stepData(2, 1000, { get: { latenciesUs: latencies(1000, 1000, 20, 12_300), failures: { kind: 'server', count: 50 } } });
  assert.equal(evaluateStep(errors, 2000, OPS, bounds(), { eventLoopDelayP99Ms: 10, eventLoopDelayMaxMs: 10, capacityOpsPerSec: 1500 }).generatorBound, undefined);
});

test('the lanes\' GC pauses count when they covered 1% of the step: then the longest pause is noise', () => {
  // 6 s step, 2 lanes: 210 ms of pauses is 1.75% of each lane's time, the longest 17 ms
  assert.equal(stepNoiseUs({ eventLoopDelayP99Ms: 10.5, eventLoopDelayMaxMs: 20, gcPauseTotalMs: 210, gcPauseMaxMs: 17, lanes: 2 }, 6000), 17_000);
  // 40 ms of pauses over the same step is 0.3%: too few operations to reach the p99
  assert.equal(stepNoiseUs({ eventLoopDelayP99Ms: 10.5, eventLoopDelayMaxMs: 20, gcPauseTotalMs: 40, gcPauseMaxMs: 17, lanes: 2 }, 6000), 500);
  // a 12.3 ms p99 against a 10 ms SLO on a lane that paused that often: ddbench's, not the target's
  const step = evaluateStep(over(), 1000, OPS, bounds(), { eventLoopDelayP99Ms: 10.5, eventLoopDelayMaxMs: 11, gcPauseTotalMs: 30, gcPauseMaxMs: 4, lanes: 1 });
  assert.equal(step.generatorBound, true);
  assert.equal(step.noiseUs, 4000);
});

test('without gates, the single-digit verdict is a judged figure: a p99 within the lanes\' noise of 10 ms gets a note, without marking the run saturated', () => {
  const verdict = { thresholdUs: 10_000, operations: { 'get-profile': { p50Us: 2_000, p99Us: 9_300, p999Us: 12_000, maxUs: 15_000, pass: true }, 'top-10': { p50Us: 1_000, p99Us: 2_000, p999Us: 3_000, maxUs: 4_000, pass: true } } };
  const judged = { verdict, countOf: () => 500 };
  // the recording thread was quiet (10 ms: the monitor's resolution), a load lane was late by 12 ms (2 ms beyond it)
  const h = flagGeneratorBound(health(10), [], undefined, judged, 12);
  assert.equal(h.saturated, false);
  assert.equal(h.generatorBound, undefined);
  assert.equal(h.noiseUs, 2000);
  assert.deepEqual(h.warnings, ["verdict within ddbench's noise: its own event-loop delay p99 of 2.00 ms is larger than the margin of get-profile p99 (under 10 ms by 0.70 ms): that answer may be ddbench's, not the target's"]);
  // the lanes' delay counts for gates too, and a quiet run says nothing
  assert.equal(flagGeneratorBound(health(10), [gate(9.2, 10)], undefined, judged, 12).generatorBound, true);
  assert.deepEqual(flagGeneratorBound(health(10), [], undefined, judged, 10).warnings, []);
  // an operation with no samples is not a margin
  assert.deepEqual(flagGeneratorBound(health(10), [], undefined, { verdict, countOf: (op) => (op === 'get-profile' ? 0 : 500) }, 12).warnings, []);
});
