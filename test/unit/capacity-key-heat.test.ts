// Key heat: per table and per GSI, the hottest partition key values with their reads, writes and
// units; exact totals; merge across workers; summary.json round trip.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KeyHeat, keyHeatFromJson, mergeKeyHeat, resourceId, resourceOf, type KeyOps } from '../../src/capacity/key-heat.js';
import { Rng } from '../../src/workload/rng.js';
import { zipfian } from '../../src/workload/distributions.js';

const PER_KEY = { readUnitsPerSec: 3000, writeUnitsPerSec: 1000 };
const TABLE = resourceId({ table: 'orders' });
const BY_USER = resourceId({ table: 'orders', index: 'byUser' });
const write = (units: number): KeyOps => ({ reads: 0, writes: 1, readUnits: 0, writeUnits: units });
const read = (units: number): KeyOps => ({ reads: 1, writes: 0, readUnits: units, writeUnits: 0 });

function heat(capacity = 16): KeyHeat {
  const h = KeyHeat.create({ capacity, perKeyLimits: PER_KEY });
  assert.ok(h.ok);
  return h.value;
}

test('a resource id names the table, or the table and its index, and reads back', () => {
  assert.equal(TABLE, 'orders');
  assert.equal(BY_USER, 'orders/byUser');
  assert.deepEqual(resourceOf(BY_USER), { table: 'orders', index: 'byUser' });
  assert.deepEqual(resourceOf(TABLE), { table: 'orders' });
});

test('the table and each index keep their own keys and exact totals', () => {
  const h = heat();
  h.record(TABLE, 'user#42', write(1));
  h.record(TABLE, 'user#42', write(1));
  h.record(TABLE, 'user#7', read(0.5));
  h.record(BY_USER, 'region#eu', write(1));
  const [table, index] = h.resources();
  assert.deepEqual(table!.resource, { table: 'orders' });
  assert.deepEqual(table!.totals, { reads: 1, writes: 2, readUnits: 0.5, writeUnits: 2 });
  assert.deepEqual(table!.keys.map((k) => [k.key, k.observed.writeUnits, k.observed.readUnits]), [['user#42', 2, 0], ['user#7', 0, 0.5]]);
  assert.equal(table!.exact, true);
  assert.deepEqual(table!.unlistedMax, { readUnits: 0, writeUnits: 0 });
  assert.deepEqual(index!.resource, { table: 'orders', index: 'byUser' });
  assert.deepEqual(index!.keys.map((k) => k.key), ['region#eu']);
});

test('keys are ranked by their share of the per-key limits: 3 read units weigh as 1 write unit', () => {
  const h = heat();
  h.record(TABLE, 'reader', read(2_999));
  h.record(TABLE, 'writer', write(1_000));
  h.record(TABLE, 'even', read(3_000));
  assert.deepEqual(h.sketch(TABLE)!.options.rank, { reads: 0, writes: 0, readUnits: 1, writeUnits: 3 });
  assert.deepEqual(h.resources()[0]!.keys.map((k) => k.key), ['even', 'writer', 'reader']);
});

test('past its capacity a resource keeps k keys, the hot one among them, and bounds the others', () => {
  const h = heat(32);
  const rng = new Rng(9);
  const keys = zipfian(50_000, 0.99, rng);
  for (let i = 0; i < 50_000; i++) h.record(TABLE, i % 10 === 0 ? 'user#hot' : `user#${keys.next()}`, write(1));
  const table = h.resourceHeat(TABLE)!;
  assert.equal(table.keys.length, 32);
  assert.equal(table.exact, false);
  assert.equal(table.totals.writeUnits, 50_000);
  const hot = table.keys[0]!;
  assert.equal(hot.key, 'user#hot');
  assert.ok(hot.observed.writeUnits <= 5_000 + 1 && hot.upper.writeUnits >= 5_000);
  assert.equal(hot.upper.writes, Infinity, 'operation counts are only lower bounds once keys were evicted');
  assert.ok(table.unlistedMax.writeUnits > 0 && table.unlistedMax.writeUnits <= 50_000 / 32);
  assert.equal(table.unlistedMax.readUnits, table.unlistedMax.writeUnits * 3);
});

test('two workers merged give what one recorder of both streams gives', () => {
  const one = heat();
  const [w1, w2] = [heat(), heat()];
  for (let i = 0; i < 200; i++) {
    const [resource, key, ops] = [i % 3 === 0 ? BY_USER : TABLE, `user#${i % 9}`, i % 2 === 0 ? write(1 + (i % 4)) : read(0.5 * (1 + (i % 3)))] as const;
    one.record(resource, key, ops);
    (i % 5 < 2 ? w1 : w2).record(resource, key, ops);
  }
  const merged = mergeKeyHeat(w1, w2);
  assert.ok(merged.ok);
  assert.deepEqual(merged.value.toJSON(), one.toJSON());
});

test('a resource only one side saw is carried over as it is', () => {
  const a = heat();
  const b = heat();
  a.record(TABLE, 'k', write(2));
  b.record(BY_USER, 'g', read(1));
  const merged = mergeKeyHeat(a, b);
  assert.ok(merged.ok);
  assert.deepEqual(merged.value.resourceIds(), ['orders', 'orders/byUser']);
  assert.deepEqual(merged.value.toJSON().resources[0]!.sketch, a.toJSON().resources[0]!.sketch);
});

test('key heat ranked by other per-key limits does not merge: a problem line', () => {
  const other = KeyHeat.create({ capacity: 16, perKeyLimits: { readUnitsPerSec: 3000, writeUnitsPerSec: 1500 } });
  assert.ok(other.ok);
  const r = mergeKeyHeat(heat(), other.value);
  assert.equal(r.ok, false);
  assert.match(!r.ok ? r.problem : '', /different per-key limits \(3000\/1000 vs 3000\/1500\)/);
});

test('summary.json round trip gives the same heat', () => {
  const h = heat(4);
  for (let i = 0; i < 40; i++) h.record(i % 4 === 0 ? BY_USER : TABLE, `user#${i % 7}`, i % 2 ? write(1) : read(4));
  const back = keyHeatFromJson(JSON.parse(JSON.stringify(h.toJSON())));
  assert.ok(back.ok);
  assert.deepEqual(back.value.toJSON(), h.toJSON());
  assert.deepEqual(back.value.resources(), h.resources());
});

test('bad options and damaged JSON are problem values, never throws', () => {
  const bad = KeyHeat.create({ capacity: 0, perKeyLimits: PER_KEY });
  assert.equal(bad.ok, false);
  assert.equal(KeyHeat.create({ capacity: 4, perKeyLimits: { readUnitsPerSec: 0, writeUnitsPerSec: 1000 } }).ok, false);
  const good = heat(4);
  good.record(TABLE, 'a', write(1));
  const json = good.toJSON();
  const cases: [unknown, RegExp][] = [
    [undefined, /not an object/],
    [{ ...json, resources: 'x' }, /`resources` is not a list/],
    [{ ...json, resources: [json.resources[0], json.resources[0]] }, /listed twice/],
    [{ ...json, resources: [{ ...json.resources[0], sketch: { ...json.resources[0]!.sketch, capacity: 8 } }] }, /do not match/],
    [{ ...json, resources: [{ ...json.resources[0], sketch: { ...json.resources[0]!.sketch, records: -1 } }] }, /resources\[0\]: heavy hitters: `records`/],
  ];
  for (const [input, why] of cases) {
    const r = keyHeatFromJson(input);
    assert.equal(r.ok, false);
    assert.match(!r.ok ? r.problem : '', why);
  }
});

test('a negative count is refused and recorded nowhere', () => {
  const h = heat();
  assert.equal(h.record(TABLE, 'a', write(-1)), false);
  assert.equal(h.resourceHeat(TABLE)!.totals.writes, 0);
});
