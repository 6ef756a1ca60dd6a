// `ddbench trend`'s CI outputs. JUnit: suite `ddbench.trend.<scenario>`, one test case per
// judged series (`<op> <metric>`), a <failure> when its newest level is a regression beyond the
// minimum change. Markdown (for $GITHUB_STEP_SUMMARY): the result, the changes newest first,
// the failing series. Escaping is the run reports' own (junit.ts, markdown.ts).
import path from 'node:path';
import { changesNewestFirst, formatMetric, formatP, formatPct, seriesName } from '../trend/trend.js';
import type { TrendResult } from '../trend/trend.js';
import { attr, text } from './junit.js';
import { md } from './markdown.js';

function scenarioOf(result: TrendResult): string {
  return [...new Set(result.runs.map((r) => r.summary.scenario.name))].join('+');
}

export function renderTrendJunit(result: TrendResult): string {
  const suite = `ddbench.trend.${scenarioOf(result)}`;
  const cases = result.trends.map((t) => {
    const open = `    <testcase classname="${attr(suite)}" name="${attr(seriesName(t))}" time="0"`;
    if (!t.newest?.regressed) return `${open}/>`;
    const n = t.newest;
    const since = result.runs[n.sinceRun]!;
    const message = `newest level ${formatPct(n.changePct)} worse than before (${formatMetric(t.series.metric, n.before)} -> ${formatMetric(t.series.metric, n.after)}), beyond ${result.options.minChangePct}%`;
    const body = `since ${since.startedAt} (${since.dir})`;
    return `${open}>\n      <failure type="trend-regression" message="${attr(message)}">${text(body)}</failure>\n    </testcase>`;
  });
  const failures = result.regressed.length;
  return `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="ddbench trend" tests="${cases.length}" failures="${failures}" errors="0">
  <testsuite name="${attr(suite)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0">
${cases.join('\n')}
  </testsuite>
</testsuites>
`;
}

export function renderTrendMarkdown(result: TrendResult): string {
  const o = result.options;
  const out: string[] = [];
  out.push(`### ddbench trend ${md(scenarioOf(result))}: ${result.pass ? '✅ PASS' : '❌ FAIL'}`, '');
  const first = result.runs[0]!;
  const last = result.runs[result.runs.length - 1]!;
  out.push(`${result.runs.length} runs from ${md(first.startedAt)} to ${md(last.startedAt)}; ${result.trends.length} series; e-divisive means, p ≤ ${o.pValue}, changes below ${o.minChangePct}% not counted`);
  for (const t of result.regressed) {
    const n = t.newest!;
    out.push('', `- ❌ **${md(seriesName(t))}**: newest level ${md(formatPct(n.changePct))} worse (${md(formatMetric(t.series.metric, n.before))} → ${md(formatMetric(t.series.metric, n.after))}) since ${md(result.runs[n.sinceRun]!.startedAt)}`);
  }
  const rows = changesNewestFirst(result);
  if (rows.length > 0) {
    out.push('', '| first run of the new level | series | change | before → after | significance |', '|:--|:--|--:|:--|--:|');
    for (const { trend, change } of rows) {
      const r = result.runs[change.run]!;
      const mark = change.kind === 'regression' ? '❌' : '🟢';
      out.push(`| ${md(r.startedAt)} (${md(path.basename(r.dir))}) | ${md(seriesName(trend))} | ${mark} ${md(formatPct(change.changePct))} | ${md(formatMetric(trend.series.metric, change.before))} → ${md(formatMetric(trend.series.metric, change.after))} | ${md(formatP(change.pValue))} |`);
    }
  } else out.push('', `No change beyond ${o.minChangePct}%.`);
  out.push('');
  return out.join('\n');
}
