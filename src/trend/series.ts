// From a history of summaries (oldest first) to the series `trend` judges: per operation its
// p50, p99, p99.9, error rate and achieved throughput, and for sweeps the knee. A run that lacks
// a value (an operation it did not have, a sweep without a knee) leaves a gap, not a zero.
import type { Summary } from '../summary/model.js';

export const METRICS = ['p50', 'p99', 'p999', 'errors', 'throughput', 'knee'] as const;
export type MetricName = (typeof METRICS)[number];

export interface MetricInfo {
  label: string;
  unit: string;
  /** +1: higher is worse (latency, errors); -1: lower is worse (throughput, knee) */
  worse: 1 | -1;
  /**
   * changes smaller than this many units never count, whatever their relative size: an error
   * rate going from 0% to 0.01% is +inf% but no news (compare's --error-floor default: 0.1 points)
   */
  floor: number;
}

export const METRIC_INFO: Record<MetricName, MetricInfo> = {
  p50: { label: 'p50', unit: 'ms', worse: 1, floor: 0 },
  p99: { label: 'p99', unit: 'ms', worse: 1, floor: 0 },
  p999: { label: 'p99.9', unit: 'ms', worse: 1, floor: 0 },
  errors: { label: 'error rate', unit: '%', worse: 1, floor: 0.1 },
  throughput: { label: 'throughput', unit: 'ops/s', worse: -1, floor: 0 },
  knee: { label: 'knee', unit: 'ops/s', worse: -1, floor: 0 },
};

/** The pseudo-operation the sweep knee belongs to (a property of the whole run). */
export const SWEEP_OP = '(sweep)';

export interface TrendRun {
  /** the summary.json file, and the folder it is in (where its report.html is) */
  file: string;
  dir: string;
  startedAt: string;
  summary: Summary;
}

export interface SeriesPoint {
  /** index into the runs */
  run: number;
  value: number;
}

export interface Series {
  op: string;
  metric: MetricName;
  points: SeriesPoint[];
}

export interface SeriesFilter {
  /** empty: every metric (the knee only where runs are sweeps) */
  metrics: readonly MetricName[];
  /** empty: every operation */
  ops: readonly string[];
}

/** Every series with at least one point, operations in first-seen order, metrics in METRICS order. */
export function buildSeries(runs: readonly TrendRun[], filter: SeriesFilter): Series[] {
  const metrics = filter.metrics.length > 0 ? filter.metrics : METRICS;
  const ops: string[] = [];
  for (const r of runs) for (const op of Object.keys(r.summary.operations)) if (!ops.includes(op)) ops.push(op);
  const chosen = filter.ops.length > 0 ? ops.filter((o) => filter.ops.includes(o)) : ops;
  const out: Series[] = [];
  for (const op of chosen) {
    for (const metric of metrics) {
      if (metric === 'knee') continue;
      const points: SeriesPoint[] = [];
      runs.forEach((r, run) => {
        const value = opValue(r.summary, op, metric);
        if (value !== undefined && Number.isFinite(value)) points.push({ run, value });
      });
      if (points.length > 0) out.push({ op, metric, points });
    }
  }
  if (metrics.includes('knee')) {
    const points: SeriesPoint[] = [];
    runs.forEach((r, run) => {
      const knee = r.summary.sweep?.kneeOpsPerSec;
      if (typeof knee === 'number') points.push({ run, value: knee });
    });
    if (points.length > 0) out.push({ op: SWEEP_OP, metric: 'knee', points });
  }
  return out;
}

function opValue(s: Summary, op: string, metric: MetricName): number | undefined {
  const o = s.operations[op];
  if (o === undefined || o.count === 0) return undefined;
  switch (metric) {
    case 'p50':
      return o.latencyUs.p50 / 1000;
    case 'p99':
      return o.latencyUs.p99 / 1000;
    case 'p999':
      return o.latencyUs.p999 / 1000;
    case 'errors':
      return (o.errors / o.count) * 100;
    case 'throughput':
      return o.rateOpsPerSec;
    case 'knee':
      return undefined;
  }
}

/** `p99,p50` or repeated flags into metric names; undefined names are returned as `bad`. */
export function parseMetrics(values: readonly string[]): { metrics: MetricName[]; bad: string[] } {
  const aliases: Record<string, MetricName> = { 'p99.9': 'p999', error: 'errors', 'error-rate': 'errors', rate: 'throughput' };
  const metrics: MetricName[] = [];
  const bad: string[] = [];
  for (const v of values.flatMap((x) => x.split(','))) {
    const name = v.trim().toLowerCase();
    if (name === '') continue;
    const m = (METRICS as readonly string[]).includes(name) ? (name as MetricName) : aliases[name];
    if (m === undefined) bad.push(v);
    else if (!metrics.includes(m)) metrics.push(m);
  }
  return { metrics, bad };
}
