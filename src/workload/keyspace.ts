// A named key space at run time: its `.seq` counter, its sharding, and the distributions that
// draw from it (the run's and the seed pass's own, each on its own Rng stream).
//
// Sharding (multi-machine runs): shard i of n owns the keys k with k % n === i. Every
// distribution works on the shard's local index space [0, m) with m = ceil((count - i) / n)
// and maps a local draw r to r * n + i, so the shape of the distribution is kept within each
// shard and the shards never touch each other's keys. `.seq` is sharded the same way, so n
// machines each loading their shard load every key exactly once between them. A shard that
// owns no key (count <= i) is clipped to the last key.

import type { KeySpaceSpec } from '../types.js';
import type { Rng } from './rng.js';
import { createDistribution, type KeyDistribution } from './distributions.js';

declare const zeroBased: unique symbol;

/**
 * Shard `index` of `count`, 0-based (index in [0, count)): the workload's view. Branded, so the
 * 1-based ShardInfo of the --shard flag and summary.json cannot be passed for it by mistake;
 * make one with shardOf() (or workloadShard() from a ShardInfo).
 */
export type Shard = { readonly index: number; readonly count: number; readonly [zeroBased]: true };

/** The 0-based shard `index` of `count`. */
export function shardOf(index: number, count: number): Shard {
  return { index, count } as Shard;
}

/** The whole key space: one shard. */
export const WHOLE: Shard = shardOf(0, 1);

export class KeySpace {
  /** keys this shard owns */
  readonly localCount: number;
  private readonly stride: number;
  private readonly offset: number;
  /** `latest` key spaces grow with inserts; the others wrap at count */
  private readonly grows: boolean;
  private readonly limit: number;
  private seqNext = 0;
  private readonly distributions: KeyDistribution[] = [];

  constructor(
    readonly name: string,
    private readonly spec: KeySpaceSpec,
    shard: Shard = WHOLE,
  ) {
    this.stride = shard.count;
    this.offset = shard.index;
    this.localCount = Math.max(1, Math.ceil((spec.count - shard.index) / shard.count));
    this.grows = spec.distribution === 'latest';
    this.limit = this.grows ? Number.POSITIVE_INFINITY : spec.count;
  }

  private toGlobal(local: number): number {
    const key = local * this.stride + this.offset;
    return key < this.limit ? key : this.limit - 1;
  }

  /**
   * A draw function over this key space on its own Rng stream. All drawers of one key space
   * share the `.seq` counter, so `latest` favours keys inserted by either the seed or the run.
   */
  drawer(rng: Rng): () => number {
    const spec = this.spec;
    const dist = createDistribution(
      {
        distribution: spec.distribution,
        count: this.localCount,
        theta: spec.theta,
        hotFraction: spec.hotFraction,
        hotOpFraction: spec.hotOpFraction,
      },
      rng,
    );
    this.distributions.push(dist);
    return () => this.toGlobal(dist.next());
  }

  /**
   * The next key in order: 0, 1, 2, ... (this shard's keys only). Wraps at count, except in a
   * `latest` key space, where it goes on past count: those are inserts, and the space grows.
   */
  nextSeq(): number {
    const local = this.seqNext;
    if (this.grows) {
      this.seqNext = local + 1;
      for (const dist of this.distributions) dist.inserted(local);
    } else {
      this.seqNext = local + 1 < this.localCount ? local + 1 : 0;
    }
    return this.toGlobal(local);
  }
}
