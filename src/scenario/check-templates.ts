// Checks of template values (items, keys, expression values): every placeholder parses and
// names a declared key space, key attributes are all there and can hold their declared
// type, and no item can outgrow DynamoDB's 400 KB item limit.

import type { KeyAttribute, Template } from '../types.js';
import { GENERATORS, MAX_ITEM_BYTES } from '../grammar/generator-calls.js';
import { describeValue, type PathSegment, type RawProblem } from './issues.js';
import { parsePlaceholders, type PlaceholderPart } from '../grammar/placeholders.js';
import { MAX_ATTRIBUTE_DEPTH } from './depth.js';

export interface TemplateContext {
  keySpaces: ReadonlySet<string>;
  problems: RawProblem[];
}

/**
 * Walks a template and reports bad placeholders and unknown key spaces at the string's path, and
 * values nested deeper than DynamoDB accepts (`depth` counts the lists and maps around `value`
 * inside one attribute; a map of attributes is depth 0 for its values).
 */
export function checkTemplate(value: Template, path: PathSegment[], ctx: TemplateContext, depth = -1): void {
  if (depth > MAX_ATTRIBUTE_DEPTH) {
    ctx.problems.push({ path, message: `nested ${depth} levels deep; DynamoDB allows attribute values at most ${MAX_ATTRIBUTE_DEPTH} levels deep` });
    return;
  }
  if (typeof value === 'string') {
    const { parts, problems } = parsePlaceholders(value);
    for (const message of problems) ctx.problems.push({ path, message });
    for (const part of parts) {
      if (part.kind === 'key' && !ctx.keySpaces.has(part.space)) {
        const declared = [...ctx.keySpaces].join(', ');
        ctx.problems.push({
          path,
          message: `unknown key space "${part.space}" in {${part.space}${part.seq ? '.seq' : ''}} (declared in keys: ${declared === '' ? 'none' : declared})`,
        });
      }
    }
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => checkTemplate(v, [...path, i], ctx, depth + 1));
  } else if (value !== null && typeof value === 'object') {
    for (const [name, v] of Object.entries(value)) {
      if (name === '') ctx.problems.push({ path, message: 'attribute names cannot be empty' });
      checkTemplate(v, [...path, name], ctx, depth + 1);
    }
  }
}

/** Upper bound of the size DynamoDB would count for a value made from this template. */
export function estimateBytes(value: Template): number {
  if (value === null || typeof value === 'boolean') return 1;
  if (typeof value === 'number') return 21;
  if (typeof value === 'string') return partsBytes(parsePlaceholders(value).parts);
  if (Array.isArray(value)) return 3 + value.reduce<number>((sum, v) => sum + 1 + estimateBytes(v), 0);
  return 3 + Object.entries(value).reduce((sum, [k, v]) => sum + 1 + Buffer.byteLength(k, 'utf8') + estimateBytes(v), 0);
}

/** Item size: attribute names plus values. */
export function estimateItemBytes(item: Record<string, Template>): number {
  return Object.entries(item).reduce((sum, [k, v]) => sum + Buffer.byteLength(k, 'utf8') + estimateBytes(v), 0);
}

function partsBytes(parts: PlaceholderPart[]): number {
  let bytes = 0;
  for (const part of parts) {
    if (part.kind === 'literal') bytes += Buffer.byteLength(part.text, 'utf8');
    else if (part.kind === 'key') bytes += 16; // a key number never has more digits than a safe integer
    else bytes += GENERATORS[part.fn]?.maxBytes(part.args) ?? 0;
  }
  return bytes;
}

export function checkItemSize(item: Record<string, Template>, path: PathSegment[], what: string, ctx: TemplateContext): void {
  const bytes = estimateItemBytes(item);
  if (bytes > MAX_ITEM_BYTES) {
    ctx.problems.push({ path, message: `${what} can reach ${bytes} bytes, over DynamoDB's ${MAX_ITEM_BYTES}-byte (400 KB) item limit` });
  }
}

type ValueKind = 'number' | 'string' | 'binary' | 'unknown' | 'not-scalar';

/** What a template produces, as far as can be told without evaluating it. */
export function templateKind(value: Template): ValueKind {
  if (typeof value === 'number') return 'number';
  if (typeof value !== 'string') return 'not-scalar';
  const { parts } = parsePlaceholders(value);
  if (parts.length === 1 && parts[0]!.kind !== 'literal') {
    // a string that is exactly one placeholder keeps the generator's native type
    const part = parts[0]!;
    if (part.kind === 'key') return 'number';
    const yields = GENERATORS[part.fn]?.yields(part.args);
    return yields === 'mixed' || yields === undefined ? 'unknown' : yields;
  }
  const numericText = parts.every((p) =>
    p.kind === 'literal' ? /^[0-9.eE+-]*$/.test(p.text) : p.kind === 'key' || GENERATORS[p.fn]?.yields(p.args) === 'number',
  );
  return numericText ? 'unknown' : 'string';
}

/** DynamoDB's limits on key values: partition key 2048 bytes, sort key 1024. */
export const KEY_MAX_BYTES = { partition: 2048, sort: 1024 } as const;

export type KeyRole = KeyAttribute & { role: keyof typeof KEY_MAX_BYTES };

/** The key attributes of a table or index, each with its role. */
export function keyRoles(partitionKey: KeyAttribute, sortKey: KeyAttribute | undefined): KeyRole[] {
  const roles: KeyRole[] = [{ ...partitionKey, role: 'partition' }];
  if (sortKey !== undefined) roles.push({ ...sortKey, role: 'sort' });
  return roles;
}

/** Problems with the value given to a key attribute (table or index key) of the declared type. */
export function keyValueProblem(value: Template, attr: KeyRole): string | undefined {
  const kind = templateKind(value);
  if (kind === 'not-scalar') {
    return `key attribute "${attr.name}" (type ${attr.type}) needs a string or number, got ${describeValue(value)}`;
  }
  if (value === '') return `key attribute "${attr.name}" cannot be an empty string`;
  if (attr.type === 'N' && (kind === 'string' || kind === 'binary')) {
    return `key attribute "${attr.name}" has type N but this template makes ${kind === 'string' ? 'text' : 'binary'} (${JSON.stringify(value)})`;
  }
  if (attr.type === 'S' && kind === 'binary') return `key attribute "${attr.name}" has type S but {bytes(...)} makes binary`;
  const bytes = estimateBytes(value);
  if (bytes > KEY_MAX_BYTES[attr.role]) {
    return `${attr.role} key "${attr.name}" can reach ${bytes} bytes, over DynamoDB's ${KEY_MAX_BYTES[attr.role]}-byte limit`;
  }
  return undefined;
}

/**
 * Keys (GetItem, UpdateItem, DeleteItem, batch and transaction elements) must name exactly
 * the table's key attributes: DynamoDB refuses a key with a missing or an extra attribute.
 */
export function checkKeyTemplate(
  key: Record<string, Template>,
  path: PathSegment[],
  keyAttrs: KeyRole[],
  tableLabel: string,
  ctx: TemplateContext,
): void {
  const names = keyAttrs.map((a) => a.name);
  for (const attr of keyAttrs) {
    const value = key[attr.name];
    if (value === undefined || !Object.hasOwn(key, attr.name)) {
      ctx.problems.push({ path, message: `missing key attribute "${attr.name}" of ${tableLabel} (key: ${names.join(', ')})` });
      continue;
    }
    const problem = keyValueProblem(value, attr);
    if (problem !== undefined) ctx.problems.push({ path: [...path, attr.name], message: problem });
  }
  for (const name of Object.keys(key)) {
    if (!names.includes(name)) {
      ctx.problems.push({ path: [...path, name], message: `"${name}" is not a key attribute of ${tableLabel} (key: ${names.join(', ')})` });
    }
  }
}

/**
 * Items (seed, PutItem, batch and transaction puts) must hold the table's key attributes;
 * index key attributes are optional (sparse indexes) but must have the index's type.
 */
export function checkItemTemplate(
  item: Record<string, Template>,
  path: PathSegment[],
  tableKeys: KeyRole[],
  indexKeys: KeyRole[],
  tableLabel: string,
  ctx: TemplateContext,
): void {
  for (const attr of tableKeys) {
    if (!Object.hasOwn(item, attr.name)) {
      ctx.problems.push({ path, message: `missing key attribute "${attr.name}" of ${tableLabel}` });
    }
  }
  for (const attr of [...tableKeys, ...indexKeys]) {
    const value = Object.hasOwn(item, attr.name) ? item[attr.name] : undefined;
    if (value === undefined) continue;
    const problem = keyValueProblem(value, attr);
    if (problem !== undefined) ctx.problems.push({ path: [...path, attr.name], message: problem });
  }
}
