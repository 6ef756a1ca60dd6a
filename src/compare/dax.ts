// What DAX changed against DynamoDB for the same workload: per operation, consumed read and
// write units on each side and the read units saved (a cache hit consumes none), beside the
// latency medians and p99s. Pure: two summaries in, rows out; undefined unless exactly one of
// the two runs went through DAX.
import type { CacheStatsSummary, Summary } from '../summary/model.js';

export interface DaxComparisonRow {
  op: string;
  direct: { rcu: number; wcu: number; p50Us: number; p99Us: number; count: number };
  dax: { rcu: number; wcu: number; p50Us: number; p99Us: number; count: number };
  /** direct.rcu - dax.rcu */
  savedRcu: number;
  /** savedRcu / direct.rcu * 100; null when the direct run consumed no read units */
  savedRcuPct: number | null;
}

export interface DaxComparison {
  directTarget: string;
  daxTarget: string;
  rows: DaxComparisonRow[];
  total: DaxComparisonRow;
  cache?: CacheStatsSummary;
}

function side(s: Summary, op: string): DaxComparisonRow['direct'] {
  const o = op === '(all)' ? s.total : s.operations[op];
  if (o === undefined) return { rcu: 0, wcu: 0, p50Us: 0, p99Us: 0, count: 0 };
  return { rcu: o.consumedRcu, wcu: o.consumedWcu, p50Us: o.latencyUs.p50, p99Us: o.latencyUs.p99, count: o.count };
}

function row(op: string, direct: Summary, dax: Summary): DaxComparisonRow {
  const d = side(direct, op);
  const x = side(dax, op);
  const savedRcu = d.rcu - x.rcu;
  return { op, direct: d, dax: x, savedRcu, savedRcuPct: d.rcu > 0 ? (savedRcu / d.rcu) * 100 : null };
}

/** a and b in either order; the DAX one is the run whose target kind is dax. */
export function daxComparison(a: Summary, b: Summary): DaxComparison | undefined {
  const aDax = a.target.kind === 'dax';
  if (aDax === (b.target.kind === 'dax')) return undefined;
  const [direct, dax] = aDax ? [b, a] : [a, b];
  const ops = [...new Set([...Object.keys(direct.operations), ...Object.keys(dax.operations)])];
  return {
    directTarget: `${direct.target.kind} ${direct.target.endpoint}`,
    daxTarget: `${dax.target.kind} ${dax.target.endpoint}`,
    rows: ops.map((op) => row(op, direct, dax)),
    total: row('(all)', direct, dax),
    ...(dax.cache !== undefined ? { cache: dax.cache } : {}),
  };
}

const units = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** One console line: units on each side and what the cache saved. */
export function formatDaxCapacityLine(c: DaxComparison): string {
  const t = c.total;
  const saved = t.savedRcuPct === null ? 'no read units to save' : `${t.savedRcuPct.toFixed(1)}% of read units saved`;
  const hits = c.cache !== undefined ? ` (cache hit ratio ${(c.cache.hitRatio * 100).toFixed(1)}%)` : '';
  return `capacity DynamoDB ${units(t.direct.rcu)} RCU / ${units(t.direct.wcu)} WCU; DAX ${units(t.dax.rcu)} RCU / ${units(t.dax.wcu)} WCU: ${saved}${hits}`;
}
