// One shard of a multi-machine run: `--shard i/n` (1-based, as people count machines and as
// Kubernetes' JOB_COMPLETION_INDEX + 1). Shard i of n takes 1/n of every phase's rate, of the
// concurrency and of the key space (workload shard i-1 of n: keys k with k % n === i-1), with
// its arrivals offset so that n shards started together interleave like one scheduler's; that
// arithmetic is the scheduler's (src/scheduler/share.ts). Here: the shard's identity. Pure.
import { shardInfo, type ShardInfo } from '../summary/model.js';
import { shardOf, type Shard } from '../workload/index.js';
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
  return shardInfo(index, count);
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
  return shard === undefined ? undefined : shardOf(shard.index - 1, shard.count);
}
