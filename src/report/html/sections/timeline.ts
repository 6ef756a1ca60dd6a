// The run over time, from summary.intervals (one per second by default, warm-up included):
// latency p50/p99/max, p99 per operation, achieved vs target throughput, and errors, throttles,
// retries and conditional failures, and ddbench's own send lag and GC pauses (the generator, not
// the target). Phase starts are marked and warm-up phases shaded, so a spike can be placed in its
// phase at a glance.
import type { IntervalSummary } from '../../../recorder/shapes.js';
import type { Summary } from '../../../summary/model.js';
import { html } from '../escape.js';
import type { Raw } from '../escape.js';
import { formatSec } from '../format.js';
import { floorLine } from '../floor-line.js';
import type { FloorLine } from '../floor-line.js';
import { lineChart } from '../svg/line-chart.js';
import type { AxisSpec, ChartSeries, ChartSpec } from '../svg/line-chart.js';
import type { Point } from '../svg/downsample.js';
import { extent, linearScale, logDomain, logScale, niceCeil, timeTicks } from '../svg/scale.js';

const WIDTH = 1190;

export function timelineSection(s: Summary): Raw {
  const iv = s.intervals;
  if (iv.length === 0) {
    return html`<section id="timeline"><h2>Over time</h2><p class="note">No intervals were recorded.</p></section>`;
  }
  const t = timing(s);
  const frame = phaseFrame(s, t.endSec);
  const xAxis: AxisSpec = { label: 'time since load start', scale: (range) => linearScale([0, t.endSec], range, timeTicks(0, t.endSec, formatSec)) };
  const at = (f: (i: IntervalSummary, lengthSec: number) => number): Point[] => iv.map((i, k) => [t.midSec[k]!, f(i, t.lengthSec[k]!)]);
  const latency = (us: number, i: IntervalSummary) => (i.count > 0 && us > 0 ? us / 1000 : NaN);
  const thresholdMs = s.verdict.thresholdUs / 1000;

  const charts: Raw[] = [];
  charts.push(
    logChart('latency-over-time', 'Latency over time (all operations)', xAxis, frame, thresholdMs, [
      { name: 'p50', points: at((i) => latency(i.latencyP50Us, i)), color: 0, aggregate: 'mean' },
      { name: 'p99', points: at((i) => latency(i.latencyP99Us, i)), color: 4, aggregate: 'max' },
      { name: 'max', points: at((i) => latency(i.latencyMaxUs, i)), color: 1, aggregate: 'max' },
    ], floorLine(s)),
  );
  const ops = Object.keys(s.operations);
  if (ops.length > 1) {
    charts.push(
      logChart(
        'p99-by-operation',
        'p99 latency over time, per operation',
        xAxis,
        frame,
        thresholdMs,
        ops.map((op, k) => ({ name: op, points: at((i) => opP99Ms(i, op)), color: k % 8, aggregate: 'max' })),
        floorLine(s),
      ),
    );
  }
  const own = ownChart(s, xAxis, frame, at);
  if (own !== undefined) charts.push(own);
  const throughput: ChartSeries[] = [{ name: 'achieved', points: at((i, len) => i.count / len), color: 0, aggregate: 'mean' }];
  if (s.mode === 'open' && iv.some((i) => i.targetRateOpsPerSec > 0)) {
    throughput.push({ name: 'target', points: at((i) => i.targetRateOpsPerSec), color: 7, dashed: true, aggregate: 'mean' });
  }
  charts.push(linearChart('throughput-over-time', s.mode === 'open' ? 'Throughput: achieved vs target' : 'Throughput (closed loop: no target rate)', 'operations / s', xAxis, frame, throughput));
  charts.push(
    linearChart('errors-over-time', 'Errors, throttles, retries and conditional failures', 'per second', xAxis, frame, [
      { name: 'errors', points: at((i, len) => i.errors / len), color: 1, aggregate: 'max' },
      { name: 'throttles', points: at((i, len) => i.throttles / len), color: 4, aggregate: 'max' },
      { name: 'retries', points: at((i, len) => i.retries / len), color: 3, aggregate: 'max' },
      { name: 'conditional failures', points: at((i, len) => i.conditionalFailures / len), color: 5, aggregate: 'max' },
    ]),
  );
  const quiet = iv.every((i) => i.errors === 0 && i.throttles === 0 && i.retries === 0 && i.conditionalFailures === 0);
  return html`<section id="timeline">
<h2>Over time</h2>
<p class="note">Per ${t.nominalSec === 1 ? 'second' : `${t.nominalSec} s interval`}, by completion time, warm-up included (shaded).${iv.length > 1200 ? ' Long runs are drawn one point per pixel: each pixel shows the highest p99, max and error rate of the intervals it covers, and their mean p50 and throughput.' : ''}</p>
${charts}
${quiet ? html`<p class="note">No errors, throttles, retries or conditional failures in this run.</p>` : ''}
</section>`;
}

/**
 * ddbench's own send lag p99 (and GC pauses) per interval, kept apart from the latency charts so
 * nobody reads it as the target's; absent for summaries written before ddbench measured it.
 */
function ownChart(s: Summary, xAxis: AxisSpec, frame: Frame, at: (f: (i: IntervalSummary) => number) => Point[]): Raw | undefined {
  if (!s.intervals.some((i) => i.sendLagP99Us !== undefined)) return undefined;
  const series: ChartSeries[] = [
    { name: 'send lag p99', points: at((i) => (i.count > 0 && i.sendLagP99Us !== undefined ? i.sendLagP99Us / 1000 : NaN)), color: 2, aggregate: 'max' },
  ];
  if (s.intervals.some((i) => i.gcPauseMs !== undefined)) {
    series.push({ name: 'GC pauses (sum)', points: at((i) => i.gcPauseMs ?? NaN), color: 6, dashed: true, aggregate: 'max' });
  }
  return linearChart('own-send-lag-over-time', "ddbench's own send lag (not the target)", 'ms', xAxis, frame, series, 170);
}

function opP99Ms(i: IntervalSummary, op: string): number {
  const o = i.operations[op];
  return o !== undefined && o.count > 0 && o.p99Us > 0 ? o.p99Us / 1000 : NaN;
}

interface Timing {
  nominalSec: number;
  lengthSec: number[];
  midSec: number[];
  endSec: number;
}

/**
 * Interval lengths are not stored: the nominal one is the usual gap between starts, the last
 * interval ends with the run (it may be partial, and its rate must not look like a drop).
 */
function timing(s: Summary): Timing {
  const iv = s.intervals;
  const gaps = iv.slice(1).map((i, k) => i.startSec - iv[k]!.startSec).filter((g) => g > 0).sort((a, b) => a - b);
  const nominalSec = gaps.length > 0 ? gaps[Math.floor(gaps.length / 2)]! : 1;
  const runSec = s.durationMs / 1000;
  const lengthSec = iv.map((i, k) => {
    const next = iv[k + 1];
    if (next !== undefined) return Math.max(1e-3, next.startSec - i.startSec);
    const rest = runSec - i.startSec;
    return rest > 0.05 && rest < nominalSec ? rest : nominalSec;
  });
  const midSec = iv.map((i, k) => i.startSec + lengthSec[k]! / 2);
  const last = iv[iv.length - 1]!;
  return { nominalSec, lengthSec, midSec, endSec: Math.max(last.startSec + lengthSec[lengthSec.length - 1]!, runSec, 1) };
}

type Frame = Pick<ChartSpec, 'bands' | 'markers'>;

function phaseFrame(s: Summary, endSec: number): Frame {
  const bands: NonNullable<ChartSpec['bands']> = [];
  const markers: NonNullable<ChartSpec['markers']> = [];
  let startSec = 0;
  for (const p of s.phases) {
    const stopSec = Math.min(endSec, startSec + p.durationMs / 1000);
    if (p.warmup) bands.push({ from: startSec, to: stopSec, label: `${p.name} (warm-up)` });
    else markers.push({ x: startSec, label: p.name });
    startSec = stopSec;
  }
  return { bands, markers };
}

function logChart(id: string, title: string, x: AxisSpec, frame: Frame, thresholdMs: number, series: ChartSeries[], floor?: FloorLine): Raw {
  const [lo, hi] = extent(floor !== undefined ? [...series, { points: [[0, floor.y]] }] : series, thresholdMs);
  const domain = logDomain(lo, hi);
  return lineChart({
    id,
    title,
    description: `${title}: latency in milliseconds (log scale) per interval against time since the load started; ${series.map((se) => se.name).join(', ')}. Dashed line at ${thresholdMs} ms.${floor !== undefined ? ` Shaded up to the ${floor.label}.` : ''}`,
    x,
    y: { label: 'latency, ms (log)', scale: (range) => logScale(domain, range) },
    series,
    ...frame,
    thresholds: [{ y: thresholdMs, label: `${thresholdMs} ms` }],
    ...(floor !== undefined ? { floor } : {}),
    tooltip: { x: 'time', y: 'ms' },
    width: WIDTH,
    height: 270,
  });
}

function linearChart(id: string, title: string, unit: string, x: AxisSpec, frame: Frame, series: ChartSeries[], height = 230): Raw {
  const top = niceCeil(extent(series, 0)[1]);
  return lineChart({
    id,
    title,
    description: `${title}, ${unit}, per interval against time since the load started: ${series.map((se) => se.name).join(', ')}.`,
    x,
    y: { label: unit, scale: (range) => linearScale([0, top], range) },
    series,
    ...frame,
    tooltip: { x: 'time', y: 'num' },
    width: WIDTH,
    height,
  });
}
