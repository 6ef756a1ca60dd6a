import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { HistogramLogReader } from 'hdr-histogram-js';
import { formatOperationTable } from '../../src/report/console-table.js';
import { openHlogFile } from '../../src/report/hlog.js';
import { writeSummaryFile } from '../../src/summary/file.js';
import { flooredRun, newRecorder, sample, standardRun } from './summary-fixture.js';

test('the table shows each operation and the total with their numbers', () => {
  const text = formatOperationTable(standardRun(['p99 < 10ms', 'get-profile.p50 < 5ms']));
  const lines = text.split('\n');
  const row = (name: string) => lines.find((l) => l.startsWith(`${name} `))!.trim().split(/\s+/);
  // operation count rate/s p50 p90 p99 p99.9 max errors throttles retries cond-fail RCU WCU
  assert.deepEqual(row('get-profile'), ['get-profile', '1000', '250.0', '2.00', '2.00', '2.00', '2.00', '2.00', '0', '0', '0', '0', '500', '0']);
  assert.deepEqual(row('submit-score').slice(0, 3), ['submit-score', '500', '125.0']);
  assert.equal(row('submit-score')[11], '100', 'conditional failures');
  assert.equal(row('top-10')[5], '12.41');
  assert.deepEqual(row('total').slice(0, 3), ['total', '1600', '400.0']);
  assert.deepEqual(row('total').slice(-2), ['650', '500']);
});

test('the table columns line up', () => {
  const lines = formatOperationTable(standardRun()).split('\n');
  const header = lines.find((l) => l.startsWith('operation'))!;
  const rows = lines.filter((l) => /^(get-profile|submit-score|top-10|total) /.test(l));
  assert.equal(rows.length, 4);
  for (const r of rows) assert.equal(r.length, header.length, r);
});

test('verdict and gate lines say PASS or FAIL', () => {
  const text = formatOperationTable(standardRun(['p99 < 10ms', 'get-profile.p50 < 5ms']));
  assert.match(text, /verdict {2}get-profile: p99 2\.00 ms < 10 ms {2}PASS/);
  assert.match(text, /verdict {2}top-10: p99 12\.41 ms >= 10 ms {2}FAIL/);
  assert.match(text, /gate {5}p99 < 10ms: actual 12\.41ms \(FAIL\)/);
  assert.match(text, /gate {5}get-profile\.p50 < 5ms: actual 2\.00ms \(PASS\)/);
  assert.match(text, /result {3}FAIL \(1 of 2 gates failed\)/);
});

test('a saturated generator and an interrupted run are called out', () => {
  const s = { ...standardRun(), complete: false, stopReason: 'SIGINT' };
  s.generator = { ...s.generator, saturated: true, warnings: ['event loop delay p99 120 ms'] };
  const text = formatOperationTable(s);
  assert.match(text, /WARNING {2}the load generator was saturated/);
  assert.match(text, /event loop delay p99 120 ms/);
  assert.match(text, /run incomplete: SIGINT/);
});

test('summary.json is written whole, through a temporary file that does not remain', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'ddbench-report-'));
  try {
    const s = standardRun();
    const file = await writeSummaryFile(path.join(dir, 'run-1'), s);
    assert.equal(file, path.join(dir, 'run-1', 'summary.json'));
    assert.deepEqual(JSON.parse(await readFile(file, 'utf8')), JSON.parse(JSON.stringify(s)));
    await writeSummaryFile(path.join(dir, 'run-1'), { ...s, pass: false }); // replaces the previous file
    assert.equal(JSON.parse(await readFile(file, 'utf8')).pass, false);
    assert.deepEqual(await readdir(path.join(dir, 'run-1')), ['summary.json']);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('the hlog file sink writes one line per call, readable by HistogramLogReader', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'ddbench-hlog-'));
  try {
    const file = path.join(dir, 'latency.hlog');
    const sink = openHlogFile(file);
    const rec = newRecorder({ hlogSink: (line) => sink.write(line) });
    rec.record(sample('get-profile', 0, 0, 3_000));
    rec.finish(1_000_000);
    await sink.close();
    const reader = new HistogramLogReader(await readFile(file, 'utf8'));
    assert.equal(reader.nextIntervalHistogram()!.totalCount, 1);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('closing an hlog file that could not be opened rejects instead of crashing', async () => {
  const sink = openHlogFile(path.join(tmpdir(), 'ddbench-no-such-dir', 'x', 'latency.hlog'));
  sink.write('#[comment]');
  await assert.rejects(sink.close(), /ENOENT/);
});

test('the console says INCONCLUSIVE (harness floor) for a verdict and a gate within the floor, and the result is the judge\'s', () => {
  const text = formatOperationTable(flooredRun(['p99 < 10ms', 'get-profile.p50 < 5ms']));
  assert.match(text, /floor {4}harness floor \(http at 300 ops\/s, null endpoint\): p50 0\.20 ms, p99 2\.50 ms/);
  assert.match(text, /verdict {2}top-10: p99 12\.41 ms >= 10 ms {2}INCONCLUSIVE \(harness floor\), over by less than the floor's p99/);
  assert.match(text, /verdict {2}get-profile: p99 2\.00 ms < 10 ms {2}PASS/);
  assert.match(text, /gate {5}p99 < 10ms: actual 12\.41 ?ms \(INCONCLUSIVE: within the harness floor of 2\.50 ms; fails by less/);
  assert.match(text, /result {3}PASS \(1 of 2 gates passed, 1 INCONCLUSIVE \(harness floor\)\)/);
  const strict = formatOperationTable(flooredRun(['p99 < 10ms'], true));
  assert.match(strict, /result {3}FAIL \(0 of 1 gates passed, 1 INCONCLUSIVE \(harness floor\), failed by --strict-floor\)/);
});

test('the result line renders the judge: an aborted run without gates, or a regression behind passing gates, says FAIL and why', () => {
  // what the judge wrote for a run an abort rule stopped (pass false, exit 1): never "PASS (no gates)"
  const aborted = { ...standardRun(), pass: false, complete: false, stopReason: 'abort rule "errors > 50% for 10s" held' };
  assert.match(formatOperationTable(aborted), /result {3}FAIL \(no gates; stopped: abort rule "errors > 50% for 10s" held\)$/);
  const gated = standardRun(['get-profile.p50 < 5ms']);
  assert.match(formatOperationTable(gated), /result {3}PASS \(1 of 1 gates passed\)$/);
  const regressed = { ...gated, pass: false, comparison: { ...(gated.comparison ?? {}), pass: false } } as typeof gated;
  assert.match(formatOperationTable(regressed), /result {3}FAIL \(1 of 1 gates passed; regressed against the baseline\)$/);
  assert.match(formatOperationTable(standardRun()), /result {3}PASS \(no gates\)$/);
});

test('every output gives the single-digit headline its rows give: inside the floor it is INCONCLUSIVE, a saturated floor is a ceiling that marks nothing', async () => {
  const { renderReport } = await import('../../src/report/html/report.js');
  const { renderMarkdown } = await import('../../src/report/markdown.js');
  // top-10's p99 12.41 ms is within the floor's 2.50 ms of 10 ms; the other operations are under 10 ms
  const floored = flooredRun(['p99 < 10ms']);
  assert.match(formatOperationTable(floored), /verdict {2}single-digit-ms p99 for every operation: INCONCLUSIVE \(harness floor\) \(top-10\) \(informational\)/);
  const page = renderReport(floored);
  assert.doesNotMatch(page, /Single-digit-millisecond p99\? <strong>No<\/strong>/, 'the headline no longer says No while the row says INCONCLUSIVE');
  assert.match(page, /Single-digit-millisecond p99\? .*INCONCLUSIVE \(harness floor\).*top-10/);
  assert.match(renderMarkdown(floored), /\| \*\*all\*\* \|.*\| ⚠️ inconclusive \|/);

  // the same run, its floor a ceiling (one lane could not keep the rate): the verdict is the target's again
  const ceiling = { ...floored, harness: { ...floored.harness!, floor: { ...floored.harness!.floor!, saturated: true, achievedOpsPerSec: 120 } } };
  const text = formatOperationTable(ceiling);
  assert.match(text, /ceiling {2}one http lane could not keep 300 ops\/s against a null endpoint \(it answered 120\/s\)/);
  assert.match(text, /verdict {2}top-10: p99 12\.41 ms >= 10 ms {2}FAIL/);
  assert.match(text, /single-digit-ms p99 for every operation: no/);
  assert.match(renderReport(ceiling), /Harness ceiling: one http lane could not keep 300 ops\/s/);
  assert.match(renderMarkdown(ceiling), /Harness ceiling: one http lane/);
});
