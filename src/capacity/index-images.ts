// From item images (the whole item before and after a write) to what the write does to each GSI:
// which items an index holds, how big their entries are, whether the index key changed. Pure.
//
// Rules (DynamoDB developer guide, GSI.html): an index holds an item only when the item has the
// index's key attributes (a sparse index); an entry holds the index keys, the table's primary key
// and the projected attributes (KEYS_ONLY: keys only; INCLUDE: keys + the named attributes; ALL:
// the whole item). Index writes are sized by the entry.

import { Buffer } from 'node:buffer';
import type { IndexSpec, TableSpec } from '../types.js';
import { type AttributeMapLike, type AttributeValueLike, type BinaryLike, itemSizeBytes } from './item-size.js';
import type { IndexWrite } from './units.js';

/** An item image: the item, or null when there is none (before a first put, after a delete). */
export type ItemImage = AttributeMapLike | null;

/** The item's entry in the index, or null when the index does not hold it. */
export function indexEntry(item: ItemImage, index: IndexSpec, table: TableSpec): AttributeMapLike | null {
  if (item === null) return null;
  const indexKeys = indexKeyNames(index);
  for (const name of indexKeys) if (item[name] === undefined) return null;
  if (index.projection === 'ALL') return item;
  const names = new Set([...indexKeys, table.partitionKey.name, ...(table.sortKey ? [table.sortKey.name] : [])]);
  if (index.projection !== 'KEYS_ONLY') for (const name of index.projection.include) names.add(name);
  const entry: Record<string, AttributeValueLike> = {};
  for (const name of names) {
    const value = item[name];
    if (value !== undefined) entry[name] = value;
  }
  return entry;
}

/** What a write from `before` to `after` does to one index (sizes for units.ts). */
export function indexWriteForImages(before: ItemImage, after: ItemImage, index: IndexSpec, table: TableSpec): IndexWrite {
  const entryBefore = indexEntry(before, index, table);
  const entryAfter = indexEntry(after, index, table);
  const write: IndexWrite = { name: index.name, keyChanged: false };
  if (entryBefore !== null) write.projectedBeforeBytes = itemSizeBytes(entryBefore);
  if (entryAfter !== null) write.projectedAfterBytes = itemSizeBytes(entryAfter);
  if (entryBefore !== null && entryAfter !== null) {
    write.keyChanged = indexKeyNames(index).some((name) => !sameValue(entryBefore[name]!, entryAfter[name]!));
    write.projectionChanged = !sameMap(entryBefore, entryAfter);
  }
  return write;
}

function indexKeyNames(index: IndexSpec): string[] {
  return index.sortKey ? [index.partitionKey.name, index.sortKey.name] : [index.partitionKey.name];
}

/** Two maps hold the same attributes with the same values. */
export function sameMap(a: AttributeMapLike, b: AttributeMapLike): boolean {
  const namesA = Object.keys(a);
  if (namesA.length !== Object.keys(b).length) return false;
  for (const name of namesA) {
    const vb = b[name];
    if (vb === undefined || !sameValue(a[name]!, vb)) return false;
  }
  return true;
}

/**
 * Two values are equal as DynamoDB stores them. Numbers compare as written (1 and 1.0 differ
 * here, though DynamoDB would store them alike: a change of index entry that is not one costs one
 * write more in the model); sets compare in order (likewise).
 */
export function sameValue(a: AttributeValueLike, b: AttributeValueLike): boolean {
  if (a.S !== undefined || b.S !== undefined) return a.S === b.S;
  if (a.N !== undefined || b.N !== undefined) return a.N === b.N;
  if (a.B !== undefined || b.B !== undefined) return a.B !== undefined && b.B !== undefined && sameBinary(a.B, b.B);
  if (a.BOOL !== undefined || b.BOOL !== undefined) return a.BOOL === b.BOOL;
  if (a.NULL !== undefined || b.NULL !== undefined) return a.NULL === b.NULL;
  if (a.SS !== undefined || b.SS !== undefined) return sameList(a.SS, b.SS, (x, y) => x === y);
  if (a.NS !== undefined || b.NS !== undefined) return sameList(a.NS, b.NS, (x, y) => x === y);
  if (a.BS !== undefined || b.BS !== undefined) return sameList(a.BS, b.BS, sameBinary);
  if (a.L !== undefined || b.L !== undefined) return sameList(a.L, b.L, sameValue);
  if (a.M !== undefined || b.M !== undefined) return a.M !== undefined && b.M !== undefined && sameMap(a.M, b.M);
  return true;
}

function sameList<T>(a: readonly T[] | undefined, b: readonly T[] | undefined, same: (x: T, y: T) => boolean): boolean {
  if (a === undefined || b === undefined || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!same(a[i]!, b[i]!)) return false;
  return true;
}

function sameBinary(a: BinaryLike, b: BinaryLike): boolean {
  if (typeof a === 'string' || typeof b === 'string') return toBase64(a) === toBase64(b);
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}

function toBase64(b: BinaryLike): string {
  return typeof b === 'string' ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64');
}
