// Per-operation numbers for the measured phases: counts, rate, latency percentiles, every outcome
// that is not `ok` by kind and by error name, retries, consumed capacity and what that capacity
// would cost on an on-demand table.
import type { OutcomeKind } from '../../../types.js';
import type { OperationSummary, Summary } from '../../../summary/model.js';
import { html } from '../escape.js';
import type { Raw } from '../escape.js';
import { costUsd, DEFAULT_PRICES } from '../../../pricing/cost.js';
import type { Prices } from '../../../pricing/cost.js';
import { count, msFromUs, rate, units, usd } from '../format.js';
import { table } from '../layout.js';

type Row = { name: string; o: OperationSummary; total?: boolean };

export function operationsSection(s: Summary, prices: Prices): Raw {
  const rows: Row[] = [...Object.entries(s.operations).map(([name, o]) => ({ name, o })), { name: 'total', o: s.total, total: true }];
  const named = rows.filter((r) => !r.total && Object.keys(r.o.errorNames).length > 0);
  return html`<section id="operations">
<h2>Operations</h2>
${table<Row>(
  'Measured phases; latency from intended start, ms',
  [
    { title: 'operation', cell: (r) => r.name },
    { title: 'count', cell: (r) => count(r.o.count) },
    { title: 'rate/s', hint: 'achieved operations per second', cell: (r) => rate(r.o.rateOpsPerSec) },
    { title: 'p50', cell: (r) => msFromUs(r.o.latencyUs.p50) },
    { title: 'p90', cell: (r) => msFromUs(r.o.latencyUs.p90) },
    { title: 'p99', cell: (r) => msFromUs(r.o.latencyUs.p99) },
    { title: 'p99.9', cell: (r) => msFromUs(r.o.latencyUs.p999) },
    { title: 'max', cell: (r) => msFromUs(r.o.latencyUs.max) },
    { title: 'service p99', hint: 'p99 service time, from the actual send', cell: (r) => msFromUs(r.o.serviceTimeUs.p99) },
    { title: 'errors', cell: (r) => count(r.o.errors) },
    { title: 'outcomes other than ok', text: true, cell: (r) => outcomes(r.o) },
    { title: 'retries', hint: 'extra attempts the SDK made', cell: (r) => count(r.o.retries) },
    { title: 'RCU', hint: 'consumed read capacity units, as reported by the target', cell: (r) => units(r.o.consumedRcu) },
    { title: 'WCU', hint: 'consumed write capacity units, as reported by the target', cell: (r) => units(r.o.consumedWcu) },
    { title: 'cost', hint: 'on-demand estimate for these units', cell: (r) => usd(costUsd(r.o.consumedRcu, r.o.consumedWcu, prices)) },
  ],
  rows,
  (r) => (r.total ? 'total' : ''),
)}
${named.length > 0 ? errorNamesTable(named) : ''}
${costNote(s, prices)}
</section>`;
}

function outcomes(o: OperationSummary): string {
  const parts = (Object.entries(o.outcomes) as [OutcomeKind, number][]).filter(([k, n]) => k !== 'ok' && n > 0).map(([k, n]) => `${k} ${count(n)}`);
  return parts.length === 0 ? '–' : parts.join(', ');
}

function errorNamesTable(rows: Row[]): Raw {
  const flat = rows.flatMap((r) => Object.entries(r.o.errorNames).sort((a, b) => b[1] - a[1]).map(([name, n]) => ({ op: r.name, name, n })));
  return table<(typeof flat)[number]>(
    'Error names (outcomes other than ok, as the target or the SDK named them)',
    [
      { title: 'operation', cell: (e) => e.op },
      { title: 'error', text: true, cell: (e) => html`<span class="mono">${e.name}</span>` },
      { title: 'count', cell: (e) => count(e.n) },
    ],
    flat,
  );
}

function costNote(s: Summary, prices: Prices): Raw {
  const t = s.total;
  const total = costUsd(t.consumedRcu, t.consumedWcu, prices);
  const measuredSec = s.phases.filter((p) => !p.warmup).reduce((sum, p) => sum + p.durationMs, 0) / 1000;
  const perHour = measuredSec > 0 ? (total / measuredSec) * 3600 : 0;
  const perMillion = t.count > 0 ? (total / t.count) * 1e6 : 0;
  const isDefault = prices.readPerMillionUsd === DEFAULT_PRICES.readPerMillionUsd && prices.writePerMillionUsd === DEFAULT_PRICES.writePerMillionUsd;
  return html`<p class="note">On-demand cost estimate of the measured phases: <strong>${usd(total)}</strong> (${units(t.consumedRcu)} read units × $${prices.readPerMillionUsd}/M + ${units(t.consumedWcu)} write units × $${prices.writePerMillionUsd}/M), about ${usd(perHour)} per hour at this rate and ${usd(perMillion)} per million operations. ${isDefault ? 'Prices: us-east-1, Standard table class; ' : 'Prices as given; '}change them with <code>--price-read</code> / <code>--price-write</code>. Seeding and warm-up are not included; on an emulator the units are what it reports, which DynamoDB may count differently.</p>`;
}
