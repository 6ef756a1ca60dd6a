import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { compareSummaries } from '../../src/compare/compare.js';
import { formatComparisonTable } from '../../src/report/comparison-table.js';
import { readSummaryFile } from '../../src/summary/file.js';
import { parseCount, parseFloorUs, parsePercent } from '../../src/compare/options.js';
import { applyBaseline, loadBaseline } from '../../src/compare/baseline.js';
import { UsageError } from '../../src/errors.js';
import { standardRun } from './summary-fixture.js';
import { judgeSummary } from '../../src/engine/judge.js';

test('percentages are accepted with or without the % sign', () => {
  assert.equal(parsePercent('15%', '--max-regression'), 15);
  assert.equal(parsePercent('15', '--max-regression'), 15);
  assert.equal(parsePercent('2.5 %', '--max-regression'), 2.5);
  assert.equal(parsePercent(0, '--max-regression'), 0);
  for (const bad of ['-5%', 'abc', '15%%', '', '1e3']) {
    assert.throws(() => parsePercent(bad, '--max-regression'), (e: unknown) => e instanceof UsageError && e.message.startsWith('--max-regression: expected a percentage'), bad);
  }
});

test('latency floors take us, ms or s, and a bare number is milliseconds', () => {
  assert.equal(parseFloorUs('1ms', '--floor'), 1000);
  assert.equal(parseFloorUs('500us', '--floor'), 500);
  assert.equal(parseFloorUs('0.25ms', '--floor'), 250);
  assert.equal(parseFloorUs('2', '--floor'), 2000);
  assert.equal(parseFloorUs('0', '--floor'), 0);
  assert.equal(parseFloorUs('1s', '--floor'), 1_000_000);
  assert.throws(() => parseFloorUs('1 minute', '--floor'), UsageError);
  assert.throws(() => parseCount(-1, '--min-samples'), UsageError);
  assert.throws(() => parseCount(2.5, '--min-samples'), UsageError);
});

test('reading a missing, non-JSON or foreign file is a usage error', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'ddbench-compare-'));
  try {
    await writeFile(path.join(dir, 'bad.json'), '{ not json');
    await writeFile(path.join(dir, 'scenario.json'), JSON.stringify({ name: 'gaming', phases: [] }));
    await writeFile(path.join(dir, 'ok.json'), JSON.stringify(standardRun()));
    await assert.rejects(readSummaryFile(path.join(dir, 'none.json'), 'baseline'), /baseline .*none\.json: no such file/);
    await assert.rejects(readSummaryFile(path.join(dir, 'bad.json'), 'baseline'), /bad\.json: not JSON/);
    await assert.rejects(readSummaryFile(path.join(dir, 'scenario.json'), 'current'), /current .*scenario\.json: not a ddbench summary\.json \(no ddbenchVersion; no complete; no scenario; and \d+ more\)/);
    await assert.rejects(readSummaryFile(dir, 'baseline'), /is a folder/);
    assert.equal((await readSummaryFile(path.join(dir, 'ok.json'), 'baseline')).scenario.name, 'gaming');
    await assert.rejects(loadBaseline({ file: path.join(dir, 'ok.json'), maxRegressionPct: 15 }, 'retail'), /not "retail".*--force-baseline to compare anyway/);
    const forced = await loadBaseline({ file: path.join(dir, 'ok.json'), maxRegressionPct: 15, force: true }, 'retail');
    assert.equal(forced.summary.scenario.name, 'gaming');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a baseline regression makes the run fail and is kept in the summary', () => {
  const base = standardRun();
  const cur = structuredClone(base);
  cur.operations['get-profile']!.latencyUs.p50 = 20_000;
  const out = applyBaseline(cur, { options: { file: 'base/summary.json', maxRegressionPct: 15 }, summary: base }, 'cur/summary.json');
  assert.equal(cur.pass, true, 'the gates alone pass');
  assert.equal(out.comparison.pass, false);
  assert.equal(judgeSummary(out).pass, false, 'the judge fails the run that regressed');
  assert.equal(out.comparison?.baseline.file, 'base/summary.json');
  assert.equal(out.comparison?.current.file, 'cur/summary.json');
  assert.equal(judgeSummary(applyBaseline(base, { options: { file: 'b', maxRegressionPct: 15 }, summary: base })).pass, true);
});

test('the console table lines up and marks regressions and rows that cannot gate', () => {
  const base = standardRun();
  const cur = structuredClone(base);
  cur.operations['get-profile']!.latencyUs.p99 = 40_000;
  const text = formatComparisonTable(compareSummaries(base, cur, { maxRegressionPct: 15, baselineFile: 'base.json' }));
  const lines = text.split('\n');
  const header = lines.find((l) => l.startsWith('operation'))!;
  assert.match(header, /^operation\s+metric\s+baseline\s+current\s+delta\s+delta%$/);
  const p99 = lines.find((l) => l.includes('p99 ms') && l.startsWith('get-profile'))!;
  assert.match(p99, /^get-profile\s+p99 ms\s+2\.00\s+40\.00\s+\+38\.00\s+\+1900\.0%\s+REGRESSION$/);
  const table = lines.slice(lines.indexOf(header) + 2, lines.indexOf(header) + 2 + 28);
  const deltaEnd = header.indexOf('delta%') + 'delta%'.length;
  for (const l of table) assert.match(l.slice(deltaEnd - 6, deltaEnd), /^\s*([-+]?[\d.]+%|new)$/, `delta% column aligned: ${l}`);
  assert.match(text, /max ms .* max is one sample: reported, never gates/);
  assert.match(text, /\(base\.json\)/);
  assert.equal(lines.at(-1), 'baseline FAIL (1 regression: get-profile p99 +1900.0% (2.00 -> 40.00 ms))');
  assert.equal(lines.filter((l) => l.includes('REGRESSION')).length, 1);
  assert.match(formatComparisonTable(compareSummaries(base, base, { maxRegressionPct: 15 })), /baseline PASS \(no regression beyond 15%\)$/);
});

test('control characters in names from a summary file do not reach the terminal', () => {
  const base = standardRun();
  const evil = '\x1b[2Jwipe';
  base.operations = { [evil]: base.operations['get-profile']! };
  const text = formatComparisonTable(compareSummaries(base, structuredClone(base), { maxRegressionPct: 15 }));
  assert.ok(!text.includes('\x1b'));
  assert.match(text, /^\?\[2Jwipe\s+p50 ms/m);
});
