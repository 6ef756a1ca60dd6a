// Lane and share arithmetic: a load worker's (or a shard's) share of the schedule is 1/count of
// every phase's rate (open loop) or of its workers (closed loop). Open-loop arrivals are
// interleaved: lane k starts k/(count x rate) later, so the lanes' arrivals together are as
// evenly spaced as one scheduler's would be. Pure. (Shard identity, `--shard i/n` parsing and
// merging are multi-machine concerns and live in src/shard/.)
import type { PhaseSpec, Scenario } from '../types.js';
import type { Shard } from '../workload/index.js';
import { planPhases } from './arrivals.js';
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

/**
 * A shard's plan (the workload's 0-based shard; `--shard i/n` is shard i-1): every phase at 1/n
 * of its rate (open loop) or of its workers (closed loop), and 1/n of the concurrency (at least
 * 1). The seed item count stays the scenario's: the workload makes only the shard's share.
 */
export function applyShard(scenario: Scenario, shard: Shard | undefined): Scenario {
  if (shard === undefined || shard.count === 1) return scenario;
  return {
    ...scenario,
    phases: sharePhases(scenario.phases, shard.index, shard.count),
    concurrency: Math.max(1, splitEvenly(scenario.concurrency, shard.index, shard.count)),
  };
}

/** Items a shard seeds: the same share the workload makes (keys k with k % count === index). */
export function seedShare(items: number, shard: Shard | undefined): number {
  return shard === undefined ? items : splitEvenly(items, shard.index, shard.count);
}

/**
 * The interleaving lane of load worker `worker` of `workers` in a shard: all the shards' workers
 * together form shard.count x workers lanes of one schedule, lane j starting j / (total rate)
 * later. Without a shard this is (worker, workers).
 */
export function laneOf(shard: Shard | undefined, worker: number, workers: number): { index: number; count: number } {
  const s = shard ?? { index: 0, count: 1 };
  return { index: worker * s.count + s.index, count: workers * s.count };
}

/** The open-loop schedule of one load worker of one shard (its phases already shared out). */
export function plannedLane(phases: PhaseSpec[], shard: Shard | undefined, worker: number, workers: number): PlannedPhase[] {
  const lane = laneOf(shard, worker, workers);
  return interleave(planPhases(phases), lane.index, lane.count);
}
