// Per-operation rules: which fields each DynamoDB operation needs and which it does not have
// at all (a filter on GetItem is a scenario bug, not something to ignore), keys and items
// against the table's key schema, indexes, key conditions and expression placeholders.

import type { OpType, TemplateMap, TransactItemType } from '../types.js';
import {
  checkItemSize,
  checkItemTemplate,
  checkKeyTemplate,
  checkTemplate,
  estimateItemBytes,
  type KeyRole,
  type TemplateContext,
} from './check-templates.js';
import { checkKeyCondition, checkPlaceholderRefs, checkUpdateExpression, type ExpressionHolder } from './expressions.js';
import { MAX_ITEM_BYTES } from '../grammar/generator-calls.js';
import type { PathSegment } from './issues.js';
import { lenientList, type Fields } from './lenient.js';
import { TransactItemSchema, type OperationFile, type TransactItemFile } from './schema.js';

/** The table as the operation checks need it; undefined parts were broken in the file. */
export interface TableView {
  /** undefined when the file's table name is broken */
  name: string | undefined;
  /** `table ddbench-gaming`, for messages */
  label: string;
  keys: KeyRole[];
  indexes: Map<string, KeyRole[]>;
  /** key attributes of every index, for item type checks */
  indexKeys: KeyRole[];
}

export interface OpContext extends TemplateContext {
  table: TableView | undefined;
}

type OpField = Exclude<keyof OperationFile, 'name' | 'weight' | 'type'>;

const OP_FIELDS: Record<OpType, { required: OpField[]; optional: OpField[] }> = {
  GetItem: { required: ['key'], optional: ['projection', 'names', 'consistentRead'] },
  PutItem: { required: ['item'], optional: ['condition', 'names', 'values'] },
  UpdateItem: { required: ['key', 'update'], optional: ['condition', 'names', 'values'] },
  DeleteItem: { required: ['key'], optional: ['condition', 'names', 'values'] },
  Query: {
    required: ['keyCondition'],
    optional: ['index', 'filter', 'projection', 'names', 'values', 'limit', 'scanForward', 'consistentRead'],
  },
  Scan: { required: [], optional: ['index', 'filter', 'projection', 'names', 'values', 'limit', 'consistentRead'] },
  BatchGetItem: { required: ['key'], optional: ['count', 'projection', 'names', 'consistentRead'] },
  BatchWriteItem: { required: [], optional: ['item', 'key', 'count'] },
  TransactWriteItems: { required: ['items'], optional: [] },
  TransactGetItems: { required: ['items'], optional: [] },
};

type ItemField = Exclude<keyof TransactItemFile, 'type' | 'table'>;

const TRANSACT_FIELDS: Record<TransactItemType, { required: ItemField[]; optional: ItemField[] }> = {
  Put: { required: ['item'], optional: ['condition', 'names', 'values'] },
  Update: { required: ['key', 'update'], optional: ['condition', 'names', 'values'] },
  Delete: { required: ['key'], optional: ['condition', 'names', 'values'] },
  ConditionCheck: { required: ['key', 'condition'], optional: ['names', 'values'] },
  Get: { required: ['key'], optional: ['projection', 'names'] },
};

const BATCH_MAX = { BatchGetItem: 100, BatchWriteItem: 25 } as const;
const TRANSACT_MAX_ITEMS = 100;

/** Reports required fields that are absent and fields the operation does not have; returns the allowed subset. */
function checkFields<F extends string>(
  raw: Fields,
  value: Partial<Record<F, unknown>>,
  rules: { required: F[]; optional: F[] },
  what: string,
  at: PathSegment[],
  ctx: OpContext,
): Partial<Record<F, unknown>> {
  for (const field of rules.required) {
    if (!Object.hasOwn(raw, field)) ctx.problems.push({ path: [...at, field], message: `missing, required by ${what}` });
  }
  const allowed: Partial<Record<F, unknown>> = {};
  for (const field of Object.keys(value) as F[]) {
    if (rules.required.includes(field) || rules.optional.includes(field)) allowed[field] = value[field];
    else if (field !== 'name' && field !== 'weight' && field !== 'type' && field !== 'table') {
      ctx.problems.push({ path: [...at, field], message: `${what} does not take ${field}` });
    }
  }
  return allowed;
}

export function checkOperation(raw: Fields, op: Partial<OperationFile>, at: PathSegment[], ctx: OpContext): void {
  templates(op, at, ctx);
  if (op.type === undefined) return; // its type is broken: zod reported it, nothing else can be judged
  const type = op.type;
  const allowed = checkFields(raw, op, OP_FIELDS[type], type, at, ctx) as Partial<OperationFile>;
  if (allowed.update !== undefined) {
    const problem = checkUpdateExpression(allowed.update);
    if (problem !== undefined) ctx.problems.push({ path: [...at, 'update'], message: problem });
  }
  ctx.problems.push(...checkPlaceholderRefs(allowed as ExpressionHolder, at));

  if (type === 'BatchGetItem' || type === 'BatchWriteItem') {
    const max = BATCH_MAX[type];
    if (op.count !== undefined && op.count > max) {
      ctx.problems.push({ path: [...at, 'count'], message: `expected an integer from 1 to ${max} (${type} limit), got ${op.count}` });
    }
  }
  if (type === 'BatchWriteItem') {
    const hasItem = Object.hasOwn(raw, 'item');
    const hasKey = Object.hasOwn(raw, 'key');
    if (hasItem && hasKey) ctx.problems.push({ path: at, message: 'BatchWriteItem takes item (puts) or key (deletes), not both' });
    if (!hasItem && !hasKey) ctx.problems.push({ path: [...at, 'item'], message: 'missing, BatchWriteItem needs item (puts) or key (deletes)' });
  }
  if (type === 'Query' || type === 'Scan') checkReadTarget(op, at, ctx);
  if (type === 'TransactWriteItems' || type === 'TransactGetItems') checkTransactItems(raw.items, type, [...at, 'items'], ctx);

  const table = ctx.table;
  if (table === undefined) return;
  if (allowed.key !== undefined) checkKeyTemplate(allowed.key, [...at, 'key'], table.keys, table.label, ctx);
  if (allowed.item !== undefined) {
    checkItemTemplate(allowed.item, [...at, 'item'], table.keys, table.indexKeys, table.label, ctx);
    checkItemSize(allowed.item, [...at, 'item'], 'this item', ctx);
  }
}

/** Placeholders in every template field, and the size of expression values. */
function templates(holder: { key?: TemplateMap; item?: TemplateMap; values?: TemplateMap }, at: PathSegment[], ctx: OpContext): void {
  for (const field of ['key', 'item', 'values'] as const) {
    const value = holder[field];
    if (value !== undefined) checkTemplate(value, [...at, field], ctx);
  }
  if (holder.values !== undefined && estimateItemBytes(holder.values) > MAX_ITEM_BYTES) {
    ctx.problems.push({ path: [...at, 'values'], message: `values can reach over DynamoDB's ${MAX_ITEM_BYTES}-byte (400 KB) item limit` });
  }
}

function checkReadTarget(op: Partial<OperationFile>, at: PathSegment[], ctx: OpContext): void {
  const table = ctx.table;
  if (table === undefined) return;
  let keys = table.keys;
  let what = table.label;
  if (op.index !== undefined) {
    const indexKeys = table.indexes.get(op.index);
    if (indexKeys === undefined) {
      const declared = [...table.indexes.keys()].join(', ');
      ctx.problems.push({ path: [...at, 'index'], message: `unknown index "${op.index}" (declared: ${declared === '' ? 'none' : declared})` });
      return;
    }
    keys = indexKeys;
    what = `index ${op.index}`;
    if (op.consistentRead === true) {
      ctx.problems.push({ path: [...at, 'consistentRead'], message: 'global secondary indexes do not support consistent reads' });
    }
  }
  if (op.type === 'Query' && op.keyCondition !== undefined && keys[0] !== undefined) {
    const target = { what, partitionKey: keys[0].name, ...(keys[1] ? { sortKey: keys[1].name } : {}) };
    for (const message of checkKeyCondition(op.keyCondition, op.names, target)) {
      ctx.problems.push({ path: [...at, 'keyCondition'], message });
    }
  }
}

function checkTransactItems(rawItems: unknown, type: OpType, at: PathSegment[], ctx: OpContext): void {
  const table = ctx.table;
  const items = lenientList(TransactItemSchema, rawItems);
  if (Array.isArray(rawItems) && (items.length < 1 || items.length > TRANSACT_MAX_ITEMS)) {
    ctx.problems.push({ path: at, message: `expected 1 to ${TRANSACT_MAX_ITEMS} items (${type} limit), got ${items.length}` });
  }
  items.forEach(({ raw, value: item }, i) => {
    const itemAt = [...at, i];
    templates(item, itemAt, ctx);
    if (item.table !== undefined && table?.name !== undefined && item.table !== table.name) {
      ctx.problems.push({ path: [...itemAt, 'table'], message: `ddbench creates and uses one table, "${table.name}"; got "${item.table}"` });
    }
    if (item.type === undefined) return;
    if ((type === 'TransactGetItems') !== (item.type === 'Get')) {
      const expected = type === 'TransactGetItems' ? 'Get' : 'Put, Update, Delete or ConditionCheck';
      ctx.problems.push({ path: [...itemAt, 'type'], message: `${type} takes items of type ${expected}, got ${item.type}` });
      return;
    }
    const allowed = checkFields(raw, item, TRANSACT_FIELDS[item.type], `a ${item.type} item`, itemAt, ctx) as Partial<TransactItemFile>;
    if (allowed.update !== undefined) {
      const problem = checkUpdateExpression(allowed.update);
      if (problem !== undefined) ctx.problems.push({ path: [...itemAt, 'update'], message: problem });
    }
    ctx.problems.push(...checkPlaceholderRefs(allowed as ExpressionHolder, itemAt));
    if (table === undefined) return;
    if (allowed.key !== undefined) checkKeyTemplate(allowed.key, [...itemAt, 'key'], table.keys, table.label, ctx);
    if (allowed.item !== undefined) {
      checkItemTemplate(allowed.item, [...itemAt, 'item'], table.keys, table.indexKeys, table.label, ctx);
      checkItemSize(allowed.item, [...itemAt, 'item'], 'this item', ctx);
    }
  });
}
