// `ddbench trend`'s pure core: runs (oldest first) -> series -> change points and levels ->
// the one fact the exit code depends on (does the newest level of any series regress?), and
// the sentences every output (console, Markdown, JUnit, trend.html) uses to describe a change.
import { analyseSeries } from './analyse.js';
import type { Change, SeriesTrend, TrendOptions } from './analyse.js';
import { buildSeries, METRIC_INFO } from './series.js';
import type { MetricName, SeriesFilter, TrendRun } from './series.js';

export interface TrendResult {
  runs: readonly TrendRun[];
  trends: SeriesTrend[];
  options: TrendOptions;
  /** series whose newest level is a regression beyond the minimum change */
  regressed: SeriesTrend[];
  pass: boolean;
}

export function analyseTrend(runs: readonly TrendRun[], filter: SeriesFilter, options: TrendOptions): TrendResult {
  const trends = buildSeries(runs, filter).map((s) => analyseSeries(s, options));
  const regressed = trends.filter((t) => t.newest?.regressed === true);
  return { runs, trends, options, regressed, pass: regressed.length === 0 };
}

export interface ChangeRow {
  trend: SeriesTrend;
  change: Change;
}

/** Every change beyond the minimum, newest first (then by operation and metric, for a stable order). */
export function changesNewestFirst(result: TrendResult, includeSmall = false): ChangeRow[] {
  const rows = result.trends.flatMap((trend) => trend.changes.filter((c) => includeSmall || c.kind !== 'small').map((change) => ({ trend, change })));
  return rows.sort((a, b) => b.change.run - a.change.run || a.trend.series.op.localeCompare(b.trend.series.op) || metricOrder(a) - metricOrder(b));
}

function metricOrder(r: ChangeRow): number {
  return Object.keys(METRIC_INFO).indexOf(r.trend.series.metric);
}

/** `get p99` / `(sweep) knee`. */
export function seriesName(trend: SeriesTrend): string {
  return `${trend.series.op} ${METRIC_INFO[trend.series.metric].label}`;
}

/** A value with its unit: `1.23 ms`, `0.50 %`, `1,980 ops/s`. */
export function formatMetric(metric: MetricName, value: number): string {
  const unit = METRIC_INFO[metric].unit;
  if (unit === 'ops/s') return `${Math.round(value).toLocaleString('en-US')} ops/s`;
  if (unit === '%') return `${value.toFixed(2)}%`;
  return `${value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : Math.round(value)} ms`;
}

export function formatPct(pct: number): string {
  return `${pct >= 0 ? '+' : ''}${pct.toFixed(1)}%`;
}

/** `p=0.005` with as many digits as the permutation count supports. */
export function formatP(p: number): string {
  return `p=${p < 0.001 ? p.toExponential(1) : p.toFixed(3)}`;
}
