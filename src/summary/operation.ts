// From histograms and counters to the summary's per-operation numbers. Histograms are combined
// by adding counts (exact); percentiles are only ever read from a combined histogram.
import type { Histogram } from 'hdr-histogram-js';
import { EXPECTED_OUTCOMES } from '../types.js';
import type { OutcomeKind } from '../types.js';
import type { OpCounters } from '../recorder/types.js';
import type { OperationSummary } from './model.js';
import { mergeCounters, newCounters } from '../recorder/counters.js';
import { encode, mergeInto, newHistogram, percentiles } from '../recorder/histogram.js';

/** Latency + service histograms and counters of one set of operations (an op in some phases, or all ops). */
export interface Measured {
  latency: Histogram;
  service: Histogram;
  counters: OpCounters;
}

export function newMeasured(): Measured {
  return { latency: newHistogram(), service: newHistogram(), counters: newCounters() };
}

export function addMeasured(target: Measured, latency: Histogram | undefined, service: Histogram | undefined, counters: OpCounters | undefined): Measured {
  if (latency !== undefined) mergeInto(target.latency, latency);
  if (service !== undefined) mergeInto(target.service, service);
  if (counters !== undefined) mergeCounters(target.counters, counters);
  return target;
}

export function errorCount(outcomes: Partial<Record<OutcomeKind, number>>): number {
  let n = 0;
  for (const [kind, count] of Object.entries(outcomes) as [OutcomeKind, number][]) if (!EXPECTED_OUTCOMES.has(kind)) n += count;
  return n;
}

/** Capacity units are multiples of 0.5: rounding keeps float noise (0.30000000000000004) out of summary.json. */
function roundUnits(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/**
 * `windowCount`: completions inside the measured windows (the rate's numerator); `drainCount`:
 * completions after the last window. Without them (a merge re-adding shards) the rate is 0 and
 * the caller sums the shards' rates.
 */
export function operationSummary(m: Measured, measuredSec: number, windowCount = 0, drainCount = 0): OperationSummary {
  const c = m.counters;
  return {
    count: c.count,
    errors: errorCount(c.outcomes),
    throttles: c.outcomes.throttled ?? 0,
    throttledAttempts: c.throttledAttempts,
    retries: c.retries,
    retryDelayMs: c.retryDelayMs,
    conditionalFailures: c.outcomes['conditional-failed'] ?? 0,
    transactionCancellations: c.outcomes['transaction-canceled'] ?? 0,
    outcomes: { ...c.outcomes },
    errorNames: { ...c.errorNames },
    rateOpsPerSec: measuredSec > 0 ? windowCount / measuredSec : 0,
    ...(drainCount > 0 ? { drainCount } : {}),
    latencyUs: percentiles(m.latency),
    serviceTimeUs: percentiles(m.service),
    consumedRcu: roundUnits(c.consumedRcu),
    consumedWcu: roundUnits(c.consumedWcu),
    latencyHistogram: encode(m.latency),
    serviceTimeHistogram: encode(m.service),
  };
}
