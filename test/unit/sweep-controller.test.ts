import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createSweepController } from '../../src/engine/sweep-controller.js';
import { kneeLine, formatSweepReport } from '../../src/report/sweep-table.js';
import type { EngineIO } from '../../src/engine/io.js';
import { RunControl } from '../../src/engine/run-state.js';
import { judgeSummary } from '../../src/engine/judge.js';
import type { Summary } from '../../src/summary/model.js';
import { UsageError } from '../../src/errors.js';
import { scenarioFixture } from './summary-fixture.js';
import { accepted, base, hasProblem } from './scenario-support.js';
import { latencies, stepData } from './sweep-support.js';

function setup(flags = {}) {
  const lines: string[] = [];
  const io: EngineIO = { out: () => undefined, err: (t) => lines.push(t), isTTY: false };
  const control = new RunControl();
  const controller = createSweepController({ fromOpsPerSec: 1000, toOpsPerSec: 8000, stepDurationMs: 1000, warmupMs: 500, ...flags }, control, io);
  const scenario = controller.prepare(scenarioFixture({ gates: ['p99 < 1ms'] }));
  return { controller, scenario, control, lines };
}

/** A finished step at `rateOpsPerSec` whose every operation took `latencyUs`. */
const ran = (index: number, rateOpsPerSec: number, latencyUs: number) => stepData(index, 1000, { 'get-profile': { latenciesUs: latencies(rateOpsPerSec, latencyUs) } });
/** What runScenario hands finish(): only the fields the controller reads or keeps matter here. */
const runSummary = (extra: Partial<Summary> = {}) => ({ complete: true, pass: true, gates: [], ...extra }) as unknown as Summary;

test("prepare replaces the scenario's phases with a warm-up and one phase per step, and its gates with the SLOs", () => {
  const { scenario, lines } = setup();
  assert.deepEqual(scenario.phases.map((p) => [p.name, p.rateOpsPerSec, p.durationMs, p.warmup]), [
    ['warmup', 1000, 500, true],
    ['step-1000', 1000, 1000, false],
    ['step-2000', 2000, 1000, false],
    ['step-4000', 4000, 1000, false],
    ['step-8000', 8000, 1000, false],
  ]);
  assert.deepEqual(scenario.gates, []);
  assert.match(lines.join(''), /the scenario's gates \(p99 < 1ms\) are not checked/);
});

test('prepare refuses a closed-loop scenario and bad SLOs before anything starts', () => {
  const c = createSweepController({ fromOpsPerSec: 1, toOpsPerSec: 2 }, new RunControl(), { out: () => undefined, err: () => undefined, isTTY: false });
  assert.throws(() => c.prepare(scenarioFixture({ mode: 'closed' })), (e: unknown) => e instanceof UsageError && /closed-loop/.test(e.message));
  const bad = createSweepController({ fromOpsPerSec: 1, toOpsPerSec: 2, slo: ['nope.p99 < 1ms'] }, new RunControl(), { out: () => undefined, err: () => undefined, isTTY: false });
  assert.throws(() => bad.prepare(scenarioFixture()), /unknown operation `nope`/);
});

test('the first step that breaks an SLO stops the run as planned, with the reason; later phases are not judged', () => {
  const { controller, control } = setup();
  controller.onPhaseEnd(ran(0, 500, 50_000)); // the warm-up is never judged, however slow
  controller.onPhaseEnd(ran(1, 1000, 2_000));
  controller.onPhaseEnd(ran(2, 2000, 3_000));
  assert.equal(control.stopping, false);
  controller.onPhaseEnd(ran(3, 4000, 12_300));
  assert.deepEqual(control.state, { kind: 'planned-stop', reason: 'sweep: step 4000 ops/s broke p99 < 10ms (12.3 ms)' });
  controller.onPhaseEnd(ran(4, 100, 1_000)); // the step cut short by the stop
  assert.deepEqual(controller.steps.map((s) => [s.targetOpsPerSec, s.pass]), [[1000, true], [2000, true], [4000, false]]);

  const summary = judgeSummary(controller.finish(runSummary()));
  assert.equal(summary.pass, true);
  assert.equal(summary.stopReason, 'sweep: step 4000 ops/s broke p99 < 10ms (12.3 ms)');
  assert.equal(summary.sweep!.kneeOpsPerSec, 2000);
  assert.equal(summary.sweep!.outcome, 'knee');
  assert.deepEqual(summary.sweep!.slo, ['p99 < 10ms']);
  assert.equal(kneeLine(summary.sweep!), 'knee: 2,000 ops/s (the highest rate with p99 < 10ms and errors < 1%)');
});

test('a sweep whose first measured step breaks the SLO fails, with no knee', () => {
  const { controller, control } = setup();
  controller.onPhaseEnd(ran(1, 1000, 20_000));
  assert.equal(control.state.kind, 'planned-stop');
  const summary = judgeSummary(controller.finish(runSummary()));
  assert.equal(summary.pass, false);
  assert.equal(summary.sweep!.kneeOpsPerSec, null);
  assert.equal(summary.sweep!.outcome, 'none-passed');
  assert.match(kneeLine(summary.sweep!), /^knee: none: the first step \(1,000 ops\/s\) already failed: broke p99 < 10ms/);
});

test('every step passing is a pass whose knee is a lower bound', () => {
  const { controller, control } = setup();
  [1000, 2000, 4000, 8000].forEach((rate, i) => controller.onPhaseEnd(ran(i + 1, rate, 1_000)));
  assert.equal(control.stopping, false);
  const summary = judgeSummary(controller.finish(runSummary()));
  assert.equal(summary.pass, true);
  assert.equal(summary.sweep!.outcome, 'all-passed');
  assert.equal(summary.sweep!.kneeOpsPerSec, 8000);
  assert.match(summary.stopReason!, /every step passed, up to 8000 ops\/s/);
  assert.match(formatSweepReport({ ...summary, operations: {}, generator: { saturated: false } } as unknown as Summary), /knee: above 8,000 ops\/s/);
});

test('an interrupt is not overwritten by the sweep, and a step it cut short is not judged', () => {
  const { controller, control } = setup();
  controller.onPhaseEnd(ran(1, 1000, 1_000));
  control.stop('interrupted', 'interrupted (SIGINT)');
  controller.onPhaseEnd({ ...ran(2, 700, 50_000), plannedCount: 2000 });
  assert.equal(controller.steps.length, 1);
  assert.deepEqual(control.state, { kind: 'interrupted', reason: 'interrupted (SIGINT)' });
  const summary = judgeSummary(controller.finish(runSummary({ complete: false, stopReason: 'interrupted (SIGINT)' })));
  assert.equal(summary.sweep!.outcome, 'interrupted');
  assert.equal(summary.stopReason, 'interrupted (SIGINT)');
  assert.equal(summary.sweep!.kneeOpsPerSec, 1000);
});

test('a scenario sweep block is validated and normalised', () => {
  const s = accepted({ ...base(), sweep: { from: 500, to: 20000, step: 'x2', stepDuration: '30s', warmup: 0, slo: ['get.p99 < 5ms'], maxErrorRate: '0.5%', minAchieved: 80, maxLateSends: 20 } });
  assert.deepEqual(s.sweep, { fromOpsPerSec: 500, toOpsPerSec: 20000, step: 'x2', stepDurationMs: 30000, warmupMs: 0, slo: ['get.p99 < 5ms'], maxErrorRatePct: 0.5, minAchievedPct: 80, maxLateSendsPct: 20 });
  hasProblem({ ...base(), sweep: { from: 500, to: 100 } }, /^sweep\.to: 100 is below from/);
  hasProblem({ ...base(), sweep: { slo: ['nope.p99 < 5ms'] } }, /^sweep\.slo\[0\]: .*unknown operation `nope`/);
  hasProblem({ ...base(), sweep: { step: '2' } }, /^sweep\.step: expected a step like "x2"/);
  hasProblem({ ...base(), sweep: { maxErrorRate: '150%' } }, /^sweep\.maxErrorRate: expected a percentage/);
  hasProblem({ ...base(), sweep: { form: 500 } }, /^sweep/);
});
