// The size of a DynamoDB item as DynamoDB counts it for capacity units (and the 400 KB limit).
// Pure: no I/O, no AWS SDK (the value type below is structural, so the SDK's AttributeValue and
// the JSON protocol's shape both fit).
//
// Source: "DynamoDB item sizes and formats",
// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html
// - an item is the sum of its attribute names (UTF-8 bytes) and values;
// - S: UTF-8 bytes;
// - N: "approximately (1 byte per two significant digits) + (1 byte)", leading and trailing zeroes
//   trimmed (see numberSizeBytes for the rule used and how it can differ);
// - B: raw bytes (the base64 the JSON protocol carries is decoded first);
// - BOOL, NULL: 1 byte;
// - L, M: 3 bytes, plus 1 byte per element, plus the elements (an M element is its name + value);
// - SS, NS, BS: the sum of their elements, each sized as S, N, B.
// The page's storage overheads (100 bytes per item for indexing, 48 for global tables) are for
// storage billing, not capacity units, and are not counted.

import { Buffer } from 'node:buffer';

/** Binary data: bytes (the SDK's shape) or base64 text (the JSON protocol's). */
export type BinaryLike = Uint8Array | string;

/**
 * One AttributeValue as ddbench's requests carry it (`{ S: 'x' }`, `{ N: '12' }`, `{ M: {...} }`).
 * Exactly one member is expected; a value with none of them counts 0 bytes.
 */
export interface AttributeValueLike {
  S?: string;
  N?: string;
  B?: BinaryLike;
  BOOL?: boolean;
  NULL?: boolean;
  SS?: readonly string[];
  NS?: readonly string[];
  BS?: readonly BinaryLike[];
  L?: readonly AttributeValueLike[];
  M?: Readonly<Record<string, AttributeValueLike>>;
}

/** An item, key or index entry: attribute name -> value. */
export type AttributeMapLike = Readonly<Record<string, AttributeValueLike>>;

/** L and M: 3 bytes whatever their contents ("Item sizes and formats"). */
export const CONTAINER_OVERHEAD_BYTES = 3;
/** L and M: 1 byte more per element ("Item sizes and formats"). */
export const CONTAINER_ELEMENT_OVERHEAD_BYTES = 1;

/** The size of an item: its attribute names in UTF-8 plus the size of each value. */
export function itemSizeBytes(item: AttributeMapLike): number {
  let bytes = 0;
  for (const name in item) bytes += utf8SizeBytes(name) + attributeValueSizeBytes(item[name]!);
  return bytes;
}

/** The size of one value, without its attribute name. */
export function attributeValueSizeBytes(value: AttributeValueLike): number {
  if (value.S !== undefined) return utf8SizeBytes(value.S);
  if (value.N !== undefined) return numberSizeBytes(value.N);
  if (value.B !== undefined) return binarySizeBytes(value.B);
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.SS !== undefined) return sum(value.SS, utf8SizeBytes);
  if (value.NS !== undefined) return sum(value.NS, numberSizeBytes);
  if (value.BS !== undefined) return sum(value.BS, binarySizeBytes);
  if (value.L !== undefined) {
    return CONTAINER_OVERHEAD_BYTES + sum(value.L, (e) => CONTAINER_ELEMENT_OVERHEAD_BYTES + attributeValueSizeBytes(e));
  }
  if (value.M !== undefined) {
    let bytes = CONTAINER_OVERHEAD_BYTES;
    for (const name in value.M) bytes += CONTAINER_ELEMENT_OVERHEAD_BYTES + utf8SizeBytes(name) + attributeValueSizeBytes(value.M[name]!);
    return bytes;
  }
  return 0;
}

export function utf8SizeBytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/**
 * The documented rule, taken literally: ceil(significant digits / 2) + 1, where the significant
 * digits are the mantissa's digits with the sign, the decimal point, any exponent, and leading and
 * trailing zeroes removed. So 0 is 1 byte, 7 and 700 are 2, 12345 and 1.2345 are 4.
 *
 * The docs call this "approximately". dynalite (an emulator tested against DynamoDB) counts digit
 * pairs aligned on the decimal point and adds 1 byte for a negative number, so it can give up to
 * 2 bytes more (-1.2: 4 bytes there, 2 here). Two bytes move a capacity unit only for items within
 * 2 bytes of a 1 KB boundary; the documented rule decides here.
 */
export function numberSizeBytes(n: string): number {
  const significantDigits = significantDigitCount(n);
  return Math.ceil(significantDigits / 2) + 1;
}

function significantDigitCount(n: string): number {
  let end = n.length;
  const e = n.search(/[eE]/);
  if (e !== -1) end = e;
  let first = -1;
  let last = -1;
  for (let i = 0; i < end; i++) {
    const c = n.charCodeAt(i);
    if (c < 48 || c > 57) continue; // sign, point
    if (c !== 48 && first === -1) first = i;
    if (c !== 48) last = i;
  }
  if (first === -1) return 0;
  let digits = 0;
  for (let i = first; i <= last; i++) {
    const c = n.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
  }
  return digits;
}

/** Raw bytes: a Uint8Array's length, or the decoded length of base64 text. */
export function binarySizeBytes(b: BinaryLike): number {
  return typeof b === 'string' ? base64DecodedBytes(b) : b.byteLength;
}

/** The length base64 text decodes to, without decoding it (padding and whitespace ignored). */
function base64DecodedBytes(s: string): number {
  let chars = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 61 /* = */ && c !== 32 && c !== 10 && c !== 13 && c !== 9) chars++;
  }
  return Math.floor((chars * 3) / 4);
}

function sum<T>(values: readonly T[], size: (v: T) => number): number {
  let bytes = 0;
  for (const v of values) bytes += size(v);
  return bytes;
}
