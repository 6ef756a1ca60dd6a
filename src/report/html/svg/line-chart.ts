// A line chart as inline SVG, rendered on the server side so it shows with scripts blocked and
// prints crisply. Lines are <path>s with one point per pixel at most (see downsample.ts), on
// linear or log axes, with optional shaded x ranges (warm-up), vertical markers (phase starts)
// and horizontal threshold lines (10 ms). Every label passes through `html` (escaped).
import { html } from '../escape.js';
import type { Raw } from '../escape.js';
import { downsample } from './downsample.js';
import type { Aggregate, Point } from './downsample.js';
import type { Scale } from './scale.js';

export interface AxisSpec {
  label: string;
  /** builds the scale once the chart knows its pixel range */
  scale(range: [number, number]): Scale;
}

export interface ChartSeries {
  name: string;
  points: readonly Point[];
  /** palette slot: CSS class c0..c7 */
  color: number;
  dashed?: boolean;
  /** how points that share a pixel combine */
  aggregate: Aggregate;
  /** mark every point with a dot (few points that each mean something: a sweep's steps) */
  dots?: boolean;
}

export interface ChartSpec {
  /** unique in the page, [a-z0-9-] (ids of <title>/<desc>) */
  id: string;
  title: string;
  description: string;
  x: AxisSpec;
  y: AxisSpec;
  series: ChartSeries[];
  bands?: { from: number; to: number; label: string }[];
  markers?: { x: number; label: string }[];
  thresholds?: { y: number; label: string }[];
  /** ddbench's own noise (the harness floor's p99): shaded from the axis up to it, labelled */
  floor?: { y: number; label: string };
  /** how the optional hover script formats values */
  tooltip?: { x: 'time' | 'nines'; y: 'ms' | 'num' };
  width?: number;
  height?: number;
}

const MARGIN = { top: 22, right: 16, bottom: 38, left: 58 };

export function lineChart(spec: ChartSpec): Raw {
  const width = spec.width ?? 960;
  const height = spec.height ?? 280;
  const left = MARGIN.left;
  const right = width - MARGIN.right;
  const top = MARGIN.top;
  const bottom = height - MARGIN.bottom;
  const x = spec.x.scale([left, right]);
  const y = spec.y.scale([bottom, top]);
  const buckets = Math.max(2, Math.round(right - left));
  const clampY = (py: number) => Math.min(bottom, Math.max(top, py));

  const yGrid = y.ticks.map((t) => {
    const py = fix(y.map(t.value));
    return html`<line class="grid" x1="${left}" x2="${right}" y1="${py}" y2="${py}"/><text class="tick" x="${left - 6}" y="${py}" dy="0.32em" text-anchor="end">${t.label}</text>`;
  });
  const xTicks = x.ticks.map((t) => {
    const px = fix(x.map(t.value));
    return html`<line class="tickmark" x1="${px}" x2="${px}" y1="${bottom}" y2="${bottom + 4}"/><text class="tick" x="${px}" y="${bottom + 16}" text-anchor="middle">${t.label}</text>`;
  });
  const bands = (spec.bands ?? []).map((b) => {
    const x0 = Math.max(left, x.map(b.from));
    const x1 = Math.min(right, x.map(b.to));
    if (!(x1 > x0)) return '';
    return html`<rect class="band" x="${fix(x0)}" y="${top}" width="${fix(x1 - x0)}" height="${bottom - top}"><title>${b.label}</title></rect><text class="band-label" x="${fix(x0 + 4)}" y="${top + 12}">${b.label}</text>`;
  });
  const markers = (spec.markers ?? []).map((m) => {
    const px = x.map(m.x);
    if (!(px >= left && px <= right)) return '';
    return html`<line class="marker" x1="${fix(px)}" x2="${fix(px)}" y1="${top - 14}" y2="${bottom}"/><text class="marker-label" x="${fix(px + 3)}" y="${top - 5}">${m.label}</text>`;
  });
  const thresholds = (spec.thresholds ?? []).map((t) => {
    const py = y.map(t.y);
    if (!(py >= top && py <= bottom)) return '';
    return html`<line class="threshold" x1="${left}" x2="${right}" y1="${fix(py)}" y2="${fix(py)}"/><text class="threshold-label" x="${right - 4}" y="${fix(py - 4)}" text-anchor="end">${t.label}</text>`;
  });
  // the band is drawn under the grid and the lines: a curve inside it is within ddbench's own noise
  const floorBand = ((f) => {
    if (f === undefined) return '';
    const py = clampY(y.map(f.y));
    if (!Number.isFinite(py)) return '';
    return html`<g class="floor"><rect class="floor-band" x="${left}" y="${fix(py)}" width="${right - left}" height="${fix(bottom - py)}"><title>${f.label}</title></rect><line class="floor-line" x1="${left}" x2="${right}" y1="${fix(py)}" y2="${fix(py)}"/><text class="floor-label" x="${left + 4}" y="${fix(py - 4)}">${f.label}</text></g>`;
  })(spec.floor);
  const lines = spec.series.map((s) => {
    const pts = downsample(s.points, buckets, s.aggregate).map(([vx, vy]): Point => [x.map(vx), Number.isFinite(vy) ? clampY(y.map(vy)) : NaN]);
    const d = pathData(pts);
    const dots = s.dots ? pts.filter(([px, py]) => Number.isFinite(px) && Number.isFinite(py)).map(([px, py]) => html`<circle class="c${s.color}" cx="${fix(px)}" cy="${fix(py)}" r="3.5" fill="currentColor"/>`) : [];
    return d === '' ? '' : html`<path class="line c${s.color}${s.dashed ? ' dashed' : ''}" d="${d}"><title>${s.name}</title></path>${dots}`;
  });
  const hasData = lines.some((l) => l !== '');
  const axisAttr = (sc: Scale) => `${sc.kind} ${sc.domain[0]} ${sc.domain[1]} ${fix(sc.range[0])} ${fix(sc.range[1])}`;
  const tip = spec.tooltip ? html` data-x="${axisAttr(x)}" data-y="${axisAttr(y)}" data-tip="${spec.tooltip.x} ${spec.tooltip.y}"` : '';

  return html`<figure class="chart" id="${spec.id}">
<figcaption><span class="chart-title">${spec.title}</span><ul class="legend">${spec.series.map(
    (s) => html`<li><span class="swatch c${s.color}${s.dashed ? ' dashed' : ''}"></span>${s.name}</li>`,
  )}</ul></figcaption>
<svg class="plot" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${spec.id}-t ${spec.id}-d"${tip}>
<title id="${spec.id}-t">${spec.title}</title><desc id="${spec.id}-d">${spec.description}</desc>
${bands}${floorBand}${yGrid}${xTicks}
<line class="axis" x1="${left}" x2="${right}" y1="${bottom}" y2="${bottom}"/><line class="axis" x1="${left}" x2="${left}" y1="${top}" y2="${bottom}"/>
${markers}${thresholds}${lines}
${hasData ? '' : html`<text class="nodata" x="${(left + right) / 2}" y="${(top + bottom) / 2}" text-anchor="middle">no data</text>`}
<text class="axis-label" x="${(left + right) / 2}" y="${height - 4}" text-anchor="middle">${spec.x.label}</text>
<text class="axis-label" transform="translate(13 ${(top + bottom) / 2}) rotate(-90)" text-anchor="middle">${spec.y.label}</text>
</svg>
</figure>
`;
}

/**
 * SVG path data from pixel points. NaN breaks the line (no data), and runs of points at the
 * same height collapse to their two ends: flat stretches (zero errors for an hour) cost nothing.
 */
export function pathData(points: readonly Point[]): string {
  const parts: string[] = [];
  let pen = false;
  for (let i = 0; i < points.length; i++) {
    const [px, py] = points[i]!;
    if (!Number.isFinite(px) || !Number.isFinite(py)) {
      pen = false;
      continue;
    }
    const prev = points[i - 1];
    const next = points[i + 1];
    const ry = fix(py);
    if (pen && prev !== undefined && next !== undefined && fix(prev[1]) === ry && fix(next[1]) === ry) continue;
    parts.push(`${pen ? 'L' : 'M'}${fix(px)} ${ry}`);
    // a lone point (one interval between gaps) still shows, as a dot (round line caps)
    if (!pen && !(next !== undefined && Number.isFinite(next[0]) && Number.isFinite(next[1]))) parts.push('h0.1');
    pen = true;
  }
  return parts.join('');
}

/** One decimal: sub-pixel precision without 15-digit coordinates bloating the file. */
function fix(v: number): number {
  return Math.round(v * 10) / 10;
}
