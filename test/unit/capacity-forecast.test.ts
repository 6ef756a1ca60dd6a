// The forecast: the rate at which each limit binds, by linear scaling of the run's own units
// (issue 19's worked examples), the lines that bind at a given rate, a sweep's steps, bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KeyHeat, resourceId, type KeyOps } from '../../src/capacity/key-heat.js';
import { firstBindingPerRate, forecast, type ForecastInput, type ForecastLimits, type ResourceLimit } from '../../src/capacity/forecast.js';

// Test values with made-up sources: the documented ones come from capacity/limits.ts.
const PER_KEY = { readUnitsPerSec: 3000, writeUnitsPerSec: 1000, source: 'test: per-partition maximum' };
const WARM_WRITES: ResourceLimit = { name: 'warm throughput of a new on-demand table', direction: 'write', unitsPerSec: 4000, unitName: 'WRU', source: 'test: warm throughput' };
const WARM_READS: ResourceLimit = { ...WARM_WRITES, direction: 'read', unitsPerSec: 12000, unitName: 'RRU' };
const LIMITS: ForecastLimits = { perKey: PER_KEY, resources: [WARM_READS, WARM_WRITES] };
const TABLE = resourceId({ table: 'orders' });
const BY_REGION = resourceId({ table: 'orders', index: 'byRegion' });
const write = (units: number): KeyOps => ({ reads: 0, writes: 1, readUnits: 0, writeUnits: units });
const read = (units: number): KeyOps => ({ reads: 1, writes: 0, readUnits: units, writeUnits: 0 });
const within1pct = (actual: number | null | undefined, expected: number): void => {
  assert.ok(actual != null && Math.abs(actual - expected) <= expected * 0.01, `${actual} within 1% of ${expected}`);
};

/**
 * Issue 19's scenario: 200 ops/s for 10 s of ~1 KB writes (1 WCU each); user#42 takes every 10th
 * operation; each write also writes the byRegion GSI, whose key region#eu takes every 5th.
 */
function issueRun(capacity = 1000, hotFrom = 0): ForecastInput {
  const created = KeyHeat.create({ capacity, perKeyLimits: PER_KEY });
  assert.ok(created.ok);
  const heat = created.value;
  for (let i = 0; i < 2_000; i++) {
    heat.record(TABLE, i % 10 === 0 && i >= hotFrom ? 'user#42' : `user#${1000 + i}`, write(1));
    heat.record(BY_REGION, i % 5 === 0 ? 'region#eu' : `region#${i % 400}x`, write(1));
  }
  return { heat: heat.resources(), durationMs: 10_000, measuredRateOpsPerSec: 200, limits: LIMITS };
}

test("issue 19: a key with 10% of 1 KB writes at 200 ops/s reaches 1,000 WCU/s at 10,000 ops/s", () => {
  const f = forecast(issueRun());
  assert.ok(f.ok);
  const line = f.value.limits.find((l) => l.kind === 'per-key' && l.resource.index === undefined && l.direction === 'write')!;
  assert.equal(line.key, 'user#42');
  within1pct(line.bindsAtOpsPerSec, 10_000);
  assert.equal(line.text, "user#42 (table, writes): 1,000 WCU/s per partition key, reached at 10,000 ops/s: throttles whatever the table's capacity");
  assert.equal(line.source, PER_KEY.source);
  assert.equal(f.value.rateOpsPerSec, 200);
  assert.deepEqual(f.value.binding, [], 'nothing binds at the run\'s own 200 ops/s');
});

test('a hot GSI partition key is forecast the same way, against its index', () => {
  const f = forecast(issueRun());
  assert.ok(f.ok);
  const line = f.value.limits.find((l) => l.kind === 'per-key' && l.resource.index === 'byRegion' && l.direction === 'write')!;
  assert.equal(line.key, 'region#eu');
  within1pct(line.bindsAtOpsPerSec, 5_000);
  assert.equal(line.text, "region#eu (index byRegion, writes): 1,000 WCU/s per partition key, reached at 5,000 ops/s: throttles whatever the index's capacity");
});

test("a new on-demand table's 4,000 WRU warm throughput binds at 4,000 ops/s of 1-unit writes, on the table and on the index apart", () => {
  const f = forecast(issueRun(), 4_500);
  assert.ok(f.ok);
  const warm = f.value.binding.filter((l) => l.kind === 'resource');
  assert.deepEqual(warm.map((l) => l.text), [
    'byRegion (index byRegion, writes): 4,000 WRU/s warm throughput of a new on-demand table, reached at 4,000 ops/s',
    'orders (table, writes): 4,000 WRU/s warm throughput of a new on-demand table, reached at 4,000 ops/s',
  ]);
  warm.forEach((l) => within1pct(l.bindsAtOpsPerSec, 4_000));
  const reads = f.value.limits.find((l) => l.kind === 'resource' && l.direction === 'read')!;
  assert.equal(reads.bindsAtOpsPerSec, null, 'a write-only run never reaches a read limit');
  assert.match(reads.text, /never reached at any rate$/);
  assert.equal(f.value.first!.limitName, 'warm throughput of a new on-demand table');
});

test('at a higher rate every limit reached is listed, earliest first, with every hot key that binds', () => {
  const f = forecast(issueRun(), 20_000);
  assert.ok(f.ok);
  assert.deepEqual(f.value.binding.map((l) => [l.kind, l.key ?? l.resource.index ?? l.resource.table, Math.round(l.bindsAtOpsPerSec!)]), [
    ['resource', 'byRegion', 4_000],
    ['resource', 'orders', 4_000],
    ['per-key', 'region#eu', 5_000],
    ['per-key', 'user#42', 10_000],
  ]);
});

test('a limit set on one resource caps that resource only', () => {
  const provisioned: ResourceLimit = { name: 'provisioned capacity', direction: 'write', unitsPerSec: 500, unitName: 'WCU', source: 'test: DescribeTable', resource: { table: 'orders', index: 'byRegion' }, consequence: 'throttles the table\'s writes too (GSI back-pressure)' };
  const f = forecast({ ...issueRun(), limits: { perKey: PER_KEY, resources: [provisioned] } });
  assert.ok(f.ok);
  const lines = f.value.limits.filter((l) => l.kind === 'resource');
  assert.equal(lines.length, 1);
  assert.equal(lines[0]!.text, "byRegion (index byRegion, writes): 500 WCU/s provisioned capacity, reached at 500 ops/s: throttles the table's writes too (GSI back-pressure)");
});

test('reads and writes are limited apart: 2,900 RCU/s and 990 WCU/s on one key bind neither', () => {
  const created = KeyHeat.create({ capacity: 10, perKeyLimits: PER_KEY });
  assert.ok(created.ok);
  const h = created.value;
  for (let i = 0; i < 290; i++) h.record(TABLE, 'both', read(10));
  for (let i = 0; i < 99; i++) h.record(TABLE, 'both', write(10));
  const input = { heat: h.resources(), durationMs: 1_000, measuredRateOpsPerSec: 389, limits: { perKey: PER_KEY, resources: [] } };
  const f = forecast(input);
  assert.ok(f.ok);
  assert.deepEqual(f.value.binding, []);
  assert.deepEqual(f.value.limits.map((l) => [l.direction, Math.round(l.bindsAtOpsPerSec!)]), [['write', 393], ['read', 402]]);
});

test('a sweep gets the first binding limit at each step', () => {
  const steps = firstBindingPerRate(issueRun(), [1_000, 4_000, 6_000, 12_000]);
  assert.ok(steps.ok);
  assert.deepEqual(steps.value.map((s) => [s.rateOpsPerSec, s.first?.limitName ?? null]), [
    [1_000, null],
    [4_000, 'warm throughput of a new on-demand table'],
    [6_000, 'warm throughput of a new on-demand table'],
    [12_000, 'warm throughput of a new on-demand table'],
  ]);
  const keysOnly = firstBindingPerRate({ ...issueRun(), limits: { perKey: PER_KEY, resources: [] } }, [4_999, 5_000, 10_000]);
  assert.ok(keysOnly.ok);
  assert.deepEqual(keysOnly.value.map((s) => s.first?.key ?? null), [null, 'region#eu', 'region#eu']);
});

test('with more keys than tracked, the hot key is forecast within its bounds', () => {
  // user#42 first shows up once 100 one-off keys have filled the 50 counters: it inherits an error
  const f = forecast(issueRun(50, 100));
  assert.ok(f.ok);
  const hot = f.value.limits.find((l) => l.kind === 'per-key' && l.resource.index === undefined)!;
  assert.equal(hot.key, 'user#42');
  const trueRate = (1000 * 2_000) / 190;
  assert.ok(hot.bindsAtOpsPerSec! <= trueRate && trueRate <= hot.bindsAtOpsPerSecLatest!, `${hot.bindsAtOpsPerSec} <= ${trueRate} <= ${hot.bindsAtOpsPerSecLatest}`);
  // the units behind the two rates differ by at most N/k in rank: 2,000 writes * 3 / 50 counters / 3 per WCU
  const unitsAt = (rate: number): number => (1000 * 2_000) / rate;
  assert.ok(unitsAt(hot.bindsAtOpsPerSec!) - unitsAt(hot.bindsAtOpsPerSecLatest!) <= 40 + 1e-9);
  assert.match(hot.text, /^user#42 \(table, writes\): 1,000 WCU\/s per partition key, reached between [\d,]+ and [\d,]+ ops\/s \(approximate key heat\)/);
});

test('bad input is one problem line, never a throw', () => {
  const good = issueRun(16);
  const cases: [() => ReturnType<typeof forecast> | ReturnType<typeof firstBindingPerRate>, RegExp][] = [
    [() => forecast(good, -5), /the rate must be a positive number of ops\/s, got -5/],
    [() => forecast(good, 0), /got 0/],
    [() => forecast(good, NaN), /got NaN/],
    [() => forecast(good, Infinity), /got Infinity/],
    [() => forecast({ ...good, heat: [] }), /no key heat/],
    [() => forecast({ ...good, durationMs: 0 }), /measured duration/],
    [() => forecast({ ...good, measuredRateOpsPerSec: -1 }), /measured rate/],
    [() => forecast({ ...good, limits: { perKey: PER_KEY, resources: [{ ...WARM_WRITES, unitsPerSec: 0 }] } }), /limit `warm throughput/],
    [() => firstBindingPerRate(good, [100, -1]), /every rate must be a positive number of ops\/s, got -1/],
    [() => firstBindingPerRate(good, []), /got none/],
  ];
  for (const [run, why] of cases) {
    const r = run();
    assert.equal(r.ok, false);
    assert.match(!r.ok ? r.problem : '', why);
  }
});
