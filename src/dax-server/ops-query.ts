// Query and Scan through the query cache: the whole encoded response is cached under the
// request's bytes, for the TTL, and writes do not invalidate it (as in DAX, so a cached query
// can return stale results until it expires). Strongly consistent requests pass through.

import { QueryCommand, ScanCommand, type ConsumedCapacity, type QueryCommandInput, type ScanCommandInput, type Select } from '@aws-sdk/client-dynamodb';
import { decodeCompoundKey, decodeKey, encodeCompoundKey, encodeKey, type Item, type KeySchema } from './attrs.js';
import {
  bytesArg, consumedBytes, kwargs, KW, optionalBytes, returnConsumed, SELECT, streamItem, writeProjected,
  type Backend, type Kwargs, type RequestContext,
} from './backend.js';
import { Writer } from './cbor.js';
import { conditionExpression, Placeholders, projectionExpression, type PathComponent } from './expressions.js';

function common(kw: Kwargs, schema: KeySchema, ph: Placeholders): { input: Partial<QueryCommandInput & ScanCommandInput>; paths?: PathComponent[][]; index?: string } {
  const input: Partial<QueryCommandInput & ScanCommandInput> = {};
  const index = optionalBytes(kw, KW.IndexName)?.toString('utf8');
  if (index !== undefined) input.IndexName = index;
  const select = kw.get(KW.Select);
  if (typeof select === 'number' && SELECT[select] !== undefined) input.Select = SELECT[select] as Select;
  const limit = kw.get(KW.Limit);
  if (typeof limit === 'number') input.Limit = limit;
  const cr = kw.get(KW.ConsistentRead);
  if (cr !== undefined && cr !== null) input.ConsistentRead = cr === true || cr === 1;
  const esk = optionalBytes(kw, KW.ExclusiveStartKey);
  if (esk !== undefined) input.ExclusiveStartKey = index !== undefined ? decodeCompoundKey(esk) : decodeKey(esk, schema);
  const rcc = returnConsumed(kw);
  if (rcc) input.ReturnConsumedCapacity = rcc;
  const filter = optionalBytes(kw, KW.Filter);
  if (filter !== undefined) input.FilterExpression = conditionExpression(filter, ph);
  const proj = optionalBytes(kw, KW.Projection);
  let paths: PathComponent[][] | undefined;
  if (proj !== undefined) {
    const p = projectionExpression(proj, ph);
    input.ProjectionExpression = p.text;
    paths = p.paths;
  }
  return { input, ...(paths !== undefined ? { paths } : {}), ...(index !== undefined ? { index } : {}) };
}

/** A result's map entries without ConsumedCapacity: what the query cache keeps (a hit consumes nothing). */
interface EncodedResult {
  entries: Buffer;
  count: number;
}

function encodeResult(
  b: Backend,
  schema: KeySchema,
  out: { Items?: Item[]; Count?: number; ScannedCount?: number; LastEvaluatedKey?: Item },
  paths: PathComponent[][] | undefined,
  index: string | undefined,
): EncodedResult {
  const w = new Writer();
  let count = 0;
  const items = out.Items;
  if (items !== undefined) {
    w.int(7).array(items.length);
    for (const item of items) {
      if (paths !== undefined) writeProjected(w, item, paths);
      else w.array(2).bytes(encodeKey(item, schema)).bytes(streamItem(b, item, schema));
    }
    count++;
  }
  w.int(8).int(out.Count ?? 0).int(10).int(out.ScannedCount ?? 0);
  count += 2;
  const lek = out.LastEvaluatedKey;
  if (lek !== undefined) {
    w.int(9).bytes(index !== undefined ? encodeCompoundKey(lek) : encodeKey(lek, schema));
    count++;
  }
  return { entries: w.done(), count };
}

function respond(r: EncodedResult, cc: ConsumedCapacity | undefined): Buffer {
  const w = new Writer().array(0).map(r.count + (cc !== undefined ? 1 : 0)).raw(r.entries);
  if (cc !== undefined) w.int(1).bytes(consumedBytes(cc));
  return w.done();
}

type Run = () => Promise<{ result: EncodedResult; consumed?: ConsumedCapacity }>;

async function cached(b: Backend, op: 'Query' | 'Scan', table: string, args: unknown[], consistent: boolean, ctx: RequestContext, run: Run): Promise<Buffer> {
  if (consistent) {
    const out = await run();
    return respond(out.result, out.consumed);
  }
  const key = `${op}\u0000${table}\u0000${new Writer().value(args).done().toString('base64')}`;
  const hit = b.queryCache.get(key);
  if (hit.hit) {
    b.stats[op].hits++;
    ctx.cache = 'hit';
    return respond(hit.value, undefined);
  }
  b.stats[op].misses++;
  ctx.cache = 'miss';
  const out = await run();
  b.queryCache.set(key, out.result);
  return respond(out.result, out.consumed);
}

export async function query(b: Backend, args: unknown[], ctx: RequestContext = {}): Promise<Buffer> {
  const table = bytesArg(args[0], 'TableName').toString('utf8');
  const schema = await b.schemas.get(table);
  const kw = kwargs(args[2]);
  const ph = new Placeholders();
  const keyCond = optionalBytes(new Map([[0, args[1]]]), 0);
  const keyConditionExpression = keyCond !== undefined ? conditionExpression(keyCond, ph) : undefined;
  const { input, paths, index } = common(kw, schema, ph);
  const sif = kw.get(KW.ScanIndexForward);
  if (sif !== undefined && sif !== null) input.ScanIndexForward = sif === true || sif === 1;
  return cached(b, 'Query', table, args, input.ConsistentRead === true, ctx, async () => {
    const out = await b.ddb.send(
      new QueryCommand({ ...input, TableName: table, ...(keyConditionExpression !== undefined ? { KeyConditionExpression: keyConditionExpression } : {}), ...ph.request() }),
    );
    return { result: encodeResult(b, schema, out, paths, index), ...(out.ConsumedCapacity ? { consumed: out.ConsumedCapacity } : {}) };
  });
}

export async function scan(b: Backend, args: unknown[], ctx: RequestContext = {}): Promise<Buffer> {
  const table = bytesArg(args[0], 'TableName').toString('utf8');
  const schema = await b.schemas.get(table);
  const kw = kwargs(args[1]);
  const ph = new Placeholders();
  const { input, paths, index } = common(kw, schema, ph);
  const seg = kw.get(KW.Segment);
  const total = kw.get(KW.TotalSegments);
  if (typeof seg === 'number') input.Segment = seg;
  if (typeof total === 'number') input.TotalSegments = total;
  return cached(b, 'Scan', table, args, input.ConsistentRead === true, ctx, async () => {
    const out = await b.ddb.send(new ScanCommand({ ...input, TableName: table, ...ph.request() }));
    return { result: encodeResult(b, schema, out, paths, index), ...(out.ConsumedCapacity ? { consumed: out.ConsumedCapacity } : {}) };
  });
}
