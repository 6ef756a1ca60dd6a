import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderComparison } from '../../src/report/html/compare.js';
import { escapeHtml } from '../../src/report/html/escape.js';
import type { Comparison, ComparisonRow, Summary } from '../../src/summary/model.js';
import { externalReferences, section } from './report-html-support.js';
import { standardRun } from './summary-fixture.js';

function row(op: string, metric: ComparisonRow['metric'], baseline: number, current: number, flags: Partial<ComparisonRow> = {}): ComparisonRow {
  const deltaAbs = current - baseline;
  return { op, metric, baseline, current, deltaAbs, deltaPct: baseline === 0 ? null : (deltaAbs / baseline) * 100, regression: false, improvement: false, ...flags };
}

function comparison(rows: ComparisonRow[], extra: Partial<Comparison> = {}): Comparison {
  const regressions = rows.filter((r) => r.regression);
  return {
    baseline: { scenario: 'gaming', startedAt: '2023-11-14T22:13:20.000Z', target: 'dynalite', driver: 'sdk', file: 'base/summary.json' },
    current: { scenario: 'gaming', startedAt: '2023-11-15T22:13:20.000Z', target: 'dynalite', driver: 'sdk', file: 'cur/summary.json' },
    maxRegressionPct: 15,
    floorUs: 1000,
    rows,
    regressions,
    pass: regressions.length === 0,
    onlyInBaseline: [],
    onlyInCurrent: [],
    ...extra,
  };
}

test('compare.html shows regressions red and improvements green, with baseline, current and both deltas', () => {
  const c = comparison([
    row('top-10', 'p99', 4_000, 12_410, { regression: true }),
    row('get-profile', 'p99', 6_000, 2_000, { improvement: true }),
    row('get-profile', 'p50', 2_000, 2_100),
    row('(all)', 'errorRatePct', 0, 0.5, { regression: true }),
  ]);
  const page = renderComparison(c, standardRun(), standardRun());
  assert.match(page, /<div class="banner fail" role="status"><span class="big">FAIL<\/span><span class="what">2 regressions beyond the tolerance/);
  assert.match(page, /<li><strong class="mono">top-10<\/strong> p99: 4\.00 → 12\.41 \(\+210\.3%\)<\/li>/);
  const deltas = section(page, 'deltas');
  assert.match(deltas, /<tr class="regression"><th scope="row">top-10<\/th><td>p99<\/td><td>4\.00<\/td><td>12\.41<\/td><td>\+8\.41<\/td><td>\+210\.3%<\/td><td><span class="badge fail">regression<\/span>/);
  assert.match(deltas, /<tr class="improvement"><th scope="row">get-profile<\/th><td>p99<\/td><td>6\.00<\/td><td>2\.00<\/td><td>−4\.00<\/td><td>-66\.7%<\/td><td><span class="badge pass">improvement<\/span>/);
  assert.match(deltas, /<tr><th scope="row">get-profile<\/th><td>p50<\/td><td>2\.00<\/td><td>2\.10<\/td><td>\+0\.10<\/td><td>\+5\.0%<\/td><td><\/td>/);
  assert.match(deltas, /<td>error rate<\/td><td>0\.00%<\/td><td>0\.50%<\/td><td>\+0\.50 pts<\/td><td>n\/a<\/td>/);
  assert.match(section(page, 'verdict'), /Tolerance 15%, noise floor 1\.00 ms: a latency percentile is a regression only when the current run is worse than the baseline by more than 15% and by more than 1\.00 ms/);
  assert.deepEqual(externalReferences(page), []);
});

test('compare.html overlays the two runs\' percentile spectra for every operation both ran', () => {
  const baseline = standardRun();
  const current = standardRun();
  const page = renderComparison(comparison([]), baseline, current);
  assert.match(page, /<div class="banner pass"[^]*no regression beyond the tolerance/);
  const spectra = section(page, 'spectrum');
  for (const [i, op] of Object.keys(current.operations).entries()) {
    const chart = spectra.slice(spectra.indexOf(`id="compare-spectrum-${i}"`));
    assert.match(chart, new RegExp(`<title id="compare-spectrum-${i}-t">${op}</title>`));
    const lines = chart.slice(0, chart.indexOf('</svg>')).match(/<path class="line[^"]*" d="[^"]+"><title>(baseline|current) latency<\/title>/g);
    assert.equal(lines?.length, 2, `${op}: baseline and current`);
  }
});

test('compare.html shows its notes, row notes and operations only one run has, all escaped', () => {
  const evil = '<img src=x onerror=alert(1)>';
  const current: Summary = standardRun();
  const c = comparison([row(evil, 'p999', 5_000, 5_100, { note: `too few samples ${evil}`, gating: false, samples: { baseline: 40, current: 42 } })], {
    notes: [`different loads ${evil}`],
    onlyInBaseline: [evil],
    onlyInCurrent: ['new-op'],
    floorPct: 0.1,
    minSamples: 100,
  });
  const page = renderComparison(c, standardRun(), current);
  assert.ok(!page.includes('<img'), 'nothing from the comparison becomes markup');
  assert.ok(page.includes(`<div class="warning">different loads ${escapeHtml(evil)}</div>`));
  assert.ok(page.includes(`<th scope="row">${escapeHtml(evil)}</th><td>p99.9</td>`));
  assert.match(page, /<td>40 \/ 42<\/td><td class="text">too few samples &lt;img/);
  assert.ok(page.includes(`Only in the baseline: ${escapeHtml(evil)}.`));
  assert.ok(page.includes('Only in the current run: new-op.'));
  assert.match(page, /The error rate regresses when it rises by more than 0\.1 percentage points\. A percentile is judged only when both runs measured at least 100 operations/);
});

test('compare.html warns about different targets by kind, not by the port an embedded endpoint happened to get', () => {
  const a = standardRun();
  const b = { ...standardRun(), target: { ...a.target, endpoint: 'http://127.0.0.1:9999' } };
  assert.doesNotMatch(renderComparison(comparison([]), a, b), /different targets/);
  const c = { ...standardRun(), target: { ...a.target, kind: 'dynamodb-local' as const } };
  assert.match(renderComparison(comparison([]), a, c), /<div class="warning">the runs used different targets/);
});
