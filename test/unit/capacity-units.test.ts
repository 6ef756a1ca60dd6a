import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { IndexSpec, Request, TableSpec } from '../../src/types.js';
import {
  indexWriteUnits,
  type ReadConsistency,
  readUnitsForBytes,
  unitsForRead,
  unitsForWrite,
  writeUnitsForBytes,
} from '../../src/capacity/units.js';
import { type RequestFacts, unitsForRequest } from '../../src/capacity/request-units.js';
import { indexWriteForImages } from '../../src/capacity/index-images.js';
import type { AttributeMapLike } from '../../src/capacity/item-size.js';
import { itemSizeBytes } from '../../src/capacity/item-size.js';
import { DOCUMENTED_LIMITS, PARTITION_WRITE_UNITS_PER_SEC } from '../../src/capacity/limits.js';

const KB = 1024;
const indexResource = (name: string): { kind: 'index'; name: string } => ({ kind: 'index', name });

// ---------------------------------------------------------------------------
// The documented worked examples (capacity-facts.md, read-write-operations.html)
// ---------------------------------------------------------------------------

test('a 3,500-byte item costs the same as 4 KB: 1 read unit strongly consistent', () => {
  assert.equal(readUnitsForBytes(3500, 'strong'), 1);
  assert.equal(readUnitsForBytes(4 * KB, 'strong'), 1);
});

test('an 8 KB item costs 2 read units strongly consistent, 1 eventually consistent, 4 transactional', () => {
  assert.equal(readUnitsForBytes(8 * KB, 'strong'), 2);
  assert.equal(readUnitsForBytes(8 * KB, 'eventual'), 1);
  assert.equal(readUnitsForBytes(8 * KB, 'transactional'), 4);
});

test('a 20 KB item costs 5 read units per strongly consistent read (so one item tops out near 600 reads/s)', () => {
  assert.equal(readUnitsForBytes(20 * KB, 'strong'), 5);
  assert.equal(3000 / readUnitsForBytes(20 * KB, 'strong'), 600);
});

test('a 2 KB write costs 2 write units, 4 in a transaction', () => {
  assert.equal(writeUnitsForBytes(2 * KB, false), 2);
  assert.equal(writeUnitsForBytes(2 * KB, true), 4);
});

test('BatchGetItem rounds each item before summing: 1.5 KB + 6.5 KB is billed as 12 KB, not 8 KB', () => {
  const units = unitsForRead({ itemSizesBytes: [1.5 * KB, 6.5 * KB], consistency: 'strong', rounding: 'per-item' });
  assert.equal(units, 3); // 4 KB + 8 KB
  assert.equal(unitsForRead({ itemSizesBytes: [1.5 * KB, 6.5 * KB], consistency: 'strong', rounding: 'per-request' }), 2);
});

test('transactions double each item after it is rounded', () => {
  // 1.5 KB + 6.5 KB transactional: (1 + 2) steps x 2 = 6, not ceil(8 KB / 4 KB) x 2 = 4
  assert.equal(unitsForRead({ itemSizesBytes: [1.5 * KB, 6.5 * KB], consistency: 'transactional', rounding: 'per-item' }), 6);
  assert.equal(writeUnitsForBytes(1.5 * KB, true), 4); // 2 KB x 2, not 1.5 x 2 = 3
});

test('Query and Scan are rounded once on the total read; an empty page still costs one step', () => {
  const sizes = Array.from({ length: 10 }, () => 1000); // 10,000 bytes -> 3 steps
  assert.equal(unitsForRead({ itemSizesBytes: sizes, consistency: 'strong', rounding: 'per-request' }), 3);
  assert.equal(unitsForRead({ itemSizesBytes: sizes, consistency: 'eventual', rounding: 'per-request' }), 1.5);
  assert.equal(unitsForRead({ itemSizesBytes: [], consistency: 'eventual', rounding: 'per-request' }), 0.5);
});

test('a missing item still costs a read step; deleting a missing item costs 1 write unit', () => {
  assert.equal(readUnitsForBytes(0, 'strong'), 1);
  assert.deepEqual(unitsForWrite({ transactional: false, indexes: [] }), [{ resource: { kind: 'table' }, readUnits: 0, writeUnits: 1 }]);
});

test('an update or overwrite costs by the larger of the item before and after', () => {
  const [tableUnits] = unitsForWrite({ beforeBytes: 3 * KB, afterBytes: 500, transactional: false, indexes: [] });
  assert.equal(tableUnits!.writeUnits, 3);
});

// ---------------------------------------------------------------------------
// GSI write amplification
// ---------------------------------------------------------------------------

test('a 2 KB put with one GSI projecting ALL: table 2 + index 2', () => {
  const units = unitsForWrite({ afterBytes: 2 * KB, transactional: false, indexes: [{ name: 'byStatus', projectedAfterBytes: 2 * KB, keyChanged: false }] });
  assert.deepEqual(units, [
    { resource: { kind: 'table' }, readUnits: 0, writeUnits: 2 },
    { resource: indexResource('byStatus'), readUnits: 0, writeUnits: 2 },
  ]);
});

test('changing a GSI key costs 2 index writes (delete old + put new): 2 KB entries, index 4', () => {
  assert.equal(indexWriteUnits({ name: 'g', projectedBeforeBytes: 2 * KB, projectedAfterBytes: 2 * KB, keyChanged: true }), 4);
});

test('an entry that appears or disappears costs 1 index write; unchanged or absent entries cost none', () => {
  assert.equal(indexWriteUnits({ name: 'g', projectedAfterBytes: 300, keyChanged: false }), 1);
  assert.equal(indexWriteUnits({ name: 'g', projectedBeforeBytes: 300, keyChanged: false }), 1);
  assert.equal(indexWriteUnits({ name: 'g', projectedBeforeBytes: 300, projectedAfterBytes: 1500, keyChanged: false }), 2);
  assert.equal(indexWriteUnits({ name: 'g', projectedBeforeBytes: 300, projectedAfterBytes: 300, keyChanged: false, projectionChanged: false }), 0);
  assert.equal(indexWriteUnits({ name: 'g', keyChanged: false }), 0);
  const units = unitsForWrite({ afterBytes: 100, transactional: false, indexes: [{ name: 'sparse', keyChanged: false }] });
  assert.deepEqual(units.map((u) => u.resource.kind), ['table']);
});

test('index writes of a transaction are not doubled unless asked (undocumented either way)', () => {
  const write = { afterBytes: 2 * KB, transactional: true, indexes: [{ name: 'g', projectedAfterBytes: 2 * KB, keyChanged: false }] };
  assert.deepEqual(unitsForWrite(write).map((u) => u.writeUnits), [4, 2]);
  assert.deepEqual(unitsForWrite({ ...write, transactionalIndexWrites: true }).map((u) => u.writeUnits), [4, 4]);
});

const GAMES: TableSpec = {
  name: 'games',
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  billingMode: 'PAY_PER_REQUEST',
  indexes: [
    { name: 'all', partitionKey: { name: 'status', type: 'S' }, projection: 'ALL' },
    { name: 'keys', partitionKey: { name: 'status', type: 'S' }, sortKey: { name: 'score', type: 'N' }, projection: 'KEYS_ONLY' },
    { name: 'some', partitionKey: { name: 'owner', type: 'S' }, projection: { include: ['title'] } },
  ],
};

const game = (status: string, bodyBytes: number, extra: AttributeMapLike = {}): AttributeMapLike => ({
  pk: { S: 'game#1' },
  sk: { S: 'meta' },
  status: { S: status },
  score: { N: '42' },
  body: { S: 'x'.repeat(bodyBytes) },
  ...extra,
});

test('a KEYS_ONLY entry holds the index and table keys only; INCLUDE adds the named attributes; a sparse index holds nothing', () => {
  const item = game('open', 5000, { owner: { S: 'ann' }, title: { S: 'chess' } });
  const keys = indexWriteForImages(null, item, GAMES.indexes[1]!, GAMES);
  // pk 2+6, sk 2+4, status 6+4, score 5+2
  assert.equal(keys.projectedAfterBytes, 8 + 6 + 10 + 7);
  const some = indexWriteForImages(null, item, GAMES.indexes[2]!, GAMES);
  assert.equal(some.projectedAfterBytes, 8 + 6 + (5 + 3) + (5 + 5));
  const sparse = indexWriteForImages(null, game('open', 10), GAMES.indexes[2]!, GAMES);
  assert.equal(sparse.projectedAfterBytes, undefined);
});

test('item images decide key changes and unchanged entries', () => {
  const [all, keys] = GAMES.indexes as [IndexSpec, IndexSpec];
  const moved = indexWriteForImages(game('open', 10), game('closed', 10), all, GAMES);
  assert.equal(moved.keyChanged, true);
  const bodyOnly = indexWriteForImages(game('open', 10), game('open', 20), keys, GAMES);
  assert.deepEqual([bodyOnly.keyChanged, bodyOnly.projectionChanged], [false, false]);
  assert.equal(indexWriteUnits(bodyOnly), 0);
});

// ---------------------------------------------------------------------------
// A ddbench Request -> units
// ---------------------------------------------------------------------------

const req = (type: Request['type'], input: Record<string, unknown>): Pick<Request, 'type' | 'input'> => ({ type, input });

test('a 2 KB PutItem with GSIs: the table, each index it enters, a new item assumed', () => {
  const item = game('open', 2 * KB - 40); // 2 KB or just under, with its keys
  assert.ok(itemSizeBytes(item) <= 2 * KB && itemSizeBytes(item) > KB);
  const { units, assumed } = unitsForRequest(req('PutItem', { TableName: 'games', Item: item }), GAMES);
  assert.deepEqual(units, [
    { resource: { kind: 'table' }, readUnits: 0, writeUnits: 2 },
    { resource: indexResource('all'), readUnits: 0, writeUnits: 2 },
    { resource: indexResource('keys'), readUnits: 0, writeUnits: 1 },
  ]);
  assert.deepEqual(assumed, ['before-image']);
});

test('an UpdateItem that changes a GSI key, both images known: index 4 for 2 KB entries, nothing assumed', () => {
  const before = game('open', 2 * KB - 40);
  const after = game('closed', 2 * KB - 42);
  const facts: RequestFacts = { writeImages: [{ before, after }] };
  const { units, assumed } = unitsForRequest(req('UpdateItem', { TableName: 'games', Key: {} }), GAMES, facts);
  assert.deepEqual(units.map((u) => [u.resource.kind === 'index' ? u.resource.name : 'table', u.writeUnits]), [
    ['table', 2],
    ['all', 4],
    ['keys', 2],
  ]);
  assert.deepEqual(assumed, []);
});

test('an UpdateItem with only the item before known keeps its size and writes each index holding it once', () => {
  const { units, assumed } = unitsForRequest(req('UpdateItem', { TableName: 'games' }), GAMES, { writeImages: [{ before: game('open', 3000) }] });
  assert.deepEqual(units.map((u) => u.writeUnits), [3, 3, 1]);
  assert.deepEqual(assumed, ['after-image']);
});

test('DeleteItem: the item it removes and its entries, or 1 unit when unknown', () => {
  const known = unitsForRequest(req('DeleteItem', { TableName: 'games' }), GAMES, { writeImages: [{ before: game('open', 1500) }] });
  assert.deepEqual(known.units.map((u) => u.writeUnits), [2, 2, 1]);
  const unknown = unitsForRequest(req('DeleteItem', { TableName: 'games' }), GAMES);
  assert.deepEqual(unknown, { units: [{ resource: { kind: 'table' }, readUnits: 0, writeUnits: 1 }], assumed: ['before-image'] });
});

test('GetItem, BatchGetItem, TransactGetItems: per item, by consistency; sizes from the response', () => {
  const get = unitsForRequest(req('GetItem', { TableName: 'games', Key: {} }), GAMES, { readItemSizesBytes: [8 * KB] });
  assert.deepEqual(get, { units: [{ resource: { kind: 'table' }, readUnits: 1, writeUnits: 0 }], assumed: [] });
  const batch = unitsForRequest(req('BatchGetItem', { RequestItems: { games: { Keys: [{}, {}], ConsistentRead: true } } }), GAMES, {
    readItemSizesBytes: [1.5 * KB, 6.5 * KB],
  });
  assert.equal(batch.units[0]!.readUnits, 3);
  const tx = unitsForRequest(req('TransactGetItems', { TransactItems: [{ Get: { TableName: 'games' } }, { Get: { TableName: 'games' } }] }), GAMES);
  assert.deepEqual(tx, { units: [{ resource: { kind: 'table' }, readUnits: 4, writeUnits: 0 }], assumed: ['read-sizes'] });
});

test('a Query on a GSI is charged to the index, eventually consistent, on the page total', () => {
  const q = unitsForRequest(req('Query', { TableName: 'games', IndexName: 'all', ConsistentRead: true }), GAMES, { readItemSizesBytes: [3000, 3000, 3000] });
  assert.deepEqual(q.units, [{ resource: indexResource('all'), readUnits: 1.5, writeUnits: 0 }]);
  const scan = unitsForRequest(req('Scan', { TableName: 'games', ConsistentRead: true }), GAMES);
  assert.deepEqual(scan, { units: [{ resource: { kind: 'table' }, readUnits: 1, writeUnits: 0 }], assumed: ['read-sizes'] });
});

test('BatchWriteItem rounds per item; TransactWriteItems doubles each; other tables are noted, not counted', () => {
  const small = { pk: { S: 'a' }, sk: { S: 'b' }, v: { S: 'x'.repeat(1100) } }; // 2 KB step, no index keys
  const batch = unitsForRequest(req('BatchWriteItem', { RequestItems: { games: [{ PutRequest: { Item: small } }, { PutRequest: { Item: small } }, { DeleteRequest: { Key: {} } }] } }), GAMES);
  assert.deepEqual(batch.units, [{ resource: { kind: 'table' }, readUnits: 0, writeUnits: 2 + 2 + 1 }]);
  const tx = unitsForRequest(
    req('TransactWriteItems', {
      TransactItems: [{ Put: { TableName: 'games', Item: small } }, { ConditionCheck: { TableName: 'games' } }, { Put: { TableName: 'other', Item: small } }],
    }),
    GAMES,
  );
  assert.deepEqual(tx.units, [{ resource: { kind: 'table' }, readUnits: 0, writeUnits: 4 + 2 }]);
  assert.deepEqual(tx.assumed, ['before-image', 'other-table']);
});

test('every documented limit names its unit and source', () => {
  assert.equal(PARTITION_WRITE_UNITS_PER_SEC.value, 1000);
  for (const limit of DOCUMENTED_LIMITS) {
    assert.ok(limit.value > 0 && limit.name.length > 0 && /^https:\/\//.test(limit.source), limit.name);
  }
});

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

const consistency = fc.constantFrom<ReadConsistency>('eventual', 'strong', 'transactional');
const itemBytes = fc.integer({ min: 0, max: 400 * KB });

test('property: read units are whole, or halves when eventually consistent, and at least one step', () => {
  fc.assert(
    fc.property(itemBytes, consistency, (bytes, c) => {
      const units = readUnitsForBytes(bytes, c);
      assert.ok(units >= (c === 'eventual' ? 0.5 : 1));
      assert.ok(Number.isInteger(c === 'eventual' ? units * 2 : units));
      assert.ok(Number.isInteger(writeUnitsForBytes(bytes, false)) && writeUnitsForBytes(bytes, false) >= 1);
    }),
  );
});

test('property: units never fall as an item grows', () => {
  fc.assert(
    fc.property(itemBytes, itemBytes, consistency, fc.boolean(), (a, b, c, tx) => {
      const [small, large] = a <= b ? [a, b] : [b, a];
      assert.ok(readUnitsForBytes(small, c) <= readUnitsForBytes(large, c));
      assert.ok(writeUnitsForBytes(small, tx) <= writeUnitsForBytes(large, tx));
    }),
  );
});

test('property: rounding per item costs at least rounding the total once, and at most one step more per item', () => {
  fc.assert(
    fc.property(fc.array(itemBytes, { minLength: 1, maxLength: 100 }), consistency, (sizes, c) => {
      const perItem = unitsForRead({ itemSizesBytes: sizes, consistency: c, rounding: 'per-item' });
      const perRequest = unitsForRead({ itemSizesBytes: sizes, consistency: c, rounding: 'per-request' });
      const step = readUnitsForBytes(0, c);
      assert.ok(perItem >= perRequest);
      assert.ok(perItem <= perRequest + sizes.length * step);
      assert.equal(perItem, sizes.reduce((a, s) => a + readUnitsForBytes(s, c), 0));
    }),
  );
});

test('property: a transaction costs exactly twice per item; a key change costs the two entry writes', () => {
  fc.assert(
    fc.property(itemBytes, itemBytes, (before, after) => {
      assert.equal(writeUnitsForBytes(after, true), 2 * writeUnitsForBytes(after, false));
      const moved = indexWriteUnits({ name: 'g', projectedBeforeBytes: before, projectedAfterBytes: after, keyChanged: true });
      assert.equal(moved, writeUnitsForBytes(before, false) + writeUnitsForBytes(after, false));
      const stayed = indexWriteUnits({ name: 'g', projectedBeforeBytes: before, projectedAfterBytes: after, keyChanged: false });
      assert.ok(stayed <= moved);
    }),
  );
});
