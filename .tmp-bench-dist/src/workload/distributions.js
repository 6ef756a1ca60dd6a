// Key distributions over [0, count), after YCSB's generators. Each draws from its own Rng so
// key choices in one key space never depend on draws made elsewhere.
import { Zipfian, scatter } from './zipfian.js';
const ignoreInsert = () => { };
export function uniform(count, rng) {
    return { next: () => rng.nextInt(count), inserted: ignoreInsert };
}
export function zipfian(count, theta, rng) {
    const z = new Zipfian(count, theta, rng);
    return { next: () => z.next(), inserted: ignoreInsert };
}
/**
 * Zipfian popularity, but the hot keys land all over the key space instead of on 0, 1, 2...
 * (so they are not all among the first keys seeded, nor neighbours in a sort-key range).
 *
 * Not YCSB's ScrambledZipfianGenerator, on purpose: YCSB draws ranks from 1e10 items and takes
 * FNV-1a-64(rank) mod count, which keeps the scatter but not the skew (over 100,000 keys its
 * top 1% of keys gets ~31% of draws where zipfian theta 0.99 gives ~61%, YCSB issue #1495),
 * and a hash mod count is no bijection: about a third of the keys are never drawn. Here ranks
 * come from zipfian over count keys with the configured theta and a bijection scatters them,
 * so the skew is exactly zipfian's and every key stays reachable.
 */
export function scrambledZipfian(count, theta, rng) {
    const z = new Zipfian(count, theta, rng);
    const place = scatter(count);
    return { next: () => place(z.next()), inserted: ignoreInsert };
}
/** The first hotFraction of the keys receive hotOpFraction of the draws, uniform within each set. */
export function hotspot(count, hotFraction, hotOpFraction, rng) {
    const hotKeys = Math.min(count, Math.max(0, Math.floor(count * hotFraction)));
    const coldKeys = count - hotKeys;
    return {
        next() {
            const hot = rng.nextFloat() < hotOpFraction;
            if ((hot && hotKeys > 0) || coldKeys === 0)
                return rng.nextInt(hotKeys);
            return hotKeys + rng.nextInt(coldKeys);
        },
        inserted: ignoreInsert,
    };
}
/**
 * YCSB's SkewedLatestGenerator: zipfian over the distance from the newest key, so the most
 * recently inserted keys are the hottest. Until an insert is reported the newest key is
 * count - 1 (a fully loaded key space); from the first insert on it is the largest key
 * inserted, so a seed pass that loads keys 0..n-1 makes n-1 the hottest, and inserts during the
 * run move it further up, past count if they go on (as in YCSB workload D).
 */
export function latest(count, theta, rng) {
    let max = count - 1;
    let anyInserted = false;
    const z = new Zipfian(count, theta, rng);
    return {
        next: () => max - z.next(),
        inserted(key) {
            if (anyInserted && key <= max)
                return;
            anyInserted = true;
            max = key;
            z.resize(max + 1);
        },
    };
}
/** 0, 1, 2, ... count - 1, 0, 1, ... */
export function sequential(count) {
    let nextKey = 0;
    return {
        next() {
            const key = nextKey;
            nextKey = nextKey + 1 < count ? nextKey + 1 : 0;
            return key;
        },
        inserted: ignoreInsert,
    };
}
export function createDistribution(options, rng) {
    const { count, theta } = options;
    switch (options.distribution) {
        case 'uniform':
            return uniform(count, rng);
        case 'zipfian':
            return zipfian(count, theta, rng);
        case 'scrambled-zipfian':
            return scrambledZipfian(count, theta, rng);
        case 'hotspot':
            return hotspot(count, options.hotFraction, options.hotOpFraction, rng);
        case 'latest':
            return latest(count, theta, rng);
        case 'sequential':
            return sequential(count);
    }
}
//# sourceMappingURL=distributions.js.map