// OperationSpec -> a function that builds the DynamoDB low-level API input of one request.
// Everything that does not change between requests (TableName, expressions, names, Limit...)
// is assembled once; per request only the key, item and expression values are made.

import type { KeyType, OperationSpec, Request, TableSpec, TemplateMap, TransactItemSpec } from '../types.js';
import type { AttributeMap } from './attributes.js';
import type { EvalContext } from './context.js';
import { childPath, compileMap, type MapFn, type TemplateEnv } from './template.js';
import { batchKeyList, type KeySignature, keySignature } from './batch.js';

export type RequestFn = (ctx: EvalContext) => Request;
type BodyFn = (ctx: EvalContext) => Record<string, unknown>;

export interface RequestEnv extends TemplateEnv {
  table: TableSpec;
  /** declared types of every key attribute of the table and its indexes */
  keyTypes: ReadonlyMap<string, KeyType>;
}

/** the parts of an element spec that map onto DynamoDB input fields */
type Field =
  | 'key'
  | 'item'
  | 'update'
  | 'condition'
  | 'filter'
  | 'projection'
  | 'keyCondition'
  | 'index'
  | 'limit'
  | 'scanForward'
  | 'consistentRead';
type ElementSpec = Partial<Pick<OperationSpec, Field | 'names' | 'values'>>;
interface Shape {
  required: readonly Field[];
  optional: readonly Field[];
}

const STATIC_NAMES: Partial<Record<Field, string>> = {
  update: 'UpdateExpression',
  condition: 'ConditionExpression',
  filter: 'FilterExpression',
  projection: 'ProjectionExpression',
  keyCondition: 'KeyConditionExpression',
  index: 'IndexName',
  limit: 'Limit',
  scanForward: 'ScanIndexForward',
  consistentRead: 'ConsistentRead',
};
const ALL_FIELDS = Object.keys(STATIC_NAMES).concat('key', 'item') as Field[];

const SHAPES = {
  GetItem: { required: ['key'], optional: ['projection', 'consistentRead'] },
  PutItem: { required: ['item'], optional: ['condition'] },
  UpdateItem: { required: ['key', 'update'], optional: ['condition'] },
  DeleteItem: { required: ['key'], optional: ['condition'] },
  Query: {
    required: ['keyCondition'],
    optional: ['index', 'filter', 'projection', 'limit', 'scanForward', 'consistentRead'],
  },
  Scan: { required: [], optional: ['index', 'filter', 'projection', 'limit', 'consistentRead'] },
  ConditionCheck: { required: ['key', 'condition'], optional: [] },
  Put: { required: ['item'], optional: ['condition'] },
  Update: { required: ['key', 'update'], optional: ['condition'] },
  Delete: { required: ['key'], optional: ['condition'] },
  Get: { required: ['key'], optional: ['projection'] },
} satisfies Record<string, Shape>;

/** Builds the body of one call or transaction element; `skip` lists fields the caller handles. */
function compileBody(
  spec: ElementSpec,
  shape: Shape,
  tableName: string,
  env: RequestEnv,
  path: string,
  options: { skip?: readonly Field[]; omitTableName?: boolean } = {},
): BodyFn {
  const skip = options.skip ?? [];
  const base: Record<string, unknown> = options.omitTableName ? {} : { TableName: tableName };
  const keyTypes = tableName === env.table.name ? env.keyTypes : undefined;
  let keyFn: MapFn | undefined;
  let itemFn: MapFn | undefined;
  for (const field of ALL_FIELDS) {
    const value = spec[field];
    const allowed = shape.required.includes(field) || shape.optional.includes(field);
    if (value === undefined) {
      if (shape.required.includes(field)) env.problems.push({ path: childPath(path, field), message: 'required here' });
      continue;
    }
    if (skip.includes(field)) continue;
    if (!allowed) {
      env.problems.push({ path: childPath(path, field), message: 'not used by this operation type' });
    } else if (field === 'key') {
      if (keyTypes !== undefined) checkPrimaryKey(spec.key!, env, childPath(path, 'key'));
      keyFn = compileMap(spec.key!, keyTypes, env, childPath(path, 'key'));
    } else if (field === 'item') {
      if (keyTypes !== undefined) checkPrimaryKey(spec.item!, env, childPath(path, 'item'));
      itemFn = compileMap(spec.item!, keyTypes, env, childPath(path, 'item'));
    } else {
      base[STATIC_NAMES[field]!] = value;
    }
  }
  if (spec.names !== undefined && Object.keys(spec.names).length > 0) base.ExpressionAttributeNames = spec.names;
  let valuesFn: MapFn | undefined;
  if (spec.values !== undefined && Object.keys(spec.values).length > 0) {
    const expressions = [spec.keyCondition, spec.update, spec.condition, spec.filter].filter((e) => e !== undefined);
    const valueTypes = keyTypes && expressionValueTypes(expressions, spec.names, keyTypes);
    valuesFn = compileMap(spec.values, valueTypes, env, childPath(path, 'values'));
  }
  return (ctx) => {
    const out: Record<string, unknown> = { ...base };
    if (keyFn !== undefined) out.Key = keyFn(ctx);
    if (itemFn !== undefined) out.Item = itemFn(ctx);
    if (valuesFn !== undefined) out.ExpressionAttributeValues = valuesFn(ctx);
    return out;
  };
}

/** A key or item of the scenario's table must name its primary key attributes. */
function checkPrimaryKey(map: TemplateMap, env: RequestEnv, path: string): void {
  for (const attr of [env.table.partitionKey, env.table.sortKey]) {
    if (attr !== undefined && !Object.hasOwn(map, attr.name)) {
      env.problems.push({ path, message: `missing the table's key attribute "${attr.name}"` });
    }
  }
}

/**
 * `:g` in `game = :g` (or `SET score = :s`) meets a key attribute, so it gets that attribute's
 * declared type: `{game}` into an S key then becomes "7", not 7, which DynamoDB would reject.
 * A compile-time scan of the expressions; values it cannot place are inferred as usual.
 */
function expressionValueTypes(
  expressions: string[],
  names: Record<string, string> | undefined,
  keyTypes: ReadonlyMap<string, KeyType>,
): Map<string, KeyType> {
  const types = new Map<string, KeyType>();
  const patterns = [
    /([#\w.-]+)\s*(?:=|<>|<=|>=|<|>)\s*(:[\w-]+)/g,
    /begins_with\s*\(\s*([#\w.-]+)\s*,\s*(:[\w-]+)/gi,
    /([#\w.-]+)\s+BETWEEN\s+(:[\w-]+)\s+AND\s+(:[\w-]+)/gi,
  ];
  for (const expression of expressions) {
    for (const pattern of patterns) {
      for (const m of expression.matchAll(pattern)) {
        const attr = m[1]!.startsWith('#') ? names?.[m[1]!] : m[1]!;
        const type = attr === undefined ? undefined : keyTypes.get(attr);
        if (type === undefined) continue;
        for (const value of m.slice(2)) if (value !== undefined) types.set(value, type);
      }
    }
  }
  return types;
}

const withCapacity = (input: Record<string, unknown>): Record<string, unknown> => {
  input.ReturnConsumedCapacity = 'TOTAL';
  return input;
};

function compileTransactItems(op: OperationSpec, env: RequestEnv, path: string, get: boolean): BodyFn[] {
  const items = op.items ?? [];
  if (items.length === 0) env.problems.push({ path: childPath(path, 'items'), message: 'needs at least one item' });
  return items.map((item: TransactItemSpec, i) => {
    const itemPath = childPath(childPath(path, 'items'), i);
    if ((item.type === 'Get') !== get) {
      env.problems.push({ path: childPath(itemPath, 'type'), message: `${item.type} is not allowed in ${op.type}` });
    }
    const body = compileBody(item, SHAPES[item.type], item.table ?? env.table.name, env, itemPath);
    const wrapper = item.type;
    return (ctx) => ({ [wrapper]: body(ctx) });
  });
}

function primarySignature(env: RequestEnv): KeySignature {
  return keySignature(env.table.partitionKey.name, env.table.sortKey?.name);
}

export function compileOperation(op: OperationSpec, env: RequestEnv, path: string): RequestFn {
  const name = op.name;
  const type = op.type;
  const request = (input: Record<string, unknown>): Request => ({ op: name, type, input: withCapacity(input) });
  const table = env.table.name;

  switch (type) {
    case 'GetItem':
    case 'PutItem':
    case 'UpdateItem':
    case 'DeleteItem':
    case 'Query':
    case 'Scan': {
      const body = compileBody(op, SHAPES[type], table, env, path);
      return (ctx) => {
        ctx.fresh();
        return request(body(ctx));
      };
    }
    case 'TransactWriteItems':
    case 'TransactGetItems': {
      const items = compileTransactItems(op, env, path, type === 'TransactGetItems');
      // One fresh context for the whole transaction: `{player}` is the same player in every item.
      return (ctx) => {
        ctx.fresh();
        return request({ TransactItems: items.map((item) => item(ctx)) });
      };
    }
    case 'BatchGetItem': {
      const count = batchCount(op, 100, env, path);
      if (op.values !== undefined) env.problems.push({ path: childPath(path, 'values'), message: 'BatchGetItem takes no values' });
      const body = compileBody(op, SHAPES.GetItem, table, env, path, { skip: ['key'], omitTableName: true });
      if (op.key !== undefined) checkPrimaryKey(op.key, env, childPath(path, 'key'));
      const keyFn = compileMap(op.key ?? {}, env.keyTypes, env, childPath(path, 'key'));
      const sig = primarySignature(env);
      return (ctx) => {
        const element = body(ctx);
        element.Keys = batchKeyList(ctx, count, keyFn, sig);
        return request({ RequestItems: { [table]: element } });
      };
    }
    case 'BatchWriteItem': {
      const count = batchCount(op, 25, env, path);
      const put = op.item !== undefined;
      if (put === (op.key !== undefined)) {
        env.problems.push({ path, message: 'BatchWriteItem needs either item (puts) or key (deletes), not both' });
      }
      if (op.names !== undefined || op.values !== undefined || op.condition !== undefined) {
        env.problems.push({ path, message: 'BatchWriteItem takes no expressions (names, values, condition)' });
      }
      const template = (put ? op.item : op.key) ?? {};
      const templatePath = childPath(path, put ? 'item' : 'key');
      checkPrimaryKey(template, env, templatePath);
      const fn = compileMap(template, env.keyTypes, env, templatePath);
      const sig = primarySignature(env);
      return (ctx) => {
        const maps: AttributeMap[] = batchKeyList(ctx, count, fn, sig);
        const writes = put ? maps.map((Item) => ({ PutRequest: { Item } })) : maps.map((Key) => ({ DeleteRequest: { Key } }));
        return request({ RequestItems: { [table]: writes } });
      };
    }
  }
}

/** elements per batch: `count`, default 10, at most DynamoDB's limit (100 gets, 25 writes) */
function batchCount(op: OperationSpec, limit: number, env: RequestEnv, path: string): number {
  const count = op.count ?? 10;
  if (!Number.isInteger(count) || count < 1 || count > limit) {
    env.problems.push({ path: childPath(path, 'count'), message: `must be an integer from 1 to ${limit}, got ${count}` });
    return Math.min(limit, Math.max(1, Math.floor(count) || 1));
  }
  return count;
}
