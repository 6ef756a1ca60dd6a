import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareSummaries, samplesNeeded, TOTAL_ROW } from '../../src/compare/compare.js';
import type { CompareOptions } from '../../src/compare/compare.js';
import { UsageError } from '../../src/errors.js';
import type { ComparedMetric, Comparison, ComparisonRow, OperationSummary, Summary } from '../../src/summary/model.js';
import type { Percentiles } from '../../src/recorder/shapes.js';
import { standardRun } from './summary-fixture.js';

// standardRun(): get-profile 1000 samples at 2 ms, submit-score 500 at 4 ms, top-10 100 at 12.4 ms.
const BASE = standardRun();
const OPTS: CompareOptions = { maxRegressionPct: 15 };

function edit(s: Summary, op: string, change: { latencyUs?: Partial<Percentiles>; count?: number; errors?: number; rateOpsPerSec?: number }): Summary {
  const copy = structuredClone(s);
  const target: OperationSummary = op === TOTAL_ROW ? copy.total : copy.operations[op]!;
  Object.assign(target.latencyUs, change.latencyUs ?? {});
  if (change.count !== undefined) target.count = change.count;
  if (change.errors !== undefined) target.errors = change.errors;
  if (change.rateOpsPerSec !== undefined) target.rateOpsPerSec = change.rateOpsPerSec;
  return copy;
}

function row(c: Comparison, op: string, metric: ComparedMetric): ComparisonRow {
  const r = c.rows.find((x) => x.op === op && x.metric === metric);
  assert.ok(r, `no row ${op} ${metric}`);
  return r;
}

test('a run compared with itself passes with every delta zero', () => {
  const c = compareSummaries(BASE, BASE, OPTS);
  assert.equal(c.pass, true);
  assert.deepEqual(c.regressions, []);
  assert.equal(c.rows.length, 4 * 7, 'three operations and the total, seven metrics each');
  for (const r of c.rows) {
    assert.equal(r.deltaAbs, 0);
    assert.equal(r.regression || r.improvement, false);
  }
  assert.deepEqual(c.notes, []);
  assert.deepEqual([c.maxRegressionPct, c.floorUs, c.floorPct, c.minSamples], [15, 1000, 0.1, 100]);
});

test('a percentile worse by more than the tolerance and the floor is a regression', () => {
  const cur = edit(BASE, 'get-profile', { latencyUs: { p99: 4_000 } }); // 2 ms -> 4 ms: +100%, +2 ms
  const c = compareSummaries(BASE, cur, OPTS);
  const r = row(c, 'get-profile', 'p99');
  assert.equal(r.regression, true);
  assert.equal(r.deltaAbs, 2_000);
  assert.equal(r.deltaPct, 100);
  assert.equal(c.pass, false);
  assert.deepEqual(c.regressions.map((x) => `${x.op} ${x.metric}`), ['get-profile p99']);
});

test('a latency rise under the absolute floor is noise, however large in percent', () => {
  const cur = edit(BASE, 'get-profile', { latencyUs: { p50: 2_900 } }); // +45% but +0.9 ms
  const c = compareSummaries(BASE, cur, OPTS);
  assert.equal(row(c, 'get-profile', 'p50').regression, false);
  assert.equal(c.pass, true);
  assert.equal(compareSummaries(BASE, cur, { ...OPTS, floorUs: 500 }).pass, false, 'a lower floor makes it count');
});

test('a latency rise within the tolerance is not a regression, however large in ms', () => {
  const base = edit(BASE, 'top-10', { latencyUs: { p50: 100_000 } });
  const cur = edit(base, 'top-10', { latencyUs: { p50: 110_000 } }); // +10 ms but +10%
  assert.equal(row(compareSummaries(base, cur, OPTS), 'top-10', 'p50').regression, false);
  assert.equal(row(compareSummaries(base, cur, { maxRegressionPct: 5 }), 'top-10', 'p50').regression, true);
});

test('percentiles do not gate with too few samples in either run', () => {
  const few = (s: Summary) => edit(s, 'top-10', { count: 99 });
  const cur = edit(few(BASE), 'top-10', { latencyUs: { p50: 124_000, p99: 124_000 } });
  const c = compareSummaries(few(BASE), cur, OPTS);
  const r = row(c, 'top-10', 'p99');
  assert.equal(r.regression, false);
  assert.equal(r.gating, false);
  assert.equal(r.note, 'too few samples (99 < 100)');
  assert.equal(c.pass, true);
  // the same change in the baseline only
  const c2 = compareSummaries(BASE, edit(cur, 'top-10', { count: 100 }), OPTS);
  assert.equal(row(c2, 'top-10', 'p99').regression, true, '100 samples in both runs are enough for p99');
});

test('p99.9 needs a thousand samples: below that it is the maximum', () => {
  assert.deepEqual([50, 90, 99, 99.9, 100].map((p) => samplesNeeded(p, 100)), [100, 100, 100, 1000, 100]);
  assert.equal(samplesNeeded(99, 500), 500);
  const cur = edit(edit(BASE, 'submit-score', { latencyUs: { p999: 40_000 } }), 'get-profile', { latencyUs: { p999: 20_000 } });
  const c = compareSummaries(BASE, cur, OPTS);
  assert.equal(row(c, 'submit-score', 'p999').note, 'too few samples (500 < 1000)');
  assert.equal(row(c, 'submit-score', 'p999').regression, false);
  assert.equal(row(c, 'get-profile', 'p999').regression, true);
});

test('max is reported but never gates unless asked', () => {
  const cur = edit(BASE, 'get-profile', { latencyUs: { max: 200_000 } });
  const c = compareSummaries(BASE, cur, OPTS);
  const r = row(c, 'get-profile', 'max');
  assert.equal(r.deltaAbs, 198_000);
  assert.equal(r.regression, false);
  assert.equal(r.gating, false);
  assert.match(r.note ?? '', /never gates/);
  assert.equal(c.pass, true);
  assert.equal(compareSummaries(BASE, cur, { ...OPTS, gateMax: true }).pass, false);
});

test('a faster run is an improvement, never a failure', () => {
  const base = edit(BASE, 'top-10', { latencyUs: { p50: 12_400, p99: 12_400 } });
  const cur = edit(base, 'top-10', { latencyUs: { p99: 5_000 } });
  const c = compareSummaries(base, cur, OPTS);
  const r = row(c, 'top-10', 'p99');
  assert.equal(r.improvement, true);
  assert.equal(r.regression, false);
  assert.equal(c.pass, true);
  assert.equal(row(c, 'top-10', 'p50').improvement, false);
});

test('the error rate regresses when it rises by more than the floor in percentage points', () => {
  const c1 = compareSummaries(BASE, edit(BASE, 'get-profile', { errors: 1 }), OPTS); // 0.1 points: at the floor
  assert.equal(row(c1, 'get-profile', 'errorRatePct').regression, false);
  const c2 = compareSummaries(BASE, edit(BASE, 'get-profile', { errors: 5 }), OPTS); // 0.5 points
  const r = row(c2, 'get-profile', 'errorRatePct');
  assert.equal(r.regression, true);
  assert.equal(r.current, 0.5);
  assert.equal(r.deltaPct, null, 'no percent change from zero');
  const c3 = compareSummaries(edit(BASE, 'get-profile', { errors: 5 }), BASE, OPTS);
  assert.equal(row(c3, 'get-profile', 'errorRatePct').improvement, true);
  assert.equal(compareSummaries(BASE, edit(BASE, 'get-profile', { errors: 5 }), { ...OPTS, floorPct: 1 }).pass, true);
});

test('a lower achieved rate regresses only when both runs asked for the same load', () => {
  const slow = edit(BASE, TOTAL_ROW, { rateOpsPerSec: BASE.total.rateOpsPerSec * 0.7 });
  const c = compareSummaries(BASE, slow, OPTS);
  assert.equal(row(c, TOTAL_ROW, 'rateOpsPerSec').regression, true);

  const otherLoad = structuredClone(slow);
  otherLoad.phases[1]!.targetRateOpsPerSec = 200;
  const c2 = compareSummaries(BASE, otherLoad, OPTS);
  const r = row(c2, TOTAL_ROW, 'rateOpsPerSec');
  assert.equal(r.regression, false);
  assert.equal(r.gating, false);
  assert.equal(r.note, 'different target load: not judged');
  assert.match(c2.notes!.join('\n'), /different loads \(open loop, concurrency 8, 300 ops\/s vs open loop, concurrency 8, 200 ops\/s\)/);
  const faster = edit(BASE, TOTAL_ROW, { rateOpsPerSec: BASE.total.rateOpsPerSec * 1.3 });
  assert.equal(row(compareSummaries(BASE, faster, OPTS), TOTAL_ROW, 'rateOpsPerSec').improvement, true);
});

test('operations in only one run are listed, not compared', () => {
  const cur = structuredClone(BASE);
  cur.operations['new-op'] = cur.operations['top-10']!;
  delete cur.operations['top-10'];
  const c = compareSummaries(BASE, cur, OPTS);
  assert.deepEqual(c.onlyInBaseline, ['top-10']);
  assert.deepEqual(c.onlyInCurrent, ['new-op']);
  assert.deepEqual([...new Set(c.rows.map((r) => r.op))], ['get-profile', 'submit-score', TOTAL_ROW]);
  assert.equal(c.pass, true);
});

test('the total is compared like an operation', () => {
  const c = compareSummaries(BASE, edit(BASE, TOTAL_ROW, { latencyUs: { p90: 30_000 } }), OPTS);
  assert.deepEqual(c.regressions.map((r) => `${r.op} ${r.metric}`), [`${TOTAL_ROW} p90`]);
});

test('runs of different scenarios are refused unless forced', () => {
  const other = structuredClone(BASE);
  other.scenario.name = 'retail';
  assert.throws(() => compareSummaries(BASE, other, OPTS), (e: unknown) => e instanceof UsageError && /scenario "gaming", not "retail".*--force/.test(e.message));
  const c = compareSummaries(BASE, other, { ...OPTS, force: true });
  assert.match(c.notes!.join('\n'), /different scenarios compared on purpose/);
  assert.equal(c.current.scenario, 'retail');
});

test('incomplete runs and different targets are noted', () => {
  const cur = structuredClone(BASE);
  cur.complete = false;
  cur.target.kind = 'dynamodb-local';
  const notes = compareSummaries(BASE, cur, OPTS).notes!.join('\n');
  assert.match(notes, /current run was incomplete/);
  assert.match(notes, /different targets: baseline dynalite, current dynamodb-local/);
});

test('a negative or non-numeric tolerance is a usage error', () => {
  assert.throws(() => compareSummaries(BASE, BASE, { maxRegressionPct: -1 }), UsageError);
  assert.throws(() => compareSummaries(BASE, BASE, { maxRegressionPct: Number.NaN }), UsageError);
  assert.throws(() => compareSummaries(BASE, BASE, { maxRegressionPct: 15, floorUs: -5 }), UsageError);
});

test('run references name the files the summaries came from', () => {
  const c = compareSummaries(BASE, BASE, { ...OPTS, baselineFile: 'a/summary.json', currentFile: 'b/summary.json' });
  assert.deepEqual(c.baseline, { scenario: 'gaming', startedAt: BASE.startedAt, target: 'dynalite http://127.0.0.1:4567', driver: 'sdk', file: 'a/summary.json' });
  assert.equal(c.current.file, 'b/summary.json');
});
