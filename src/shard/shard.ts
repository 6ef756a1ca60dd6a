// One shard of a multi-machine run: `--shard i/n` (1-based, as people count machines and as
// Kubernetes' JOB_COMPLETION_INDEX + 1). Shard i of n takes 1/n of every phase's rate, of the
// concurrency and of the key space (workload shard i-1 of n: keys k with k % n === i-1), with
// its arrivals offset so that n shards started together interleave like one scheduler's. Pure.
import type { PhaseSpec, Scenario } from '../types.js';
import type { ShardInfo } from '../summary/model.js';
import type { Shard } from '../workload/index.js';
import { interleave, sharePhases, splitEvenly } from '../scheduler/share.js';
import { planPhases, type PlannedPhase } from '../scheduler/arrivals.js';
import { UsageError } from '../errors.js';

/** The environment variable `--shard` falls back to (e.g. set from a pod's index). */
export const SHARD_ENV = 'DDBENCH_SHARD';

/** Parses `3/20`; undefined for no value. Throws UsageError (exit 2) for anything else. */
export function parseShard(text: string | undefined, source = '--shard'): ShardInfo | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) throw new UsageError(`${source}: expected i/n (shard i of n, 1-based, e.g. 3/20), got ${JSON.stringify(text)}`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1) throw new UsageError(`${source} ${text}: the shard count must be at least 1`);
  if (index < 1 || index > count) throw new UsageError(`${source} ${text}: the shard index must be between 1 and ${count} (shards are numbered from 1)`);
  return { index, count };
}

/** `--shard` if given, else $DDBENCH_SHARD. */
export function shardFrom(flag: string | undefined, env: NodeJS.ProcessEnv): ShardInfo | undefined {
  return flag !== undefined ? parseShard(flag) : parseShard(env[SHARD_ENV], `$${SHARD_ENV}`);
}

/** `shard3of20`: part of the output folder's name. */
export function shardLabel(shard: ShardInfo): string {
  return `shard${shard.index}of${shard.count}`;
}

/** The workload's (0-based) view of a shard. */
export function workloadShard(shard: ShardInfo | undefined): Shard | undefined {
  return shard === undefined ? undefined : { index: shard.index - 1, count: shard.count };
}

/**
 * The shard's plan: every phase at 1/n of its rate (open loop) or of its workers (closed loop),
 * and 1/n of the concurrency (at least 1). The seed item count stays the scenario's: the
 * workload itself makes only the shard's share of the items.
 */
export function applyShard(scenario: Scenario, shard: ShardInfo | undefined): Scenario {
  if (shard === undefined || shard.count === 1) return scenario;
  const i = shard.index - 1;
  return {
    ...scenario,
    phases: sharePhases(scenario.phases, i, shard.count),
    concurrency: Math.max(1, splitEvenly(scenario.concurrency, i, shard.count)),
  };
}

/**
 * The interleaving lane of load worker `worker` of `workers` in a shard: all the shards' workers
 * together form shard.count x workers lanes of one schedule, lane j starting j / (total rate)
 * later. Without a shard this is (worker, workers), as before.
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
