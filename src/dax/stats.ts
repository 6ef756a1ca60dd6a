// Cache counters -> the summary's view (hit ratio per operation and overall). Pure.

import type { CacheStatsSummary } from '../types.js';
import type { CacheStats } from './backend.js';

const ratio = (hits: number, misses: number): number => (hits + misses > 0 ? hits / (hits + misses) : 0);

export function summariseCacheStats(stats: CacheStats): CacheStatsSummary {
  const operations: CacheStatsSummary['operations'] = {};
  let hits = 0;
  let misses = 0;
  for (const [op, c] of Object.entries(stats)) {
    if (c.hits + c.misses === 0) continue;
    operations[op] = { hits: c.hits, misses: c.misses, hitRatio: ratio(c.hits, c.misses) };
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
