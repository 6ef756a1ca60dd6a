// The final console report: one row per operation (measured phases), a total row, the verdict
// per operation and every gate. Plain aligned text: it must read the same in a CI log.
import type { OperationSummary, Summary } from '../summary/model.js';
import { INCONCLUSIVE_LABEL, singleDigitClaim, tallyGates, verdictWithinFloor } from '../gates/floor.js';
import { formatCacheLines } from './cache-line.js';

interface Column {
  title: string;
  align: 'left' | 'right';
  cell(name: string, s: OperationSummary): string;
}

const ms = (us: number): string => (us / 1000).toFixed(2);
const int = (n: number): string => String(Math.round(n));
const units = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(1));

const COLUMNS: Column[] = [
  { title: 'operation', align: 'left', cell: (name) => name },
  { title: 'count', align: 'right', cell: (_, s) => int(s.count) },
  { title: 'rate/s', align: 'right', cell: (_, s) => s.rateOpsPerSec.toFixed(1) },
  { title: 'p50', align: 'right', cell: (_, s) => ms(s.latencyUs.p50) },
  { title: 'p90', align: 'right', cell: (_, s) => ms(s.latencyUs.p90) },
  { title: 'p99', align: 'right', cell: (_, s) => ms(s.latencyUs.p99) },
  { title: 'p99.9', align: 'right', cell: (_, s) => ms(s.latencyUs.p999) },
  { title: 'max', align: 'right', cell: (_, s) => ms(s.latencyUs.max) },
  { title: 'errors', align: 'right', cell: (_, s) => int(s.errors) },
  { title: 'throttles', align: 'right', cell: (_, s) => int(s.throttles) },
  { title: 'retries', align: 'right', cell: (_, s) => int(s.retries) },
  { title: 'cond-fail', align: 'right', cell: (_, s) => int(s.conditionalFailures) },
  { title: 'RCU', align: 'right', cell: (_, s) => units(s.consumedRcu) },
  { title: 'WCU', align: 'right', cell: (_, s) => units(s.consumedWcu) },
];

export function formatOperationTable(summary: Summary): string {
  const rows: string[][] = [COLUMNS.map((c) => c.title)];
  for (const [name, s] of Object.entries(summary.operations)) rows.push(COLUMNS.map((c) => c.cell(name, s)));
  rows.push(COLUMNS.map((c) => c.cell('total', summary.total)));

  const widths = COLUMNS.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]): string =>
    r.map((cell, i) => (COLUMNS[i]!.align === 'left' ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ').trimEnd();
  const rule = '-'.repeat(widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1));

  const measured = summary.phases.filter((p) => !p.warmup).map((p) => p.name);
  const out: string[] = [
    `Latency from intended start, ms (measured phases: ${measured.length > 0 ? measured.join(', ') : 'none'})`,
    line(rows[0]!),
    rule,
    ...rows.slice(1, -1).map(line),
    rule,
    line(rows[rows.length - 1]!),
    '',
  ];
  const cache = formatCacheLines(summary);
  if (cache.length > 0) out.push(...cache, '');

  const thresholdMs = ms(summary.verdict.thresholdUs).replace(/\.00$/, '');
  const floor = summary.harness?.floor;
  if (floor !== undefined && floor.saturated === true) {
    out.push(`ceiling  one ${floor.driver} lane could not keep ${floor.rateOpsPerSec.toFixed(0)} ops/s against a null endpoint${floor.achievedOpsPerSec !== undefined ? ` (it answered ${floor.achievedOpsPerSec.toFixed(0)}/s)` : ''}: its latencies are queueing, not a floor, and mark nothing inconclusive`);
  } else if (floor !== undefined) {
    out.push(`floor    harness floor (${floor.driver} at ${floor.rateOpsPerSec.toFixed(0)} ops/s, null endpoint): p50 ${ms(floor.latencyUs.p50)} ms, p99 ${ms(floor.latencyUs.p99)} ms, p99.9 ${ms(floor.latencyUs.p999)} ms`);
  }
  for (const [name, v] of Object.entries(summary.verdict.operations)) {
    const count = summary.operations[name]?.count ?? 0;
    const detail = count === 0 ? 'no samples' : `p99 ${ms(v.p99Us)} ms ${v.pass ? '<' : '>='} ${thresholdMs} ms`;
    const within = count > 0 && verdictWithinFloor(v.p99Us, summary.verdict.thresholdUs, floor);
    out.push(`verdict  ${name}: ${detail}  ${within ? `${INCONCLUSIVE_LABEL}, ${v.pass ? 'under' : 'over'} by less than the floor's p99` : v.pass ? 'PASS' : 'FAIL'}`);
  }
  const claim = singleDigitClaim(summary.verdict, (op) => summary.operations[op]?.count ?? 0, floor);
  out.push(`verdict  single-digit-ms p99 for every operation: ${claim.outcome === 'inconclusive' ? `${INCONCLUSIVE_LABEL} (${claim.unsure.join(', ')})` : claim.outcome} (informational)`);

  if (summary.gates.length > 0) out.push('');
  // an inconclusive gate's message already says INCONCLUSIVE and which side it fell on (gates/floor.ts)
  for (const g of summary.gates) out.push(`gate     ${g.message}`);

  if (summary.generator.saturated) {
    out.push('', 'WARNING  the load generator was saturated: latency numbers may be inflated by ddbench itself');
    for (const w of summary.generator.warnings) out.push(`         ${w}`);
  } else if (summary.generator.warnings.length > 0) {
    out.push('');
    for (const w of summary.generator.warnings) out.push(`note     ${w}`);
  }
  if (!summary.complete) out.push('', `NOTE     run incomplete${summary.stopReason !== undefined ? `: ${summary.stopReason}` : ''}`);

  // PASS/FAIL is the judge's (summary.pass): an inconclusive gate fails only with --strict-floor
  const n = summary.gates.length;
  const t = tallyGates(summary.gates);
  const unsure = t.inconclusive > 0 ? `, ${t.inconclusive} ${INCONCLUSIVE_LABEL}${summary.harness?.strictFloor === true ? ', failed by --strict-floor' : ''}` : '';
  // The word is always the judge's; the gates' tally and whatever else failed the run say why. A run
  // whose gates all passed (or that had none) still fails when it regressed against its baseline or an
  // abort rule or a crash stopped it (engine/judge.ts), and the line must say FAIL then, as the exit code does.
  const gatesPart = n === 0 ? 'no gates' : t.fail > 0 ? `${t.fail} of ${n} gates failed` : `${t.pass} of ${n} gates passed`;
  const others: string[] = [];
  if (summary.comparison !== undefined && !summary.comparison.pass) others.push('regressed against the baseline');
  if (!summary.pass && !summary.complete && summary.stopReason !== undefined) others.push(`stopped: ${summary.stopReason}`);
  const result = `${summary.pass ? 'PASS' : 'FAIL'} (${gatesPart}${unsure}${others.map((o) => `; ${o}`).join('')})`;
  out.push('', `result   ${result}`);
  return out.join('\n');
}
