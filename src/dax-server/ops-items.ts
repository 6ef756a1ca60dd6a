// Single-item operations. GetItem reads through the item cache (eventually consistent reads
// only); writes go to DynamoDB first and then update the cache (write-through), so a read
// after a write through the same server sees the write.

import { DeleteItemCommand, GetItemCommand, PutItemCommand, UpdateItemCommand, type ReturnValue } from '@aws-sdk/client-dynamodb';
import { decodeStreamItem, type Item } from './attrs.js';
import {
  attributesBytes, bytesArg, cacheKey, consumedBytes, itemFromStream, kwargs, KW, optionalBytes, RETURN_VALUES,
  returnConsumed, streamItem, success, tableKey, writeProjected, type Backend, type RequestContext,
} from './backend.js';
import type { Writer } from './cbor.js';
import { conditionExpression, Placeholders, projectionExpression, updateExpression } from './expressions.js';

export async function getItem(b: Backend, args: unknown[], ctx: RequestContext = {}): Promise<Buffer> {
  const { table, schema, keyBytes, key } = await tableKey(b, args[0], args[1]);
  const kw = kwargs(args[2]);
  const consistent = kw.get(KW.ConsistentRead) === true;
  const rcc = returnConsumed(kw);
  const projBytes = optionalBytes(kw, KW.Projection);
  const ck = cacheKey(table, keyBytes);
  let item: Item | null | undefined;
  let consumed: Buffer | undefined;
  const cached = consistent ? { hit: false as const } : b.itemCache.get(ck);
  if (cached.hit) {
    b.stats.GetItem.hits++;
    ctx.cache = 'hit';
    item = cached.value;
  } else {
    if (!consistent) {
      b.stats.GetItem.misses++;
      ctx.cache = 'miss';
    }
    const out = await b.ddb.send(new GetItemCommand({ TableName: table, Key: key, ConsistentRead: consistent, ...(rcc ? { ReturnConsumedCapacity: rcc } : {}) }));
    item = out.Item ?? null;
    if (!consistent) b.itemCache.set(ck, item);
    if (out.ConsumedCapacity) consumed = consumedBytes(out.ConsumedCapacity);
  }
  const fields: [number, (w: Writer) => void][] = [];
  if (item !== null && item !== undefined) {
    const found = item;
    if (projBytes !== undefined) {
      const { paths } = projectionExpression(projBytes, new Placeholders());
      fields.push([0, (w) => writeProjected(w, found, paths)]);
    } else fields.push([0, (w) => w.bytes(streamItem(b, found, schema))]);
  }
  if (consumed !== undefined) {
    const c = consumed;
    fields.push([1, (w) => w.bytes(c)]);
  }
  return success(fields);
}

interface WriteOptions {
  returnValues: (typeof RETURN_VALUES)[number];
  rcc: 'TOTAL' | 'INDEXES' | undefined;
  ph: Placeholders;
  condition: string | undefined;
}

function writeOptions(kw: Map<unknown, unknown>): WriteOptions {
  const ph = new Placeholders();
  const cond = optionalBytes(kw, KW.Condition);
  const rv = kw.get(KW.ReturnValues);
  return {
    returnValues: typeof rv === 'number' ? RETURN_VALUES[rv] : undefined,
    rcc: returnConsumed(kw),
    ph,
    condition: cond !== undefined ? conditionExpression(cond, ph) : undefined,
  };
}

function writeResult(b: Backend, schema: Parameters<typeof streamItem>[2], attrs: Item | undefined, rv: string | undefined, cc: Parameters<typeof consumedBytes>[0] | undefined): Buffer {
  const fields: [number, (w: Writer) => void][] = [];
  if (attrs !== undefined && Object.keys(attrs).length > 0) {
    const bytes = attributesBytes(b, attrs, schema, rv);
    fields.push([2, (w) => w.bytes(bytes)]);
  }
  if (cc !== undefined) {
    const c = consumedBytes(cc);
    fields.push([1, (w) => w.bytes(c)]);
  }
  return success(fields);
}

export async function putItem(b: Backend, args: unknown[]): Promise<Buffer> {
  const { table, schema, keyBytes, key } = await tableKey(b, args[0], args[1]);
  const { listId, values } = decodeStreamItem(bytesArg(args[2], 'Item'));
  const item = itemFromStream(b, key, listId, values);
  const o = writeOptions(kwargs(args[3]));
  const out = await b.ddb.send(
    new PutItemCommand({
      TableName: table,
      Item: item,
      ...(o.condition !== undefined ? { ConditionExpression: o.condition } : {}),
      ...o.ph.request(),
      ...(o.returnValues !== undefined ? { ReturnValues: o.returnValues as ReturnValue } : {}),
      ...(o.rcc ? { ReturnConsumedCapacity: o.rcc } : {}),
    }),
  );
  b.itemCache.set(cacheKey(table, keyBytes), item);
  return writeResult(b, schema, out.Attributes, o.returnValues, out.ConsumedCapacity);
}

export async function updateItem(b: Backend, args: unknown[]): Promise<Buffer> {
  const { table, schema, keyBytes, key } = await tableKey(b, args[0], args[1]);
  const kw = kwargs(args[2]);
  const o = writeOptions(kw);
  const upd = optionalBytes(kw, KW.Update);
  const update = upd !== undefined ? updateExpression(upd, o.ph) : undefined;
  // Ask for the new item when the caller does not need another view, so the cache can hold it.
  const wantNew = o.returnValues === undefined || o.returnValues === 'NONE' || o.returnValues === 'ALL_NEW';
  const out = await b.ddb.send(
    new UpdateItemCommand({
      TableName: table,
      Key: key,
      ...(update !== undefined ? { UpdateExpression: update } : {}),
      ...(o.condition !== undefined ? { ConditionExpression: o.condition } : {}),
      ...o.ph.request(),
      ReturnValues: (wantNew ? 'ALL_NEW' : o.returnValues) as ReturnValue,
      ...(o.rcc ? { ReturnConsumedCapacity: o.rcc } : {}),
    }),
  );
  const ck = cacheKey(table, keyBytes);
  if (wantNew) b.itemCache.set(ck, out.Attributes ?? null);
  else b.itemCache.delete(ck);
  const visible = o.returnValues === 'ALL_NEW' || !wantNew ? out.Attributes : undefined;
  return writeResult(b, schema, visible, o.returnValues, out.ConsumedCapacity);
}

export async function deleteItem(b: Backend, args: unknown[]): Promise<Buffer> {
  const { table, schema, keyBytes, key } = await tableKey(b, args[0], args[1]);
  const o = writeOptions(kwargs(args[2]));
  const out = await b.ddb.send(
    new DeleteItemCommand({
      TableName: table,
      Key: key,
      ...(o.condition !== undefined ? { ConditionExpression: o.condition } : {}),
      ...o.ph.request(),
      ...(o.returnValues !== undefined ? { ReturnValues: o.returnValues as ReturnValue } : {}),
      ...(o.rcc ? { ReturnConsumedCapacity: o.rcc } : {}),
    }),
  );
  b.itemCache.set(cacheKey(table, keyBytes), null);
  return writeResult(b, schema, out.Attributes, o.returnValues, out.ConsumedCapacity);
}
