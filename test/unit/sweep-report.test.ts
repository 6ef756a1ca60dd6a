import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderReport } from '../../src/report/html/report.js';
import type { SweepStep, SweepSummary } from '../../src/summary/model.js';
import { standardRun } from './summary-fixture.js';

function step(target: number, achieved: number, p99Us: number, pass: boolean): SweepStep {
  const stats = { count: target, errors: 0, p50Us: p99Us / 4, p99Us, p999Us: p99Us, maxUs: p99Us };
  return {
    phaseIndex: 1,
    targetOpsPerSec: target,
    achievedOpsPerSec: achieved,
    durationMs: 1000,
    pass,
    reasons: pass ? [] : ['broke p99 < 10ms (12.3 ms)'],
    operations: { 'get-profile': stats, 'submit-score': stats, 'top-10': { ...stats, count: 0 } },
    total: stats,
  };
}

const SWEEP: SweepSummary = {
  fromOpsPerSec: 500,
  toOpsPerSec: 8000,
  step: 'x2',
  stepDurationMs: 30_000,
  warmupMs: 5_000,
  slo: ['p99 < 10ms', 'get-profile.p99 < 5ms', 'errors < 1%'],
  maxErrorRatePct: 1,
  minAchievedPct: 90,
  maxLateSendsPct: 5,
  steps: [step(500, 499, 2000, true), step(1000, 998, 3000, true), step(2000, 1990, 4000, true), step(4000, 3800, 12_300, false)],
  kneeOpsPerSec: 1990,
  outcome: 'knee',
  stopReason: 'sweep: step 4000 ops/s broke p99 < 10ms (12.3 ms)',
};

test('a sweep run report shows the knee, one latency-vs-throughput chart per operation with its SLO lines, and the steps', () => {
  const page = renderReport({ ...standardRun(), sweep: SWEEP });
  const section = page.slice(page.indexOf('<section id="sweep">'), page.indexOf('</section>', page.indexOf('<section id="sweep">')));
  assert.ok(section.length > 0, 'no sweep section');
  assert.match(section, /knee: 1,990 ops\/s \(the highest rate with p99 &lt; 10ms, get-profile\.p99 &lt; 5ms and errors &lt; 1%\)/);
  for (const id of ['sweep-all', 'sweep-op-0', 'sweep-op-1', 'sweep-op-2']) assert.match(section, new RegExp(`<figure class="chart" id="${id}">`));
  // the knee is marked on every chart; the all-operations SLO line everywhere, get-profile's only on its own chart
  assert.equal(section.match(/knee 1990\/s/g)?.length, 4);
  assert.equal(section.match(/SLO p99 &lt; 10ms/g)?.length, 4);
  assert.equal(section.match(/SLO get-profile\.p99 &lt; 5ms/g)?.length, 1);
  // one dot per step and percentile on a chart with data (4 steps x p50, p99)
  const chart = section.slice(section.indexOf('id="sweep-op-0"'), section.indexOf('id="sweep-op-1"'));
  assert.equal(chart.match(/<circle /g)?.length, 8);
  assert.match(section, /FAIL: broke p99 &lt; 10ms \(12\.3 ms\)/);
});

test('a report of a plain run has no sweep section', () => {
  assert.doesNotMatch(renderReport(standardRun()), /id="sweep"/);
});
