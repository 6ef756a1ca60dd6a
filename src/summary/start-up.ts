// ddbench's own start, said out loud. A fresh ddbench process spends its first seconds with V8
// still optimising its code: measured at 1,000 GetItem/s on one pinned core, the process's CPU was
// 2-4x its steady level in seconds 0-2 of the load and the lane's send lag p99 1.3-6 ms, against
// 0.2 ms and ~100 ms of CPU a second from the fourth second on (even after the lane had run 24,000
// operations against a null endpoint before the clock: a new driver's closures are optimised
// anew). A warm-up phase keeps that out of the verdict; when the measured phases start inside it
// and the run's own figures show it, the summary says so. Pure: reads the recorded intervals.
import type { IntervalSummary } from '../recorder/shapes.js';
import { median } from './median.js';

/** ddbench's start-up, in seconds of load: what a warm-up phase should cover */
export const START_UP_SEC = 3;
/** below this, a send-lag p99 is within a quiet machine's scheduling noise: nothing to say */
const MIN_LAG_US = 500;

export function startUpNote(intervals: readonly IntervalSummary[], measured: (phaseIndex: number) => boolean): string | undefined {
  const seen = intervals.filter((i) => i.count > 0 && measured(i.phaseIndex) && i.sendLagP99Us !== undefined);
  const early = seen.filter((i) => i.startSec < START_UP_SEC);
  const late = seen.filter((i) => i.startSec >= START_UP_SEC);
  if (early.length === 0 || late.length === 0) return undefined;
  const worst = early.reduce((a, b) => (b.sendLagP99Us! > a.sendLagP99Us! ? b : a));
  const lateLagUs = median(late.map((i) => i.sendLagP99Us!));
  if (!(worst.sendLagP99Us! > Math.max(MIN_LAG_US, 2 * lateLagUs))) return undefined;
  // ddbench's own start shows in its CPU too; a target slow to start (slots full) does not
  const lateCpu = late.map((i) => i.processCpuMs).filter((c): c is number => c !== undefined);
  const worstCpuMs = worst.processCpuMs;
  const lateCpuMs = worstCpuMs !== undefined && lateCpu.length > 0 ? median(lateCpu) : undefined;
  if (worstCpuMs !== undefined && lateCpuMs !== undefined && !(worstCpuMs > 1.5 * lateCpuMs)) return undefined;
  const cpuText = worstCpuMs !== undefined && lateCpuMs !== undefined ? `, process CPU ${Math.round(worstCpuMs)} ms in that second against ${Math.round(lateCpuMs)} ms later` : '';
  const ms = (us: number) => (us / 1000).toFixed(2);
  return (
    `ddbench's own start-up is inside the measured phases: its send lag p99 was ${ms(worst.sendLagP99Us!)} ms in second ${worst.startSec} of the load ` +
    `against ${ms(lateLagUs)} ms (median) from second ${START_UP_SEC} on${cpuText} (V8 still optimising ddbench's code); ` +
    `a warm-up phase of ${START_UP_SEC} s or more keeps it out of the verdict`
  );
}
