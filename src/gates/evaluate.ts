// Gate evaluation: pure, on the summary alone (measured phases only), so gates can be
// re-checked later from summary.json.
import type { Gate } from './parse.js';
import type { GateResult } from './result.js';
import type { Percentiles } from '../recorder/shapes.js';
import { decode } from '../recorder/histogram.js';
import { parseGate } from './parse.js';

/** What a gate reads of one operation (or all together): a summary's operations and total have it. */
export interface GateStats {
  count: number;
  errors: number;
  throttles: number;
  conditionalFailures: number;
  rateOpsPerSec: number;
  latencyUs: Percentiles;
  serviceTimeUs: Percentiles;
  latencyHistogram: string;
  serviceTimeHistogram: string;
}

/** The part of a summary gates are judged on (measured phases only). */
export interface GateSubject {
  operations: Record<string, GateStats>;
  total: GateStats;
}

export function evaluateGates(exprs: string[], summary: GateSubject): GateResult[] {
  const operationNames = Object.keys(summary.operations);
  return exprs.map((expr) => {
    const parsed = parseGate(expr, operationNames);
    if (!parsed.ok) return { expr, pass: false, actual: null, threshold: 0, unit: '', message: `${parsed.message} (FAIL)` };
    return evaluateGate(parsed.gate, summary);
  });
}

export function evaluateGate(gate: Gate, summary: GateSubject): GateResult {
  const subject = gate.operation === undefined ? summary.total : summary.operations[gate.operation];
  const who = gate.operation === undefined ? 'the run' : `operation ${gate.operation}`;
  const result = (actual: number | null, why?: string): GateResult => {
    const pass = actual !== null && compare(actual, gate);
    const shown = actual === null ? `no data (${why ?? 'no samples'})` : `actual ${formatActual(actual, gate.unit)}`;
    return { expr: gate.expr, pass, actual, threshold: gate.threshold, unit: gate.unit, message: `${gate.expr}: ${shown} (${pass ? 'PASS' : 'FAIL'})` };
  };
  if (subject === undefined) return result(null, `${who} is not in this run`);
  if (gate.metric === 'count') return result(subject.count);
  if (gate.metric === 'rate') return result(subject.rateOpsPerSec);
  if (subject.count === 0) return result(null, `${who} had no samples in the measured phases`);
  switch (gate.metric) {
    case 'errors':
      return result(percentOf(subject.errors, subject.count));
    case 'throttles':
      return result(percentOf(subject.throttles, subject.count));
    case 'conditional_failures':
      return result(percentOf(subject.conditionalFailures, subject.count));
    case 'latency':
    case 'service':
      return result(toUnit(statUs(subject, gate), gate.unit));
  }
}

/** Does the measured value meet the gate's comparison? (Abort rules use it too.) */
export function compare(actual: number, gate: Gate): boolean {
  switch (gate.comparator) {
    case '<':
      return actual < gate.threshold;
    case '<=':
      return actual <= gate.threshold;
    case '>':
      return actual > gate.threshold;
    case '>=':
      return actual >= gate.threshold;
  }
}

function percentOf(n: number, count: number): number {
  return (n / count) * 100;
}

const NAMED_PERCENTILES: ReadonlyMap<number, keyof Percentiles> = new Map([
  [50, 'p50'],
  [90, 'p90'],
  [99, 'p99'],
  [99.9, 'p999'],
]);

/** The statistic in µs: from the summary's percentiles when it has it (so gates agree with the table), else from the histogram. */
function statUs(s: GateStats, gate: Gate): number {
  const p = gate.metric === 'service' ? s.serviceTimeUs : s.latencyUs;
  const stat = gate.stat ?? 'max';
  if (typeof stat === 'string') return p[stat];
  const named = NAMED_PERCENTILES.get(stat);
  if (named !== undefined) return p[named];
  return decode(gate.metric === 'service' ? s.serviceTimeHistogram : s.latencyHistogram).getValueAtPercentile(stat);
}

function toUnit(us: number, unit: string): number {
  if (unit === 'us') return us;
  if (unit === 's') return us / 1e6;
  return us / 1000;
}

const UNIT_SUFFIX: Record<string, string> = { ms: 'ms', us: 'us', s: 's', '%': '%', 'ops/s': ' ops/s', '': '' };

export function formatActual(n: number, unit: string): string {
  const text = unit === '' ? String(Math.round(n)) : n === 0 || Math.abs(n) >= 0.1 ? n.toFixed(2) : n.toPrecision(2);
  return `${text}${UNIT_SUFFIX[unit] ?? unit}`;
}
