// Baseline comparison: two summaries in, per-operation deltas and a verdict out. Pure.
//
// Noise handling (docs/ci.md "How noise is handled" says the same to users):
// - Latency percentiles (p50, p90, p99, p99.9 of latency from the intended start, i.e. corrected
//   for coordinated omission) regress only when they grew by MORE than the relative tolerance
//   (maxRegressionPct) AND by more than an absolute floor (floorUs, default 1 ms). Sub-millisecond
//   jitter on a shared machine is not a regression, and +40% of 300 µs is still noise.
//   Improvements are the mirror image (better by more than both).
// - A percentile gates only when both runs measured enough operations: minSamples (default 100)
//   and at least 1 / (1 - q) of them, so that the percentile is not just the largest sample
//   (p99.9 needs 1000). Rows below that are shown as "too few samples" and never fail.
// - max is reported but never gates by default: it is a single sample (gateMax turns it on).
// - Error rate (errors / count, in %) regresses when it rose by more than floorPct percentage
//   points (default 0.1). Errors are not jitter, so no relative tolerance and no sample minimum.
// - Achieved rate regresses when it fell by more than the tolerance, and only when both runs
//   asked for the same load (same mode, concurrency and measured phases' target rates or
//   workers); otherwise they are different experiments: the rate is shown, not judged.
// - Runs of different scenarios (by name) are refused with a UsageError unless `force`.
import type { ComparedMetric, Comparison, ComparisonRow, OperationSummary, RunRef, Summary } from '../summary/model.js';
import { UsageError } from '../errors.js';

export interface CompareOptions {
  /** a percentile may grow by this much (%) before it is a regression */
  maxRegressionPct: number;
  /** latency changes at or under this many µs never count (default 1000) */
  floorUs?: number;
  /** error-rate changes at or under this many percentage points never count (default 0.1) */
  floorPct?: number;
  /** operations needed in both runs before a percentile gates (default 100) */
  minSamples?: number;
  /** let max gate like the percentiles (default false: one outlier is not a trend) */
  gateMax?: boolean;
  /** compare runs of different scenarios anyway */
  force?: boolean;
  /** where the summaries came from, for the report */
  baselineFile?: string;
  currentFile?: string;
}

export const DEFAULT_FLOOR_US = 1000;
export const DEFAULT_FLOOR_PCT = 0.1;
export const DEFAULT_MIN_SAMPLES = 100;
export const TOTAL_ROW = '(all)';

const LATENCY_METRICS = [
  ['p50', 50],
  ['p90', 90],
  ['p99', 99],
  ['p999', 99.9],
  ['max', 100],
] as const satisfies readonly (readonly [ComparedMetric, number])[];

interface Settings {
  tolerancePct: number;
  floorUs: number;
  floorPct: number;
  minSamples: number;
  gateMax: boolean;
  sameLoad: boolean;
}

/** A summary as compared: judged or not (run --baseline compares before the judge speaks). */
export type ComparedRun = Omit<Summary, 'pass'>;

export function compareSummaries(baseline: ComparedRun, current: ComparedRun, opts: CompareOptions): Comparison {
  const settings: Settings = {
    tolerancePct: nonNegative(opts.maxRegressionPct, 'max regression'),
    floorUs: nonNegative(opts.floorUs ?? DEFAULT_FLOOR_US, 'latency floor'),
    floorPct: nonNegative(opts.floorPct ?? DEFAULT_FLOOR_PCT, 'error-rate floor'),
    minSamples: nonNegative(opts.minSamples ?? DEFAULT_MIN_SAMPLES, 'minimum samples'),
    gateMax: opts.gateMax ?? false,
    sameLoad: loadSignature(baseline) === loadSignature(current),
  };
  const notes: string[] = [];
  if (baseline.scenario.name !== current.scenario.name) {
    if (!opts.force) throw new UsageError(scenarioMismatch(baseline.scenario.name, current.scenario.name));
    notes.push(`different scenarios compared on purpose (--force): baseline "${baseline.scenario.name}", current "${current.scenario.name}"`);
  }
  if (!settings.sameLoad) notes.push(`the runs asked for different loads (${describeLoad(baseline)} vs ${describeLoad(current)}): achieved rates are shown, not judged`);
  if (!baseline.complete) notes.push('the baseline run was incomplete (interrupted)');
  if (!current.complete) notes.push('the current run was incomplete (interrupted)');
  if (baseline.generator.saturated) notes.push('the baseline run\'s load generator was saturated: its latencies may be inflated by ddbench itself');
  if (current.generator.saturated) notes.push('this run\'s load generator was saturated: its latencies may be inflated by ddbench itself');
  if (baseline.target.kind !== current.target.kind) notes.push(`different targets: baseline ${baseline.target.kind}, current ${current.target.kind}`);

  const baseOps = Object.keys(baseline.operations);
  const curOps = Object.keys(current.operations);
  const common = curOps.filter((name) => name in baseline.operations);
  const rows: ComparisonRow[] = [];
  for (const name of common) rows.push(...compareOperation(name, baseline.operations[name]!, current.operations[name]!, settings));
  rows.push(...compareOperation(TOTAL_ROW, baseline.total, current.total, settings));

  const regressions = rows.filter((r) => r.regression);
  return {
    baseline: runRef(baseline, opts.baselineFile),
    current: runRef(current, opts.currentFile),
    maxRegressionPct: settings.tolerancePct,
    floorUs: settings.floorUs,
    floorPct: settings.floorPct,
    minSamples: settings.minSamples,
    rows,
    regressions,
    pass: regressions.length === 0,
    onlyInBaseline: baseOps.filter((name) => !(name in current.operations)),
    onlyInCurrent: curOps.filter((name) => !(name in baseline.operations)),
    notes,
  };
}

export function scenarioMismatch(baselineName: string, currentName: string, forceFlag = '--force'): string {
  return `the baseline is a run of scenario "${baselineName}", not "${currentName}": compare runs of the same scenario (${forceFlag} to compare anyway)`;
}

/** The samples a percentile needs before it may gate: minSamples, and enough that it is not the max. */
export function samplesNeeded(percentile: number, minSamples: number): number {
  return percentile >= 100 ? minSamples : Math.max(minSamples, Math.ceil(100 / (100 - percentile) - 1e-9));
}

function compareOperation(op: string, b: OperationSummary, c: OperationSummary, s: Settings): ComparisonRow[] {
  const samples = { baseline: b.count, current: c.count };
  const rows: ComparisonRow[] = [];
  for (const [metric, percentile] of LATENCY_METRICS) {
    const row = newRow(op, metric, b.latencyUs[metric], c.latencyUs[metric], samples);
    const needed = samplesNeeded(percentile, s.minSamples);
    if (metric === 'max' && !s.gateMax) rows.push(judged(row, false, 'max is one sample: reported, never gates'));
    else if (b.count < needed || c.count < needed) rows.push(judged(row, false, `too few samples (${Math.min(b.count, c.count)} < ${needed})`));
    else rows.push(judgeUp(row, s.tolerancePct, s.floorUs));
  }

  const rate = newRow(op, 'rateOpsPerSec', b.rateOpsPerSec, c.rateOpsPerSec, samples);
  if (!s.sameLoad) rows.push(judged(rate, false, 'different target load: not judged'));
  else {
    const fell = rate.deltaPct !== null && -rate.deltaPct > s.tolerancePct;
    const rose = rate.deltaPct !== null && rate.deltaPct > s.tolerancePct;
    rows.push(judged(rate, true, undefined, fell, rose));
  }

  const errors = newRow(op, 'errorRatePct', errorRatePct(b), errorRatePct(c), samples);
  if (b.count === 0 || c.count === 0) rows.push(judged(errors, false, 'no samples in one run'));
  else rows.push(judged(errors, true, undefined, errors.deltaAbs > s.floorPct, -errors.deltaAbs > s.floorPct));
  return rows;
}

/** Latency: worse means higher, and it must beat both the tolerance and the floor. */
function judgeUp(row: ComparisonRow, tolerancePct: number, floorUs: number): ComparisonRow {
  const beyondTolerance = row.deltaPct === null ? row.deltaAbs > 0 : Math.abs(row.deltaPct) > tolerancePct;
  const beyondFloor = Math.abs(row.deltaAbs) > floorUs;
  const changed = beyondTolerance && beyondFloor;
  return judged(row, true, undefined, changed && row.deltaAbs > 0, changed && row.deltaAbs < 0);
}

function judged(row: ComparisonRow, gating: boolean, note?: string, regression = false, improvement = false): ComparisonRow {
  return { ...row, gating, regression: gating && regression, improvement: gating && improvement, ...(note !== undefined ? { note } : {}) };
}

function newRow(op: string, metric: ComparedMetric, baseline: number, current: number, samples: { baseline: number; current: number }): ComparisonRow {
  const deltaAbs = current - baseline;
  return { op, metric, baseline, current, deltaAbs, deltaPct: baseline === 0 ? null : (deltaAbs / baseline) * 100, regression: false, improvement: false, samples };
}

export function errorRatePct(s: OperationSummary): number {
  return s.count > 0 ? (s.errors / s.count) * 100 : 0;
}

/** What load a run asked for; two runs with the same signature can be judged on achieved rate. */
function loadSignature(s: ComparedRun): string {
  const measured = s.phases.filter((p) => !p.warmup).map((p) => [p.targetRateOpsPerSec ?? null, p.rampToOpsPerSec ?? null, p.workers ?? null]);
  return JSON.stringify([s.mode, s.concurrency, measured]);
}

function describeLoad(s: ComparedRun): string {
  const measured = s.phases.filter((p) => !p.warmup);
  const each = measured.map((p) =>
    p.workers !== undefined ? `${p.workers} workers` : `${p.targetRateOpsPerSec ?? '?'}${p.rampToOpsPerSec !== undefined ? `->${p.rampToOpsPerSec}` : ''} ops/s`,
  );
  return `${s.mode} loop, concurrency ${s.concurrency}, ${each.join(' + ') || 'no measured phase'}`;
}

function runRef(s: ComparedRun, file: string | undefined): RunRef {
  return { scenario: s.scenario.name, startedAt: s.startedAt, target: `${s.target.kind} ${s.target.endpoint}`, driver: s.driver, ...(file !== undefined ? { file } : {}) };
}

function nonNegative(value: number, what: string): number {
  if (!Number.isFinite(value) || value < 0) throw new UsageError(`${what}: expected a number >= 0, got ${String(value)}`);
  return value;
}
