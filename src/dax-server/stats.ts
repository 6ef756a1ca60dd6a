// Cache counters and latency histograms -> the summary's view (hit ratio and hit/miss latency
// per operation, hit ratio overall). Pure.

import type { CacheOperationStats, CacheStatsSummary } from '../summary/model.js';
import { decode, percentiles } from '../recorder/histogram.js';
import type { CachedOp, CacheStats } from './backend.js';
import type { CacheLatency } from './meter.js';

const ratio = (hits: number, misses: number): number => (hits + misses > 0 ? hits / (hits + misses) : 0);

function latencyFields(encoded: { hit: string; miss: string } | undefined): Partial<CacheOperationStats> {
  if (encoded === undefined) return {};
  const hit = decode(encoded.hit);
  const miss = decode(encoded.miss);
  return {
    hitLatencyUs: percentiles(hit),
    missLatencyUs: percentiles(miss),
    hitRequests: hit.totalCount,
    missRequests: miss.totalCount,
    hitLatencyHistogram: encoded.hit,
    missLatencyHistogram: encoded.miss,
  };
}

export function summariseCacheStats(stats: CacheStats, latency: CacheLatency = {}): CacheStatsSummary {
  const operations: CacheStatsSummary['operations'] = {};
  let hits = 0;
  let misses = 0;
  for (const [op, c] of Object.entries(stats) as [CachedOp, CacheStats[CachedOp]][]) {
    if (c.hits + c.misses === 0) continue;
    operations[op] = { hits: c.hits, misses: c.misses, hitRatio: ratio(c.hits, c.misses), ...latencyFields(latency[op]) };
    hits += c.hits;
    misses += c.misses;
  }
  return { operations, hits, misses, hitRatio: ratio(hits, misses) };
}

/** Counts accumulated between two snapshots (the server's counters run for its whole life). */
export function statsSince(now: CacheStats, before: CacheStats): CacheStats {
  const out = structuredClone(now);
  for (const op of Object.keys(out) as (keyof CacheStats)[]) {
    out[op].hits -= before[op].hits;
    out[op].misses -= before[op].misses;
  }
  return out;
}
