import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { writeSummaryFile } from '../../src/summary/file.js';
import { escapeHtml, html } from '../../src/report/html/escape.js';
import { renderReport } from '../../src/report/html/report.js';
import { REPORT_FILE, writeReportFile } from '../../src/report/html/file.js';
import { SCRIPT } from '../../src/report/html/script.js';
import type { Summary } from '../../src/summary/model.js';
import { HOSTILE, hostileSummary, hourLongSummary } from './report-html-fixture.js';
import { flooredRun, standardRun } from './summary-fixture.js';
import { externalReferences, section } from './report-html-support.js';

test('escapeHtml turns markup and both quotes into text', () => {
  assert.equal(escapeHtml(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  assert.equal(html`<p>${'<b>'}</p>`.markup, '<p>&lt;b&gt;</p>');
  assert.equal(html`<p>${html`<b>${'<i>'}</b>`}</p>`.markup, '<p><b>&lt;i&gt;</b></p>', 'nested markup built by html is kept, its values escaped');
});

test('hostile scenario, operation, endpoint, error, gate, phase and warning strings show as text in every section', () => {
  const page = renderReport(hostileSummary());
  for (const [what, value] of Object.entries(HOSTILE)) {
    if (value.includes('<')) assert.ok(!page.includes(value), `${what} appears unescaped`);
  }
  for (const tag of ['<svg onload', '<img', '<iframe', '<b onclick', '<i onmouseover', '<a href=javascript', '<style>body', '<object', '<marquee']) {
    assert.ok(!page.includes(tag), `${tag} appears in the page`);
  }
  assert.equal(page.match(/<script/g)?.length, 1, 'the only script is the report\'s own');
  assert.ok(page.includes(`<script>${SCRIPT}</script>`));

  const op = escapeHtml(HOSTILE.op);
  assert.ok(!page.includes(`"x'`), 'the quote in the operation name never closes an attribute');
  assert.ok(page.includes(`<title>${escapeHtml(`ddbench: ${HOSTILE.scenario} FAIL`)}</title>`));
  assert.ok(section(page, 'verdict').includes(op), 'verdict table');
  assert.ok(section(page, 'verdict').includes(escapeHtml(HOSTILE.gate)), 'gates table');
  assert.ok(section(page, 'verdict').includes(escapeHtml(HOSTILE.warning)), 'generator warning');
  assert.ok(section(page, 'verdict').includes(escapeHtml(HOSTILE.stopReason)), 'stop reason');
  assert.match(section(page, 'spectrum'), new RegExp(`<title id="spectrum-0-t">${escapeRe(op)}</title>`), 'SVG title of the spectrum chart');
  assert.ok(section(page, 'timeline').includes(`<title>${op}</title>`), 'SVG title of a line');
  assert.ok(section(page, 'timeline').includes(escapeHtml(`${HOSTILE.phase}`)), 'phase marker label in SVG text');
  assert.ok(section(page, 'operations').includes(escapeHtml(HOSTILE.errorName)), 'error names table');
  assert.ok(section(page, 'context').includes(escapeHtml(HOSTILE.endpoint)), 'endpoint');
  assert.ok(section(page, 'context').includes(escapeHtml(HOSTILE.hostname)), 'machine');
  assert.ok(section(page, 'context').includes('&lt;marquee&gt;'), 'echoed scenario source');
  assert.ok(page.includes(`<h1>ddbench report: ${escapeHtml(HOSTILE.scenario)}</h1>`));
  assert.ok(page.includes(escapeHtml(HOSTILE.description)));
});

test('the report references nothing outside the file and forbids loading anything', () => {
  for (const s of [standardRun(['p99 < 10ms']), hostileSummary(), hourLongSummary()]) {
    const page = renderReport(s);
    assert.deepEqual(externalReferences(page), []);
    assert.doesNotMatch(page, /(src|href)=["']?(https?:)?\/\//i);
    assert.match(page, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;/);
  }
});

test('the reference detector finds what would load and ignores URLs shown as text', () => {
  assert.deepEqual(externalReferences('<img src="https://x/a.png"><a href="#verdict">v</a><p>http://127.0.0.1:8000 &lt;img src=x&gt;</p><style>@import "x.css";</style>'), [
    'src="https://x/a.png',
    '<img src="https://x/a.png">',
    '@import',
  ]);
});

test('the first section shows the PASS/FAIL banner from the gates and names the operations that missed 10 ms', () => {
  const failing = section(renderReport(standardRun(['p99 < 10ms', 'get-profile.p50 < 5ms'])), 'verdict');
  assert.match(failing, /<div class="banner fail" role="status"><span class="big">FAIL<\/span><span class="what">1 of 2 gates failed/);
  assert.match(failing, /Single-digit-millisecond p99\? <strong>No<\/strong>: <span class="mono">top-10<\/span> \(p99 12\.41 ms\)/);
  assert.match(failing, /<th scope="row">top-10<\/th><td><span class="badge fail">FAIL<\/span><\/td><td>12\.41<\/td>/, 'p50 of top-10 is 12.41 ms');
  assert.match(failing, /<span class="mono">p99 &lt; 10ms<\/span><\/th><td><span class="badge fail">FAIL<\/span><\/td><td class="text">12\.41 ms, not &lt; 10 ms<\/td>/);
  assert.match(failing, /<span class="mono">get-profile\.p50 &lt; 5ms<\/span><\/th><td><span class="badge pass">PASS<\/span><\/td><td class="text">2 ms &lt; 5 ms<\/td>/);

  const ungated = section(renderReport(standardRun()), 'verdict');
  assert.match(ungated, /class="banner pass"[^]*no gates were set/);
});

test('a gate and a verdict within the harness floor show INCONCLUSIVE (harness floor), styled apart from pass and fail', () => {
  const v = section(renderReport(flooredRun(['p99 < 10ms', 'get-profile.p50 < 5ms'])), 'verdict');
  assert.match(v, /<div class="banner pass" role="status"><span class="big">PASS<\/span><span class="what">1 of 2 gates passed<\/span><span class="unsure">1 INCONCLUSIVE \(harness floor\): within ddbench&#39;s own noise/);
  assert.match(v, /<tr class="inconclusive"><th scope="row">top-10<\/th><td><span class="badge inconclusive" title="over 10 ms by less than the harness floor&#39;s p99">INCONCLUSIVE \(harness floor\)<\/span>/);
  assert.match(v, /<tr class="inconclusive"><th scope="row"><span class="mono">p99 &lt; 10ms<\/span><\/th><td><span class="badge inconclusive"[^>]*>INCONCLUSIVE \(harness floor\)<\/span><\/td><td class="text">12\.41 ms, not &lt; 10 ms, within the harness floor<\/td>/);
  assert.match(v, /<span class="mono">get-profile\.p50 &lt; 5ms<\/span><\/th><td><span class="badge pass">PASS/);
  assert.match(v, /Harness floor \(http at 300 ops\/s against a null endpoint\): p50 0\.20 ms, p99 2\.50 ms, p99\.9 4\.00 ms/);
  assert.doesNotMatch(section(renderReport(standardRun(['p99 < 10ms'])), 'verdict'), /inconclusive|Harness floor/i, 'nothing about a floor that was not measured');
});

test('an incomplete run and a saturated generator are warned about in the first section', () => {
  const verdict = section(renderReport(hostileSummary()), 'verdict');
  assert.match(verdict, /<div class="warning" role="alert"><strong>Incomplete run<\/strong>/);
  assert.match(verdict, /<div class="warning" role="alert"><strong>The load generator was saturated<\/strong>/);
  assert.match(verdict, /<strong>12 errors<\/strong>/);
});

test('the operations table shows count, rate, percentiles, outcomes by kind, retries, capacity and cost', () => {
  const ops = section(renderReport(hostileSummary()), 'operations');
  const row = ops.split('\n').find((l) => l.includes('<th scope="row">plain-op</th>'))!;
  const cells = [...row.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]);
  // count rate p50 p90 p99 p99.9 max service-p99 errors outcomes retries RCU WCU cost
  assert.deepEqual(cells, ['600', '200', '1.50', '1.50', '1.50', '1.50', '1.50', '1.50', '0', '–', '0', '300', '0', '$0.0000375']);
  const hostileRow = ops.split('\n').find((l) => l.includes(`<th scope="row">${escapeHtml(HOSTILE.op)}</th>`))!;
  assert.match(hostileRow, /<td class="text">client 12<\/td><td>12<\/td>/, 'errors by kind, then retries');
});

test('the cost estimate uses the default on-demand prices unless others are given', () => {
  const s = standardRun(); // 650 RCU, 500 WCU
  assert.match(section(renderReport(s), 'operations'), /<strong>\$0\.000394<\/strong> \(650 read units × \$0\.125\/M \+ 500 write units × \$0\.625\/M\)/);
  const priced = section(renderReport(s, { prices: { readPerMillionUsd: 1, writePerMillionUsd: 2 } }), 'operations');
  assert.match(priced, /<strong>\$0\.00165<\/strong> \(650 read units × \$1\/M \+ 500 write units × \$2\/M\)[^]*Prices as given/);
});

test('the harness floor is a labelled band on the spectrum and the latency-over-time charts, in the SVG itself, only when measured', () => {
  const page = renderReport(flooredRun());
  const band = /<g class="floor"><rect class="floor-band" x="58" y="[\d.]+" width="\d+" height="[\d.]+"><title>harness floor \(p99 2\.50 ms, http\)<\/title><\/rect><line class="floor-line"[^>]*\/><text class="floor-label"[^>]*>harness floor \(p99 2\.50 ms, http\)<\/text><\/g>/;
  for (const id of ['spectrum-0', 'spectrum-2', 'latency-over-time', 'p99-by-operation']) {
    const chart = page.slice(page.indexOf(`<figure class="chart" id="${id}">`), page.indexOf('</figure>', page.indexOf(`<figure class="chart" id="${id}">`)));
    assert.match(chart, band, id);
  }
  const throughput = page.slice(page.indexOf('id="throughput-over-time"'));
  assert.doesNotMatch(throughput.slice(0, throughput.indexOf('</figure>')), /class="floor"/, 'not on a chart that is not latency');
  assert.doesNotMatch(renderReport(standardRun()), /class="floor"|harness floor/, 'no floor drawn without one measured');
});

test('every chart is an SVG with a title and a description, and the timeline marks phases and shades warm-up', () => {
  const page = renderReport(standardRun());
  const charts = [...page.matchAll(/<svg class="plot" [^>]*aria-labelledby="([a-z0-9-]+)-t \1-d"[^>]*>\n<title id="\1-t">[^<]+<\/title><desc id="\1-d">[^<]+<\/desc>/g)].map((m) => m[1]);
  assert.deepEqual(charts, ['spectrum-0', 'spectrum-1', 'spectrum-2', 'latency-over-time', 'p99-by-operation', 'own-send-lag-over-time', 'throughput-over-time', 'errors-over-time']);
  assert.equal(page.match(/<svg /g)?.length, charts.length);
  const latency = page.slice(page.indexOf('id="latency-over-time"'));
  assert.match(latency, /<rect class="band" x="58" [^>]*><title>warmup \(warm-up\)<\/title><\/rect>/);
  assert.match(latency, /<text class="marker-label" [^>]*>steady<\/text>/);
  assert.match(latency, /<text class="threshold-label" [^>]*>10 ms<\/text>/);
});

test("ddbench's own send lag and GC pauses get a chart of their own, labelled as not the target's, only when recorded", () => {
  const s = standardRun();
  const page = renderReport(s);
  const own = page.slice(page.indexOf('<figure class="chart" id="own-send-lag-over-time">'));
  const chart = own.slice(0, own.indexOf('</figure>'));
  assert.match(chart, /<title id="own-send-lag-over-time-t">ddbench&#39;s own send lag \(not the target\)<\/title>/);
  assert.match(chart, /send lag p99/);
  assert.ok((chart.match(/<path class="line/g)?.length ?? 0) >= 1, 'the send lag is drawn');
  // a summary written before the fields existed: no chart, nothing else changes
  const older: Summary = { ...s, intervals: s.intervals.map(({ sendLagP99Us: _l, processCpuMs: _c, gcPauseMs: _g, ...iv }) => iv) };
  assert.doesNotMatch(renderReport(older), /own-send-lag-over-time|own send lag/);
});

test('a 1-hour run (3,600 intervals, 4 operations) renders in under 300 KB, one point per pixel at most', () => {
  const page = renderReport(hourLongSummary());
  const bytes = Buffer.byteLength(page);
  assert.ok(bytes < 300_000, `report is ${bytes} bytes`);
  for (const d of page.matchAll(/<path class="line[^"]*" d="([^"]*)"/g)) {
    const points = d[1]!.match(/[ML]/g)!.length;
    assert.ok(points <= 1190, `a line has ${points} points`);
  }
  // the spikes every 10 minutes survive downsampling: the max line reaches ~25x the usual p99
  assert.match(section(page, 'timeline'), /<text class="tick" [^>]*>200<\/text>/);
});

test('a report rendered from the saved summary.json is byte for byte the one rendered from the run', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'ddbench-html-'));
  try {
    const s = hostileSummary();
    const file = await writeSummaryFile(dir, s);
    const written = await writeReportFile(dir, s);
    assert.equal(written, path.join(dir, REPORT_FILE));
    const saved = JSON.parse(await readFile(file, 'utf8')) as Summary;
    assert.equal(renderReport(saved), await readFile(written, 'utf8'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
