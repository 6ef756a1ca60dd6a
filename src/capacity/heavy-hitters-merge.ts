// Combining heavy-hitter sketches from workers and shards (mergeable summaries, Agarwal et al.,
// PODS 2012, for Space-Saving): add the two counts of every key, charge a key one sketch does not
// track that sketch's floorRank as error (the most it can have had there), keep the top k.
//
// The bound carries over. With k = the smaller capacity and N = N_a + N_b:
// - a key's true rank is trueA + trueB <= upperA + upperB, where an untracked side counts its floor;
// - any k keys' upperA add up to at most N_a (tracked uppers sum to <= N_a and are each >= floorA),
//   so each key dropped for lack of room has upperRank <= N / k;
// - the new floorRank = max(floorA + floorB, highest dropped upperRank) <= N / k, and every kept
//   key's errorRank (errA + errB, each <= its floor) is <= that floor.
// When neither side ever evicted and the union of keys fits in k, nothing is dropped, every error
// is 0, and the result equals the sketch of the two streams concatenated. Keys dropped here count
// as evictions (the unranked counts of the result are lower bounds from then on).

import { HeavyHitters, type Checked } from './heavy-hitters.js';

/** Why two sketches cannot be merged, or undefined. */
function mismatch<W extends string>(a: HeavyHitters<W>, b: HeavyHitters<W>): string | undefined {
  const oa = a.options;
  const ob = b.options;
  if (oa.weights.join(',') !== ob.weights.join(',')) return `weights differ: ${oa.weights.join(',')} vs ${ob.weights.join(',')}`;
  for (const w of oa.weights) {
    if ((oa.rank[w] ?? 0) !== (ob.rank[w] ?? 0)) return `rank coefficient of \`${w}\` differs: ${oa.rank[w] ?? 0} vs ${ob.rank[w] ?? 0}`;
  }
  return undefined;
}

/** a + b as one sketch with the smaller of the two capacities; inputs are left unchanged. */
export function mergeHeavyHitters<W extends string>(a: HeavyHitters<W>, b: HeavyHitters<W>): Checked<HeavyHitters<W>> {
  const problem = mismatch(a, b);
  if (problem !== undefined) return { ok: false, problem: `cannot merge heavy hitters: ${problem}` };
  const options = { ...a.options, capacity: Math.min(a.capacity, b.capacity) };
  const n = options.weights.length;
  const coefficients = options.weights.map((w) => options.rank[w] ?? 0);
  const byKey = new Map<string, { key: string; observed: Float64Array; errorRank: number; upperRank: number }>();
  const absorb = (side: HeavyHitters<W>, otherFloor: number, other: HeavyHitters<W>): void => {
    for (const e of side.entries()) {
      let m = byKey.get(e.key);
      if (m === undefined) {
        m = { key: e.key, observed: new Float64Array(n), errorRank: other.has(e.key) ? 0 : otherFloor, upperRank: 0 };
        byKey.set(e.key, m);
      }
      for (let i = 0; i < n; i++) m.observed[i]! += e.observed[i]!;
      m.errorRank += e.errorRank;
    }
  };
  absorb(a, b.floorRank, b);
  absorb(b, a.floorRank, a);
  const merged = [...byKey.values()];
  for (const m of merged) {
    let rank = m.errorRank;
    for (let i = 0; i < n; i++) rank += coefficients[i]! * m.observed[i]!;
    m.upperRank = rank;
  }
  merged.sort((x, y) => y.upperRank - x.upperRank || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  const kept = merged.slice(0, options.capacity);
  const firstDropped = merged[options.capacity];
  const floorRank = Math.max(a.floorRank + b.floorRank, firstDropped?.upperRank ?? 0);
  const ta = a.totalWeights();
  const tb = b.totalWeights();
  return {
    ok: true,
    value: HeavyHitters.restore(options, {
      records: a.records + b.records,
      totals: options.weights.map((w) => ta[w] + tb[w]),
      floorRank,
      evictions: a.evictions + b.evictions + (merged.length - kept.length),
      keys: kept,
    }),
  };
}
