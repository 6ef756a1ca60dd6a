// The one judge (engine/judge.ts) and the one exit-code mapping (cli/exit-codes.ts), over every
// run state x gate result x baseline x sweep outcome that changes the answer.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { judge, judgeSummary } from '../../src/engine/judge.js';
import type { JudgeFacts } from '../../src/engine/judge.js';
import type { RunState } from '../../src/engine/run-state.js';
import { EXIT, exitCodeFor } from '../../src/cli/exit-codes.js';
import type { Summary } from '../../src/summary/model.js';
import { standardRun } from './summary-fixture.js';

const STATES: RunState[] = [
  { kind: 'running' },
  { kind: 'planned-stop', reason: 'sweep: step 4000 ops/s broke p99 < 10ms' },
  { kind: 'interrupted', reason: 'interrupted (SIGINT)' },
  { kind: 'aborted', reason: 'abort: errors > 50% for 10s' },
  { kind: 'crashed', reason: 'crashed: driver failed' },
];
const GATES = { none: [], passed: [{ pass: true }, { pass: true }], failed: [{ pass: true }, { pass: false }] };
const BASELINES = { none: undefined, held: { pass: true }, regressed: { pass: false } };
const SWEEPS = { none: undefined, knee: { outcome: 'knee' }, 'all-passed': { outcome: 'all-passed' }, 'none-passed': { outcome: 'none-passed' }, interrupted: { outcome: 'interrupted' } } as const;

test('the judge: every combination of state, gates, baseline and sweep', () => {
  for (const state of [undefined, ...STATES]) {
    for (const [gatesName, gates] of Object.entries(GATES)) {
      for (const [baselineName, comparison] of Object.entries(BASELINES)) {
        for (const [sweepName, sweep] of Object.entries(SWEEPS)) {
          const facts: JudgeFacts = { gates, comparison, sweep, state };
          const stopped = state?.kind === 'aborted' || state?.kind === 'crashed';
          const criteria = sweep !== undefined ? sweep.outcome === 'knee' || sweep.outcome === 'all-passed' : gatesName !== 'failed';
          const expected = !stopped && criteria && baselineName !== 'regressed';
          assert.equal(judge(facts), expected, `state ${state?.kind ?? 'none'}, gates ${gatesName}, baseline ${baselineName}, sweep ${sweepName}`);
        }
      }
    }
  }
});

test('no gates pass; one failed gate fails; a regression fails a run whose gates pass', () => {
  assert.equal(judge({ gates: [] }), true);
  assert.equal(judge({ gates: [{ pass: false }] }), false);
  assert.equal(judge({ gates: [{ pass: true }], comparison: { pass: false } }), false);
});

test('an aborted or crashed run fails whatever its gates say; an interrupted one is judged on what it measured', () => {
  assert.equal(judge({ gates: [{ pass: true }], state: { kind: 'aborted', reason: 'r' } }), false);
  assert.equal(judge({ gates: [{ pass: true }], state: { kind: 'crashed', reason: 'r' } }), false);
  assert.equal(judge({ gates: [{ pass: true }], state: { kind: 'interrupted', reason: 'r' } }), true);
  assert.equal(judge({ gates: [{ pass: false }], state: { kind: 'interrupted', reason: 'r' } }), false);
});

test("a sweep's SLOs replace the gates: a knee passes, a first step that already failed does not", () => {
  assert.equal(judge({ gates: [], sweep: { outcome: 'knee' }, state: { kind: 'planned-stop', reason: 'r' } }), true);
  assert.equal(judge({ gates: [], sweep: { outcome: 'all-passed' }, state: { kind: 'running' } }), true);
  assert.equal(judge({ gates: [], sweep: { outcome: 'none-passed' }, state: { kind: 'planned-stop', reason: 'r' } }), false);
  assert.equal(judge({ gates: [], sweep: { outcome: 'interrupted' }, state: { kind: 'interrupted', reason: 'r' } }), false);
});

test("judgeSummary puts `pass` right after `gates`, as summary.json always had it, and reads the summary's own facts", () => {
  const { pass: _pass, ...unjudged } = standardRun(['p99 < 1ms']);
  const judged = judgeSummary(unjudged);
  const keys = Object.keys(judged);
  assert.equal(keys[keys.indexOf('gates') + 1], 'pass');
  assert.equal(judged.pass, false, 'its gate fails');
  const passing = judgeSummary(standardRun());
  assert.equal(passing.pass, true);
  assert.equal(judgeSummary(passing, { kind: 'aborted', reason: 'r' }).pass, false, 'a summary already judged is judged again, from its facts');
  const regressed = { ...passing, comparison: { pass: false } } as unknown as Summary;
  assert.equal(judgeSummary(regressed).pass, false);
});

test('exit codes: 130 for a signal before anything, then 2 bad input, 3 runtime error or crash, 1 abort or failed judgement, 0', () => {
  const expected: Record<RunState['kind'], [pass: number, fail: number, none: number]> = {
    running: [EXIT.pass, EXIT.gateFailed, EXIT.pass],
    'planned-stop': [EXIT.pass, EXIT.gateFailed, EXIT.pass],
    interrupted: [EXIT.interrupted, EXIT.interrupted, EXIT.interrupted],
    aborted: [EXIT.gateFailed, EXIT.gateFailed, EXIT.gateFailed],
    crashed: [EXIT.runtimeError, EXIT.runtimeError, EXIT.runtimeError],
  };
  for (const state of STATES) {
    const [ifPass, ifFail, ifNone] = expected[state.kind];
    assert.equal(exitCodeFor({ state, pass: true }), ifPass, `${state.kind}, passed`);
    assert.equal(exitCodeFor({ state, pass: false }), ifFail, `${state.kind}, failed`);
    assert.equal(exitCodeFor({ state }), ifNone, `${state.kind}, nothing judged`);
    const interrupted = state.kind === 'interrupted';
    assert.equal(exitCodeFor({ state, pass: true, error: 'invalid-input' }), interrupted ? EXIT.interrupted : EXIT.invalidInput, `${state.kind}, bad input`);
    assert.equal(exitCodeFor({ state, pass: true, error: 'runtime' }), interrupted ? EXIT.interrupted : EXIT.runtimeError, `${state.kind}, runtime error`);
  }
});

test('exit codes of commands that run no load: the judgement alone, or the error', () => {
  assert.equal(exitCodeFor({}), EXIT.pass);
  assert.equal(exitCodeFor({ pass: true }), EXIT.pass);
  assert.equal(exitCodeFor({ pass: false }), EXIT.gateFailed);
  assert.equal(exitCodeFor({ error: 'invalid-input' }), EXIT.invalidInput);
  assert.equal(exitCodeFor({ pass: true, error: 'runtime' }), EXIT.runtimeError);
});

test('an unreachable abort (the target is down) fails the run and exits 3; other abort rules exit 1', () => {
  const down: RunState = { kind: 'aborted', reason: 'aborted: unreachable for 10s (no successful response from 0s to 10s)', targetFault: true };
  assert.equal(judge({ gates: [], state: down }), false);
  assert.equal(exitCodeFor({ pass: false, state: down }), EXIT.runtimeError);
  assert.equal(exitCodeFor({ pass: false, state: { kind: 'aborted', reason: 'aborted: errors 100% > 50% for 10s' } }), EXIT.gateFailed);
});
