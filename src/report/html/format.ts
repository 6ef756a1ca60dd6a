// Number formatting shared by every section: latency in ms from microseconds, counts, rates,
// capacity units and dollars. Plain strings; callers escape (they hold no user text anyway).
import type { ComparedMetric } from '../../summary/model.js';

/** Latency in ms with 2 decimals below 100 ms, fewer above: `1.23`, `123.4`, `1234`. */
export function msFromUs(us: number): string {
  const ms = us / 1000;
  if (ms < 100) return ms.toFixed(2);
  if (ms < 1000) return ms.toFixed(1);
  return ms.toFixed(0);
}

export function count(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export function rate(opsPerSec: number): string {
  return opsPerSec >= 100 ? opsPerSec.toFixed(0) : opsPerSec.toFixed(1);
}

export function units(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString('en-US') : n.toLocaleString('en-US', { maximumFractionDigits: 1 });
}

export function pct(x: number, digits = 2): string {
  return `${x.toFixed(digits)}%`;
}

/** Dollars with enough digits to show a tiny run's cost: `$0.000125`, `$1.23`. */
export function usd(x: number): string {
  if (x === 0) return '$0';
  if (x >= 1) return `$${x.toFixed(2)}`;
  return `$${x.toPrecision(3)}`;
}

/** Seconds as `45s`, `2m`, `2m30s`, `1h`, `1h05m`. */
export function formatSec(sec: number): string {
  const s = Math.round(sec);
  if (s < 60) return `${s}s`;
  if (s < 3600) return s % 60 === 0 ? `${s / 60}m` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  const m = Math.floor((s % 3600) / 60);
  return m === 0 ? `${Math.floor(s / 3600)}h` : `${Math.floor(s / 3600)}h${String(m).padStart(2, '0')}m`;
}

/** Duration for prose, with decimals under a minute: `3.2 s`, `2m30s`. */
export function formatMs(ms: number): string {
  return ms < 60_000 ? `${(ms / 1000).toFixed(1)} s` : formatSec(ms / 1000);
}

/** How the comparison's metrics read in a table. */
export const METRIC_LABEL: Record<ComparedMetric, string> = {
  p50: 'p50',
  p90: 'p90',
  p99: 'p99',
  p999: 'p99.9',
  max: 'max',
  rateOpsPerSec: 'rate',
  errorRatePct: 'error rate',
};
