// `ddbench sweep` end to end: against a target whose capacity is known by construction (the fake
// endpoint serving at most 1000 requests a second), the knee is found exactly where it must be;
// against DynamoDB Local, whose timings vary with the machine, the sweep's structure is checked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, readSummary, assertEndpointsGone, ROOT } from '../support/cli.js';
import { startFakeDynamo } from '../support/endpoints.js';

const FIXTURE = join(ROOT, 'test/fixtures/scenarios/sweep-capacity.yaml');

test('sweep stops at the first step over the target capacity and names the step before it as the knee', { timeout: 90_000 }, async () => {
  const endpoint = await startFakeDynamo(['--capacity-ops', '1000']);
  try {
    // the scenario's sweep block: 100, 400, 1600, 6400 ops/s, 2 s each, p99 < 500ms
    const out = join(ROOT, 'reports', 'test-sweep-capacity');
    const res = await runCli(['sweep', FIXTURE, '--target', endpoint.url, '--workers', '1', '--out', out]);
    assert.equal(res.code, 0, `exit ${res.code}\n${res.stdout}\n${res.stderr}`);
    const summary = readSummary(res);
    const sweep = summary.sweep!;
    // on a machine too busy to keep time (event-loop delay beyond the SLO's margin), the step
    // ddbench's own noise failed is labelled and no knee is named: the correct outcome there
    if (sweep.outcome === 'generator-bound') return assertGeneratorBound(res);
    assert.deepEqual(sweep.steps.map((s) => s.targetOpsPerSec), [100, 400, 1600], 'steps run in order, none after the first that broke');
    assert.deepEqual(sweep.steps.map((s) => s.phaseIndex), [1, 2, 3]);
    assert.deepEqual(sweep.steps.map((s) => s.pass), [true, true, false]);
    assert.ok(sweep.steps[2]!.reasons.some((r) => /^broke p99 < 500ms \(\d/.test(r)), sweep.steps[2]!.reasons.join('; '));
    assert.equal(sweep.outcome, 'knee');
    assert.equal(sweep.kneeOpsPerSec, sweep.steps[1]!.achievedOpsPerSec);
    assert.deepEqual(sweep.slo, ['p99 < 500ms']);

    // a stop the sweep asked for is not an interruption
    assert.equal(summary.complete, true);
    assert.match(summary.stopReason!, /^sweep: step 1600 ops\/s broke p99 < 500ms/);
    assert.equal(summary.pass, true);
    assert.equal(summary.generator.droppedOps, 0, 'the unsent rest of the cut step is not dropped work');
    assert.deepEqual(summary.phases.map((p) => p.name), ['warmup', 'step-100', 'step-400', 'step-1600', 'step-6400']);
    assert.ok(summary.phases[4]!.count < 6400 * 2, 'the step after the knee was cut short');
    assert.deepEqual(summary.gates, []);

    assert.match(res.stdout, /knee: [\d,]+ ops\/s \(the highest rate with p99 < 500ms and errors < 1%\)/);
    assert.match(res.stdout, /^ +1,600 .*FAIL: broke p99 < 500ms/m);
    assert.doesNotMatch(res.stdout, /run stopped early/);
    assert.ok(existsSync(join(out, 'summary.json')));
    assert.ok(existsSync(join(out, 'report.html')));
  } finally {
    await endpoint.stop();
  }
});

test('sweep on DynamoDB Local records its steps and a knee that is one of their achieved rates', { timeout: 120_000 }, async () => {
  const res = await runCli([
    'sweep', join(ROOT, 'scenarios/gaming.yaml'), '--target', 'dynamodb-local',
    '--from', '200', '--to', '3200', '--step', 'x2', '--step-duration', '3s', '--warmup', '1s', '--seed-items', '1000',
    '--out', join(ROOT, 'reports', 'test-sweep-local'),
  ]);
  assert.ok(res.code === 0 || res.code === 1, `exit ${res.code}\n${res.stderr}`);
  const sweep = readSummary(res).sweep!;
  const planned = [200, 400, 800, 1600, 3200];
  assert.ok(sweep.steps.length >= 1);
  assert.deepEqual(sweep.steps.map((s) => s.targetOpsPerSec), planned.slice(0, sweep.steps.length));
  for (const s of sweep.steps) {
    assert.ok(s.total.count > 0 && s.achievedOpsPerSec > 0);
    assert.deepEqual(Object.keys(s.operations), ['get-profile', 'submit-score', 'top-10', 'record-session']);
  }
  // steps before the last all passed; the sweep stopped at the first that did not
  assert.ok(sweep.steps.slice(0, -1).every((s) => s.pass));
  if (sweep.outcome === 'generator-bound') {
    assertGeneratorBound(res);
  } else if (sweep.kneeOpsPerSec === null) {
    assert.equal(res.code, 1);
    assert.equal(sweep.outcome, 'none-passed');
  } else {
    assert.equal(res.code, 0);
    assert.ok(sweep.steps.some((s) => s.pass && s.achievedOpsPerSec === sweep.kneeOpsPerSec));
    assert.ok(sweep.outcome === 'knee' || sweep.outcome === 'all-passed');
  }
  assert.match(res.stdout, /^knee: /m);
  await assertEndpointsGone(res);
});

test('sweep with a first rate above the last exits 2 and starts nothing', { timeout: 30_000 }, async () => {
  const res = await runCli(['sweep', FIXTURE, '--from', '1000', '--to', '10', '--target', 'dynalite']);
  assert.equal(res.code, 2, res.stderr);
  assert.match(res.stderr, /--to 10 is below --from 1000/);
  assert.doesNotMatch(res.stderr, /started /);
});

/** A sweep its generator stopped says so everywhere, names no knee, and is no failure of the target. */
function assertGeneratorBound(res: Awaited<ReturnType<typeof runCli>>): void {
  const summary = readSummary(res);
  const sweep = summary.sweep!;
  const last = sweep.steps[sweep.steps.length - 1]!;
  assert.equal(last.pass, false);
  assert.equal(last.generatorBound, true, 'the failing step is the one labelled');
  assert.ok(sweep.steps.slice(0, -1).every((s) => s.pass && s.generatorBound === undefined));
  assert.equal(sweep.kneeOpsPerSec, null, 'a knee that belongs to the harness is never reported');
  assert.match(sweep.stopReason, /while generator-bound .*the knee is above what this machine can drive at [\d]+ ops\/s$/);
  assert.match(res.stdout, /^knee: not named \(generator-bound\)/m);
  assert.equal(res.code, 0, res.stderr);
}
