// DynamoDB attribute values and keys in DAX's encoding. Items travel without attribute names:
// an attribute-list id followed by the values in that list's order (see attribute-lists.ts).
// Keys travel as bytes: a hash-only key is the raw value (a CBOR number for N); a composite
// key is the CBOR hash value followed by the raw range value (lexicographic decimal for N).

import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { Reader, Tagged, Writer } from './cbor.js';
import { decodeLexDecimal, encodeLexDecimal, readNumber, writeNumber } from './numbers.js';

export type Item = Record<string, AttributeValue>;
export type KeyType = 'S' | 'N' | 'B';
export interface KeyAttr {
  name: string;
  type: KeyType;
}
/** hash first, then range when the table has one */
export type KeySchema = KeyAttr[];

export const TAG_STRING_SET = 3321;
export const TAG_NUMBER_SET = 3322;
export const TAG_BINARY_SET = 3323;
export const TAG_LIST_INDEX = 3324;

export function writeAttributeValue(w: Writer, av: AttributeValue): void {
  if (av.S !== undefined) w.text(av.S);
  else if (av.N !== undefined) writeNumber(w, av.N);
  else if (av.B !== undefined) w.bytes(av.B);
  else if (av.SS !== undefined) {
    w.tag(TAG_STRING_SET).array(av.SS.length);
    for (const s of av.SS) w.text(s);
  } else if (av.NS !== undefined) {
    w.tag(TAG_NUMBER_SET).array(av.NS.length);
    for (const n of av.NS) writeNumber(w, n);
  } else if (av.BS !== undefined) {
    w.tag(TAG_BINARY_SET).array(av.BS.length);
    for (const b of av.BS) w.bytes(b);
  } else if (av.M !== undefined) {
    const entries = Object.entries(av.M);
    w.map(entries.length);
    for (const [k, v] of entries) {
      w.text(k);
      writeAttributeValue(w, v);
    }
  } else if (av.L !== undefined) {
    w.array(av.L.length);
    for (const v of av.L) writeAttributeValue(w, v);
  } else if (av.NULL !== undefined) w.null();
  else if (av.BOOL !== undefined) w.bool(av.BOOL);
  else throw new Error('empty AttributeValue');
}

export function toAttributeValue(v: unknown): AttributeValue {
  if (v === null || v === undefined) return { NULL: true };
  if (typeof v === 'boolean') return { BOOL: v };
  if (typeof v === 'string') return { S: v };
  if (v instanceof Uint8Array) return { B: Uint8Array.from(v) };
  if (typeof v === 'number' || typeof v === 'bigint') return { N: readNumber(v) };
  if (Array.isArray(v)) return { L: v.map(toAttributeValue) };
  if (v instanceof Map) {
    const m: Item = {};
    for (const [k, e] of v) m[String(k)] = toAttributeValue(e);
    return { M: m };
  }
  if (v instanceof Tagged) {
    const list = Array.isArray(v.value) ? (v.value as unknown[]) : [];
    switch (v.tag) {
      case TAG_STRING_SET:
        return { SS: list.map(String) };
      case TAG_NUMBER_SET:
        return { NS: list.map(readNumber) };
      case TAG_BINARY_SET:
        return { BS: list.map((b) => Uint8Array.from(b as Buffer)) };
      default:
        return { N: readNumber(v) };
    }
  }
  throw new Error(`cannot read an attribute value from ${typeof v}`);
}

function writeKeyPart(w: Writer, av: AttributeValue, type: KeyType): void {
  if (type === 'S') w.text(need(av.S));
  else if (type === 'N') writeNumber(w, need(av.N));
  else w.bytes(need(av.B));
}

function need<T>(v: T | undefined): T {
  if (v === undefined) throw new KeyError('One of the required keys was not given a value');
  return v;
}

export class KeyError extends Error {}

export function encodeKey(key: Item, schema: KeySchema): Buffer {
  const [hash, range] = schema;
  if (hash === undefined) throw new Error('empty key schema');
  const hv = key[hash.name];
  if (hv === undefined) throw new KeyError('One of the required keys was not given a value');
  if (range === undefined) {
    if (hash.type === 'S') return Buffer.from(need(hv.S), 'utf8');
    if (hash.type === 'B') return Buffer.from(need(hv.B));
    const w = new Writer();
    writeNumber(w, need(hv.N));
    return w.done();
  }
  const w = new Writer();
  writeKeyPart(w, hv, hash.type);
  const rv = key[range.name];
  if (rv === undefined) throw new KeyError('One of the required keys was not given a value');
  if (range.type === 'S') w.raw(Buffer.from(need(rv.S), 'utf8'));
  else if (range.type === 'B') w.raw(Buffer.from(need(rv.B)));
  else w.raw(encodeLexDecimal(need(rv.N)));
  return w.done();
}

function keyPart(v: unknown, type: KeyType): AttributeValue {
  if (type === 'S' && typeof v === 'string') return { S: v };
  if (type === 'B' && v instanceof Uint8Array) return { B: Uint8Array.from(v) };
  if (type === 'N') return { N: readNumber(v) };
  throw new KeyError(`key value does not match the key schema type ${type}`);
}

export function decodeKey(bytes: Buffer, schema: KeySchema): Item {
  const [hash, range] = schema;
  if (hash === undefined) throw new Error('empty key schema');
  if (range === undefined) {
    if (hash.type === 'S') return { [hash.name]: { S: bytes.toString('utf8') } };
    if (hash.type === 'B') return { [hash.name]: { B: Uint8Array.from(bytes) } };
    return { [hash.name]: { N: readNumber(new Reader(bytes).read()) } };
  }
  const r = new Reader(bytes);
  const key: Item = { [hash.name]: keyPart(r.read(), hash.type) };
  const rest = bytes.subarray(r.pos);
  if (range.type === 'S') key[range.name] = { S: rest.toString('utf8') };
  else if (range.type === 'B') key[range.name] = { B: Uint8Array.from(rest) };
  else key[range.name] = { N: decodeLexDecimal(rest).text };
  return key;
}

/** A key given as a map of names to values (index queries' ExclusiveStartKey/LastEvaluatedKey). */
export function decodeCompoundKey(bytes: Buffer): Item {
  const m = new Reader(bytes).read();
  if (!(m instanceof Map)) throw new KeyError('malformed key');
  const key: Item = {};
  for (const [k, v] of m) key[String(k)] = toAttributeValue(v);
  return key;
}

export function encodeCompoundKey(key: Item): Buffer {
  const w = new Writer();
  const entries = Object.entries(key);
  w.map(entries.length);
  for (const [k, v] of entries) {
    w.text(k);
    writeAttributeValue(w, v);
  }
  return w.done();
}

export function keyOf(item: Item, schema: KeySchema): Item {
  const key: Item = {};
  for (const k of schema) {
    const v = item[k.name];
    if (v !== undefined) key[k.name] = v;
  }
  return key;
}

/** The non-key attribute names of an item, sorted: the order DAX lists them in. */
export function nonKeyNames(item: Item, schema: KeySchema): string[] {
  const keys = new Set(schema.map((k) => k.name));
  return Object.keys(item)
    .filter((n) => !keys.has(n))
    .sort();
}

/** attribute-list id, then the values: the body of an item on the wire */
export function encodeStreamItem(item: Item, names: string[], listId: number): Buffer {
  const w = new Writer().int(listId);
  for (const n of names) writeAttributeValue(w, item[n]!);
  return w.done();
}

export function decodeStreamItem(bytes: Buffer): { listId: number; values: AttributeValue[] } {
  const r = new Reader(bytes);
  const listId = Number(r.read());
  const values: AttributeValue[] = [];
  while (!r.atEnd()) values.push(toAttributeValue(r.read()));
  return { listId, values };
}
