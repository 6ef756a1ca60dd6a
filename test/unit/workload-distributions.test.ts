import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rng } from '../../src/workload/rng.js';
import { EXACT_TERMS, zeta, zetaRange } from '../../src/workload/zipfian.js';
import { hotspot, latest, scrambledZipfian, sequential, uniform, zipfian } from '../../src/workload/distributions.js';
import type { KeyDistribution } from '../../src/workload/distributions.js';
import { KeySpace } from '../../src/workload/keyspace.js';
import { keySpace } from './workload-fixture.js';
import { shardOf } from '../../src/workload/keyspace.js';

const COUNT = 100_000;
const DRAWS = 200_000;

function histogram(dist: KeyDistribution, count: number, draws: number): Uint32Array {
  const counts = new Uint32Array(count);
  for (let i = 0; i < draws; i++) counts[dist.next()]!++;
  return counts;
}

/** share of all draws that went to the `k` most drawn keys */
function topShare(counts: Uint32Array, k: number, draws: number): number {
  const sorted = Array.from(counts).sort((a, b) => b - a);
  return sorted.slice(0, k).reduce((a, b) => a + b, 0) / draws;
}

function hottestKeys(counts: Uint32Array, k: number): number[] {
  return Array.from(counts.keys())
    .sort((a, b) => counts[b]! - counts[a]!)
    .slice(0, k);
}

test('rng: the same seed gives the same numbers, floats stay in [0, 1), ints in [0, n)', () => {
  const a = new Rng(7);
  const b = new Rng(7);
  for (let i = 0; i < 1000; i++) {
    const x = a.nextFloat();
    assert.equal(x, b.nextFloat());
    assert.ok(x >= 0 && x < 1);
    const n = a.nextInt(13);
    assert.equal(n, b.nextInt(13));
    assert.ok(Number.isInteger(n) && n >= 0 && n < 13);
  }
  assert.notEqual(new Rng(1).nextFloat(), new Rng(2).nextFloat());
});

test('rng: a fork depends on the seed and label only, not on draws made before', () => {
  const a = new Rng(99);
  const b = new Rng(99);
  for (let i = 0; i < 10; i++) b.nextUint32();
  assert.equal(a.fork('key:player').nextFloat(), b.fork('key:player').nextFloat());
  assert.notEqual(a.fork('key:player').nextFloat(), a.fork('key:game').nextFloat());
});

test('zeta: the Euler-Maclaurin tail past 1e6 terms matches the exact sum', () => {
  const n = EXACT_TERMS * 2;
  let exact = 0;
  for (let i = 1; i <= n; i++) exact += Math.pow(i, -0.99);
  assert.ok(Math.abs(zetaRange(0, n, 0.99) - exact) / exact < 1e-12);
  // YCSB's precomputed zeta(1e10, 0.99)
  assert.ok(Math.abs(zeta(10_000_000_000, 0.99) - 26.46902820178302) < 1e-9);
});

test('zipfian theta 0.99: the top 1% of 100,000 keys gets the share zeta predicts', () => {
  const counts = histogram(zipfian(COUNT, 0.99, new Rng(1)), COUNT, DRAWS);
  const expected = zeta(COUNT / 100, 0.99) / zeta(COUNT, 0.99); // ~0.605
  let top = 0;
  for (let k = 0; k < COUNT / 100; k++) top += counts[k]!;
  // Gray et al.'s algorithm is a continuous approximation beyond rank 2: it gives ~0.61
  assert.ok(Math.abs(top / DRAWS - expected) < 0.02, `top 1% share ${top / DRAWS}, expected ~${expected}`);
  assert.ok(Math.abs(counts[0]! / DRAWS - 1 / zeta(COUNT, 0.99)) < 0.005, 'key 0 is the hottest, ~7.8%');
  assert.deepEqual(hottestKeys(counts, 3), [0, 1, 2]);
});

test('zipfian over 1e9 keys starts quickly and stays in range', () => {
  const dist = zipfian(1_000_000_000, 0.99, new Rng(5));
  for (let i = 0; i < 1000; i++) {
    const k = dist.next();
    assert.ok(Number.isInteger(k) && k >= 0 && k < 1_000_000_000);
  }
});

test('uniform: draws are flat (chi-square over 1,000 keys within 5 sigma)', () => {
  const keys = 1000;
  const counts = histogram(uniform(keys, new Rng(3)), keys, DRAWS);
  const expected = DRAWS / keys;
  let chi2 = 0;
  for (const c of counts) chi2 += (c - expected) ** 2 / expected;
  const dof = keys - 1;
  assert.ok(Math.abs(chi2 - dof) < 5 * Math.sqrt(2 * dof), `chi-square ${chi2} for ${dof} degrees of freedom`);
});

test('hotspot: the hot 20% of keys gets about 80% of the draws', () => {
  const counts = histogram(hotspot(COUNT, 0.2, 0.8, new Rng(4)), COUNT, DRAWS);
  let hot = 0;
  for (let k = 0; k < COUNT * 0.2; k++) hot += counts[k]!;
  assert.ok(Math.abs(hot / DRAWS - 0.8) < 0.01, `hot share ${hot / DRAWS}`);
});

test('scrambled zipfian: the skew of zipfian, but the hottest keys are not 0, 1, 2', () => {
  const plain = histogram(zipfian(COUNT, 0.99, new Rng(1)), COUNT, DRAWS);
  const scrambled = histogram(scrambledZipfian(COUNT, 0.99, new Rng(1)), COUNT, DRAWS);
  const k = COUNT / 100;
  assert.ok(Math.abs(topShare(scrambled, k, DRAWS) - topShare(plain, k, DRAWS)) < 0.01);
  const hottest = hottestKeys(scrambled, 3);
  assert.ok(!hottest.includes(0) && !hottest.includes(1) && !hottest.includes(2), `hottest ${hottest.join(',')}`);
  // consecutive ranks land far apart
  assert.ok(Math.abs(hottest[0]! - hottest[1]!) > COUNT / 10);
});

test('latest: favours the newest key, and an insert moves the favour to it', () => {
  const dist = latest(1000, 0.99, new Rng(6));
  const before = histogram(dist, 1000, 20_000);
  assert.equal(hottestKeys(before, 1)[0], 999);
  dist.inserted(1499);
  const after = new Map<number, number>();
  for (let i = 0; i < 20_000; i++) {
    const key = dist.next();
    assert.ok(key >= 0 && key <= 1499);
    after.set(key, (after.get(key) ?? 0) + 1);
  }
  const [hottest] = [...after.entries()].sort((a, b) => b[1] - a[1])[0]!;
  assert.equal(hottest, 1499);
});

test('sequential: counts up and wraps at count', () => {
  const dist = sequential(3);
  assert.deepEqual(
    Array.from({ length: 7 }, () => dist.next()),
    [0, 1, 2, 0, 1, 2, 0],
  );
});

test('.seq visits every key exactly once, then wraps', () => {
  const space = new KeySpace('player', keySpace(1000, 'zipfian'));
  const seen = new Set<number>();
  for (let i = 0; i < 1000; i++) seen.add(space.nextSeq());
  assert.equal(seen.size, 1000);
  assert.equal(Math.min(...seen), 0);
  assert.equal(Math.max(...seen), 999);
  assert.equal(space.nextSeq(), 0);
});

test('.seq in a latest key space goes on past count, and draws follow it', () => {
  const space = new KeySpace('event', keySpace(10, 'latest'));
  const draw = space.drawer(new Rng(8));
  for (let i = 0; i < 12; i++) assert.equal(space.nextSeq(), i);
  const counts = new Map<number, number>();
  for (let i = 0; i < 5000; i++) {
    const k = draw();
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  assert.equal([...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0], 11);
});

test('shards draw and load disjoint keys that together cover the key space', () => {
  const shards = 3;
  const loaded: number[] = [];
  for (let index = 0; index < shards; index++) {
    const space = new KeySpace('player', keySpace(10, 'uniform'), shardOf(index, shards));
    const draw = space.drawer(new Rng(index));
    for (let i = 0; i < 200; i++) {
      const k = draw();
      assert.equal(k % shards, index);
      assert.ok(k < 10);
    }
    for (let i = 0; i < space.localCount; i++) loaded.push(space.nextSeq());
  }
  assert.deepEqual(
    loaded.sort((a, b) => a - b),
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  );
});
