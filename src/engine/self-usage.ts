// ddbench's own use of the machine per interval (issue 10: self-monitoring, per interval): the
// whole process's CPU time and the GC pauses of the recording thread and every load worker.
// The recorder files the figures with each interval as it closes (RecorderOptions.selfUsage);
// they say whether a latency spike coincides with ddbench itself being busy or paused.
//
// CPU: process.cpuUsage() is cumulative and covers every thread. It is read at each tick of the
// interval ticker (every 250 ms) and at the end, and interpolated linearly to the interval
// boundaries; reading it exactly at a boundary would need a timer of its own on the recording
// thread for no real gain.
// GC: each pause is bucketed by its start on the run clock, not by when it was reported; a pause
// reported after its interval closed counts in the next one (like the recorder's late samples),
// so the intervals' pauses add up to every pause seen.
import { performance } from 'node:perf_hooks';
import type { IntervalSelfUsage } from '../recorder/types.js';
import type { Clock } from '../scheduler/clock.js';
import type { IntervalSource } from './ticker.js';
import { observeGcPauses } from './gc-watch.js';

/** Pure: readings and pauses in, per-interval usage out. Fed by watchSelfUsage(); tests feed it directly. */
export class SelfUsageMeter {
  /** cumulative CPU readings (run clock µs, CPU µs), oldest first; only the few still needed are kept */
  private readonly readings: { atUs: number; cpuUs: number }[] = [];
  /** GC pauses not yet filed, as [start µs, length ms] pairs in arrival order */
  private pauses: number[] = [];

  /** A cumulative CPU reading (µs of CPU since any fixed origin) taken at `atUs` on the run clock. */
  readCpu(atUs: number, cpuUs: number): void {
    const last = this.readings[this.readings.length - 1];
    // readings go forward in time; a repeated time keeps the newer value
    if (last !== undefined && atUs <= last.atUs) {
      last.cpuUs = Math.max(last.cpuUs, cpuUs);
      return;
    }
    this.readings.push({ atUs, cpuUs });
  }

  /** A GC pause of any thread that began at `atUs` on the run clock. */
  addPause(atUs: number, durationMs: number): void {
    this.pauses.push(atUs, durationMs);
  }

  /**
   * What the process used in [startUs, endUs). Asked once per interval, oldest first: pauses that
   * began before endUs are filed here and forgotten, and readings no longer needed are dropped.
   */
  usage(startUs: number, endUs: number): IntervalSelfUsage {
    const processCpuMs = Math.max(0, this.cpuAt(endUs) - this.cpuAt(startUs)) / 1000;
    let gcPauseMs = 0;
    let kept = 0;
    const p = this.pauses;
    for (let i = 0; i < p.length; i += 2) {
      if (p[i]! < endUs) gcPauseMs += p[i + 1]!;
      else {
        p[kept++] = p[i]!;
        p[kept++] = p[i + 1]!;
      }
    }
    p.length = kept;
    // the next interval starts at endUs: keep the last reading at or before it and everything after
    while (this.readings.length > 1 && this.readings[1]!.atUs <= endUs) this.readings.shift();
    return { processCpuMs, gcPauseMs };
  }

  /** Cumulative CPU at `atUs`, interpolated between the readings around it; held flat outside them. */
  private cpuAt(atUs: number): number {
    const r = this.readings;
    if (r.length === 0) return 0;
    if (atUs <= r[0]!.atUs) return r[0]!.cpuUs;
    for (let i = 1; i < r.length; i++) {
      const b = r[i]!;
      if (atUs <= b.atUs) {
        const a = r[i - 1]!;
        return a.cpuUs + ((b.cpuUs - a.cpuUs) * (atUs - a.atUs)) / (b.atUs - a.atUs);
      }
    }
    return r[r.length - 1]!.cpuUs;
  }
}

export interface SelfUsageWatch {
  /** for RecorderOptions.selfUsage */
  usage(startUs: number, endUs: number): IntervalSelfUsage;
  /** a load worker's GC pause, already on the run clock (worker-pool.ts) */
  addPause(atUs: number, durationMs: number): void;
  /** starts reading: the first CPU reading is run clock 0's, and this thread's GC pauses are watched */
  start(clock: Clock): void;
  /** a CPU reading now: call it before closing intervals (the ticker, the end of the run) */
  readNow(): void;
  /** the ticker's source: reads the CPU just before each close, so closing intervals have a reading past their end */
  around(source: IntervalSource): IntervalSource;
  stop(): void;
}

/**
 * The recording thread's meter. Worker pauses may be added before start() (they begin after it).
 * `onPause` hears every pause too, this thread's and the workers' (a sweep weighs them per step).
 */
export function watchSelfUsage(onPause?: (atUs: number, durationMs: number) => void): SelfUsageWatch {
  const meter = new SelfUsageMeter();
  const addPause = (atUs: number, durationMs: number): void => {
    meter.addPause(atUs, durationMs);
    onPause?.(atUs, durationMs);
  };
  let clock: Clock | undefined;
  let stopGc: (() => void) | undefined;
  const cpuUs = () => {
    const u = process.cpuUsage();
    return u.user + u.system;
  };
  const readNow = () => {
    if (clock !== undefined) meter.readCpu(clock.nowUs(), cpuUs());
  };
  return {
    usage: (startUs, endUs) => meter.usage(startUs, endUs),
    addPause,
    start(c) {
      clock = c;
      meter.readCpu(c.nowUs(), cpuUs());
      stopGc = observeGcPauses(perfToRunClock(c, addPause));
    },
    readNow,
    around: (source) => ({
      closeIntervals(upToUs) {
        readNow();
        return source.closeIntervals(upToUs);
      },
    }),
    stop: () => stopGc?.(),
  };
}

/**
 * GC entries carry their start as this thread's performance.now() (ms); the run clock is
 * hrtime-based. Both are monotonic, so one offset, taken now, maps the one onto the other.
 */
export function perfToRunClock(
  clock: Clock,
  onPause: (atUs: number, durationMs: number) => void,
  perfNowMs: () => number = () => performance.now(),
): (startMs: number, durationMs: number) => void {
  const offsetUs = clock.nowUs() - perfNowMs() * 1000;
  return (startMs, durationMs) => onPause(startMs * 1000 + offsetUs, durationMs);
}
