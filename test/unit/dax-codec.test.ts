// The DAX codec pieces that need no network: numbers and numeric keys against the official
// client's own encoder, expression decoding, and the TTL/LRU cache on an injected clock.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { Reader, Writer } from '../../src/dax-server/cbor.js';
import { decodeLexDecimal, encodeLexDecimal, readNumber, writeNumber } from '../../src/dax-server/numbers.js';
import { decodeKey, encodeKey } from '../../src/dax-server/attrs.js';
import { TtlLruCache } from '../../src/dax-server/cache.js';
import { conditionExpression, Placeholders, updateExpression } from '../../src/dax-server/expressions.js';
import { summariseCacheStats } from '../../src/dax-server/stats.js';
import { emptyStats } from '../../src/dax-server/backend.js';

const require = createRequire(import.meta.url);
const LexDecimal = require('@amazon-dax-sdk/client-dax/src/LexDecimal.js');
const BigDecimal = require('@amazon-dax-sdk/client-dax/src/BigDecimal.js');
const { CborSExprGenerator } = require('@amazon-dax-sdk/client-dax/src/CborSExprGenerator.js');

const NUMBERS = ['0', '1', '-1', '7', '12.75', '-1000.5', '0.001', '-0.000000123', '1000', '123456789012345', '99999999999999999999999999999999999999', '-3.5e-10', '1e125', '1.5e-120'];

test('numeric range keys encode byte-for-byte like the official client and decode back', () => {
  for (const n of NUMBERS) {
    const mine = encodeLexDecimal(n);
    assert.deepEqual([...mine], [...LexDecimal.encode(new BigDecimal(n))], n);
    assert.equal(Number(decodeLexDecimal(mine).text), Number(n), n);
  }
});

test('numeric range keys sort like the numbers they encode', () => {
  const sorted = [...NUMBERS].sort((a, b) => Number(a) - Number(b));
  const byBytes = [...NUMBERS].sort((a, b) => Buffer.compare(encodeLexDecimal(a), encodeLexDecimal(b)));
  assert.deepEqual(byBytes, sorted);
});

test('numbers keep every digit through CBOR (ints, bignums, decimals)', () => {
  for (const n of ['42', '-42', '9007199254740993', '-123456789012345678901234567890', '3.14159', '-0.5']) {
    const w = new Writer();
    writeNumber(w, n);
    assert.equal(readNumber(new Reader(w.done()).read()), n);
  }
});

test('composite keys round-trip through the wire key encoding', () => {
  const schema = [{ name: 'h', type: 'S' as const }, { name: 'r', type: 'N' as const }];
  const key = { h: { S: 'player#1' }, r: { N: '-12.5' } };
  assert.deepEqual(decodeKey(encodeKey(key, schema), schema), key);
});

test('client S-expressions decode back into equivalent DynamoDB expressions', () => {
  const names = { '#a': 'attr one', '#l': 'list' };
  const values = { ':v': { S: 'x' }, ':n': { N: '1' }, ':m': { N: '9' } };
  const exprs = CborSExprGenerator.encodeExpressions(
    '(#a = :v OR begins_with(#a, :v)) AND NOT attribute_exists(#l[2].x) AND size(#l) BETWEEN :n AND :m',
    null, null, 'SET #l = list_append(#l, :v), c = c + :n REMOVE d ADD e :m', null, names, values,
  );
  const ph = new Placeholders();
  assert.equal(conditionExpression(exprs.Condition, ph), '(#n0 = :v0 OR begins_with(#n0, :v1)) AND NOT (attribute_exists(#n1[2].#n2)) AND size(#n1) BETWEEN :v2 AND :v3');
  assert.equal(updateExpression(exprs.Update, ph), 'SET #n1 = list_append(#n1, :v4), #n3 = #n3 + :v5 REMOVE #n4 ADD #n5 :v6');
  assert.equal(ph.names['#n0'], 'attr one');
  assert.deepEqual(ph.values[':v3'], { N: '9' });
});

test('the cache expires entries on its clock and evicts the least recently used', () => {
  let now = 0;
  const cache = new TtlLruCache<string>({ maxEntries: 2, ttlMs: 100, now: () => now });
  cache.set('a', 'A');
  cache.set('b', 'B');
  assert.deepEqual(cache.get('a'), { hit: true, value: 'A' });
  cache.set('c', 'C'); // evicts b, the least recently used
  assert.equal(cache.get('b').hit, false);
  now = 100;
  assert.equal(cache.get('a').hit, false);
});

test('cache counts become hit ratios per operation and overall', () => {
  const s = emptyStats();
  s.GetItem = { hits: 3, misses: 1 };
  s.Query = { hits: 0, misses: 4 };
  const sum = summariseCacheStats(s);
  assert.equal(sum.operations['GetItem']!.hitRatio, 0.75);
  assert.equal(sum.hitRatio, 3 / 8);
  assert.equal(sum.operations['Scan'], undefined);
});

test('CBOR values decode from indefinite-length maps as the client writes them', () => {
  const buf = Buffer.from([0xbf, 0x01, 0x61, 0x78, 0xff]);
  assert.deepEqual(new Reader(buf).read(), new Map([[1, 'x']]));
});
