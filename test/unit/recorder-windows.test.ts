// Honest throughput: a phase's achieved rate is what completed inside its window, whatever the
// phase planned; the drain after the last window is counted apart. Times are fed by hand (the
// run clock in µs), so nothing here depends on the wall clock.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSummary } from '../../src/summary/summary.js';
import type { PhaseSpec } from '../../src/types.js';
import type { PhaseSnapshot } from '../../src/recorder/types.js';
import { Recorder } from '../../src/recorder/recorder.js';
import { OPS, sample, scenarioFixture, summaryInput } from './summary-fixture.js';
import { evaluateStep } from '../../src/sweep/evaluate.js';
import { gates, latencies, stepData } from './sweep-support.js';

const ONE: PhaseSpec[] = [{ name: 'steady', durationMs: 10_000, rateOpsPerSec: 200_000, warmup: false }];

function recorder(phases: PhaseSpec[], onPhaseEnd?: (s: PhaseSnapshot) => void): Recorder {
  return new Recorder({ operations: OPS, phases, startEpochMs: 0, ...(onPhaseEnd ? { onPhaseEnd } : {}) });
}

test('a target that cannot keep up: the rate is what completed in the window, the backlog served in the drain is counted apart', () => {
  const rec = recorder(ONE);
  rec.startPhase(0, 0);
  // 21,000 completions a second for 10 s of the phase, then 10 s more of queued operations
  const perSec = 21_000;
  for (let k = 0; k < 20 * perSec; k++) {
    const endUs = Math.floor((k * 1e6) / perSec) + 1;
    const intendedUs = Math.min(endUs - 1, 9_999_999);
    rec.record({ ...sample('get-profile', 0, intendedUs, 1), endUs });
  }
  const s = buildSummary(summaryInput(rec.finish(20_000_001), scenarioFixture({ phases: ONE })));
  assert.equal(s.phases[0]!.count, 20 * perSec, 'every operation is in the latency');
  assert.equal(s.phases[0]!.achievedRateOpsPerSec, perSec);
  assert.equal(s.total.rateOpsPerSec, perSec);
  assert.equal(s.operations['get-profile']!.rateOpsPerSec, perSec);
  assert.equal(s.phases[0]!.drainCount, 10 * perSec);
  assert.equal(s.total.drainCount, 10 * perSec);
});

test('a throughput gate judges the window rate, not the count over the phase length', () => {
  const rec = recorder(ONE);
  rec.startPhase(0, 0);
  for (let k = 0; k < 2000; k++) rec.record(sample('get-profile', 0, k * 10_000, 1)); // 100/s inside, 20 s long
  const s = buildSummary(summaryInput(rec.finish(20_000_000), scenarioFixture({ phases: ONE, gates: [] }), ['throughput >= 150']));
  assert.equal(s.total.rateOpsPerSec, 100);
  assert.equal(s.gates[0]!.pass, false);
});

test('a phase that overran its plan with a backlog keeps what completed until the next phase started', () => {
  const phases: PhaseSpec[] = [
    { name: 'a', durationMs: 1000, rateOpsPerSec: 100, warmup: false },
    { name: 'b', durationMs: 1000, rateOpsPerSec: 100, warmup: false },
  ];
  const rec = recorder(phases);
  rec.startPhase(0, 0);
  for (let k = 0; k < 150; k++) rec.record(sample('get-profile', 0, k * 6_000, 4_000)); // ends at up to 0.9 s
  for (let k = 0; k < 50; k++) rec.record(sample('get-profile', 0, 900_000 + k * 1000, 300_000)); // past 1 s: overrun
  rec.startPhase(1, 1_500_000); // the scheduler moved on at 1.5 s
  for (let k = 0; k < 100; k++) rec.record(sample('get-profile', 1, 1_500_000 + k * 10_000, 1_000));
  const r = rec.finish(2_500_000);
  assert.equal(r.phases[0]!.windowCounts['get-profile'], 200);
  assert.equal(r.phases[0]!.actualDurationMs, 1500);
  assert.deepEqual(r.phases[0]!.drainCounts, {});
  assert.equal(r.phases[1]!.windowCounts['get-profile'], 100);
});

test('an operation of one phase that completes in the next phase counts in the window it completed in', () => {
  const phases: PhaseSpec[] = [
    { name: 'a', durationMs: 1000, rateOpsPerSec: 100, warmup: true },
    { name: 'b', durationMs: 1000, rateOpsPerSec: 100, warmup: false },
  ];
  const rec = recorder(phases);
  rec.startPhase(0, 0);
  rec.record(sample('get-profile', 0, 100_000, 1_000));
  rec.startPhase(1, 1_000_000);
  rec.record(sample('get-profile', 0, 999_000, 200_000)); // planned by a, served during b
  rec.record(sample('get-profile', 1, 1_100_000, 1_000));
  const r = rec.finish(2_000_000);
  assert.equal(r.phases[0]!.windowCounts['get-profile'], 1);
  assert.equal(r.phases[1]!.windowCounts['get-profile'], 2);
  assert.equal(r.phases[0]!.counts['get-profile']!.count, 2, 'the latency still belongs to the planning phase');
});

test('a sweep step is handed over with the completions of its window, the last step without its drain', () => {
  const phases: PhaseSpec[] = [
    { name: 's1', durationMs: 1000, rateOpsPerSec: 100, warmup: false },
    { name: 's2', durationMs: 1000, rateOpsPerSec: 200, warmup: false },
  ];
  const snaps: PhaseSnapshot[] = [];
  const rec = new Recorder({ operations: OPS, phases, startEpochMs: 0, onPhaseEnd: (s) => snaps.push(s), plannedPhaseCounts: [100, 200] });
  rec.startPhase(0, 0);
  for (let k = 0; k < 100; k++) rec.record(sample('get-profile', 0, k * 10_000, 1_000));
  rec.startPhase(1, 1_000_000);
  for (let k = 0; k < 200; k++) rec.record(sample('get-profile', 1, 1_000_000 + k * 5_000, k < 100 ? 1_000 : 1_000_000)); // half end after 2 s
  rec.finish(3_000_000);
  assert.deepEqual(
    snaps.map((s) => [s.count, s.windowCount]),
    [
      [100, 100],
      [200, 100],
    ],
  );
});

test('a sweep step whose operations mostly completed after it cannot keep up, though its count matches its plan', () => {
  const data = { ...stepData(1, 1000, { get: { latenciesUs: latencies(1000, 1000) } }), windowCount: 400 };
  const step = evaluateStep(data, 1000, ['get'], { gates: gates(['p99 < 10ms'], ['get']), maxErrorRatePct: 1, minAchievedPct: 90, maxLateSendsPct: 5 });
  assert.equal(step.achievedOpsPerSec, 400);
  assert.equal(step.pass, false);
  assert.match(step.reasons.join('; '), /cannot keep up: achieved 400 ops\/s/);
});
