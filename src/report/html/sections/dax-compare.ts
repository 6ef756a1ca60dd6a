// compare.html's "DAX against DynamoDB" section, when one run went through DAX and the other
// straight to DynamoDB: per operation both runs' p50 and p99, the cache hit ratio of the
// operation's DAX call type, consumed read units on each side and what the cache saved.
import type { Summary } from '../../../summary/model.js';
import { daxComparison, type DaxComparisonRow } from '../../../compare/dax.js';
import { html } from '../escape.js';
import type { Raw } from '../escape.js';
import { msFromUs, pct, units } from '../format.js';
import { table } from '../layout.js';

/** scenario operation name -> its DynamoDB call type, from the scenario as written (when readable). */
function operationTypes(s: Summary): Map<string, string> {
  const out = new Map<string, string>();
  const ops = (s.scenario.source as { operations?: unknown } | null)?.operations;
  if (!Array.isArray(ops)) return out;
  for (const op of ops) {
    const o = op as { name?: unknown; type?: unknown };
    if (typeof o.name === 'string' && typeof o.type === 'string') out.set(o.name, o.type);
  }
  return out;
}

export function daxCompareSection(baseline: Summary, current: Summary): Raw {
  const c = daxComparison(baseline, current);
  if (c === undefined) return html``;
  const dax = baseline.target.kind === 'dax' ? baseline : current;
  const types = operationTypes(dax);
  const hitRatio = (r: DaxComparisonRow): string => {
    if (r.op === '(all)') return c.cache !== undefined ? pct(c.cache.hitRatio * 100, 1) : '–';
    const type = types.get(r.op);
    const stats = type !== undefined ? c.cache?.operations[type] : undefined;
    return stats !== undefined ? `${pct(stats.hitRatio * 100, 1)} (${type})` : '–';
  };
  const saved = (r: DaxComparisonRow): string => (r.savedRcuPct === null ? '–' : `${units(r.savedRcu)} (${pct(r.savedRcuPct, 1)})`);
  return html`<section id="dax-vs-dynamodb"><h2>DAX against DynamoDB</h2>
<p class="note">The same workload (same scenario, same random seed) against ${c.directTarget} and through DAX at ${c.daxTarget}. A cache hit consumes no DynamoDB capacity, so the read units DAX saved follow its hit ratio; writes go through to DynamoDB and cost the same. The hit ratio is that of the operation's DAX call type (all operations of one type share it). Against a local DAX server these are local timings, not those of a DAX cluster on AWS.</p>
${table<DaxComparisonRow>(
  'Latency from intended start in ms; consumed capacity as reported by each target',
  [
    { title: 'operation', cell: (r) => r.op },
    { title: 'DynamoDB p50', cell: (r) => msFromUs(r.direct.p50Us) },
    { title: 'DAX p50', cell: (r) => msFromUs(r.dax.p50Us) },
    { title: 'DynamoDB p99', cell: (r) => msFromUs(r.direct.p99Us) },
    { title: 'DAX p99', cell: (r) => msFromUs(r.dax.p99Us) },
    { title: 'hit ratio', hint: 'cache hit ratio of this operation\'s DAX call type', cell: hitRatio },
    { title: 'DynamoDB RCU', cell: (r) => units(r.direct.rcu) },
    { title: 'DAX RCU', cell: (r) => units(r.dax.rcu) },
    { title: 'RCU saved', hint: 'read units DynamoDB consumed without DAX minus with it', cell: saved },
    { title: 'DynamoDB WCU', cell: (r) => units(r.direct.wcu) },
    { title: 'DAX WCU', cell: (r) => units(r.dax.wcu) },
  ],
  [...c.rows, c.total],
  (r) => (r.op === '(all)' ? 'total' : ''),
)}
</section>`;
}
