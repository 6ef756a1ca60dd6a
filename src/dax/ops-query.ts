// Query and Scan through the query cache: the whole encoded response is cached under the
// request's bytes, for the TTL, and writes do not invalidate it (as in DAX, so a cached query
// can return stale results until it expires). Strongly consistent requests pass through.

import { QueryCommand, ScanCommand, type QueryCommandInput, type ScanCommandInput, type Select } from '@aws-sdk/client-dynamodb';
import { decodeCompoundKey, decodeKey, encodeCompoundKey, encodeKey, type Item, type KeySchema } from './attrs.js';
import {
  bytesArg, consumedBytes, kwargs, KW, optionalBytes, returnConsumed, SELECT, streamItem, success, writeProjected,
  type Backend, type Kwargs,
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

function encodeResult(
  b: Backend,
  schema: KeySchema,
  out: { Items?: Item[]; Count?: number; ScannedCount?: number; LastEvaluatedKey?: Item; ConsumedCapacity?: Parameters<typeof consumedBytes>[0] },
  paths: PathComponent[][] | undefined,
  index: string | undefined,
): Buffer {
  const fields: [number, (w: Writer) => void][] = [];
  const items = out.Items;
  if (items !== undefined) {
    fields.push([
      7,
      (w) => {
        w.array(items.length);
        for (const item of items) {
          if (paths !== undefined) writeProjected(w, item, paths);
          else w.array(2).bytes(encodeKey(item, schema)).bytes(streamItem(b, item, schema));
        }
      },
    ]);
  }
  fields.push([8, (w) => w.int(out.Count ?? 0)]);
  fields.push([10, (w) => w.int(out.ScannedCount ?? 0)]);
  const lek = out.LastEvaluatedKey;
  if (lek !== undefined) fields.push([9, (w) => w.bytes(index !== undefined ? encodeCompoundKey(lek) : encodeKey(lek, schema))]);
  const cc = out.ConsumedCapacity;
  if (cc !== undefined) fields.push([1, (w) => w.bytes(consumedBytes(cc))]);
  return success(fields);
}

async function cached(b: Backend, op: 'Query' | 'Scan', table: string, args: unknown[], consistent: boolean, run: () => Promise<Buffer>): Promise<Buffer> {
  if (consistent) return run();
  const key = `${op}\u0000${table}\u0000${new Writer().value(args).done().toString('base64')}`;
  const hit = b.queryCache.get(key);
  if (hit.hit) {
    b.stats[op].hits++;
    return hit.value;
  }
  b.stats[op].misses++;
  const response = await run();
  b.queryCache.set(key, response);
  return response;
}

export async function query(b: Backend, args: unknown[]): Promise<Buffer> {
  const table = bytesArg(args[0], 'TableName').toString('utf8');
  const schema = await b.schemas.get(table);
  const kw = kwargs(args[2]);
  const ph = new Placeholders();
  const keyCond = optionalBytes(new Map([[0, args[1]]]), 0);
  const keyConditionExpression = keyCond !== undefined ? conditionExpression(keyCond, ph) : undefined;
  const { input, paths, index } = common(kw, schema, ph);
  const sif = kw.get(KW.ScanIndexForward);
  if (sif !== undefined && sif !== null) input.ScanIndexForward = sif === true || sif === 1;
  return cached(b, 'Query', table, args, input.ConsistentRead === true, async () => {
    const out = await b.ddb.send(
      new QueryCommand({ ...input, TableName: table, ...(keyConditionExpression !== undefined ? { KeyConditionExpression: keyConditionExpression } : {}), ...ph.request() }),
    );
    return encodeResult(b, schema, out, paths, index);
  });
}

export async function scan(b: Backend, args: unknown[]): Promise<Buffer> {
  const table = bytesArg(args[0], 'TableName').toString('utf8');
  const schema = await b.schemas.get(table);
  const kw = kwargs(args[1]);
  const ph = new Placeholders();
  const { input, paths, index } = common(kw, schema, ph);
  const seg = kw.get(KW.Segment);
  const total = kw.get(KW.TotalSegments);
  if (typeof seg === 'number') input.Segment = seg;
  if (typeof total === 'number') input.TotalSegments = total;
  return cached(b, 'Scan', table, args, input.ConsistentRead === true, async () => {
    const out = await b.ddb.send(new ScanCommand({ ...input, TableName: table, ...ph.request() }));
    return encodeResult(b, schema, out, paths, index);
  });
}
