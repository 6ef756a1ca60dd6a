// Space-Saving with weights: exact while the keys fit, the N/k bound on skewed and adversarial
// streams, merge (equal to the concatenated stream when exact, within the bound otherwise), JSON.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { HeavyHitters } from '../../src/capacity/heavy-hitters.js';
import { mergeHeavyHitters } from '../../src/capacity/heavy-hitters-merge.js';
import { heavyHittersFromJson } from '../../src/capacity/heavy-hitters-json.js';
import { Rng } from '../../src/workload/rng.js';
import { zipfian } from '../../src/workload/distributions.js';

type W = 'ops' | 'reads' | 'writes';
/** reads cost 1, writes 3: the shape key heat uses (3,000 RCU / 1,000 WCU) */
const OPTIONS = { weights: ['ops', 'reads', 'writes'] as const, rank: { reads: 1, writes: 3 } };
const sketch = (capacity: number): HeavyHitters<W> => new HeavyHitters<W>({ capacity, ...OPTIONS });
type Rec = { key: string; w: Record<W, number> };
const rankOf = (w: Record<W, number>): number => w.reads + 3 * w.writes;

/** the exact per-key totals of a stream */
function truth(stream: readonly Rec[]): Map<string, Record<W, number>> {
  const m = new Map<string, Record<W, number>>();
  for (const { key, w } of stream) {
    const t = m.get(key) ?? { ops: 0, reads: 0, writes: 0 };
    m.set(key, { ops: t.ops + w.ops, reads: t.reads + w.reads, writes: t.writes + w.writes });
  }
  return m;
}

function feed(h: HeavyHitters<W>, stream: readonly Rec[]): HeavyHitters<W> {
  for (const { key, w } of stream) assert.equal(h.add(key, w), true);
  return h;
}

/** Every stated bound, against the exact counts. */
function assertBounds(h: HeavyHitters<W>, stream: readonly Rec[]): void {
  const exact = truth(stream);
  const n = stream.reduce((s, r) => s + rankOf(r.w), 0);
  assert.ok(h.size <= h.capacity);
  assert.ok(h.floorRank <= n / h.capacity + 1e-9, `floor ${h.floorRank} <= N/k ${n / h.capacity}`);
  assert.ok(Math.abs(h.totalRank - n) < 1e-6);
  for (const [key, t] of exact) {
    const e = h.get(key);
    if (e === undefined) {
      assert.ok(rankOf(t) <= h.floorRank + 1e-9, `untracked ${key}: ${rankOf(t)} <= floor ${h.floorRank}`);
      continue;
    }
    assert.ok(e.errorRank <= h.floorRank + 1e-9);
    assert.ok(rankOf(t) <= e.upperRank + 1e-9 && e.upperRank - rankOf(t) <= h.floorRank + 1e-9);
    for (const w of ['ops', 'reads', 'writes'] as const) {
      assert.ok(e.observed[w] <= t[w] + 1e-9, `${key}.${w}: observed ${e.observed[w]} <= true ${t[w]}`);
      assert.ok(t[w] <= e.upper[w] + 1e-9, `${key}.${w}: true ${t[w]} <= upper ${e.upper[w]}`);
    }
  }
}

const recArb = (keys: number): fc.Arbitrary<Rec> =>
  fc.record({
    key: fc.integer({ min: 0, max: keys - 1 }).map((i) => `k${i}`),
    w: fc.oneof(
      fc.integer({ min: 1, max: 8 }).map((u) => ({ ops: 1, reads: u / 2, writes: 0 })),
      fc.integer({ min: 0, max: 5 }).map((u) => ({ ops: 1, reads: 0, writes: u })),
    ),
  });

test('while the distinct keys fit in k, every count is exact and nothing is charged as error', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 12 }), fc.array(recArb(12), { maxLength: 200 }), (k, stream) => {
      const keys = new Set(stream.map((r) => r.key));
      fc.pre(keys.size <= k);
      const h = feed(sketch(k), stream);
      assert.equal(h.exact, true);
      for (const [key, t] of truth(stream)) {
        const e = h.get(key)!;
        assert.deepEqual(e.observed, t);
        assert.deepEqual(e.upper, t);
        assert.equal(e.errorRank, 0);
      }
    }),
    { seed: 19, numRuns: 200 },
  );
});

test('on a zipfian stream over 10,000 keys, k = 64 keeps every bound and finds the true top 10', () => {
  const rng = new Rng(42);
  const keys = zipfian(10_000, 0.99, rng.fork('keys'));
  const sizes = rng.fork('sizes');
  const stream: Rec[] = [];
  for (let i = 0; i < 50_000; i++) {
    const write = sizes.nextFloat() < 0.3;
    const units = 1 + sizes.nextInt(4);
    stream.push({ key: `user#${keys.next()}`, w: { ops: 1, reads: write ? 0 : units / 2, writes: write ? units : 0 } });
  }
  const h = feed(sketch(64), stream);
  assert.equal(h.exact, false);
  assertBounds(h, stream);
  const trueTop = [...truth(stream)].sort((a, b) => rankOf(b[1]) - rankOf(a[1])).slice(0, 10).map(([k]) => k);
  for (const key of trueTop) assert.ok(h.has(key), `${key} is tracked`);
});

test('on arbitrary streams with more keys than k (fast-check), every bound holds', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 6 }), fc.array(recArb(20), { maxLength: 300 }), (k, stream) => {
      assertBounds(feed(sketch(k), stream), stream);
    }),
    { seed: 7, numRuns: 300 },
  );
});

test('an adversarial stream (each new key evicts, then one heavy key late) stays within N/k', () => {
  const stream: Rec[] = [];
  for (let round = 0; round < 50; round++) for (let i = 0; i < 11; i++) stream.push({ key: `cold${round}-${i}`, w: { ops: 1, reads: 0, writes: 1 } });
  for (let i = 0; i < 40; i++) stream.push({ key: 'late-hot', w: { ops: 1, reads: 0, writes: 2 } });
  const h = feed(sketch(10), stream);
  assertBounds(h, stream);
  assert.equal(h.top(1)[0]!.key, 'late-hot');
});

test('ties are listed by key, whatever order the keys arrived in', () => {
  const a = feed(sketch(8), ['b', 'c', 'a'].map((key) => ({ key, w: { ops: 1, reads: 1, writes: 0 } })));
  const b = feed(sketch(8), ['a', 'c', 'b'].map((key) => ({ key, w: { ops: 1, reads: 1, writes: 0 } })));
  assert.deepEqual(a.top().map((e) => e.key), ['a', 'b', 'c']);
  assert.deepEqual(a.toJSON(), b.toJSON());
});

test('merging two exact sketches equals the sketch of the concatenated stream', () => {
  fc.assert(
    fc.property(fc.array(recArb(10), { maxLength: 100 }), fc.array(recArb(10), { maxLength: 100 }), (s1, s2) => {
      const merged = mergeHeavyHitters(feed(sketch(10), s1), feed(sketch(10), s2));
      assert.ok(merged.ok);
      assert.deepEqual(merged.value.toJSON(), feed(sketch(10), [...s1, ...s2]).toJSON());
    }),
    { seed: 3, numRuns: 150 },
  );
});

test('merging sketches that evicted keeps every bound of the concatenated stream, in either order', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }), fc.array(recArb(16), { maxLength: 150 }), fc.array(recArb(16), { maxLength: 150 }), (ka, kb, s1, s2) => {
      const a = feed(sketch(ka), s1);
      const b = feed(sketch(kb), s2);
      const ab = mergeHeavyHitters(a, b);
      const ba = mergeHeavyHitters(b, a);
      assert.ok(ab.ok && ba.ok);
      assert.equal(ab.value.capacity, Math.min(ka, kb));
      assert.deepEqual(ab.value.toJSON(), ba.value.toJSON());
      assertBounds(ab.value, [...s1, ...s2]);
      // and it keeps them when more records arrive after the merge
      const more = s1.slice(0, 20);
      assertBounds(feed(ab.value, more), [...s1, ...s2, ...more]);
    }),
    { seed: 11, numRuns: 300 },
  );
});

test('sketches ranked differently do not merge: a problem, not a throw', () => {
  const other = new HeavyHitters<W>({ capacity: 4, weights: OPTIONS.weights, rank: { reads: 1, writes: 2 } });
  const r = mergeHeavyHitters(sketch(4), other);
  assert.equal(r.ok, false);
  assert.match(!r.ok ? r.problem : '', /rank coefficient of `writes` differs: 3 vs 2/);
});

test('toJSON and back gives the same sketch, which goes on counting the same', () => {
  const rng = new Rng(5);
  const keys = zipfian(500, 0.99, rng);
  const stream: Rec[] = Array.from({ length: 5_000 }, () => ({ key: `k${keys.next()}`, w: { ops: 1, reads: 0, writes: 1 } }));
  const h = feed(sketch(20), stream.slice(0, 4_000));
  const back = heavyHittersFromJson<W>(JSON.parse(JSON.stringify(h.toJSON())));
  assert.ok(back.ok);
  assert.deepEqual(back.value.toJSON(), h.toJSON());
  assert.deepEqual(feed(back.value, stream.slice(4_000)).toJSON(), feed(h, stream.slice(4_000)).toJSON());
});

test('a damaged sketch in JSON is one problem line', () => {
  const good = feed(sketch(2), [{ key: 'a', w: { ops: 1, reads: 1, writes: 0 } }]).toJSON();
  const cases: [unknown, RegExp][] = [
    [null, /not an object/],
    [{ ...good, capacity: 0 }, /capacity must be a positive integer/],
    [{ ...good, totals: { ops: 1, reads: -1, writes: 0 } }, /totals: `reads` is not a number >= 0/],
    [{ ...good, keys: [good.keys[0], good.keys[0]] }, /listed twice/],
    [{ ...good, keys: [{ ...good.keys[0], errorRank: 5 }] }, /errorRank/],
    [{ ...good, keys: [good.keys[0], { key: 'b', observed: good.keys[0]!.observed, errorRank: 0 }, { key: 'c', observed: good.keys[0]!.observed, errorRank: 0 }] }, /exceed the capacity 2/],
  ];
  for (const [json, why] of cases) {
    const r = heavyHittersFromJson(json);
    assert.equal(r.ok, false);
    assert.match(!r.ok ? r.problem : '', why);
  }
});

test('a negative or non-finite weight is refused and records nothing', () => {
  const h = sketch(4);
  assert.equal(h.add('a', { ops: 1, reads: -1, writes: 0 }), false);
  assert.equal(h.add('a', { ops: 1, reads: NaN, writes: 0 }), false);
  assert.equal(h.add('a', { ops: Infinity, reads: 1, writes: 0 }), false);
  assert.equal(h.size, 0);
  assert.equal(h.records, 0);
});

test('memory stays at k counters with 1,000,000 distinct keys, and a key with 5% of the weight is found', () => {
  const h = sketch(100);
  const cold = { ops: 1, reads: 0, writes: 1 };
  const hot = { ops: 1, reads: 0, writes: 1 };
  for (let i = 0; i < 1_000_000; i++) {
    h.add(i % 20 === 0 ? 'hot' : `cold${i}`, i % 20 === 0 ? hot : cold);
  }
  assert.equal(h.size, 100);
  assert.equal(h.entries().length, 100);
  assert.equal(h.records, 1_000_000);
  assert.equal(h.totalWeights().writes, 1_000_000);
  const top = h.top(1)[0]!;
  assert.equal(top.key, 'hot');
  assert.ok(top.observed.writes <= 50_000 && top.upper.writes >= 50_000);
  assert.ok(top.upper.writes - top.observed.writes <= 1_000_000 / 100 / 3);
  assert.ok(h.floorRank <= h.totalRank / 100);
});
