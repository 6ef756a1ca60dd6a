// The comparison as aligned console text: one row per operation and metric, regressions marked
// REGRESSION, then one result line. Plain text so it reads the same in a terminal and a CI log.
import type { ComparedMetric, Comparison, ComparisonRow } from '../summary/model.js';
import { DEFAULT_FLOOR_PCT, DEFAULT_MIN_SAMPLES } from '../compare/compare.js';

export const METRIC_LABEL: Record<ComparedMetric, string> = {
  p50: 'p50 ms',
  p90: 'p90 ms',
  p99: 'p99 ms',
  p999: 'p99.9 ms',
  max: 'max ms',
  rateOpsPerSec: 'rate ops/s',
  errorRatePct: 'errors %',
};

/** A row's value in its display unit (ms for latency). */
export function formatValue(metric: ComparedMetric, value: number): string {
  if (metric === 'rateOpsPerSec') return value.toFixed(1);
  if (metric === 'errorRatePct') return value.toFixed(2);
  return (value / 1000).toFixed(2);
}

export function formatDelta(row: ComparisonRow): string {
  const sign = row.deltaAbs > 0 ? '+' : row.deltaAbs < 0 ? '-' : '';
  return `${sign}${formatValue(row.metric, Math.abs(row.deltaAbs))}`;
}

export function formatDeltaPct(row: ComparisonRow): string {
  if (row.deltaPct === null) return row.deltaAbs === 0 ? '0.0%' : 'new';
  const sign = row.deltaPct > 0 ? '+' : '';
  return `${sign}${row.deltaPct.toFixed(1)}%`;
}

/** REGRESSION, improved, the reason a row does not gate, or empty (within noise). */
export function rowStatus(row: ComparisonRow): string {
  if (row.regression) return 'REGRESSION';
  if (row.improvement) return 'improved';
  return row.note ?? '';
}

/** One phrase per regression: `get-profile p99 +900.0% (4.00 -> 40.00 ms)`. */
export function describeRegression(row: ComparisonRow): string {
  const unit = METRIC_LABEL[row.metric].split(' ')[1] ?? '';
  return `${row.op} ${METRIC_LABEL[row.metric].split(' ')[0]} ${formatDeltaPct(row)} (${formatValue(row.metric, row.baseline)} -> ${formatValue(row.metric, row.current)} ${unit})`;
}

export function formatComparisonTable(c: Comparison): string {
  const header = ['operation', 'metric', 'baseline', 'current', 'delta', 'delta%', ''];
  const right = [false, false, true, true, true, true, false];
  const rows = c.rows.map((r) => [
    printable(r.op),
    METRIC_LABEL[r.metric],
    formatValue(r.metric, r.baseline),
    formatValue(r.metric, r.current),
    formatDelta(r),
    formatDeltaPct(r),
    rowStatus(r),
  ]);
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  const line = (r: string[]): string => r.map((cell, i) => (right[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd();

  const out = [
    `Baseline comparison: ${c.current.scenario} ${c.current.startedAt} vs baseline ${c.baseline.startedAt}${c.baseline.file !== undefined ? ` (${c.baseline.file})` : ''}`,
    `a regression must exceed ${c.maxRegressionPct}% and ${(c.floorUs / 1000).toFixed(2)} ms (latency) or ${c.floorPct ?? DEFAULT_FLOOR_PCT} points (error rate); ` +
      `percentiles gate with ${c.minSamples ?? DEFAULT_MIN_SAMPLES}+ samples in both runs; max never gates`,
    line(header),
    '-'.repeat(widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1)),
    ...rows.map(line),
  ];
  for (const note of c.notes ?? []) out.push(`note     ${note}`);
  if (c.onlyInBaseline.length > 0) out.push(`note     only in the baseline (not compared): ${c.onlyInBaseline.join(', ')}`);
  if (c.onlyInCurrent.length > 0) out.push(`note     only in this run (not compared): ${c.onlyInCurrent.join(', ')}`);
  out.push(
    c.pass
      ? `baseline PASS (no regression beyond ${c.maxRegressionPct}%)`
      : `baseline FAIL (${c.regressions.length} regression${c.regressions.length === 1 ? '' : 's'}: ${c.regressions.map(describeRegression).join('; ')})`,
  );
  return out.map(printable).join('\n');
}

/** `compare` reads files from anywhere: a control character in a name must not drive the terminal. */
function printable(s: string): string {
  return s.replace(/[\x00-\x1f\x7f-\x9f]/g, '?');
}
