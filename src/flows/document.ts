// Document form <-> the JSON protocol's AttributeValue form, for a flow's step inputs and their
// responses. Flows write plain values as @aws-sdk/lib-dynamodb users do; a map whose every value
// already looks like an AttributeValue ({ S: 'x' }, { N: '1' }...) is taken as raw and left alone.
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { OpType } from '../types.js';
import type { Doc, StepResult } from './api.js';

type Json = Record<string, unknown>;

const AV_KEYS = new Set(['S', 'N', 'B', 'SS', 'NS', 'BS', 'M', 'L', 'NULL', 'BOOL']);

function isAttributeValue(v: unknown): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v) || v instanceof Uint8Array) return false;
  const keys = Object.keys(v);
  return keys.length === 1 && AV_KEYS.has(keys[0]!);
}

/** A key, item or ExpressionAttributeValues map in AttributeValue form. */
export function toAttributeMap(map: unknown): Json | undefined {
  if (map === undefined) return undefined;
  if (typeof map !== 'object' || map === null || Array.isArray(map)) throw new TypeError(`expected an object of attributes, got ${JSON.stringify(map)}`);
  const values = Object.values(map);
  if (values.length > 0 && values.every(isAttributeValue)) return map as Json;
  return marshall(map as Json, { removeUndefinedValues: true, convertClassInstanceToMap: true }) as Json;
}

export function toDoc(map: unknown): Doc | undefined {
  if (typeof map !== 'object' || map === null) return undefined;
  return unmarshall(map as Record<string, AttributeValue>) as Doc;
}

const ATTRIBUTE_FIELDS = ['Key', 'Item', 'ExpressionAttributeValues', 'ExclusiveStartKey'] as const;

function convertFields(input: Json): Json {
  const out: Json = { ...input };
  for (const field of ATTRIBUTE_FIELDS) if (out[field] !== undefined) out[field] = toAttributeMap(out[field]);
  return out;
}

/**
 * The low-level input of a step: attribute maps converted, TableName(s) defaulted to the scenario's
 * table and checked against the tables it declares (a script reaches only those).
 */
export function toRequestInput(type: OpType, input: Json, table: string, allowed: ReadonlySet<string>): Json {
  const tableOf = (name: unknown): string => {
    const t = name === undefined ? table : name;
    if (typeof t !== 'string' || !allowed.has(t)) throw new Error(`table ${JSON.stringify(t)} is not one the scenario declares (${[...allowed].join(', ')})`);
    return t;
  };
  if (type === 'BatchGetItem' || type === 'BatchWriteItem') {
    const items = (input['RequestItems'] ?? {}) as Record<string, unknown>;
    const converted: Json = {};
    for (const [name, value] of Object.entries(items)) {
      if (type === 'BatchGetItem') {
        const v = value as Json;
        converted[tableOf(name)] = { ...v, Keys: ((v['Keys'] ?? []) as unknown[]).map(toAttributeMap) };
      } else {
        converted[tableOf(name)] = (value as Json[]).map((w) => {
          const put = w['PutRequest'] as Json | undefined;
          const del = w['DeleteRequest'] as Json | undefined;
          if (put) return { PutRequest: { Item: toAttributeMap(put['Item']) } };
          if (del) return { DeleteRequest: { Key: toAttributeMap(del['Key']) } };
          throw new Error('expected PutRequest or DeleteRequest in RequestItems');
        });
      }
    }
    return { ReturnConsumedCapacity: 'TOTAL', ...input, RequestItems: converted };
  }
  if (type === 'TransactGetItems' || type === 'TransactWriteItems') {
    const items = ((input['TransactItems'] ?? []) as Json[]).map((entry) => {
      const out: Json = {};
      for (const [kind, body] of Object.entries(entry)) {
        const b = body as Json;
        out[kind] = convertFields({ ...b, TableName: tableOf(b['TableName']) });
      }
      return out;
    });
    return { ReturnConsumedCapacity: 'TOTAL', ...input, TransactItems: items };
  }
  return { ReturnConsumedCapacity: 'TOTAL', ...convertFields(input), TableName: tableOf(input['TableName']) };
}

/** What a step hands back to the flow: items as documents, plus the raw response. */
export function liftOutput(type: OpType, output: Json | undefined, into: StepResult): StepResult {
  if (output === undefined) return into;
  into.raw = output;
  if (output['Item'] !== undefined) into.Item = toDoc(output['Item'])!;
  if (output['Attributes'] !== undefined) into.Attributes = toDoc(output['Attributes'])!;
  if (Array.isArray(output['Items'])) into.Items = output['Items'].map((i) => toDoc(i)!);
  if (typeof output['Count'] === 'number') into.Count = output['Count'];
  if (output['LastEvaluatedKey'] !== undefined) into.LastEvaluatedKey = toDoc(output['LastEvaluatedKey'])!;
  const responses = output['Responses'];
  if (type === 'BatchGetItem' && typeof responses === 'object' && responses !== null) {
    into.Responses = Object.fromEntries(Object.entries(responses).map(([t, items]) => [t, (items as unknown[]).map((i) => toDoc(i)!)]));
  } else if (type === 'TransactGetItems' && Array.isArray(responses)) {
    into.Responses = responses.map((r) => toDoc((r as Json | null)?.['Item']));
  }
  return into;
}
