// Thin helpers over hdr-histogram-js so that every histogram in ddbench has the same shape:
// whole microseconds, 3 significant digits, pure JS (the WASM build needs async init and
// gains little at our recording rates), auto-resizing so a pathological value never throws.
import { build, decodeFromCompressedBase64, encodeIntoCompressedBase64 } from 'hdr-histogram-js';
import type { Histogram } from 'hdr-histogram-js';
import type { Percentiles } from './shapes.js';

export type { Histogram };

/** One hour in microseconds: the planned top of the range (autoResize covers anything above). */
export const HIGHEST_TRACKABLE_US = 3_600_000_000;

export function newHistogram(): Histogram {
  return build({
    bitBucketSize: 32,
    autoResize: true,
    lowestDiscernibleValue: 1,
    highestTrackableValue: HIGHEST_TRACKABLE_US,
    numberOfSignificantValueDigits: 3,
    useWebAssembly: false,
  });
}

/**
 * A value as recorded: whole microseconds, at least 1. Clock skew between the scheduler's
 * timestamps can give 0 or a tiny negative; NaN (a broken sample) also lands on 1 rather than
 * corrupting the histogram.
 */
export function toRecordableUs(us: number): number {
  return us >= 1 ? Math.round(us) : 1;
}

export function recordUs(h: Histogram, us: number): void {
  h.recordValue(toRecordableUs(us));
}

export const EMPTY_PERCENTILES: Readonly<Percentiles> = Object.freeze({
  p50: 0,
  p90: 0,
  p99: 0,
  p999: 0,
  max: 0,
  min: 0,
  mean: 0,
});

/** The percentiles ddbench reports; all zero for an empty histogram (no sentinel values leak out). */
export function percentiles(h: Histogram): Percentiles {
  if (h.totalCount === 0) return { ...EMPTY_PERCENTILES };
  return {
    p50: h.getValueAtPercentile(50),
    p90: h.getValueAtPercentile(90),
    p99: h.getValueAtPercentile(99),
    p999: h.getValueAtPercentile(99.9),
    max: maxUs(h),
    min: h.getValueAtPercentile(0),
    mean: h.mean,
  };
}

/**
 * The largest value, at the histogram's precision (highest equivalent value), as HdrHistogram's
 * getMaxValue() reports it: a decoded or merged histogram only knows buckets, so reporting the
 * exact raw max would make a histogram and its encoding disagree.
 */
export function maxUs(h: Histogram): number {
  return h.totalCount === 0 ? 0 : h.getValueAtPercentile(100);
}

/** The standard HdrHistogram V2 compressed encoding, base64: readable by every HdrHistogram port. */
export function encode(h: Histogram): string {
  return encodeIntoCompressedBase64(h);
}

/** Inverse of encode(). The result auto-resizes, so it can be merged into freely. */
export function decode(s: string): Histogram {
  const h = decodeFromCompressedBase64(s, 32, false);
  h.autoResize = true;
  return h;
}

export type Decoded = { ok: true; histogram: Histogram } | { ok: false; problem: string };

/**
 * decode() for a string read from a file: never throws. `problem` says what is wrong in words a
 * reader can put after the field or line it came from (the codec's own errors, "unexpected end of
 * file", "Invalid string. Length must be a multiple of 4", name no field and no file).
 */
export function tryDecode(s: string): Decoded {
  try {
    return { ok: true, histogram: decode(s) };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { ok: false, problem: `not a compressed HdrHistogram in base64 (${why})` };
  }
}

/** Adds source's counts to target: the only correct way to combine histograms (never average percentiles). */
export function mergeInto(target: Histogram, source: Histogram): Histogram {
  if (source.totalCount > 0) target.add(source);
  return target;
}

/** A new histogram holding the sum of all given ones. */
export function mergeAll(sources: Iterable<Histogram>): Histogram {
  const out = newHistogram();
  for (const h of sources) mergeInto(out, h);
  return out;
}

/**
 * Reuses interval histograms: each one is ~95 KB of counts, and the recorder needs a few new
 * ones every second. Reusing them keeps memory flat and spares the GC; `cap` bounds what is kept.
 */
export class HistogramPool {
  private readonly free: Histogram[] = [];

  constructor(private readonly cap = 64) {}

  take(): Histogram {
    return this.free.pop() ?? newHistogram();
  }

  give(h: Histogram): void {
    if (this.free.length >= this.cap) return;
    h.reset();
    this.free.push(h);
  }

  get size(): number {
    return this.free.length;
  }
}
