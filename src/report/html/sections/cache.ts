// "DAX cache": for runs against the local DAX server, per cached operation the hit ratio (as a
// bar), hits and misses, and hit against miss latency. Those latencies are the server's own
// processing time, not what the client waited: the section says so next to the numbers.
import type { CacheOperationStats, Summary } from '../../../summary/model.js';
import type { Percentiles } from '../../../recorder/shapes.js';
import { html } from '../escape.js';
import type { Raw } from '../escape.js';
import { count, msFromUs, pct } from '../format.js';
import { table } from '../layout.js';
import { decode, mergeAll, percentiles } from '../../../recorder/histogram.js';

type Row = { name: string; c: CacheOperationStats; total?: boolean };

export function cacheSection(s: Summary): Raw {
  const cache = s.cache;
  if (cache === undefined) return html``;
  const rows: Row[] = [
    ...Object.entries(cache.operations).map(([name, c]) => ({ name, c })),
    { name: 'all cached reads', c: { hits: cache.hits, misses: cache.misses, hitRatio: cache.hitRatio, ...merged(Object.values(cache.operations)) }, total: true },
  ];
  const lat = (p: Percentiles | undefined, k: keyof Percentiles, n: number | undefined): string => (p === undefined || !n ? '–' : msFromUs(p[k]));
  return html`<section id="dax-cache">
<h2>DAX cache</h2>
<p class="note">Hits and misses of the local DAX server's item cache (GetItem, BatchGetItem: counted per key) and query cache (Query, Scan: per request) during the measured phases (counted from the end of the warm-up phases). Strongly consistent reads and transactions bypass the cache and are not counted. Hit and miss latency is <strong>the server's own processing time</strong>, from the whole request received to the answer handed to the socket: a hit is a lookup in memory, a miss adds the round trip to DynamoDB Local. The network hop and the DAX client's own work are not in it, and a local server's timings are not those of a DAX cluster on AWS.</p>
${table<Row>(
  'Per cached operation; latency in ms (server processing time)',
  [
    { title: 'operation', cell: (r) => r.name },
    { title: 'hit ratio', text: true, cell: (r) => ratioBar(r.c.hitRatio) },
    { title: 'hits', cell: (r) => count(r.c.hits) },
    { title: 'misses', cell: (r) => count(r.c.misses) },
    { title: 'hit p50', hint: 'median server time of a request served from the cache', cell: (r) => lat(r.c.hitLatencyUs, 'p50', r.c.hitRequests) },
    { title: 'hit p99', cell: (r) => lat(r.c.hitLatencyUs, 'p99', r.c.hitRequests) },
    { title: 'hit max', cell: (r) => lat(r.c.hitLatencyUs, 'max', r.c.hitRequests) },
    { title: 'miss p50', hint: 'median server time of a request that went to DynamoDB (BatchGetItem: any key missed)', cell: (r) => lat(r.c.missLatencyUs, 'p50', r.c.missRequests) },
    { title: 'miss p99', cell: (r) => lat(r.c.missLatencyUs, 'p99', r.c.missRequests) },
    { title: 'miss max', cell: (r) => lat(r.c.missLatencyUs, 'max', r.c.missRequests) },
  ],
  rows,
  (r) => (r.total ? 'total' : ''),
)}
</section>`;
}

/** The ratio as a percentage beside a small inline SVG bar (no script, no external asset). */
function ratioBar(ratio: number): Raw {
  const clamped = Math.max(0, Math.min(1, Number.isFinite(ratio) ? ratio : 0));
  const width = 80;
  const filled = Math.round(clamped * width);
  return html`<svg class="ratio" width="${width}" height="10" viewBox="0 0 ${width} 10" role="img" aria-label="hit ratio ${pct(clamped * 100, 1)}"><rect width="${width}" height="10" fill="#e3e6ea"/><rect width="${filled}" height="10" fill="#2e7d32"/></svg> ${pct(clamped * 100, 1)}`;
}

/** Hit and miss latency of every cached operation together, from their histograms (never averaged). */
function merged(ops: CacheOperationStats[]): Partial<CacheOperationStats> {
  const withLatency = ops.filter((c) => c.hitLatencyHistogram !== undefined && c.missLatencyHistogram !== undefined);
  if (withLatency.length === 0) return {};
  const hit = mergeAll(withLatency.map((c) => decode(c.hitLatencyHistogram!)));
  const miss = mergeAll(withLatency.map((c) => decode(c.missLatencyHistogram!)));
  return { hitLatencyUs: percentiles(hit), missLatencyUs: percentiles(miss), hitRequests: hit.totalCount, missRequests: miss.totalCount };
}
