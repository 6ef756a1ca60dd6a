// BatchGetItem (through the item cache), BatchWriteItem (write-through), and the two
// transactions, which pass straight through to DynamoDB (TransactWrite drops the cached copies
// of the items it touched).

import {
  BatchGetItemCommand, BatchWriteItemCommand, TransactGetItemsCommand, TransactWriteItemsCommand,
  type TransactWriteItem, type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { decodeKey, decodeStreamItem, encodeKey, type Item, type KeySchema } from './attrs.js';
import {
  bytesArg, cacheKey, consumedBytes, itemFromStream, kwargs, KW, returnConsumed, streamItem, writeConsumedMap, writeProjected,
  type Backend, type RequestContext,
} from './backend.js';
import type { ConsumedCapacity } from '@aws-sdk/client-dynamodb';
import { Writer } from './cbor.js';
import { fromDynamoError, validationError, type CancellationReason } from './errors.js';
import { conditionExpression, Placeholders, projectionExpression, updateExpression, type PathComponent } from './expressions.js';

const UNPROCESSED_RETRIES = 5;

interface TableRead {
  schema: KeySchema;
  consistent: boolean;
  paths?: PathComponent[][];
  keys: Buffer[];
  found: Map<string, Item>;
  unprocessed: Buffer[];
}

export async function batchGetItem(b: Backend, args: unknown[], ctx: RequestContext = {}): Promise<Buffer> {
  if (!(args[0] instanceof Map)) throw validationError('RequestItems must not be null');
  const tables = new Map<string, TableRead>();
  const pending: Record<string, { Keys: Item[]; ConsistentRead: boolean }> = {};
  for (const [name, spec] of args[0]) {
    const table = String(name);
    const [consistent, proj, keys] = spec as [boolean, unknown, unknown[]];
    const schema = await b.schemas.get(table);
    const projBytes = proj instanceof Uint8Array ? Buffer.from(proj) : undefined;
    const t: TableRead = { schema, consistent: consistent === true, keys: keys.map((k) => bytesArg(k, 'Key')), found: new Map(), unprocessed: [] };
    if (projBytes !== undefined) t.paths = projectionExpression(projBytes, new Placeholders()).paths;
    tables.set(table, t);
    for (const kb of t.keys) {
      const hit = t.consistent ? { hit: false as const } : b.itemCache.get(cacheKey(table, kb));
      if (hit.hit) {
        b.stats.BatchGetItem.hits++;
        ctx.cache ??= 'hit';
        if (hit.value !== null) t.found.set(kb.toString('base64'), hit.value);
        continue;
      }
      if (!t.consistent) {
        b.stats.BatchGetItem.misses++;
        ctx.cache = 'miss';
      }
      (pending[table] ??= { Keys: [], ConsistentRead: t.consistent }).Keys.push(decodeKey(kb, schema));
    }
  }
  const rcc = returnConsumed(kwargs(args[1]));
  const consumed = new Capacity();
  let request = pending;
  for (let attempt = 0; Object.keys(request).length > 0 && attempt <= UNPROCESSED_RETRIES; attempt++) {
    const out = await b.ddb.send(new BatchGetItemCommand({ RequestItems: request, ...(rcc ? { ReturnConsumedCapacity: rcc } : {}) }));
    consumed.add(out.ConsumedCapacity);
    const unprocessedNow = new Set<string>();
    for (const [table, keys] of Object.entries(out.UnprocessedKeys ?? {})) {
      for (const k of keys.Keys ?? []) unprocessedNow.add(cacheKey(table, encodeKey(k, tables.get(table)!.schema)));
    }
    for (const [table, req] of Object.entries(request)) {
      const t = tables.get(table)!;
      const items = new Map((out.Responses?.[table] ?? []).map((i) => [encodeKey(i, t.schema).toString('base64'), i]));
      for (const k of req.Keys) {
        const kb = encodeKey(k, t.schema);
        if (unprocessedNow.has(cacheKey(table, kb))) continue;
        const item = items.get(kb.toString('base64')) ?? null;
        if (item !== null) t.found.set(kb.toString('base64'), item);
        if (!t.consistent) b.itemCache.set(cacheKey(table, kb), item);
      }
    }
    request = (out.UnprocessedKeys ?? {}) as typeof pending;
  }
  for (const [table, req] of Object.entries(request)) for (const k of req.Keys) tables.get(table)!.unprocessed.push(encodeKey(k, tables.get(table)!.schema));

  const w = new Writer().array(0).array(2).map(tables.size);
  for (const [table, t] of tables) {
    w.text(table);
    const found = t.keys.map((kb) => [kb, t.found.get(kb.toString('base64'))] as const).filter((e): e is readonly [Buffer, Item] => e[1] !== undefined);
    if (t.paths !== undefined) {
      w.array(found.length);
      for (const [, item] of found) writeProjected(w, item, t.paths);
    } else {
      w.array(found.length * 2);
      for (const [kb, item] of found) w.bytes(kb).bytes(streamItem(b, item, t.schema));
    }
  }
  const unprocessed = [...tables].filter(([, t]) => t.unprocessed.length > 0);
  w.map(unprocessed.length);
  for (const [table, t] of unprocessed) {
    w.text(table).array(t.unprocessed.length);
    for (const kb of t.unprocessed) w.bytes(kb);
  }
  return consumed.write(w).done();
}

export async function batchWriteItem(b: Backend, args: unknown[]): Promise<Buffer> {
  if (!(args[0] instanceof Map)) throw validationError('RequestItems must not be null');
  let request: Record<string, WriteRequest[]> = {};
  const schemas = new Map<string, KeySchema>();
  for (const [name, flat] of args[0]) {
    const table = String(name);
    const schema = await b.schemas.get(table);
    schemas.set(table, schema);
    const list = flat as unknown[];
    const writes: WriteRequest[] = [];
    for (let i = 0; i + 1 < list.length; i += 2) {
      const kb = bytesArg(list[i], 'Key');
      const key = decodeKey(kb, schema);
      const body = list[i + 1];
      if (body === null || body === undefined) {
        writes.push({ DeleteRequest: { Key: key } });
        b.itemCache.set(cacheKey(table, kb), null);
      } else {
        const { listId, values } = decodeStreamItem(bytesArg(body, 'Item'));
        const item = itemFromStream(b, key, listId, values);
        writes.push({ PutRequest: { Item: item } });
        b.itemCache.set(cacheKey(table, kb), item);
      }
    }
    request[table] = writes;
  }
  const rcc = returnConsumed(kwargs(args[1]));
  const consumed = new Capacity();
  for (let attempt = 0; Object.keys(request).length > 0 && attempt <= UNPROCESSED_RETRIES; attempt++) {
    const out = await b.ddb.send(new BatchWriteItemCommand({ RequestItems: request, ...(rcc ? { ReturnConsumedCapacity: rcc } : {}) }));
    consumed.add(out.ConsumedCapacity);
    request = out.UnprocessedItems ?? {};
  }
  const w = new Writer().array(0).map(Object.keys(request).length);
  for (const [table, writes] of Object.entries(request)) {
    const schema = schemas.get(table)!;
    w.text(table).array(writes.length * 2);
    for (const wr of writes) {
      const item = wr.PutRequest?.Item;
      const key = wr.DeleteRequest?.Key ?? item ?? {};
      const kb = encodeKey(key, schema);
      b.itemCache.delete(cacheKey(table, kb));
      w.bytes(kb);
      if (item !== undefined) w.bytes(streamItem(b, item, schema));
      else w.null();
    }
  }
  return consumed.write(w).map(0).done();
}

export async function transactGetItems(b: Backend, args: unknown[]): Promise<Buffer> {
  const tables = (args[0] as unknown[]).map((t) => bytesArg(t, 'TableName').toString('utf8'));
  const keys = args[1] as unknown[];
  const projs = (args[2] as unknown[] | null) ?? [];
  const reads = await Promise.all(
    tables.map(async (table, i) => {
      const schema = await b.schemas.get(table);
      const ph = new Placeholders();
      const proj = projs[i] instanceof Uint8Array ? projectionExpression(Buffer.from(projs[i] as Uint8Array), ph) : undefined;
      const key = decodeKey(bytesArg(keys[i], 'Key'), schema);
      return { schema, proj, get: { TableName: table, Key: key, ...(proj ? { ProjectionExpression: proj.text } : {}), ...ph.request() } };
    }),
  );
  const rcc = returnConsumed(kwargs(args[3]));
  const out = await b.ddb.send(new TransactGetItemsCommand({ TransactItems: reads.map((r) => ({ Get: r.get })), ...(rcc ? { ReturnConsumedCapacity: rcc } : {}) }));
  const w = new Writer().array(0).array(2).array(reads.length);
  reads.forEach((r, i) => {
    const item = out.Responses?.[i]?.Item;
    if (item === undefined) w.null();
    else if (r.proj !== undefined) writeProjected(w, item, r.proj.paths);
    else w.bytes(streamItem(b, item, r.schema));
  });
  return writeConsumedList(w, out.ConsumedCapacity).done();
}

const OP = { PUT: 2, DELETE: 7, PARTIAL_UPDATE: 9, CHECK: 12 } as const;

export async function transactWriteItems(b: Backend, args: unknown[]): Promise<Buffer> {
  const [ops, tableArgs, keys, values, , rvccf, conds, updates, kwArg] = args as unknown[][];
  const kw = kwargs(kwArg);
  const touched: string[] = [];
  const schemas: KeySchema[] = [];
  const items: TransactWriteItem[] = [];
  for (let i = 0; i < (ops ?? []).length; i++) {
    const table = bytesArg(tableArgs![i], 'TableName').toString('utf8');
    const schema = await b.schemas.get(table);
    schemas.push(schema);
    const kb = bytesArg(keys![i], 'Key');
    touched.push(cacheKey(table, kb));
    const key = decodeKey(kb, schema);
    const ph = new Placeholders();
    const cond = conds?.[i] instanceof Uint8Array ? conditionExpression(Buffer.from(conds[i] as Uint8Array), ph) : undefined;
    const upd = updates?.[i] instanceof Uint8Array ? updateExpression(Buffer.from(updates[i] as Uint8Array), ph) : undefined;
    const common = {
      TableName: table,
      ...(cond !== undefined ? { ConditionExpression: cond } : {}),
      ...ph.request(),
      ...(rvccf?.[i] === 2 ? { ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const } : {}),
    };
    switch (ops![i]) {
      case OP.PUT: {
        const { listId, values: vals } = decodeStreamItem(bytesArg(values![i], 'Item'));
        items.push({ Put: { ...common, Item: itemFromStream(b, key, listId, vals) } });
        break;
      }
      case OP.DELETE:
        items.push({ Delete: { ...common, Key: key } });
        break;
      case OP.PARTIAL_UPDATE:
        items.push({ Update: { ...common, Key: key, UpdateExpression: upd ?? '' } });
        break;
      case OP.CHECK:
        items.push({ ConditionCheck: { ...common, Key: key, ConditionExpression: cond ?? '' } });
        break;
      default:
        throw validationError(`unknown transaction operation ${String(ops![i])}`);
    }
  }
  const token = kw.get(KW.ClientRequestToken);
  const rcc = returnConsumed(kw);
  let out;
  try {
    out = await b.ddb.send(
      new TransactWriteItemsCommand({ TransactItems: items, ...(typeof token === 'string' ? { ClientRequestToken: token } : {}), ...(rcc ? { ReturnConsumedCapacity: rcc } : {}) }),
    );
  } catch (err) {
    const reasons = (err as { CancellationReasons?: { Code?: string; Message?: string; Item?: Item }[] }).CancellationReasons;
    if (reasons === undefined) throw err;
    const mapped: CancellationReason[] = reasons.map((r, i) => ({
      code: r.Code ?? 'None',
      message: r.Message ?? null,
      item: r.Item !== undefined ? streamItem(b, r.Item, schemas[i]!) : null,
    }));
    throw fromDynamoError(err, mapped);
  } finally {
    for (const k of touched) b.itemCache.delete(k);
  }
  return writeConsumedList(new Writer().array(0).array(3).null(), out.ConsumedCapacity).null().done();
}

/** Consumed capacity of a batch, summed per table over its retries of unprocessed entries. */
class Capacity {
  private readonly byTable = new Map<string, number>();

  add(list: ConsumedCapacity[] | undefined): void {
    for (const cc of list ?? []) this.byTable.set(cc.TableName ?? '', (this.byTable.get(cc.TableName ?? '') ?? 0) + (cc.CapacityUnits ?? 0));
  }

  /** as batch responses carry it: an array of encoded ConsumedCapacity byte strings */
  write(w: Writer): Writer {
    w.array(this.byTable.size);
    for (const [TableName, CapacityUnits] of this.byTable) w.bytes(consumedBytes({ TableName, CapacityUnits }));
    return w;
  }
}

function writeConsumedList(w: Writer, list: ConsumedCapacity[] | undefined): Writer {
  if (list === undefined) return w.null();
  w.array(list.length);
  for (const cc of list) writeConsumedMap(w, cc);
  return w;
}
