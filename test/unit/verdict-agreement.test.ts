// One verdict, rendered everywhere: for runs that pass, fail a gate, fail only inside the floor
// with --strict-floor, regress behind passing gates, or are stopped by an abort rule with no
// gates, every output says what the judge said: the console's result line, the Markdown heading,
// report.html's banner, the JUnit suite (a failure or an error case exactly when the run failed
// or stopped early) and the exit code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatOperationTable } from '../../src/report/console-table.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderReport } from '../../src/report/html/report.js';
import { renderJunit } from '../../src/report/junit.js';
import { exitCodeFor } from '../../src/cli/exit-codes.js';
import { judge } from '../../src/engine/judge.js';
import { compareSummaries } from '../../src/compare/compare.js';
import type { Summary } from '../../src/summary/model.js';
import { flooredRun, standardRun } from './summary-fixture.js';

interface Case {
  name: string;
  summary: Summary;
  /** how the run ended, as the engine tells the exit code */
  state?: { kind: 'aborted'; reason: string };
}

function regressed(): Summary {
  const base = standardRun(['get-profile.p50 < 5ms']);
  const cur: Summary = structuredClone(base);
  cur.operations['get-profile']!.latencyUs.p99 = 40_000;
  cur.comparison = compareSummaries(base, cur, { maxRegressionPct: 15, baselineFile: 'base/summary.json' });
  cur.pass = judge({ gates: cur.gates, comparison: cur.comparison });
  assert.equal(cur.pass, false);
  return cur;
}

const CASES: Case[] = [
  { name: 'every gate passes', summary: standardRun(['get-profile.p50 < 5ms']) },
  { name: 'a gate fails', summary: standardRun(['p99 < 10ms']) },
  { name: 'no gates', summary: standardRun() },
  { name: 'a gate inside the floor, by default', summary: flooredRun(['p99 < 10ms']) },
  { name: 'a gate inside the floor, --strict-floor', summary: flooredRun(['p99 < 10ms'], true) },
  { name: 'passing gates, regressed against the baseline', summary: regressed() },
  {
    name: 'an abort rule stopped a run with no gates',
    summary: { ...standardRun(), pass: judge({ gates: [], state: { kind: 'aborted', reason: 'errors > 50% for 10s' } as never }), complete: false, stopReason: 'abort rule "errors > 50% for 10s" held' },
    state: { kind: 'aborted', reason: 'errors > 50% for 10s' },
  },
];

for (const c of CASES) {
  test(`every output agrees with the judge: ${c.name}`, () => {
    const s = c.summary;
    const word = s.pass ? 'PASS' : 'FAIL';
    assert.match(formatOperationTable(s), new RegExp(`\\nresult {3}${word} \\(`), 'console');
    assert.match(renderMarkdown(s).split('\n')[0]!, new RegExp(`: (✅|❌) ${word}`), 'Markdown heading');
    assert.match(renderReport(s), new RegExp(`<div class="banner ${s.pass ? 'pass' : 'fail'}" role="status"><span class="big">${word}</span>`), 'report.html banner');
    const suite = /<testsuite [^>]*failures="(\d+)" errors="(\d+)"/.exec(renderJunit(s))!;
    const red = Number(suite[1]) + Number(suite[2]) > 0;
    assert.equal(red, !s.pass || !s.complete, 'JUnit: red exactly when the run failed or stopped early');
    assert.equal(exitCodeFor({ pass: s.pass, ...(c.state ? { state: c.state as never } : {}) }), s.pass ? 0 : 1, 'exit code');
  });
}
