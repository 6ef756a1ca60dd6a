// A load worker's share of the schedule: 1/count of every phase's rate (open loop) or of its
// workers (closed loop). Open-loop arrivals are interleaved: worker k starts k/(count x rate)
// later, so the workers' arrivals together are as evenly spaced as one scheduler's would be.
import type { PhaseSpec } from '../types.js';
import type { PlannedPhase } from './arrivals.js';

export function sharePhases(phases: PhaseSpec[], index: number, count: number): PhaseSpec[] {
  return phases.map((p) => ({
    ...p,
    ...(p.rateOpsPerSec !== undefined ? { rateOpsPerSec: p.rateOpsPerSec / count } : {}),
    ...(p.rampToOpsPerSec !== undefined ? { rampToOpsPerSec: p.rampToOpsPerSec / count } : {}),
    ...(p.workers !== undefined ? { workers: splitEvenly(p.workers, index, count) } : {}),
  }));
}

/** Shift worker `index`'s planned phases so its arrivals fall between the other workers'. */
export function interleave(planned: PlannedPhase[], index: number, count: number): PlannedPhase[] {
  return planned.map((p) => {
    const totalRate = p.fromOpsPerSec * count;
    const offsetUs = totalRate > 0 ? Math.round((index * 1e6) / totalRate) : 0;
    return { ...p, startUs: p.startUs + offsetUs, endUs: p.endUs + offsetUs };
  });
}

/** `total` split into `count` integer parts that differ by at most one; part `index`. */
export function splitEvenly(total: number, index: number, count: number): number {
  return Math.floor(total / count) + (index < total % count ? 1 : 0);
}
