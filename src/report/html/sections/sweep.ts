// `ddbench sweep` runs only: latency against throughput, one point per step, per operation (and
// for all operations together), with the SLO lines and the knee marked, then the steps as a
// table. "Single-digit milliseconds at any scale" is a curve: this is where it bends.
import type { Summary, SweepStep, SweepStepStats, SweepSummary } from '../../../summary/model.js';
import { parseGate } from '../../../gates/parse.js';
import { kneeLine } from '../../sweep-table.js';
import { html } from '../escape.js';
import type { Raw } from '../escape.js';
import { count, msFromUs, rate } from '../format.js';
import { table } from '../layout.js';
import { lineChart } from '../svg/line-chart.js';
import type { AxisSpec, ChartSeries } from '../svg/line-chart.js';
import { extent, linearScale, logDomain, logScale, niceCeil } from '../svg/scale.js';

export function sweepSection(s: Summary): Raw {
  const sweep = s.sweep;
  if (sweep === undefined) return html``;
  const ops = Object.keys(s.operations);
  const x = throughputAxis(sweep.steps);
  const charts: Raw[] = [];
  if (ops.length > 1) charts.push(curve('sweep-all', 'All operations', sweep, (st) => st.total, sloLines(sweep, ops, undefined), x));
  ops.forEach((op, i) => charts.push(curve(`sweep-op-${i}`, op, sweep, (st) => st.operations[op], sloLines(sweep, ops, op), x)));
  return html`<section id="sweep">
<h2>Rate sweep: latency vs throughput</h2>
<p><strong>${kneeLine(sweep)}</strong></p>
<p class="note">${sweep.steps.length} step${sweep.steps.length === 1 ? '' : 's'} of ${sweep.stepDurationMs / 1000} s at a fixed arrival rate (${sweep.step} from ${rate(sweep.fromOpsPerSec)} up to ${rate(sweep.toOpsPerSec)} ops/s${sweep.warmupMs > 0 ? `, after a ${sweep.warmupMs / 1000} s warm-up` : ''}). Each point is one step: its achieved throughput across, its p50 and p99 latency (from the intended start) up, log scale. Every step had to hold ${sweep.slo.join(', ')}, errors under ${sweep.maxErrorRatePct}% and at least ${sweep.minAchievedPct}% of its target rate with at most ${sweep.maxLateSendsPct}% of operations sent over 5 ms late; the sweep stopped at the first that did not (${sweep.stopReason}).</p>
<div class="charts">${charts}</div>
${stepsTable(sweep, ops)}
</section>`;
}

/** Achieved ops/s: a log axis when the steps multiply (x2 spreads them evenly), linear when they add. */
function throughputAxis(steps: readonly SweepStep[]): AxisSpec {
  const xs = steps.map((st) => st.achievedOpsPerSec).filter((v) => v > 0);
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  const log = xs.length > 1 && hi / lo >= 8;
  return {
    label: `achieved operations / s${log ? ' (log)' : ''}`,
    scale: (range) => (log ? logScale(logDomain(lo, hi), range) : linearScale([0, niceCeil(xs.length > 0 ? hi * 1.05 : 1)], range)),
  };
}

/** The latency SLOs that bound this chart (all operations', and this operation's), in ms. */
function sloLines(sweep: SweepSummary, ops: string[], op: string | undefined): { y: number; label: string }[] {
  return sweep.slo.flatMap((expr) => {
    const p = parseGate(expr, ops);
    if (!p.ok || p.gate.metric !== 'latency' || (p.gate.operation !== undefined && p.gate.operation !== op)) return [];
    const factor = p.gate.unit === 'us' ? 1 / 1000 : p.gate.unit === 's' ? 1000 : 1;
    return [{ y: p.gate.threshold * factor, label: `SLO ${expr.trim()}` }];
  });
}

function curve(id: string, title: string, sweep: SweepSummary, pick: (st: SweepStep) => SweepStepStats | undefined, slo: { y: number; label: string }[], x: AxisSpec): Raw {
  const at = (f: (v: SweepStepStats) => number) =>
    sweep.steps.flatMap((st): [number, number][] => {
      const v = pick(st);
      return v !== undefined && v.count > 0 && st.achievedOpsPerSec > 0 ? [[st.achievedOpsPerSec, f(v) / 1000]] : [];
    });
  const series: ChartSeries[] = [
    { name: 'p50', points: at((v) => v.p50Us), color: 0, aggregate: 'mean', dots: true },
    { name: 'p99', points: at((v) => v.p99Us), color: 4, aggregate: 'max', dots: true },
  ];
  const [lo, hi] = extent(series, slo[0]?.y ?? 0);
  const domain = logDomain(lo, Math.max(hi, ...slo.map((t) => t.y)));
  const knee = sweep.kneeOpsPerSec;
  const markers = knee === null ? [] : [{ x: knee, label: sweep.outcome === 'knee' ? `knee ${rate(knee)}/s` : `all passed to ${rate(knee)}/s` }];
  return lineChart({
    id,
    title,
    description: `p50 and p99 latency in milliseconds (log scale) against achieved operations per second, one point per sweep step, for ${title}${knee === null ? '' : `; knee at ${rate(knee)} operations per second`}.`,
    x,
    y: { label: 'latency, ms (log)', scale: (range) => logScale(domain, range) },
    series,
    markers,
    thresholds: slo,
    width: 600,
    height: 300,
  });
}

function stepsTable(sweep: SweepSummary, ops: string[]): Raw {
  return table<SweepStep>(
    'Sweep steps; latency from intended start, ms',
    [
      { title: 'target/s', cell: (st) => rate(st.targetOpsPerSec) },
      { title: 'achieved/s', cell: (st) => rate(st.achievedOpsPerSec) },
      { title: 'count', cell: (st) => count(st.total.count) },
      { title: 'p50', cell: (st) => msFromUs(st.total.p50Us) },
      { title: 'p99', cell: (st) => msFromUs(st.total.p99Us) },
      { title: 'p99.9', cell: (st) => msFromUs(st.total.p999Us) },
      { title: 'errors', cell: (st) => count(st.total.errors) },
      ...(ops.length > 1 ? ops.map((op) => ({ title: `${op} p99`, cell: (st: SweepStep) => (st.operations[op]?.count ? msFromUs(st.operations[op].p99Us) : '–') })) : []),
      { title: 'verdict', text: true, cell: (st) => (st.pass ? 'pass' : `FAIL: ${st.reasons.join('; ')}`) },
    ],
    [...sweep.steps],
    (st) => (st.pass ? '' : 'fail'),
  );
}
