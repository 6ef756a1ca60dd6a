// What every DAX operation handler works with: the DynamoDB client behind the cache, the
// schema and attribute-list registries, both caches and the hit/miss counters; plus the
// small encoders every response shares.

import type { AttributeValue, ConsumedCapacity, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { decodeKey, encodeStreamItem, nonKeyNames, writeAttributeValue, type Item, type KeySchema } from './attrs.js';
import type { TtlLruCache } from './cache.js';
import { Writer } from './cbor.js';
import { validationError } from './errors.js';
import { valueAt, type PathComponent } from './expressions.js';
import type { AttributeLists, KeySchemas } from './registry.js';

export type CachedOp = 'GetItem' | 'BatchGetItem' | 'Query' | 'Scan';

export interface CacheCounts {
  hits: number;
  misses: number;
}

export type CacheStats = Record<CachedOp, CacheCounts>;

/**
 * Per request: whether a cached operation was served from the cache. BatchGetItem is a hit only
 * when every key was; strongly consistent reads leave it unset (they bypass the cache).
 */
export interface RequestContext {
  cache?: 'hit' | 'miss';
}

export function emptyStats(): CacheStats {
  return { GetItem: { hits: 0, misses: 0 }, BatchGetItem: { hits: 0, misses: 0 }, Query: { hits: 0, misses: 0 }, Scan: { hits: 0, misses: 0 } };
}

export interface Backend {
  ddb: DynamoDBClient;
  schemas: KeySchemas;
  lists: AttributeLists;
  /** full items by table and key; null = known absent (negative caching) */
  itemCache: TtlLruCache<Item | null>;
  /** encoded Query/Scan results (without consumed capacity) by request */
  queryCache: TtlLruCache<{ entries: Buffer; count: number }>;
  stats: CacheStats;
}

/** The request's keyword arguments (a CBOR map keyed by small integers), or an empty map. */
export type Kwargs = Map<unknown, unknown>;

export const KW = {
  Projection: 0, ConsistentRead: 2, ReturnConsumedCapacity: 3, Condition: 4, ReturnItemCollectionMetrics: 6,
  ReturnValues: 7, Update: 8, ExclusiveStartKey: 9, Filter: 10, IndexName: 11, Limit: 13, ScanIndexForward: 14,
  Select: 15, Segment: 16, TotalSegments: 17, ClientRequestToken: 19,
} as const;

export const RETURN_VALUES = [undefined, 'NONE', 'ALL_OLD', 'UPDATED_OLD', 'ALL_NEW', 'UPDATED_NEW'] as const;
export const SELECT = [undefined, 'ALL_ATTRIBUTES', 'ALL_PROJECTED_ATTRIBUTES', 'COUNT', 'SPECIFIC_ATTRIBUTES'] as const;
const CONSUMED = [undefined, 'TOTAL', 'INDEXES'] as const;

export function kwargs(v: unknown): Kwargs {
  return v instanceof Map ? v : new Map();
}

export function bytesArg(v: unknown, what: string): Buffer {
  if (v instanceof Uint8Array) return Buffer.from(v.buffer, v.byteOffset, v.length);
  if (typeof v === 'string') return Buffer.from(v, 'utf8');
  throw validationError(`${what} must not be null`);
}

export function optionalBytes(kw: Kwargs, k: number): Buffer | undefined {
  const v = kw.get(k);
  return v === undefined || v === null ? undefined : bytesArg(v, 'argument');
}

export function returnConsumed(kw: Kwargs): 'TOTAL' | 'INDEXES' | undefined {
  const v = kw.get(KW.ReturnConsumedCapacity);
  return typeof v === 'number' ? CONSUMED[v] : undefined;
}

export function cacheKey(table: string, keyBytes: Buffer): string {
  return `${table}\u0000${keyBytes.toString('base64')}`;
}

export async function tableKey(b: Backend, tableArg: unknown, keyArg: unknown): Promise<{ table: string; schema: KeySchema; keyBytes: Buffer; key: Item }> {
  const table = bytesArg(tableArg, 'TableName').toString('utf8');
  const schema = await b.schemas.get(table);
  const keyBytes = bytesArg(keyArg, 'Key');
  return { table, schema, keyBytes, key: decodeKey(keyBytes, schema) };
}

/** Names -> values of an item, given the attribute list id its values arrived with. */
export function itemFromStream(b: Backend, key: Item, listId: number, values: AttributeValue[]): Item {
  const names = b.lists.names(listId);
  if (names === undefined || names.length !== values.length) throw validationError(`unknown attribute list id ${listId}`);
  const item: Item = { ...key };
  names.forEach((n, i) => (item[n] = values[i]!));
  return item;
}

/** An item's non-key attributes as the client reads them: bytes of list id + values. */
export function streamItem(b: Backend, item: Item, schema: KeySchema): Buffer {
  const names = nonKeyNames(item, schema);
  return encodeStreamItem(item, names, b.lists.idFor(names));
}

/** A projected item: a map from the projection's ordinal to the value at that path. */
export function writeProjected(w: Writer, item: Item, paths: PathComponent[][]): void {
  const present: [number, AttributeValue][] = [];
  paths.forEach((p, i) => {
    const v = valueAt(item, p);
    if (v !== undefined) present.push([i, v]);
  });
  w.map(present.length);
  for (const [i, v] of present) {
    w.int(i);
    writeAttributeValue(w, v);
  }
}

/** Capacity units as DAX sends them: a plain CBOR number (the client hands a decimal tag back as a string). */
function units(w: Writer, n: number | undefined): Writer {
  return w.value(n ?? 0);
}

/** ConsumedCapacity as bytes of: table name, units, table units|null, GSIs|null, LSIs|null. */
export function consumedBytes(cc: ConsumedCapacity): Buffer {
  return units(new Writer().text(cc.TableName ?? ''), cc.CapacityUnits).null().null().null().done();
}

/** ConsumedCapacity in the keyed form transactions use: {4: table, 1: units, 2: read, 3: write}. */
export function writeConsumedMap(w: Writer, cc: ConsumedCapacity): void {
  const fields: [number, (w: Writer) => void][] = [[4, (x) => x.text(cc.TableName ?? '')], [1, (x) => units(x, cc.CapacityUnits)]];
  if (cc.ReadCapacityUnits !== undefined) fields.push([2, (x) => units(x, cc.ReadCapacityUnits)]);
  if (cc.WriteCapacityUnits !== undefined) fields.push([3, (x) => units(x, cc.WriteCapacityUnits)]);
  w.map(fields.length);
  for (const [k, write] of fields) write(w.int(k));
}

/** Attributes returned by a write: whole items as a stream item, UPDATED_* as list id + ordinal map. */
export function attributesBytes(b: Backend, attrs: Item, schema: KeySchema, returnValues: string | undefined): Buffer {
  if (returnValues === 'UPDATED_OLD' || returnValues === 'UPDATED_NEW') {
    const names = Object.keys(attrs).sort();
    const w = new Writer().int(b.lists.idFor(names)).map(names.length);
    names.forEach((n, i) => {
      w.int(i);
      writeAttributeValue(w, attrs[n]!);
    });
    return w.done();
  }
  return streamItem(b, attrs, schema);
}

/** The success marker (an empty array) followed by the result map, or null when it is empty. */
export function success(fields: [number, (w: Writer) => void][]): Buffer {
  const w = new Writer().array(0);
  if (fields.length === 0) return w.null().done();
  w.map(fields.length);
  for (const [k, write] of fields) {
    w.int(k);
    write(w);
  }
  return w.done();
}
