import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseShard, shardFrom, shardLabel, workloadShard } from '../../src/shard/shard.js';
import { tableRoleProblem } from '../../src/shard/table.js';
import { applyOverrides } from '../../src/engine/plan.js';
import { createWorkload } from '../../src/workload/index.js';
import { intendedUs, plannedArrivals } from '../../src/scheduler/arrivals.js';
import { applyShard, plannedLane, seedShare, sharePhases } from '../../src/scheduler/share.js';
import { UsageError } from '../../src/errors.js';
import type { PhaseSpec } from '../../src/types.js';
import { gamingScenario } from './workload-fixture.js';
import { shardInfo } from '../../src/summary/model.js';
import { shardOf } from '../../src/workload/index.js';

test('--shard i/n is 1-based and parses to { index, count }', () => {
  assert.deepEqual(parseShard('3/20'), { index: 3, count: 20 });
  assert.deepEqual(parseShard(' 1 / 1 '), { index: 1, count: 1 });
  assert.equal(parseShard(undefined), undefined);
  assert.equal(shardLabel(shardInfo(3, 20)), 'shard3of20');
  assert.deepEqual(workloadShard(shardInfo(3, 20)), { index: 2, count: 20 });
});

test('--shard rejects a 0 index, an index past the count, a zero count and other shapes', () => {
  for (const bad of ['0/4', '5/4', '1/0', '3', '3of4', '-1/4', '1.5/4', 'a/b', '3/4/5']) {
    assert.throws(() => parseShard(bad), UsageError, bad);
  }
  assert.throws(() => parseShard('0/4'), /numbered from 1/);
});

test('--shard falls back to $DDBENCH_SHARD, and the flag wins over it', () => {
  assert.deepEqual(shardFrom(undefined, { DDBENCH_SHARD: '2/5' }), { index: 2, count: 5 });
  assert.deepEqual(shardFrom('1/5', { DDBENCH_SHARD: '2/5' }), { index: 1, count: 5 });
  assert.equal(shardFrom(undefined, {}), undefined);
  assert.throws(() => shardFrom(undefined, { DDBENCH_SHARD: '9/5' }), /\$DDBENCH_SHARD/);
});

test('a shard takes 1/n of every phase rate and a share of the concurrency that adds up to the whole', () => {
  const scenario = gamingScenario();
  const shares = [1, 2, 3].map((index) => applyShard({ ...scenario, concurrency: 64 }, workloadShard(shardInfo(index, 3))));
  assert.deepEqual(shares.map((s) => s.concurrency), [22, 21, 21]);
  for (const s of shares) {
    s.phases.forEach((p, k) => assert.equal(p.rateOpsPerSec, scenario.phases[k]!.rateOpsPerSec! / 3));
  }
  assert.equal(applyShard(scenario, workloadShard(shardInfo(1, 1))), scenario);
});

test('--rate and --concurrency are the whole run: the shard divides them after they apply', () => {
  const planned = applyOverrides(gamingScenario(), { rateOpsPerSec: 2000, concurrency: 40, noWarmup: true, shard: shardInfo(4, 4) });
  assert.equal(Math.max(...planned.phases.map((p) => p.rateOpsPerSec ?? 0)), 500);
  assert.equal(planned.concurrency, 10);
});

test('n shards of w workers each interleave into one evenly spaced schedule', () => {
  const phases: PhaseSpec[] = [{ name: 'p', durationMs: 1000, rateOpsPerSec: 1200, warmup: false }];
  const shards = 3;
  const workers = 2;
  const all: number[] = [];
  for (let s = 0; s < shards; s++) {
    const shardPhases = sharePhases(phases, s, shards);
    for (let w = 0; w < workers; w++) {
      const [p] = plannedLane(sharePhases(shardPhases, w, workers), shardOf(s, shards), w, workers);
      for (let i = 0; i < plannedArrivals(p!); i++) all.push(intendedUs(p!, i));
    }
  }
  all.sort((a, b) => a - b);
  assert.equal(new Set(all).size, all.length, 'no two lanes share an arrival time');
  const gapUs = 1e6 / 1200;
  for (let i = 1; i < all.length; i++) assert.ok(Math.abs(all[i]! - all[i - 1]! - gapUs) <= 1, `gap ${all[i]! - all[i - 1]!} at ${i}`);
});

/** The player number of every key a workload's requests touch. */
function playersOf(requests: unknown[]): number[] {
  return [...JSON.stringify(requests).matchAll(/player#(\d+)/g)].map((m) => Number(m[1]));
}

test('no key is drawn by two shards: shard i of n draws only keys k with k % n === i - 1', () => {
  const n = 4;
  const seen = new Map<number, number>();
  for (let index = 1; index <= n; index++) {
    const workload = createWorkload(gamingScenario(), { shard: workloadShard(shardInfo(index, n))!, now: () => 0 });
    const players = playersOf(Array.from({ length: 2000 }, () => workload.next()));
    assert.ok(players.length > 1000);
    for (const k of players) {
      assert.equal(k % n, index - 1, `shard ${index} drew player ${k}`);
      const other = seen.get(k);
      assert.ok(other === undefined || other === index, `player ${k} drawn by shards ${other} and ${index}`);
      seen.set(k, index);
    }
  }
});

test('the shards seed every item of the scenario exactly once between them', () => {
  const scenario = { ...gamingScenario(), seed: { ...gamingScenario().seed!, items: 402 } };
  const keys: number[] = [];
  for (let index = 1; index <= 4; index++) {
    const items = [...createWorkload(scenario, { shard: workloadShard(shardInfo(index, 4))!, now: () => 0 }).seedItems()];
    assert.equal(items.length, seedShare(402, workloadShard(shardInfo(index, 4))));
    keys.push(...playersOf(items));
  }
  assert.deepEqual(keys.sort((a, b) => a - b), Array.from({ length: 402 }, (_, i) => i));
});

test('a shard is deterministic: same shard and seed, same operations; another shard, others', () => {
  const ops = (index: number) => {
    const w = createWorkload(gamingScenario(), { seed: 7, shard: shardOf(index, 4), now: () => 0 });
    return Array.from({ length: 300 }, () => w.next());
  };
  assert.deepEqual(ops(2), ops(2));
  assert.notDeepEqual(ops(2), ops(3));
});

test('shards against a shared target must reuse a table set up once; embedded targets make their own', () => {
  const shard = shardInfo(2, 4);
  assert.match(tableRoleProblem({ target: 'aws', shard, reuseTable: false })!, /needs --reuse-table.*--setup-only/);
  assert.match(tableRoleProblem({ target: 'http://10.0.0.5:8000', shard, reuseTable: false })!, /needs --reuse-table/);
  assert.equal(tableRoleProblem({ target: 'aws', shard, reuseTable: true }), undefined);
  assert.equal(tableRoleProblem({ target: 'dynalite', shard, reuseTable: false }), undefined);
  assert.equal(tableRoleProblem({ target: 'local', shard, reuseTable: false }), undefined);
  assert.match(tableRoleProblem({ target: 'aws', shard, reuseTable: false, setupOnly: true })!, /without --shard/);
  assert.match(tableRoleProblem({ target: 'aws', reuseTable: true, setupOnly: true })!, /--reuse-table/);
  assert.match(tableRoleProblem({ target: 'dynalite', reuseTable: false, setupOnly: true })!, /shared target/);
  assert.equal(tableRoleProblem({ target: 'aws', reuseTable: false, setupOnly: true }), undefined);
});
