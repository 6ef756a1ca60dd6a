// Plain values -> DynamoDB AttributeValues, and the size DynamoDB charges for an item.

import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { KeyType } from '../types.js';

/** An item or key in the DynamoDB JSON protocol's shape, as the workload makes it. */
export type AttributeMap = Record<string, AttributeValue>;

const encoder = new TextEncoder();

export function utf8(s: string): Uint8Array {
  return encoder.encode(s);
}

/**
 * A number as DynamoDB's N wants it: plain decimal, never `1e+21` or `1e-7` (String(n) uses
 * exponents past 1e21 and below 1e-6). The common case (no exponent) costs one String().
 */
export function formatNumber(n: number): string {
  const s = String(n);
  return s.indexOf('e') === -1 ? s : expandExponent(s);
}

function expandExponent(s: string): string {
  const negative = s[0] === '-';
  const body = negative ? s.slice(1) : s;
  const eAt = body.indexOf('e');
  const exponent = Number(body.slice(eAt + 1));
  const mantissa = body.slice(0, eAt);
  const dot = mantissa.indexOf('.');
  const digits = dot === -1 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  const pointAt = (dot === -1 ? mantissa.length : dot) + exponent;
  let out: string;
  if (pointAt <= 0) out = `0.${'0'.repeat(-pointAt)}${digits}`;
  else if (pointAt >= digits.length) out = digits + '0'.repeat(pointAt - digits.length);
  else out = `${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`;
  return negative ? `-${out}` : out;
}

const NUMERIC = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Whether DynamoDB would take this string as an N (checked at compile time only). */
export function isNumericString(s: string): boolean {
  return NUMERIC.test(s.trim());
}

/** A generated scalar -> AttributeValue, inferring the type (no declared key type). */
export function inferScalar(v: string | number | Uint8Array): AttributeValue {
  if (typeof v === 'number') return { N: formatNumber(v) };
  if (typeof v === 'string') return { S: v };
  return { B: v };
}

/**
 * A generated scalar -> AttributeValue of a key attribute's declared type, or a problem.
 * Numbers become their decimal string in S; strings become UTF-8 in B. A string into N is
 * passed through: callers check it at compile time where they can.
 */
export function toKeyType(v: string | number | Uint8Array, type: KeyType): AttributeValue | string {
  if (type === 'N') {
    if (typeof v === 'number') return { N: formatNumber(v) };
    if (typeof v === 'string') return { N: v };
    return 'binary data cannot be a number (N) key attribute';
  }
  if (type === 'S') {
    if (typeof v === 'number') return { S: formatNumber(v) };
    if (typeof v === 'string') return { S: v };
    return 'binary data cannot be a string (S) key attribute';
  }
  if (typeof v === 'number') return { B: utf8(formatNumber(v)) };
  if (typeof v === 'string') return { B: utf8(v) };
  return { B: v };
}

// ---------------------------------------------------------------------------
// Item size, as DynamoDB counts it toward the 400 KB limit and capacity units:
// attribute names + values; S is UTF-8 bytes, B raw bytes, N about one byte per two significant
// digits plus one, BOOL / NULL one byte, L / M three bytes plus one per element.
// ---------------------------------------------------------------------------

function numberBytes(n: string): number {
  let digits = n.replace(/^[+-]/, '');
  const e = digits.search(/[eE]/);
  if (e !== -1) digits = digits.slice(0, e);
  digits = digits.replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return Math.ceil(Math.max(1, digits.length) / 2) + 1;
}

function stringBytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

export function estimateValueBytes(v: AttributeValue): number {
  if (v.S !== undefined) return stringBytes(v.S);
  if (v.N !== undefined) return numberBytes(v.N);
  if (v.B !== undefined) return v.B.byteLength;
  if (v.BOOL !== undefined || v.NULL !== undefined) return 1;
  if (v.SS !== undefined) return v.SS.reduce((sum, s) => sum + stringBytes(s), 0);
  if (v.NS !== undefined) return v.NS.reduce((sum, n) => sum + numberBytes(n), 0);
  if (v.BS !== undefined) return v.BS.reduce((sum, b) => sum + b.byteLength, 0);
  if (v.L !== undefined) return v.L.reduce((sum, e) => sum + 1 + estimateValueBytes(e), 3);
  if (v.M !== undefined) return 3 + estimateItemBytes(v.M) + Object.keys(v.M).length;
  return 0;
}

/** Approximate size of an item in bytes, by DynamoDB's rules (names count too). */
export function estimateItemBytes(item: AttributeMap): number {
  let total = 0;
  for (const name in item) total += stringBytes(name) + estimateValueBytes(item[name]!);
  return total;
}
