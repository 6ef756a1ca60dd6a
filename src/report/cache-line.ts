// The console's short account of a DAX run's cache: overall hit ratio, then per cached
// operation its hit ratio and median hit/miss latency (the local DAX server's own processing
// time). Empty when the run has no cache numbers.
import type { CacheOperationStats, Summary } from '../summary/model.js';

const pct = (r: number): string => `${(r * 100).toFixed(1)}%`;
const ms = (us: number): string => (us / 1000).toFixed(2);

function medians(c: CacheOperationStats): string {
  const hit = c.hitRequests ? ms(c.hitLatencyUs?.p50 ?? 0) : '-';
  const miss = c.missRequests ? ms(c.missLatencyUs?.p50 ?? 0) : '-';
  return `p50 hit ${hit} / miss ${miss} ms`;
}

export function formatCacheLines(summary: Summary): string[] {
  const cache = summary.cache;
  if (cache === undefined) return [];
  const lines = [`cache    DAX hit ratio ${pct(cache.hitRatio)} (${cache.hits} hits, ${cache.misses} misses; latency is the DAX server's own time)`];
  for (const [op, c] of Object.entries(cache.operations)) lines.push(`         ${op}: ${pct(c.hitRatio)} hits (${c.hits}/${c.hits + c.misses}), ${medians(c)}`);
  return lines;
}
