// A named key space at run time: its `.seq` counter, its sharding, and the distributions that
// draw from it (the run's and the seed pass's own, each on its own Rng stream).
//
// Sharding (multi-machine runs): shard i of n owns the keys k with k % n === i. Every
// distribution works on the shard's local index space [0, m) with m = ceil((count - i) / n)
// and maps a local draw r to r * n + i, so the shape of the distribution is kept within each
// shard and the shards never touch each other's keys. `.seq` is sharded the same way, so n
// machines each loading their shard load every key exactly once between them. A shard that
// owns no key (count <= i) is clipped to the last key.
import { createDistribution } from './distributions.js';
export class KeySpace {
    name;
    spec;
    /** keys this shard owns */
    localCount;
    stride;
    offset;
    /** `latest` key spaces grow with inserts; the others wrap at count */
    grows;
    limit;
    seqNext = 0;
    distributions = [];
    constructor(name, spec, shard = { index: 0, count: 1 }) {
        this.name = name;
        this.spec = spec;
        this.stride = shard.count;
        this.offset = shard.index;
        this.localCount = Math.max(1, Math.ceil((spec.count - shard.index) / shard.count));
        this.grows = spec.distribution === 'latest';
        this.limit = this.grows ? Number.POSITIVE_INFINITY : spec.count;
    }
    toGlobal(local) {
        const key = local * this.stride + this.offset;
        return key < this.limit ? key : this.limit - 1;
    }
    /**
     * A draw function over this key space on its own Rng stream. All drawers of one key space
     * share the `.seq` counter, so `latest` favours keys inserted by either the seed or the run.
     */
    drawer(rng) {
        const spec = this.spec;
        const dist = createDistribution({
            distribution: spec.distribution,
            count: this.localCount,
            theta: spec.theta,
            hotFraction: spec.hotFraction,
            hotOpFraction: spec.hotOpFraction,
        }, rng);
        this.distributions.push(dist);
        return () => this.toGlobal(dist.next());
    }
    /**
     * The next key in order: 0, 1, 2, ... (this shard's keys only). Wraps at count, except in a
     * `latest` key space, where it goes on past count: those are inserts, and the space grows.
     */
    nextSeq() {
        const local = this.seqNext;
        if (this.grows) {
            this.seqNext = local + 1;
            for (const dist of this.distributions)
                dist.inserted(local);
        }
        else {
            this.seqNext = local + 1 < this.localCount ? local + 1 : 0;
        }
        return this.toGlobal(local);
    }
}
//# sourceMappingURL=keyspace.js.map