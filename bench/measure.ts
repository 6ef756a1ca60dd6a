// Pure arithmetic over what the benchmarks collect, kept apart so it can be unit-tested.

/** [epoch ms, cumulative CPU ms] samples, in time order (bench/probe.ts). */
export type CpuSamples = readonly (readonly [number, number])[];

/** Cumulative CPU at `atMs`, interpolated linearly between the samples around it (clamped at the ends). */
export function cpuAt(samples: CpuSamples, atMs: number): number {
  if (samples.length === 0) return 0;
  const first = samples[0]!;
  if (atMs <= first[0]) return first[1];
  for (let i = 1; i < samples.length; i++) {
    const [t1, c1] = samples[i]!;
    if (atMs <= t1) {
      const [t0, c0] = samples[i - 1]!;
      return t1 === t0 ? c1 : c0 + ((c1 - c0) * (atMs - t0)) / (t1 - t0);
    }
  }
  return samples[samples.length - 1]![1];
}

/** CPU ms spent between two instants. */
export function cpuMsBetween(samples: CpuSamples, fromMs: number, toMs: number): number {
  return Math.max(0, cpuAt(samples, toMs) - cpuAt(samples, fromMs));
}

/** Epoch ms of the load's start, from an HdrHistogram log's `#[StartTime: 1712345678.123 ...]` header. */
export function hlogStartEpochMs(hlog: string): number {
  const m = /^#\[StartTime: ([\d.]+)/m.exec(hlog);
  if (!m) throw new Error('no StartTime header in the .hlog');
  return Math.round(Number(m[1]) * 1000);
}

/** The last [ms, value] sample taken at or before `atMs` (undefined before the first). */
export function sampleAt(samples: readonly (readonly [number, number])[], atMs: number): number | undefined {
  let value: number | undefined;
  for (const [t, v] of samples) {
    if (t > atMs) break;
    value = v;
  }
  return value;
}

/** a / b, or undefined when b is not positive (a missing measurement must not print as infinity). */
export function ratio(a: number, b: number): number | undefined {
  return b > 0 ? a / b : undefined;
}

/** Of several measurements of one thing on a shared machine, the best: noise only ever slows a run down. */
export function best<T>(runs: readonly T[], score: (r: T) => number): T {
  if (runs.length === 0) throw new Error('no runs');
  return runs.reduce((a, b) => (score(b) > score(a) ? b : a));
}

/**
 * Operations completed per second over the whole seconds [fromSec, toSec) of the load, from
 * summary.json's per-second intervals (counted by completion time). This is the rate the
 * target actually received in that window, whatever phase the operations were scheduled in;
 * a phase's own rate divides by its actual duration, which stretches or shrinks when the
 * generator falls behind.
 */
export function completionsPerSec(intervals: readonly { startSec: number; count: number }[], fromSec: number, toSec: number): number {
  if (!(toSec > fromSec)) return 0;
  const count = intervals.filter((i) => i.startSec >= fromSec && i.startSec < toSec).reduce((a, i) => a + i.count, 0);
  return count / (toSec - fromSec);
}
