// The sweep on the console: one line per step as it is judged, then a table of every step
// and the knee. Plain aligned text, so it reads the same in a CI log.
import type { Summary, SweepStep, SweepSummary } from '../summary/model.js';
import { formatRate } from '../sweep/rate.js';

type Bounds = Pick<SweepSummary, 'slo' | 'maxErrorRatePct' | 'minAchievedPct' | 'maxLateSendsPct'>;

const ms = (us: number): string => (us / 1000).toFixed(2);

/** `p99 < 10ms, errors < 1%, achieved >= 90% of the target, <= 5% of operations sent late` */
export function boundsText(b: Bounds): string {
  return [...held(b), `achieved >= ${b.minAchievedPct}% of the target`, `<= ${b.maxLateSendsPct}% of operations sent over 5 ms late`].join(', ');
}

/** The SLOs and the error bound, each once (an SLO may repeat the error bound). */
function held(b: Bounds): string[] {
  const errors = b.maxErrorRatePct > 0 ? `errors < ${b.maxErrorRatePct}%` : 'no errors';
  return [...new Set([...b.slo.map((x) => x.trim()), errors])];
}

/** `step 4,000 ops/s: achieved 3,998 ops/s, p50 1.20 ms, p99 4.50 ms, 0 errors: pass` */
export function formatStepLine(step: SweepStep): string {
  const t = step.total;
  const verdict = step.pass ? 'pass' : `FAIL: ${step.reasons.join('; ')}`;
  return `step ${formatRate(step.targetOpsPerSec)} ops/s: achieved ${formatRate(step.achievedOpsPerSec)} ops/s, p50 ${ms(t.p50Us)} ms, p99 ${ms(t.p99Us)} ms, ${t.errors} errors: ${verdict}`;
}

/** The knee in one line: `knee: 4,000 ops/s (the highest rate with p99 < 10ms and errors < 1%)`. */
export function kneeLine(sweep: SweepSummary): string {
  const bounds = held(sweep);
  const rule = bounds.length > 1 ? `${bounds.slice(0, -1).join(', ')} and ${bounds[bounds.length - 1]}` : bounds[0]!;
  const knee = sweep.kneeOpsPerSec === null ? '' : formatRate(sweep.kneeOpsPerSec);
  switch (sweep.outcome) {
    case 'knee':
      return `knee: ${knee} ops/s (the highest rate with ${rule})`;
    case 'all-passed':
      return `knee: above ${knee} ops/s: every step up to --to ${formatRate(sweep.toOpsPerSec)} held ${rule}; raise --to to find it`;
    case 'none-passed': {
      const first = sweep.steps[0];
      return `knee: none: the first step (${first ? formatRate(first.targetOpsPerSec) : '?'} ops/s) already failed: ${first?.reasons.join('; ') ?? ''}`;
    }
    case 'generator-bound': {
      const broken = sweep.steps.find((st) => !st.pass);
      const rate = broken ? formatRate(broken.targetOpsPerSec) : '?';
      const passed = sweep.steps.filter((st) => st.pass);
      const floor = passed.length > 0 ? `; every step up to ${formatRate(passed[passed.length - 1]!.achievedOpsPerSec)} ops/s held ${rule}` : '';
      return `knee: not named (generator-bound): the knee is above what this machine can drive at ${rate} ops/s; ddbench's own noise explains that step's failure${floor}`;
    }
    case 'interrupted':
      return sweep.kneeOpsPerSec === null
        ? 'knee: unknown: the sweep was interrupted before a step passed'
        : `knee: at least ${knee} ops/s (interrupted; the highest rate so far with ${rule})`;
  }
}

interface Column {
  title: string;
  left?: boolean;
  cell(step: SweepStep): string;
}

function columns(ops: string[]): Column[] {
  const cols: Column[] = [
    { title: 'target/s', cell: (s) => formatRate(s.targetOpsPerSec) },
    { title: 'achieved/s', cell: (s) => formatRate(s.achievedOpsPerSec) },
    { title: 'p50', cell: (s) => ms(s.total.p50Us) },
    { title: 'p99', cell: (s) => ms(s.total.p99Us) },
    { title: 'p99.9', cell: (s) => ms(s.total.p999Us) },
    { title: 'errors', cell: (s) => String(s.total.errors) },
  ];
  // one operation: its numbers are the total's
  if (ops.length > 1) {
    for (const op of ops) {
      cols.push({ title: `${op} p50/p99`, cell: (s) => (s.operations[op] && s.operations[op].count > 0 ? `${ms(s.operations[op].p50Us)}/${ms(s.operations[op].p99Us)}` : '-') });
    }
  }
  cols.push({ title: 'verdict', left: true, cell: (s) => (s.pass ? 'pass' : `FAIL: ${s.reasons.join('; ')}`) });
  return cols;
}

export function formatSweepTable(sweep: SweepSummary, ops: string[]): string {
  const cols = columns(ops);
  const rows = [cols.map((c) => c.title), ...sweep.steps.map((s) => cols.map((c) => c.cell(s)))];
  const widths = cols.map((c, i) => (c.left ? 0 : Math.max(...rows.map((r) => r[i]!.length))));
  const line = (r: string[]) => r.map((cell, i) => (cols[i]!.left ? cell : cell.padStart(widths[i]!))).join('  ').trimEnd();
  const out = [`Sweep steps: latency from intended start, ms (${sweep.step} every ${sweep.stepDurationMs / 1000}s from ${formatRate(sweep.fromOpsPerSec)} to ${formatRate(sweep.toOpsPerSec)} ops/s)`, line(rows[0]!)];
  out.push('-'.repeat(line(rows[0]!).length));
  for (const r of rows.slice(1)) out.push(line(r));
  if (sweep.steps.length === 0) out.push('(no step ran to its end)');
  return out.join('\n');
}

/** The console report of a sweep run: the steps, the knee, the generator's warnings and the result. */
export function formatSweepReport(summary: Summary): string {
  const sweep = summary.sweep;
  if (sweep === undefined) return '';
  const out = [formatSweepTable(sweep, Object.keys(summary.operations)), '', kneeLine(sweep)];
  if (summary.generator.saturated) {
    out.push('', 'WARNING  the load generator was saturated: latency numbers may be inflated by ddbench itself');
    for (const w of summary.generator.warnings) out.push(`         ${w}`);
  }
  out.push('', `stopped  ${sweep.stopReason}`);
  out.push('', `result   ${summary.pass ? 'PASS' : 'FAIL'} (${sweep.outcome})`);
  return out.join('\n');
}
