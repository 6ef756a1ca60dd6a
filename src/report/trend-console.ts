// `ddbench trend`'s console output: one line per change beyond the minimum, newest first, then
// one line per series whose newest level regressed (what the exit code is about), then a tally.
import path from 'node:path';
import { changesNewestFirst, formatMetric, formatP, formatPct, seriesName } from '../trend/trend.js';
import type { TrendResult } from '../trend/trend.js';

export function formatTrendConsole(result: TrendResult, cwd = process.cwd()): string {
  const lines: string[] = [];
  const where = (run: number) => {
    const r = result.runs[run]!;
    return `run ${run + 1} ${r.startedAt} (${path.relative(cwd, r.dir) || '.'})`;
  };
  for (const { trend, change } of changesNewestFirst(result)) {
    const m = trend.series.metric;
    lines.push(
      `${change.kind === 'regression' ? 'REGRESSION ' : 'improvement'}  ${seriesName(trend)}  ${formatPct(change.changePct)}  ${formatMetric(m, change.before)} -> ${formatMetric(m, change.after)}  ${formatP(change.pValue)}  from ${where(change.run)}`,
    );
  }
  const small = result.trends.reduce((n, t) => n + t.changes.filter((c) => c.kind === 'small').length, 0);
  if (lines.length === 0) lines.push(`no change beyond ${result.options.minChangePct}% in ${result.runs.length} runs`);
  for (const t of result.regressed) {
    const n = t.newest!;
    lines.push(`FAIL  ${seriesName(t)}: the newest level is ${formatPct(n.changePct)} worse (${formatMetric(t.series.metric, n.before)} -> ${formatMetric(t.series.metric, n.after)}) since ${where(n.sinceRun)}`);
  }
  const o = result.options;
  lines.push(
    `trend: ${result.runs.length} runs, ${result.trends.length} series, ${result.trends.reduce((n, t) => n + t.changes.length, 0)} change points` +
      `${small > 0 ? ` (${small} below ${o.minChangePct}%)` : ''}; e-divisive means, p <= ${o.pValue}, ${o.permutations} permutations, seed ${o.seed}: ${result.pass ? 'PASS' : 'FAIL'}`,
  );
  return lines.join('\n');
}
