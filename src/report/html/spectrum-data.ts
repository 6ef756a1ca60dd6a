// The percentile spectrum (HdrHistogram's "percentile distribution" plot) from a summary's
// encoded histogram: x is the percentile on a "nines" axis, -log10(1 - p/100), so 90%, 99%,
// 99.9%... sit at 1, 2, 3... and the tail gets as much room as the median; y is latency in ms.
import { decode } from '../../recorder/histogram.js';
import type { Point } from './svg/downsample.js';
import type { AxisSpec } from './svg/line-chart.js';
import { linearScale } from './svg/scale.js';
import type { Tick } from './svg/scale.js';

const NINES_LABELS = ['0%', '90%', '99%', '99.9%', '99.99%', '99.999%', '99.9999%'];

/** Axis end: the nines the biggest sample count can resolve (1,000 samples -> 99.9%), 2 to 6. */
export function maxNinesFor(sampleCount: number): number {
  return Math.min(6, Math.max(2, Math.ceil(Math.log10(Math.max(1, sampleCount)))));
}

export function ninesAxis(maxNines: number): AxisSpec {
  const ticks: Tick[] = NINES_LABELS.slice(0, maxNines + 1).map((label, i) => ({ value: i, label }));
  return { label: 'percentile', scale: (range) => linearScale([0, maxNines], range, ticks) };
}

/**
 * Latency (ms) at evenly spaced nines from 0 to maxNines; [] for an empty or unreadable
 * histogram (a hand-edited summary must not break the whole report).
 */
export function spectrumPoints(encodedHistogram: string, maxNines: number, steps = 150): Point[] {
  let h: ReturnType<typeof decode>;
  try {
    h = decode(encodedHistogram);
  } catch {
    return [];
  }
  if (h.totalCount === 0) return [];
  const out: Point[] = [];
  for (let i = 0; i <= steps; i++) {
    const nines = (i / steps) * maxNines;
    const percentile = 100 * (1 - 10 ** -nines);
    out.push([nines, h.getValueAtPercentile(percentile) / 1000]);
  }
  return out;
}
