// Percentile spectrum per operation: latency from the intended start (what a user saw, corrected
// for coordinated omission) and service time (from the actual send) on one chart, read from the
// summary's encoded histograms. A gap between the two curves is time spent queued.
import type { Summary } from '../../../summary/model.js';
import { html } from '../escape.js';
import type { Raw } from '../escape.js';
import { floorLine } from '../floor-line.js';
import type { FloorLine } from '../floor-line.js';
import { lineChart } from '../svg/line-chart.js';
import type { ChartSeries } from '../svg/line-chart.js';
import { extent, logDomain, logScale } from '../svg/scale.js';
import { maxNinesFor, ninesAxis, spectrumPoints } from '../spectrum-data.js';

export function spectrumSection(s: Summary): Raw {
  const ops = Object.entries(s.operations);
  const maxNines = maxNinesFor(Math.max(0, ...ops.map(([, o]) => o.count)));
  const thresholdMs = s.verdict.thresholdUs / 1000;
  const series = ops.map(([, o]): ChartSeries[] => [
    { name: 'latency (from intended start)', points: spectrumPoints(o.latencyHistogram, maxNines), color: 0, aggregate: 'max' },
    { name: 'service time (from send)', points: spectrumPoints(o.serviceTimeHistogram, maxNines), color: 7, dashed: true, aggregate: 'max' },
  ]);
  const floor = floorLine(s);
  const domain = sharedDomain(series.flat(), thresholdMs, floor?.y);
  const charts = ops.map(([name], i) => spectrumChart(`spectrum-${i}`, name, maxNines, domain, thresholdMs, series[i]!, floor));
  return html`<section id="spectrum">
<h2>Latency percentile spectrum</h2>
<p class="note">Each operation's latency at every percentile of the measured phases (HdrHistogram style: 90%, 99%, 99.9%... equally spaced, so the tail is as visible as the median; one latency axis for all). Latency counts from the intended start; service time from the actual send.</p>
<div class="charts">${charts}</div>
</section>`;
}

/** One spectrum chart: shared with the comparison page, which overlays two runs. */
export function spectrumChart(id: string, title: string, maxNines: number, domain: [number, number], thresholdMs: number, series: ChartSeries[], floor?: FloorLine): Raw {
  return lineChart({
    id,
    title,
    description: `Latency in milliseconds (log scale) at each percentile from 0% to ${ninesLabel(maxNines)} for ${title}: ${series.map((se) => se.name).join(', ')}.`,
    x: ninesAxis(maxNines),
    y: { label: 'latency, ms (log)', scale: (range) => logScale(domain, range) },
    series,
    thresholds: [{ y: thresholdMs, label: `${thresholdMs} ms` }],
    ...(floor !== undefined ? { floor } : {}),
    tooltip: { x: 'nines', y: 'ms' },
    width: 600,
    height: 300,
  });
}

/** One latency axis for every spectrum on the page, so operations compare at a glance. */
export function sharedDomain(series: ChartSeries[], thresholdMs: number, floorMs?: number): [number, number] {
  const [lo, hi] = extent(floorMs !== undefined && floorMs > 0 ? [...series, { points: [[0, floorMs]] }] : series, thresholdMs);
  return logDomain(lo, hi);
}

function ninesLabel(n: number): string {
  return n === 0 ? '0%' : `${(100 * (1 - 10 ** -n)).toFixed(Math.max(0, n - 2))}%`;
}
