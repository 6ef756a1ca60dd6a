// DynamoDB numbers (decimal strings, up to 38 digits) on the DAX wire: CBOR integers, bignums
// (tags 2/3), decimal fractions (tag 4: [exponent, mantissa]) or, from the client, float64 when
// it round-trips. Range keys use an order-preserving "lexicographic decimal" byte encoding.
// Everything is done on bigint digits so no value passes through a float.

import { bytesToBig, Tagged, type Writer } from './cbor.js';

/** sign * mantissa * 10^exponent, mantissa >= 0 */
export interface Decimal {
  negative: boolean;
  mantissa: bigint;
  exponent: number;
}

export function parseDecimal(text: string): Decimal {
  const m = /^\s*([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?\s*$/.exec(text);
  if (m === null || ((m[2] ?? '') === '' && (m[3] ?? '') === '')) throw new Error(`not a number: ${text}`);
  const intPart = m[2] ?? '';
  const frac = m[3] ?? '';
  return {
    negative: m[1] === '-',
    mantissa: BigInt((intPart + frac).replace(/^0+(?=\d)/, '') || '0'),
    exponent: Number(m[4] ?? '0') - frac.length,
  };
}

/** Plain decimal notation (no exponent), which every DynamoDB-compatible endpoint accepts. */
export function formatDecimal(d: Decimal): string {
  if (d.mantissa === 0n) return '0';
  let digits = d.mantissa.toString();
  let out: string;
  if (d.exponent >= 0) out = digits + '0'.repeat(d.exponent);
  else {
    const point = digits.length + d.exponent;
    if (point > 0) out = `${digits.slice(0, point)}.${digits.slice(point)}`;
    else out = `0.${'0'.repeat(-point)}${digits}`;
    digits = out;
  }
  return (d.negative ? '-' : '') + out;
}

export function normaliseNumber(text: string): string {
  return formatDecimal(parseDecimal(text));
}

/** Writes a DynamoDB number as the DAX client expects to read it. */
export function writeNumber(w: Writer, text: string): void {
  const d = parseDecimal(text);
  const signed = d.negative ? -d.mantissa : d.mantissa;
  if (d.exponent >= 0) {
    const v = signed * 10n ** BigInt(d.exponent);
    // The client prints bignums in exponent notation; a decimal with exponent 0 prints plainly.
    if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) w.tag(4).array(2).int(0).int(v);
    else w.int(v);
    return;
  }
  w.tag(4).array(2).int(d.exponent).int(signed);
}

/** Reads a CBOR number value (int, bigint, bignum tag, decimal tag, float) as a decimal string. */
export function readNumber(v: unknown): string {
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) <= Number.MAX_SAFE_INTEGER ? String(v) : normaliseNumber(String(v));
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Tagged) {
    if (v.tag === 2) return bytesToBig(v.value as Buffer).toString();
    if (v.tag === 3) return (-1n - bytesToBig(v.value as Buffer)).toString();
    if (v.tag === 4 && Array.isArray(v.value) && v.value.length === 2) {
      const exponent = Number(v.value[0]);
      const m = BigInt(readNumber(v.value[1]));
      return formatDecimal({ negative: m < 0n, mantissa: m < 0n ? -m : m, exponent });
    }
  }
  throw new Error(`not a CBOR number: ${String(v)}`);
}

// ---- lexicographic decimal (numeric range keys) ----
// Header byte: sign and exponent (value = 0.DIGITS * 10^exponent); then base-1000 digits of 10
// bits each (offset by 12, mirrored for negatives), closed by a terminator digit that says how
// many decimal places of the last group are real.

function significand(d: Decimal): { digits: string; exponent: number } {
  const digits = d.mantissa.toString();
  return { digits, exponent: digits.length + d.exponent };
}

export function encodeLexDecimal(text: string): Buffer {
  const d = parseDecimal(text);
  if (d.mantissa === 0n) return Buffer.from([0x80]);
  const { digits, exponent } = significand(d);
  const bytes: number[] = [];
  if (!d.negative) {
    if (exponent >= -0x3e && exponent < 0x3e) bytes.push(exponent + 0xc0);
    else pushHeader32(bytes, exponent < 0 ? 0x81 : 0xfe, (exponent ^ 0x80000000) >>> 0);
  } else if (exponent >= -0x3e && exponent < 0x3e) bytes.push(0x3f - exponent);
  else pushHeader32(bytes, exponent < 0 ? 0x7e : 0x01, (exponent ^ 0x7fffffff) >>> 0);
  const realInLast = digits.length % 3 === 0 ? 3 : digits.length % 3;
  const padded = digits + '0'.repeat((3 - (digits.length % 3)) % 3);
  const groups: number[] = [];
  for (let i = 0; i < padded.length; i += 3) {
    const g = Number(padded.slice(i, i + 3));
    groups.push(d.negative ? 1011 - g : g + 12);
  }
  const terminator = realInLast === 3 ? 2 : realInLast === 1 ? 0 : 1;
  groups.push(d.negative ? 1023 - terminator : terminator);
  let accum = 0;
  let bits = 0;
  for (const g of groups) {
    accum = ((accum << 10) | g) & 0xffffff;
    bits += 10;
    while (bits >= 8) {
      bits -= 8;
      bytes.push((accum >> bits) & 0xff);
    }
  }
  if (bits > 0) bytes.push((accum << (8 - bits)) & 0xff);
  return Buffer.from(bytes);
}

function pushHeader32(bytes: number[], first: number, value: number): void {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(value >>> 0, 0);
  bytes.push(first, ...b);
}

/** Decodes a lexicographic decimal at `offset`; returns the number and the offset after it. */
export function decodeLexDecimal(buf: Buffer, offset = 0): { text: string; end: number } {
  let pos = offset;
  const header = buf[pos++]!;
  if (header === 0x80 || header === 0x7f) return { text: '0', end: pos };
  let negative: boolean;
  let exponent: number;
  if (header === 0x01 || header === 0x7e) {
    negative = true;
    exponent = (buf.readUInt32BE(pos) ^ 0x7fffffff) | 0;
    pos += 4;
  } else if (header === 0x81 || header === 0xfe) {
    negative = false;
    exponent = (buf.readUInt32BE(pos) ^ 0x80000000) | 0;
    pos += 4;
  } else if (header >= 0x82) {
    negative = false;
    exponent = header - 0xc0;
  } else {
    negative = true;
    exponent = 0x3f - header;
  }
  let digits = '';
  let accum = 0;
  let bits = 0;
  for (;;) {
    if (pos >= buf.length) throw new Error('truncated numeric key');
    accum = ((accum << 8) | buf[pos++]!) & 0xffffff;
    bits += 8;
    if (bits < 10) continue;
    bits -= 10;
    const digit = (accum >> bits) & 0x3ff;
    const t = negative ? 1023 - digit : digit;
    if (t <= 2) {
      const real = t === 2 ? 3 : t === 0 ? 1 : 2;
      digits = digits.slice(0, digits.length - 3 + real);
      break;
    }
    const g = negative ? 1011 - digit : digit - 12;
    digits += String(g).padStart(3, '0');
  }
  const text = formatDecimal({ negative, mantissa: BigInt(digits || '0'), exponent: exponent - digits.length });
  return { text, end: pos };
}

export { bytesToBig };
