// The trend's outputs from a synthetic history (summaries made from the recorder-built fixture,
// latencies scaled per run): console lines newest first, JUnit and Markdown escaping, trend.html
// escaping and links.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { standardRun } from './summary-fixture.js';
import { analyseTrend } from '../../src/trend/trend.js';
import { TREND_DEFAULTS } from '../../src/trend/analyse.js';
import { formatTrendConsole } from '../../src/report/trend-console.js';
import { renderTrendJunit, renderTrendMarkdown } from '../../src/report/trend-ci.js';
import { relativeHref, renderTrendPage } from '../../src/report/html/trend.js';
import type { TrendRun } from '../../src/trend/series.js';
import type { Summary } from '../../src/summary/model.js';

const DAY_MS = 86_400_000;

/** 20 nights; `op`'s latency doubles from night `stepA` and another op's p50 from `stepB`. */
function history(stepA: number, stepB: number): TrendRun[] {
  const base = standardRun();
  const [a, b] = Object.keys(base.operations);
  return Array.from({ length: 20 }, (_, i) => {
    const s = structuredClone(base) as Summary;
    s.startedAt = new Date(Date.parse(base.startedAt) + i * DAY_MS).toISOString();
    const wobble = 1 + 0.02 * Math.sin(i * 2.1);
    for (const [name, o] of Object.entries(s.operations)) {
      const f = wobble * (name === a && i >= stepA ? 2 : 1) * (name === b && i >= stepB ? 3 : 1);
      for (const p of ['p50', 'p99', 'p999'] as const) o.latencyUs[p] = Math.max(1000, o.latencyUs[p]) * f;
    }
    return { file: `/h/night-${i + 1}/summary.json`, dir: `/h/night-${i + 1}`, startedAt: s.startedAt, summary: s };
  });
}

test('console: one line per change, newest first, then the failing series and the tally', () => {
  const runs = history(8, 14);
  const [a, b] = Object.keys(runs[0]!.summary.operations);
  const result = analyseTrend(runs, { metrics: ['p50'], ops: [] }, TREND_DEFAULTS);
  const lines = formatTrendConsole(result, '/h').split('\n');
  assert.match(lines[0]!, new RegExp(`^REGRESSION\\s+${b} p50\\s+\\+(19|20)\\d\\.\\d% .* from run 15 \\S+ \\(night-15\\)$`));
  assert.match(lines[1]!, new RegExp(`^REGRESSION\\s+${a} p50\\s+\\+(9\\d|10\\d)\\.\\d% .* from run 9 \\S+ \\(night-9\\)$`));
  assert.ok(lines.some((l) => l.startsWith(`FAIL  ${a} p50`)));
  assert.match(lines.at(-1)!, /^trend: 20 runs, \d+ series, 2 change points; .*: FAIL$/);
  assert.equal(result.pass, false);
});

test('JUnit and Markdown escape names; trend.html escapes them and encodes links', () => {
  const runs = history(10, 99).map((r) => {
    const s = structuredClone(r.summary);
    s.scenario.name = '<x & "y">';
    return { ...r, summary: s };
  });
  const result = analyseTrend(runs, { metrics: ['p99'], ops: [] }, TREND_DEFAULTS);
  const xml = renderTrendJunit(result);
  assert.match(xml, /<testsuite name="ddbench\.trend\.&lt;x &amp; &quot;y&quot;&gt;" tests="\d+" failures="1"/);
  const md = renderTrendMarkdown(result);
  assert.match(md, /^### ddbench trend &lt;x &amp; "y"&gt;: ❌ FAIL/);
  const page = renderTrendPage(result, { reportHref: (r) => relativeHref('/h', `${r.dir}/report.html`), version: 't' });
  assert.ok(!page.includes('<x &'), 'scenario name escaped');
  assert.match(page, /<h1>ddbench trend: &lt;x &amp; &quot;y&quot;&gt;<\/h1>/);
  assert.match(page, /<a href="night-1\/report\.html">report\.html<\/a>/);
  assert.equal(relativeHref('/h', '/h/javascript:x/a#b/report.html'), 'javascript%3Ax/a%23b/report.html');
});

test('a history with too few runs passes and says it found no change', () => {
  const result = analyseTrend(history(2, 99).slice(0, 4), { metrics: [], ops: [] }, TREND_DEFAULTS);
  assert.equal(result.pass, true);
  assert.match(formatTrendConsole(result), /^no change beyond 10% in 4 runs$/m);
});
